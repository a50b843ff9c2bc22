/**
 * What an attacker and a careless feed found at ingest, end to end through a real API server and
 * a real Elasticsearch, each a row in docs/reliability.md: markup built to survive a pass of
 * cleaning, written through the write API and read back; feeds that patterns and a UTF-8-only
 * decoder misread (comments, CDATA, prefixed Atom, windows-1256, UTF-16), imported by the real
 * command, one of them over HTTP with its charset in the Content-Type, and read back.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { articleId } from "../../src/articles/identity.js";
import { ensureIndex } from "../../src/es/indices.js";
import { projectRoot } from "../../src/project-root.js";
import { type RunningServer, startServer } from "../../src/server/main.js";
import { TEST_API_KEY, testConfig } from "../helpers/api.js";
import { removeTestIndices, testClient, uniqueAlias } from "../helpers/es.js";
import { record, short } from "./helpers/record.js";

const run = promisify(execFile);
const alias = uniqueAlias("hardening-ingest");
const client = testClient();
const feedsDir = join(projectRoot, "tests/fixtures/feeds");
/** The stored fields the cleaning stage writes. */
const CLEANED_FIELDS = ["title", "lead", "body", "source", "author", "category"] as const;
/** A `<` that a browser reads as the start of a tag, a comment or a declaration. */
const TAG_STARTS = /<[a-zA-Z/!?]/g;
let server: RunningServer;

beforeAll(async () => {
  await ensureIndex(client, alias);
  server = await startServer(inject("esUrls"), testConfig(alias, { PORT: "0" }), pino({ level: "silent" }));
}, 120_000);
afterAll(async () => {
  await server.close();
  await removeTestIndices(client, alias);
  await client.close();
});

type Stored = Record<string, unknown>;

async function storedArticle(id: string): Promise<Stored | undefined> {
  const response = await fetch(`${server.url}/api/articles/${encodeURIComponent(id)}`);
  return response.status === 200 ? ((await response.json()) as Stored) : undefined;
}

/** Markup nested so that removing one layer of tags builds the next: the two and their kin. */
const KNOWN_PAYLOADS = [
  "<scr<scr<b>ipt>ipt>alert(1)</scr</b>ipt>ipt>",
  "<<<img>img>img src=x onerror=alert(1)>",
  "&lt;&lt;&lt;img&gt;img&gt;img src=x onerror=alert(1)&gt;",
  "&lt;scr&lt;b&gt;ipt&gt;alert(1)&lt;/script&gt;",
  "<scr<!-- -->ipt>alert(1)</script>",
  "<![CDATA[<img src=x onerror=alert(1)>]]>",
  "<textarea><img src=x onerror=alert(1)></textarea>",
  "<svg><svg/onload=alert(1)>",
  `${"<".repeat(20)}${"img>".repeat(20)}img src=x onerror=alert(1)>`,
  "<a href=javascript:alert(1)>ا</a><<a>a href=x>",
  // Characters cleaning drops or composes, between a `<` and its letter.
  "<\u200Bscript>alert(1)</\u200Bscript>",
  "&lt;&#x200B;img src=x onerror=alert(1)&gt;",
  "<\u212Abd onclick=alert(1)>",
];
const PIECES = [
  "<",
  ">",
  "/",
  "!",
  "?",
  "scr",
  "ipt",
  "img",
  "<b>",
  "</b>",
  "&lt;",
  "&gt;",
  "&amp;",
  "<!--",
  "-->",
  "<![CDATA[",
  "]]>",
  " src=x onerror=alert(1)",
  "<svg/onload=alert(1)>",
  "<script>",
  "</script>",
  '"',
  "'",
  "\u200B",
  "\u212A",
];

/** Payloads composed of markup pieces, the same on every run. */
function generatedPayloads(count: number): string[] {
  let seed = 19;
  const random = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: 5 + random(30) }, () => PIECES[random(PIECES.length)]).join(""),
  );
}

describe("ingest hardening (issue 19)", () => {
  it("markup built to survive a pass of cleaning is stored without a tag (item 6)", async () => {
    const payloads = [...KNOWN_PAYLOADS, ...generatedPayloads(short ? 200 : 2_000)];
    // Arabic before the payload: a payload may hide all that follows it, as in a browser.
    const article = (payload: string, n: number) => ({
      id: `bypass-${n}`,
      title: `خبر رقم ${n} ${payload}`,
      lead: `مقدمة ${payload}`,
      body: `نص الخبر ${payload} انتهى`,
      source: `وكالة ${payload}`,
      author: `محرر ${payload}`,
      category: `محليات ${payload}`,
      published_at: "2024-06-01T10:00:00+03:00",
    });
    const headers = { authorization: `Bearer ${TEST_API_KEY}`, "content-type": "application/json" };
    // The known ones one at a time, the generated ones in bulk.
    let rejected = 0;
    for (const [n, payload] of KNOWN_PAYLOADS.entries()) {
      const response = await fetch(`${server.url}/api/articles`, {
        method: "POST",
        headers,
        body: JSON.stringify(article(payload, n)),
      });
      if (response.status !== 201) rejected++;
    }
    for (let from = KNOWN_PAYLOADS.length; from < payloads.length; from += 200) {
      const lines = payloads
        .slice(from, from + 200)
        .map((payload, i) => JSON.stringify(article(payload, from + i)));
      const response = await fetch(`${server.url}/api/articles/_bulk?refresh=true`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/x-ndjson" },
        body: lines.join("\n"),
      });
      const { results } = (await response.json()) as { results: Array<{ status: string }> };
      rejected += results.filter(
        (result) => result.status !== "created" && result.status !== "updated",
      ).length;
    }
    await client.indices.refresh({ index: alias });

    let fields = 0;
    let tags = 0;
    let missing = 0;
    const examples: string[] = [];
    for (let n = 0; n < payloads.length; n++) {
      const stored = await storedArticle(`bypass-${n}`);
      if (!stored) {
        missing++;
        continue;
      }
      for (const field of CLEANED_FIELDS) {
        const text = String(stored[field] ?? "");
        fields++;
        const found = text.match(TAG_STARTS)?.length ?? 0;
        tags += found;
        if (found && examples.length < 3) examples.push(`${field}: ${JSON.stringify(text)}`);
      }
    }
    record({
      scenario: "Hardening: markup that survives a pass of cleaning (write API)",
      done: `${payloads.length} articles, each with nested markup in all six text fields (the issue's two payloads, their kin, ${payloads.length - KNOWN_PAYLOADS.length} generated), POSTed to /api/articles and read back from /api/articles/{id} of a real server`,
      figures: {
        "text fields read back": fields,
        "tags stored": tags,
        "rejected or missing": rejected + missing,
      },
      target:
        "0 tags (no `<` followed by a letter, /, ! or ?) in any stored text field; every article stored",
      pass: tags === 0 && rejected + missing === 0,
    });
    expect(examples).toEqual([]);
    expect(rejected + missing).toBe(0);
  }, 300_000);

  it("feeds that patterns and a UTF-8-only decoder misread import whole (item 12)", async () => {
    // The windows-1256 feed once more, over HTTP, its encoding named only by the Content-Type.
    const windows1256 = readFileSync(join(feedsDir, "windows-1256.rss"));
    const undeclared = Buffer.from(
      windows1256
        .toString("latin1")
        .replace(/^<\?xml[^>]*>\s*/, "")
        .replaceAll("oasis.example", "oasis-http.example"),
      "latin1",
    );
    const feedServer = createServer((_request, response) =>
      response
        .writeHead(200, { "content-type": "application/rss+xml; charset=windows-1256" })
        .end(undeclared),
    );
    await new Promise<void>((resolve) => feedServer.listen(0, "127.0.0.1", resolve));
    const feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/feed.rss`;
    const inputs = ["commented-and-cdata.rss", "prefixed.atom", "windows-1256.rss", "utf-16le-bom.atom"].map(
      (name) => join(feedsDir, name),
    );
    const workDir = await mkdtemp(join(tmpdir(), "hardening-ingest-"));
    const env = { ...process.env, ES_URL: inject("esUrls").join(","), ES_INDEX_ALIAS: alias };
    // The importer's exit status says whether it rejected anything; the items say what.
    const exitStatus = await run(
      process.execPath,
      [
        "scripts/run-cli.mjs",
        "src/cli/index-command.ts",
        ...inputs,
        feedUrl,
        "--rejects",
        join(workDir, "rejects.ndjson"),
      ],
      { cwd: projectRoot, env },
    ).then(
      () => 0,
      (error: { code?: number }) => error.code ?? -1,
    );
    feedServer.close();
    await client.indices.refresh({ index: alias });

    // Each item's url, its title, and text from the end of its body (what a cut item loses).
    const expected: Array<[url: string, title: string, bodyEnd: string]> = [
      [
        "https://city.example/news/coding-course",
        "دورة لتعليم البرمجة للأطفال في مكتبة المدينة",
        "ثم يكتبون أول صفحة لهم على الشبكة.",
      ],
      [
        "https://city.example/news/farmers-market",
        "افتتاح سوق المزارعين الأسبوعي في الساحة القديمة",
        "وسط المدينة.",
      ],
      [
        "https://plateau.example/news/fast-train",
        "تدشين خط القطار السريع بين العاصمة والميناء",
        "إلى ساعة واحدة.",
      ],
      [
        "https://plateau.example/news/date-exports",
        "ارتفاع صادرات التمور في الربع الأول",
        "مقارنة بالعام الماضي.",
      ],
      ...["oasis.example", "oasis-http.example"].flatMap(
        (host): Array<[string, string, string]> => [
          [`https://${host}/news/book-fair`, "افتتاح معرض الكتاب السنوي في مدينة الواحة", "عشرة أيام."],
          [
            `https://${host}/news/valley-rain`,
            "أمطار غزيرة تعيد الحياة إلى وادي النخيل",
            "لأول مرة منذ سنوات.",
          ],
        ],
      ),
      [
        "https://coast.example/news/fishing-season",
        "انطلاق موسم الصيد في موانئ الساحل",
        "من الميناء الرئيسي فجر اليوم.",
      ],
      [
        "https://coast.example/news/heritage-festival",
        "مهرجان للتراث البحري يجذب آلاف الزوار",
        "للأغاني البحرية كل مساء.",
      ],
    ];
    const idOf = (url: string) => articleId({ url, source: "", title: "", published_at: "" });
    let lost = 0;
    let garbled = 0;
    const wrong: string[] = [];
    for (const [url, title, bodyEnd] of expected) {
      const stored = await storedArticle(idOf(url));
      if (!stored) {
        lost++;
        wrong.push(`lost: ${url}`);
      } else if (stored.title !== title || !String(stored.body).endsWith(bodyEnd)) {
        garbled++;
        wrong.push(`garbled: ${url}: ${JSON.stringify(stored.title)}`);
      }
    }
    const withdrawn = await storedArticle(idOf("https://city.example/news/withdrawn"));
    const commentedImported = withdrawn ? 1 : 0;
    record({
      scenario: "Hardening: feeds a pattern reader misread (comments, CDATA, prefixed Atom, encodings)",
      done: `5 feeds imported by the importer command: a commented-out item and CDATA holding \`</item>\`, prefixed Atom, windows-1256 (XML declaration; and over HTTP, Content-Type charset only), UTF-16 with a byte-order mark; ${expected.length} items read back from /api/articles/{id}`,
      figures: {
        "items expected": expected.length,
        lost,
        garbled,
        "commented-out items imported": commentedImported,
        "importer exit status": exitStatus,
      },
      target: "0 lost, 0 garbled, 0 commented-out items imported, nothing rejected (exit status 0)",
      pass: lost === 0 && garbled === 0 && commentedImported === 0 && exitStatus === 0,
    });
    expect(wrong).toEqual([]);
    expect(exitStatus).toBe(0);
    expect(commentedImported).toBe(0);
  }, 300_000);
});
