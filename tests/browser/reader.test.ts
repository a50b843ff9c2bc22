/**
 * The reader pages in a real browser: typing with suggestions, highlighted results, a facet,
 * paging, an article with its related coverage, the editor's view, keyboard-only use, a phone
 * viewport, and the pages without JavaScript. Screenshots go to test-results/screenshots/.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, screenshot, startStack, watchedPage } from "./stack.js";

let stack: Stack;
let page: Page;
let dialogs: string[];

beforeAll(async () => {
  stack = await startStack("web-reader");
  ({ page, dialogs } = await watchedPage(stack.browser));
});
afterAll(async () => {
  expect(dialogs).toEqual([]);
  await stack?.close();
});

/** The query a link on the page searches (its `q`), spaces kept. */
async function linkedQuery(selector: string): Promise<string | null> {
  const href = await page.locator(selector).getAttribute("href");
  return href === null ? null : new URL(href, stack.api).searchParams.get("q");
}

describe("search page", () => {
  it("suggests as the reader types and shows highlighted results after submitting", async () => {
    await page.goto(`${stack.api}/`);
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    await page.getByLabel("ابحث في الأخبار").fill("نشرة الملا");
    const options = page.getByRole("option");
    await options.first().waitFor();
    expect(await options.count()).toBeGreaterThan(0);
    expect(await options.first().locator("mark").count()).toBeGreaterThan(0);
    await page.getByLabel("ابحث في الأخبار").fill("الملاحة");
    await page.getByRole("button", { name: "بحث" }).click();
    await page.waitForURL(/q=/);
    const hits = page.locator("ol.hits > li");
    expect(await hits.count()).toBe(10);
    expect(await page.locator("ol.hits mark").first().textContent()).toContain("الملاحة");
    expect(await page.locator(".result-count").textContent()).toMatch(/نتيجة|نتائج/);
    await screenshot(page, "search-results");
  });

  it("narrows by a source facet and pages through results", async () => {
    await page.locator(".facet a", { hasText: "صحيفة الموانئ" }).click();
    await page.waitForURL(/source=/);
    const sources = await page.locator("ol.hits .source").allTextContents();
    expect(new Set(sources)).toEqual(new Set(["صحيفة الموانئ"]));
    expect(await page.locator('.facet a[aria-current="true"]').textContent()).toContain("صحيفة الموانئ");
    // Back to all sources, then page 2 of 3.
    await page.locator(".clear", { hasText: "إزالة كل المرشحات" }).click();
    await page.getByRole("link", { name: "التالية" }).click();
    await page.waitForURL(/page=2/);
    expect(await page.locator('.pager [aria-current="page"]').textContent()).toBe("٢");
    expect(await page.locator("ol.hits > li").count()).toBeGreaterThan(0);
  });

  it("asks for suggestions holding the last word whole once the reader types a space after it", async () => {
    await page.goto(`${stack.api}/`);
    const box = page.getByLabel("ابحث في الأخبار");
    for (const typed of ["نشرة الملا", "نشرة الملاحة "]) {
      const asked = page.waitForRequest((request) => new URL(request.url()).pathname === "/api/suggest");
      await box.fill(typed);
      expect(new URL((await asked).url()).searchParams.get("q"), typed).toBe(typed);
    }
  });

  it("collapses copies of one story and says how many outlets ran it", async () => {
    await page.goto(`${stack.api}/?q=${encodeURIComponent("قمر صناعي لرصد المناخ")}`);
    expect(await page.locator(".copies").first().textContent()).toBe("٣ مصادر");
  });

  it("finds what the reader is still typing, and a misspelt word, with did-you-mean", async () => {
    await page.goto(`${stack.api}/?q=${encodeURIComponent("نشرة الملا")}`);
    expect(await page.locator("ol.hits > li").count()).toBeGreaterThan(0);
    expect(await page.locator("ol.hits > li .title").first().textContent()).toContain("نشرة الملاحة");
    await page.goto(`${stack.api}/?q=${encodeURIComponent("نشرة الملاحهة")}`);
    expect(await linkedQuery(".did-you-mean a")).toBe("نشرة الملاحة");
    // Typed to its end, a space after it: the correction's link is finished too.
    for (const finished of ["نشرة الملاحهة ", "نشرة الملاحهة؟"]) {
      await page.goto(`${stack.api}/?q=${encodeURIComponent(finished)}`);
      expect(await linkedQuery(".did-you-mean a"), finished).toBe("نشرة الملاحة ");
    }
    await page.goto(`${stack.api}/?q=${encodeURIComponent("نشرة الملاحهة")}`);
    expect(await page.locator("ol.hits > li").count()).toBeGreaterThan(0);
    // Spelt as the articles spell it, not in the index's normal form (الملاحه).
    expect(await page.locator(".did-you-mean").textContent()).toContain("نشرة الملاحة");
    await page.goto(`${stack.api}/?q=${encodeURIComponent("نشرة الملاحة")}`);
    expect(await page.locator(".did-you-mean").count()).toBe(0);
  });

  it("offers did-you-mean and a helpful empty state", async () => {
    await page.goto(`${stack.api}/?q=${encodeURIComponent("الملاحهة")}`);
    const empty = page.locator(".empty");
    if (await empty.count()) expect(await empty.textContent()).toContain("لا توجد نتائج");
    await page.goto(`${stack.api}/?q=${encodeURIComponent("كلمةغيرموجودةإطلاقا")}`);
    expect(await page.locator(".empty h2").textContent()).toContain("لا توجد نتائج");
    await screenshot(page, "search-empty");
  });

  it("searches a word no article holds as its correction, and says so", async () => {
    await page.goto(`${stack.api}/?q=${encodeURIComponent("الملاحهة")}`);
    expect(await page.locator(".corrected").textContent()).toContain("لم ترد «الملاحهة» في أي خبر");
    expect(await page.locator(".corrected a").textContent()).toBe("الملاحة");
    // The link searches the correction whole, as the page did: not as the start of a longer word.
    expect(await linkedQuery(".corrected a")).toBe("الملاحة ");
    expect(await page.locator(".did-you-mean:not(.corrected)").count()).toBe(0);
    expect(await page.locator("ol.hits > li").count()).toBe(10);
    expect(await page.locator("ol.hits mark").first().textContent()).toBe("الملاحة");
  });

  it("searches the words of a quoted phrase no article holds, and says so", async () => {
    await page.goto(`${stack.api}/?q=${encodeURIComponent('"المناخ لرصد قمر"')}`);
    expect(await page.locator(".unquoted").textContent()).toContain("المناخ لرصد قمر");
    // The quote closed the query: its last word was searched whole, and the link says so.
    expect(await linkedQuery(".unquoted a")).toBe("المناخ لرصد قمر ");
    expect(await page.locator("ol.hits > li").count()).toBeGreaterThan(0);
  });

  it("says once that a quoted word no article holds was searched as its correction", async () => {
    await page.goto(`${stack.api}/?q=${encodeURIComponent('"الملاحهة"')}`);
    expect(await page.locator(".corrected").textContent()).toContain("في أي خبر");
    expect(await linkedQuery(".corrected a")).toBe("الملاحة ");
    expect(await page.locator(".did-you-mean:not(.corrected)").count()).toBe(0);
    expect(await page.locator("ol.hits mark").first().textContent()).toBe("الملاحة");
  });

  it("reads a query typed on the Latin layout as the Arabic its keys type, and says so", async () => {
    await page.goto(`${stack.api}/?q=${encodeURIComponent("kavm hglbpm")}`);
    expect(await page.locator(".arabic-keys a").textContent()).toBe("نشرة الملاحة");
    expect(await page.locator("ol.hits > li .title").first().textContent()).toContain("نشرة الملاحة");
  });

  it("reads a name typed in Latin letters as the articles write it, and says so", async () => {
    await page.goto(`${stack.api}/?q=${encodeURIComponent("ibn khaldoun")}`);
    expect(await page.locator(".arabic-name a").textContent()).toBe("ابن خلدون");
    expect(await page.locator("ol.hits > li .title").first().textContent()).toContain("ابن خلدون");
  });

  it("works with the keyboard alone", async () => {
    await page.goto(`${stack.api}/`);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("انتقل إلى المحتوى");
    await page.keyboard.press("Enter");
    // From the skip link to the search box without the mouse.
    for (let i = 0; i < 3 && (await page.evaluate(() => document.activeElement?.id)) !== "q"; i++)
      await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("q");
    await page.keyboard.type("نشرة الملا");
    await page.getByRole("option").first().waitFor();
    await page.keyboard.press("ArrowDown");
    expect(await page.getAttribute("#q", "aria-activedescendant")).toBe("q-option-0");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/articles\//);
    expect(await page.locator("h1").textContent()).toContain("نشرة الملاحة");
  });

  it("searches without JavaScript (a plain GET form)", async () => {
    const context = await stack.browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(`${stack.api}/`);
    await plain.getByLabel("ابحث في الأخبار").fill("الملاحة");
    await plain.getByLabel("ابحث في الأخبار").press("Enter");
    await plain.waitForURL(/q=/);
    expect(await plain.locator("ol.hits > li").count()).toBe(10);
    await context.close();
  });
});

describe("article and editor pages", () => {
  it("shows an article with its related coverage", async () => {
    await page.goto(`${stack.api}/articles/rk-copy-a`);
    expect(await page.locator("h1").textContent()).toContain("قمر صناعي");
    expect(await page.locator("#related-heading").textContent()).toBe("مقالات مشابهة");
    const related = await page.locator(".related ol.hits a").allTextContents();
    expect(related.some((title) => title.includes("القمر الصناعي"))).toBe(true);
    await screenshot(page, "article");
  });

  it("finds earlier coverage of a pasted draft, filtered by source", async () => {
    await page.goto(`${stack.api}/editor`);
    await page.getByLabel("العنوان").fill("القمر الصناعي العربي لرصد المناخ");
    await page.getByLabel("نص المسودة").fill("أطلقت وكالة الفضاء العربية قمراً صناعياً لرصد التغيرات المناخية");
    await page.getByRole("button", { name: "ابحث عن تغطية سابقة" }).click();
    await page.waitForURL(/\/editor$/);
    const links = page.locator(".related ol.hits a");
    expect(await links.count()).toBeGreaterThan(0);
    expect(await links.first().getAttribute("href")).toMatch(/^\/articles\//);
    expect(await page.getByLabel("العنوان").inputValue()).toBe("القمر الصناعي العربي لرصد المناخ");
    await screenshot(page, "editor");
  });

  it("reads well on a phone", async () => {
    const phone = await stack.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await phone.goto(`${stack.api}/?q=${encodeURIComponent("الملاحة")}`);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // The date range on one line: each label beside its input.
    const top = (selector: string) =>
      phone.locator(selector).evaluate((node) => Math.round(node.getBoundingClientRect().top));
    const row = await top("#from");
    for (const selector of ['label[for="from"]', 'label[for="to"]', "#to"])
      expect(Math.abs((await top(selector)) - row), selector).toBeLessThanOrEqual(12);
    await screenshot(phone, "search-phone");
    // The filters: a button near the top of the results opens them over the page, and back.
    expect(await phone.locator("aside.facets").isVisible()).toBe(false);
    await phone.getByRole("link", { name: "التصفية" }).click();
    const drawer = phone.locator("aside.facets");
    await drawer.waitFor({ state: "visible" });
    expect(await drawer.evaluate((node) => node.getBoundingClientRect().top)).toBe(0);
    await screenshot(phone, "search-phone-filters");
    await phone.getByRole("link", { name: "عودة إلى النتائج" }).click();
    await drawer.waitFor({ state: "hidden" });
    await phone.close();
  });
});
