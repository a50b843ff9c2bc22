/**
 * The browser tests' world: the real app on a free port over its own alias (fixtures plus one
 * hostile article written straight into Elasticsearch, as if the importer's cleaning had been
 * bypassed), a second origin serving a publisher's page that embeds the widgets, and Debian's
 * Chromium driven by playwright-core.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { inject } from "vitest";
import { startServer } from "../../src/server/main.js";
import { loadFixtures, testApp, testConfig } from "../helpers/api.js";
import { removeTestIndices, uniqueAlias } from "../helpers/es.js";

export const HOSTILE = {
  title: `<script>alert('title')</script>تسريب <img src=x onerror=alert(1)> خطير عن الملاحة`,
  body: `نص <script>alert(2)</script> عن الملاحة <img src=x onerror="alert(3)"> و<svg onload=alert(4)> ختام`,
  source: `<img src=x onerror=alert(5)>مصدر خبيث`,
  category: `<b onmouseover=alert(6)>منوعات</b>`,
};

/** 24 shipping bulletins over three sources, two categories and four months: paging and facets. */
async function shippingFixture(alias: string): Promise<string> {
  const sources = ["وكالة الملاحة", "صحيفة الموانئ", "إذاعة البحر"];
  const lines = Array.from({ length: 24 }, (_, i) =>
    JSON.stringify({
      id: `ship-${String(i).padStart(2, "0")}`,
      title: `نشرة الملاحة رقم ${i + 1} في ميناء ${["الإسكندرية", "جدة", "طنجة", "العقبة"][i % 4]}`,
      body: `الملاحة في الميناء ${i} سفينة ${i * 3} حاوية ${i * 7} تقرير الرصيف ${i} شحنة قمح ${i * 11} أسمدة ${i * 13}`,
      source: sources[i % 3],
      published_at: new Date(Date.UTC(2025, i % 4, 1 + i)).toISOString(),
      category: i % 2 ? "اقتصاد" : "ملاحة",
    }),
  );
  const path = join(tmpdir(), `ships-${alias}.jsonl`);
  await writeFile(path, `${lines.join("\n")}\n`);
  return path;
}

export interface Stack {
  api: string;
  publisher: string;
  browser: Browser;
  alias: string;
  close: () => Promise<void>;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve(`http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`);
    }),
  );
}

/** `extraFixtures`: more fixture files (names under tests/fixtures) a test file's pages need. */
export async function startStack(label: string, extraFixtures: string[] = []): Promise<Stack> {
  const alias = uniqueAlias(label);
  const { client } = testApp(alias);
  const fixtures = join(import.meta.dirname, "..", "fixtures");
  await loadFixtures(client, alias, [
    join(fixtures, "ranking.jsonl"),
    await shippingFixture(alias),
    ...extraFixtures.map((name) => join(fixtures, name)),
  ]);
  await client.update({ index: alias, id: "rk-xss", doc: HOSTILE, refresh: true });

  // The publisher: another origin whose page embeds both widgets, pointed at the API.
  let apiBase = "";
  const publisherServer = createServer((request, response) => {
    // /down points the widgets at a port nothing listens on: the API is "down".
    const api = request.url?.startsWith("/down") ? "http://127.0.0.1:9" : apiBase;
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Publisher</title>
<style>* { color: rgb(255, 0, 0) !important; font-family: monospace; } ol, li, a { border: 5px solid lime; }</style>
<script src="${apiBase}/widget.js" defer></script></head>
<body><h1>Publisher article</h1><ol id="own"><li>publisher list</li></ol>
<arabic-news-search api="${api}" size="5" lang="ar"></arabic-news-search>
<arabic-news-related api="${api}" article-id="rk-copy-a" size="4" lang="ar"></arabic-news-related>
<arabic-news-related id="by-url" api="${api}" article-url="https://space.example/news/satellite-first-images" size="4"></arabic-news-related>
</body></html>`);
  });
  const publisher = await listen(publisherServer);
  const server = await startServer(
    inject("esUrls"),
    testConfig(alias, { PORT: "0", CORS_ORIGINS: publisher }),
  );
  apiBase = server.url;
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  return {
    api: server.url,
    publisher,
    browser,
    alias,
    close: async () => {
      await browser.close();
      await server.close();
      publisherServer.close();
      await removeTestIndices(client, alias);
      await client.close();
    },
  };
}

/** A fresh page that records any dialog (an alert from injected script would be one). */
export async function watchedPage(
  browser: Browser,
  width = 1280,
): Promise<{ page: Page; dialogs: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, locale: "ar" });
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { page, dialogs };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = join(import.meta.dirname, "..", "..", "test-results", "screenshots");
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
