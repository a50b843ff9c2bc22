/**
 * Stories in a real browser: a collapsed story's «N sources» link leads to its page, which lists
 * every outlet's version oldest first and the event's timeline; the counts on the search page
 * agree with a filter; the article page shows "تطور القصة"; the widget links a story too.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, screenshot, startStack, watchedPage } from "./stack.js";

let stack: Stack;
let page: Page;
let dialogs: string[];

beforeAll(async () => {
  stack = await startStack("web-stories", ["stories.jsonl"]);
  ({ page, dialogs } = await watchedPage(stack.browser));
});
afterAll(async () => {
  expect(dialogs).toEqual([]);
  await stack?.close();
});

/** The storm's result: whichever of its three versions leads. */
const stormHit = () => page.locator("ol.hits > li", { has: page.locator('a[href^="/stories/st-storm"]') });

describe("a story's sources", () => {
  it("links «N sources» from a result to the story's page, which lists every version oldest first", async () => {
    await page.goto(`${stack.api}/?q=${encodeURIComponent("العاصفة الرملية")}`);
    const link = stormHit().locator("a.copies");
    expect(await link.textContent()).toBe("٣ مصادر");
    await link.click();
    await page.waitForURL(/\/stories\//);
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    expect(await page.locator("h1").textContent()).toBe("عاصفة رملية تضرب الكويت وتعلق الرحلات في المطار");
    expect(await page.locator(".story-count").textContent()).toContain("٣ مصادر");
    const versions = page.locator("ol.story-articles > li");
    expect(await versions.locator(".source").allTextContents()).toEqual([
      "وكالة الخليج للأنباء",
      "صحيفة الرأي الجديد",
      "إذاعة الساحل",
    ]);
    const times = await versions
      .locator("time")
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("datetime") ?? ""));
    expect([...times].sort()).toEqual(times);
    expect(await versions.locator("time").first().textContent()).toMatch(/[٠-٩]/);
    // The timeline follows: the storm, the airport reopening, the damage report, by day.
    const timeline = page.locator("section.timeline li");
    expect(await timeline.locator("a.title").allTextContents()).toEqual([
      "عاصفة رملية تضرب الكويت وتعلق الرحلات في المطار",
      "استئناف الرحلات في مطار الكويت بعد انحسار العاصفة الرملية",
      "حصيلة أضرار العاصفة الرملية في الكويت: حالات ضيق تنفس وحوادث مرورية",
    ]);
    await screenshot(page, "story");
    await versions.locator("a").nth(2).click();
    await page.waitForURL(/\/articles\/st-storm-c$/);
  });

  it("keeps every count on the search page in agreement with a category filter", async () => {
    await page.goto(`${stack.api}/?q=${encodeURIComponent("العاصفة الرملية")}`);
    await page.locator(".facet a", { hasText: "طقس" }).click();
    await page.waitForURL(/category=/);
    // Four weather articles in three stories: two of the storm's three versions, the reopening's
    // first, the June storm.
    expect((await page.locator(".result-count").textContent())?.replace(/\s+/g, " ").trim()).toBe(
      "٤ نتائج (٣ قصص مختلفة)",
    );
    expect(await page.locator("ol.hits > li").count()).toBe(3);
    expect(await page.locator('.facet a[aria-current="true"] .count').textContent()).toBe("٤");
    const sourceCounts = await page.locator('[aria-labelledby="facet-source"] .count').allTextContents();
    const arabicDigits = (text: string) =>
      Number(text.replace(/[٠-٩]/g, (d) => String("٠١٢٣٤٥٦٧٨٩".indexOf(d))));
    expect(sourceCounts.map(arabicDigits).reduce((a, b) => a + b, 0)).toBe(4);
    expect(await stormHit().locator("a.copies").textContent()).toBe("مصدران");
    await screenshot(page, "story-filtered");
  });
});

describe("the article page's timeline", () => {
  it("shows how the story developed, its own story marked", async () => {
    await page.goto(`${stack.api}/articles/st-flights-b`);
    expect(await page.locator("#timeline-heading").textContent()).toBe("تطور القصة");
    const entries = page.locator("section.timeline li");
    expect(await entries.count()).toBe(3);
    expect(await entries.nth(1).getAttribute("aria-current")).toBe("true");
    expect(await entries.nth(1).locator("a.copies").textContent()).toBe("مصدران");
    expect(await entries.nth(0).locator("a.copies").textContent()).toBe("٣ مصادر");
  });
});

describe("the widget", () => {
  it("links a collapsed story as «N sources» to the story's page on the API's site", async () => {
    await page.goto(`${stack.publisher}/`);
    const widget = page.locator("arabic-news-search");
    const box = widget.getByLabel("ابحث في الأخبار");
    await box.fill("العاصفة الرملية");
    await box.press("Enter");
    await widget.locator('[aria-live][aria-busy="false"]').waitFor();
    const link = widget.locator("a.sources", { hasText: "٣ مصادر" });
    expect(await link.getAttribute("href")).toMatch(new RegExp(`^${stack.api}/stories/st-storm`));
  });
});
