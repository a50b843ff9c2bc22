/**
 * An article whose title, body, source and category carry <script> and event-handler markup,
 * written straight into Elasticsearch (past the importer's cleaning), renders as inert text
 * everywhere a reader can meet it: results, facets, suggestions, the article page, related
 * lists, the editor view and both widgets. No dialog may open and no injected element exist.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTILE, type Stack, screenshot, startStack, watchedPage } from "./stack.js";

let stack: Stack;
let page: Page;
let dialogs: string[];

beforeAll(async () => {
  stack = await startStack("web-hostile");
  ({ page, dialogs } = await watchedPage(stack.browser));
});
afterAll(async () => {
  await stack?.close();
});

/** Elements the hostile strings would create if any of them were parsed as HTML. */
async function injected(target: Page): Promise<number> {
  return target.evaluate(() => {
    const roots: Array<Document | ShadowRoot> = [document];
    for (const host of document.querySelectorAll("arabic-news-search, arabic-news-related"))
      if (host.shadowRoot) roots.push(host.shadowRoot);
    const selector = "img, svg, [onerror], [onload], [onmouseover], main script, li script, b";
    return roots.reduce((count, root) => count + root.querySelectorAll(selector).length, 0);
  });
}

async function expectInert(target: Page, visibleText?: string): Promise<void> {
  await target.waitForTimeout(200); // an onerror fires on the next tick: give it the chance
  expect(dialogs).toEqual([]);
  expect(await injected(target)).toBe(0);
  // Shadow-root text is not in the body's text: the widget case checks its own.
  if (visibleText) expect(await target.locator("body").textContent()).toContain(visibleText);
}

describe("a hostile article", () => {
  it("is inert in search results, facets and suggestions", async () => {
    await page.goto(`${stack.api}/?q=${encodeURIComponent("تسريب الملاحة")}`);
    expect(await page.locator("ol.hits a", { hasText: "تسريب" }).count()).toBe(1);
    await expectInert(page, "<script>alert('title')</script>");
    await expectInert(page, "onerror=alert(5)");
    await page.getByLabel("ابحث في الأخبار").fill("تسري");
    await page.getByRole("option").first().waitFor();
    // Decoded for display (the highlighter's &#x27; shows as '), yet still only text.
    expect(await page.getByRole("option").first().textContent()).toContain("<script>alert('title')</script>");
    await expectInert(page, "onerror=alert(1)");
    await screenshot(page, "hostile-search");
  });

  it("is inert on its own page and in others' related lists", async () => {
    await page.goto(`${stack.api}/articles/rk-xss`);
    expect(await page.locator("h1").textContent()).toBe(HOSTILE.title);
    await expectInert(page, "<svg onload=alert(4)>");
    await page.goto(`${stack.api}/articles/ship-00`);
    await expectInert(page, "مقالات مشابهة");
  });

  it("is inert in the editor view", async () => {
    await page.goto(`${stack.api}/editor`);
    await page.getByLabel("العنوان").fill(`تسريب خطير ${HOSTILE.title}`);
    await page.getByLabel("نص المسودة").fill(HOSTILE.body);
    await page.getByRole("button", { name: "ابحث عن تغطية سابقة" }).click();
    await page.locator(".related").waitFor();
    expect(await page.getByLabel("نص المسودة").inputValue()).toBe(HOSTILE.body);
    await expectInert(page, "onerror=alert(5)");
  });

  it("is inert in both widgets on a publisher's page", async () => {
    await page.goto(`${stack.publisher}/`);
    const widget = page.locator("arabic-news-search");
    await widget.getByLabel("ابحث في الأخبار").fill("تسريب");
    await widget.getByRole("option").first().waitFor();
    await widget.getByLabel("ابحث في الأخبار").press("Enter");
    await widget.locator("li.hit", { hasText: "تسريب" }).waitFor();
    expect(await widget.locator("li.hit", { hasText: "تسريب" }).textContent()).toContain("<img src=x");
    await expectInert(page);
    await screenshot(page, "hostile-widget");
  });
});
