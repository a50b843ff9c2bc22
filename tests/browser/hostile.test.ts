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

declare global {
  interface Window {
    /** Images whose load or error event has been dispatched. */
    settledImages: WeakSet<HTMLImageElement>;
  }
}

/**
 * Runs in the page before its own scripts: notes each image as its load or error event is
 * dispatched, in the document and in every shadow root (those events stay inside one). A capture
 * listener runs first in the same dispatch, so once the page has moved on, the image's own
 * onerror has run.
 */
function noteSettledImages(): void {
  window.settledImages = new WeakSet();
  const note = (event: Event) => {
    if (event.target instanceof HTMLImageElement) window.settledImages.add(event.target);
  };
  const listen = (root: Document | ShadowRoot) => {
    root.addEventListener("load", note, true);
    root.addEventListener("error", note, true);
  };
  listen(document);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    listen(root);
    return root;
  };
}

beforeAll(async () => {
  stack = await startStack("web-hostile");
  ({ page, dialogs } = await watchedPage(stack.browser));
  await page.addInitScript(noteSettledImages);
});
afterAll(async () => {
  await stack?.close();
});

/**
 * Elements the hostile strings would create if any of them were parsed as HTML, counted once the
 * page has loaded and every image with a source has loaded or failed: by then any onerror has run.
 */
async function injected(target: Page): Promise<number> {
  await target.waitForLoadState("load");
  const settled = await target.waitForFunction(() => {
    const roots: Array<Document | ShadowRoot> = [document];
    for (const host of document.querySelectorAll("arabic-news-search, arabic-news-related"))
      if (host.shadowRoot) roots.push(host.shadowRoot);
    const images = roots.flatMap((root) => [...root.querySelectorAll<HTMLImageElement>("img[src]")]);
    if (!images.every((image) => window.settledImages.has(image))) return false;
    const selector = "img, svg, [onerror], [onload], [onmouseover], main script, li script, b";
    return { count: roots.reduce((count, root) => count + root.querySelectorAll(selector).length, 0) };
  });
  const { count } = (await settled.jsonValue()) as { count: number };
  return count;
}

async function expectInert(target: Page, visibleText?: string): Promise<void> {
  const count = await injected(target);
  expect(dialogs).toEqual([]);
  expect(count).toBe(0);
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
