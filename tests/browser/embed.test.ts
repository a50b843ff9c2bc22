/**
 * The embeddable widgets on a publisher's page from another origin: the search box with
 * suggestions and results, the related-articles block, CORS from the allowlist, style isolation
 * both ways, and a plain link to the search page when the API cannot be reached.
 */
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startServer } from "../../src/server/main.js";
import { startEmbedDemo } from "../../src/web/embed-demo.js";
import { testConfig } from "../helpers/api.js";
import { type Stack, screenshot, startStack, watchedPage } from "./stack.js";

let stack: Stack;
let page: Page;
let dialogs: string[];

beforeAll(async () => {
  stack = await startStack("web-embed");
  ({ page, dialogs } = await watchedPage(stack.browser, 900));
});
afterAll(async () => {
  expect(dialogs).toEqual([]);
  await stack?.close();
});

const color = (locator: Locator) => locator.evaluate((node) => getComputedStyle(node).color);

declare global {
  interface Window {
    /** JSON answers from one path that the page's scripts have finished reading. */
    answersRead: { count: number };
  }
}

/**
 * Counts, in the page, the JSON answers from `path` its scripts have read; the returned function
 * waits for the count to reach a number. The count goes up in a task queued once an answer is
 * parsed, so after the promise callbacks that handle it: the widget has dealt with that answer.
 */
async function countAnswers(target: Page, path: string): Promise<(count: number) => Promise<void>> {
  await target.evaluate((path) => {
    const json = Response.prototype.json;
    window.answersRead = { count: 0 };
    Response.prototype.json = async function () {
      const value = await json.call(this);
      if (new URL(this.url).pathname === path) setTimeout(() => window.answersRead.count++);
      return value;
    };
  }, path);
  return async (count) => {
    await target.waitForFunction((count) => window.answersRead.count >= count, count);
  };
}

/** A gate a route handler waits at, and the function that opens it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** Types a query into the search widget, submits it and waits until its answer is shown. */
async function submit(widget: Locator, query: string): Promise<void> {
  const box = widget.getByLabel("ابحث في الأخبار");
  await box.fill(query);
  await box.press("Enter");
  await widget.locator('[aria-live][aria-busy="false"]').waitFor();
}

describe("widgets on another origin", () => {
  it("the API allows the publisher's origin and no other", async () => {
    const allowed = await fetch(`${stack.api}/api/suggest?q=abc`, { headers: { Origin: stack.publisher } });
    expect(allowed.headers.get("access-control-allow-origin")).toBe(stack.publisher);
    const other = await fetch(`${stack.api}/api/suggest?q=abc`, {
      headers: { Origin: "https://evil.example" },
    });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("renders the related block like the article page's", async () => {
    await page.goto(`${stack.publisher}/`);
    const related = page.locator("arabic-news-related").first();
    await related.locator("li.hit").first().waitFor();
    expect(await related.locator("h2").textContent()).toBe("مقالات مشابهة");
    const links = related.locator("li.hit a");
    expect(await links.count()).toBeGreaterThan(0);
    expect(await links.first().getAttribute("href")).toMatch(new RegExp(`^${stack.api}/articles/`));
    expect(await related.locator("div.w").getAttribute("dir")).toBe("rtl");
  });

  it("finds the article by its URL when the page gives no id", async () => {
    const byUrl = page.locator("arabic-news-related#by-url");
    await byUrl.locator("li.hit").first().waitFor();
    const titles = await byUrl.locator("li.hit a").allTextContents();
    expect(titles.join(" ")).toMatch(/قمر|الفضاء/);
  });

  it("searches with suggestions and highlighted results inside its shadow root", async () => {
    const widget = page.locator("arabic-news-search");
    const box = widget.getByLabel("ابحث في الأخبار");
    await box.fill("نشرة الملا");
    await widget.getByRole("option").first().waitFor();
    await submit(widget, "الملاحة");
    expect(await widget.locator("li.hit").count()).toBe(5);
    expect(await widget.locator("li.hit mark").first().textContent()).toBe("الملاحة");
    // Light DOM untouched: the results live only in the shadow root.
    expect(await page.evaluate(() => document.querySelectorAll("li.hit, mark").length)).toBe(0);
    await screenshot(page, "widget-publisher");
  });

  it("counts in Arabic, shows a snippet per result and links to all results", async () => {
    const widget = page.locator("arabic-news-search");
    await submit(widget, "الملاحة");
    // 25 shipping reports: Arabic-Indic digits, and the singular that Arabic uses from eleven on.
    expect(await widget.locator("[aria-live] > p").first().textContent()).toBe("٢٥ نتيجة");
    expect(await widget.locator("li.hit p.snippet").count()).toBe(5);
    expect(await widget.locator("li.hit p.snippet mark").first().textContent()).toBe("الملاحة");
    expect(await widget.locator("a.all").getAttribute("href")).toBe(
      `${stack.api}/?q=${encodeURIComponent("الملاحة")}`,
    );
  });

  it("opens the article a chosen suggestion names", async () => {
    const own = await stack.browser.newPage();
    await own.goto(`${stack.publisher}/`);
    const widget = own.locator("arabic-news-search");
    await widget.getByLabel("ابحث في الأخبار").fill("نشرة الملا");
    await widget.getByRole("option").first().waitFor();
    await widget.getByLabel("ابحث في الأخبار").press("ArrowDown");
    await widget.getByLabel("ابحث في الأخبار").press("Enter");
    await own.waitForURL(new RegExp(`^${stack.api}/articles/`));
    expect(await own.locator("h1").first().textContent()).toContain("نشرة الملاحة");
    await own.close();
  });

  it("follows the host page's language when it has none of its own", async () => {
    // The publisher's page is lang="en"; this related block sets no lang.
    const byUrl = page.locator("arabic-news-related#by-url");
    await byUrl.locator("li.hit").first().waitFor();
    expect(await byUrl.locator("div.w").getAttribute("dir")).toBe("ltr");
    expect(await byUrl.locator("h2").textContent()).toBe("Related articles");
    // Arabic titles still lay themselves out right to left.
    expect(await byUrl.locator("li.hit a").first().getAttribute("dir")).toBe("auto");
  });

  it("finds an unfinished last word and a misspelt one", async () => {
    const widget = page.locator("arabic-news-search");
    for (const query of ["نشرة الملا", "نشرة الملاحهة"]) {
      await submit(widget, query);
      expect(await widget.locator("li.hit a").first().textContent()).toContain("نشرة الملاحة");
    }
  });

  it("asks for the last word whole when the reader typed a space after it, as the page does", async () => {
    const widget = page.locator("arabic-news-search");
    for (const query of ["الملاحة ", "نشرة الملا"]) {
      const asked = page.waitForRequest((request) => new URL(request.url()).pathname === "/api/search");
      await submit(widget, query);
      expect(new URL((await asked).url()).searchParams.get("q")).toBe(query);
    }
    // The suggestions are asked for it whole too, so they offer what Enter finds.
    const suggestAsked = page.waitForRequest((request) => new URL(request.url()).pathname === "/api/suggest");
    await widget.getByLabel("ابحث في الأخبار").fill("الملاحة ");
    expect(new URL((await suggestAsked).url()).searchParams.get("q")).toBe("الملاحة ");
  });

  it("offers did-you-mean as a click, and says when the results are for a quoted phrase's words", async () => {
    const widget = page.locator("arabic-news-search");
    await submit(widget, "نشرة الملاحهة");
    const corrected = widget.locator("p.did-you-mean button");
    // Spelt as the articles spell it, not in the index's normal form.
    expect(await corrected.textContent()).toBe("نشرة الملاحة");
    await corrected.click();
    await widget.locator('[aria-live][aria-busy="false"]').waitFor();
    expect(await widget.getByLabel("ابحث في الأخبار").inputValue()).toBe("نشرة الملاحة");
    expect(await widget.locator("p.did-you-mean").count()).toBe(0);
    expect(await widget.locator("li.hit a").first().textContent()).toContain("نشرة الملاحة");
    // Typed to its end, a space or punctuation after it: the correction clicked is finished too.
    for (const finished of ["نشرة الملاحهة ", "نشرة الملاحهة؟"]) {
      await submit(widget, finished);
      await widget.locator("p.did-you-mean button").click();
      await widget.locator('[aria-live][aria-busy="false"]').waitFor();
      expect(await widget.getByLabel("ابحث في الأخبار").inputValue(), finished).toBe("نشرة الملاحة ");
    }
    await submit(widget, '"المناخ لرصد قمر"');
    expect(await widget.locator("p.unquoted").textContent()).toContain("«المناخ لرصد قمر»");
    expect(await widget.locator("li.hit").count()).toBeGreaterThan(0);
  });

  it("says when the results are for the correction of a word no article holds", async () => {
    const widget = page.locator("arabic-news-search");
    await submit(widget, "الملاحهة");
    expect(await widget.locator("p.corrected").textContent()).toBe(
      "لم ترد «الملاحهة» في أي خبر؛ هذه نتائج «الملاحة»",
    );
    expect(await widget.locator("p.did-you-mean").count()).toBe(0);
    expect(await widget.locator("li.hit a").first().textContent()).toContain("الملاحة");
  });

  it("reads a query typed on the Latin layout as the Arabic its keys type", async () => {
    const widget = page.locator("arabic-news-search");
    await submit(widget, "kavm hglghpm");
    expect(await widget.locator("p.arabic-keys").textContent()).toContain("«نشرة الملاحة»");
    expect(await widget.locator("li.hit a").first().textContent()).toContain("نشرة الملاحة");
  });

  it("reads a name typed in Latin letters as the articles write it", async () => {
    const widget = page.locator("arabic-news-search");
    await submit(widget, "ibn khaldoun");
    expect(await widget.locator("p.arabic-name").textContent()).toContain("«ابن خلدون»");
    expect(await widget.locator("li.hit a").first().textContent()).toContain("ابن خلدون");
  });

  it("shows the newest search's answer when an older one comes back later", async () => {
    const widget = page.locator("arabic-news-search");
    const slow = "قمر صناعي";
    const searchesRead = await countAnswers(page, "/api/search");
    // Only the network is held: the older search's real answer arrives after the newer one's.
    const older = gate();
    const isSlow = (url: URL) => url.pathname === "/api/search" && url.searchParams.get("q") === slow;
    await page.route(isSlow, async (route) => {
      await older.opened;
      await route.continue();
    });
    const box = widget.getByLabel("ابحث في الأخبار");
    await box.fill(slow);
    await box.press("Enter");
    // While the answer is on its way, the reader is told so.
    expect(await widget.locator("p.loading").textContent()).toBe("جارٍ البحث…");
    await submit(widget, "الملاحة");
    older.open();
    await searchesRead(2);
    expect(await widget.locator("li.hit a").first().textContent()).toContain("نشرة الملاحة");
    expect(await widget.locator("[aria-live]").getAttribute("aria-busy")).toBe("false");
    await page.unroute(isSlow);
  });

  it("does not reopen the suggestions over the results when they come back late", async () => {
    const own = await stack.browser.newPage();
    await own.goto(`${stack.publisher}/`);
    const widget = own.locator("arabic-news-search");
    const suggestionsRead = await countAnswers(own, "/api/suggest");
    const suggestions = gate();
    await own.route(
      (url) => url.pathname === "/api/suggest",
      async (route) => {
        await suggestions.opened;
        await route.continue();
      },
    );
    // Typed, then Enter once the suggestions are asked for, while their answer is held back.
    const asked = own.waitForRequest((request) => new URL(request.url()).pathname === "/api/suggest");
    const box = widget.getByLabel("ابحث في الأخبار");
    await box.fill("الملاحة");
    await asked;
    await box.press("Enter");
    await widget.locator('[aria-live][aria-busy="false"]').waitFor();
    suggestions.open();
    await suggestionsRead(1);
    expect(await widget.getByRole("listbox").isVisible()).toBe(false);
    expect(await widget.locator("li.hit").count()).toBe(5);
    await own.close();
  });

  it("keeps styles from leaking either way", async () => {
    const widgetLink = page.locator("arabic-news-search li.hit a").first();
    expect(await color(widgetLink)).not.toBe("rgb(255, 0, 0)");
    expect(await widgetLink.evaluate((node) => getComputedStyle(node).borderTopWidth)).toBe("0px");
    const own = page.locator("#own li");
    expect(await color(own)).toBe("rgb(255, 0, 0)");
    expect(await own.evaluate((node) => getComputedStyle(node).borderTopWidth)).toBe("5px");
  });

  it("takes its colours from CSS custom properties", async () => {
    await page.evaluate(() =>
      document.querySelector("arabic-news-search")?.setAttribute("style", "--ans-accent: rgb(0, 128, 0)"),
    );
    const button = page.locator("arabic-news-search").getByRole("button", { name: "بحث" });
    expect(await button.evaluate((node) => getComputedStyle(node).backgroundColor)).toBe("rgb(0, 128, 0)");
  });

  it("falls back to a plain link to the search page when the API is down", async () => {
    const down = await stack.browser.newPage();
    const warnings: string[] = [];
    down.on("console", (message) => {
      if (message.type() === "warning") warnings.push(message.text());
    });
    // The script still comes from the app; only the API the widgets call is unreachable.
    await down.goto(`${stack.publisher}/down`);
    const related = down.locator("arabic-news-related a.fallback").first();
    await related.waitFor();
    expect(await related.getAttribute("href")).toBe("http://127.0.0.1:9/");
    const widget = down.locator("arabic-news-search");
    await widget.getByLabel("ابحث في الأخبار").fill("الملاحة");
    await widget.getByLabel("ابحث في الأخبار").press("Enter");
    const link = widget.locator("a.fallback");
    await link.waitFor();
    expect(await link.getAttribute("href")).toBe(`http://127.0.0.1:9/?q=${encodeURIComponent("الملاحة")}`);
    // The publisher learns from the console what to check: the API, or its CORS_ORIGINS.
    expect(warnings.some((text) => text.includes("CORS_ORIGINS") && text.includes("127.0.0.1:9"))).toBe(true);
    await down.close();
  });
});

describe("the demo page npm start serves on another origin", () => {
  it("shows both widgets working against an API with the default CORS settings", async () => {
    // The API as npm start runs it: no CORS_ORIGINS, so any site may read.
    const api = await startServer(inject("esUrls"), testConfig(stack.alias, { PORT: "0", CORS_ORIGINS: "" }));
    const demo = await startEmbedDemo({ api: api.url, articleId: "rk-copy-a", host: "127.0.0.1", port: 0 });
    const { page: own } = await watchedPage(stack.browser);
    try {
      await own.goto(`${demo.url}/`);
      await own.locator("arabic-news-related li.hit").first().waitFor();
      await submit(own.locator("arabic-news-search"), "الملاحة");
      expect(await own.locator("arabic-news-search li.hit").count()).toBe(5);
      await screenshot(own, "embed-demo");
    } finally {
      await own.close();
      await demo.close();
      await api.close();
    }
  });
});
