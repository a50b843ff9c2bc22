import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ReaderOptions } from "../types.js";
import { readAll, recordsOf } from "./testing.js";
import { readTextPage } from "./text-page.js";

const FALLBACK: ReaderOptions = { fallbackDate: "2024-06-01T12:00:00.000Z" };

const PAGE = `الرياض - واس

أعلنت الهيئة العامة للإحصاء اليوم ارتفاع عدد السياح القادمين إلى المملكة خلال الربع الأول من العام. وأوضحت أن النمو شمل جميع المناطق.

المصدر: وكالة الأنباء السعودية

اقرا ايضًا

افتتاح مهرجان التمور في بريدة
القصيم – ١٥/٠٨/٢٠٢٤
افتتح أمير المنطقة مهرجان التمور بمشاركة واسعة من المزارعين.

إقرأ أيضا :
عنوان قصة ثالثة
تستمر فعاليات المعرض حتى نهاية الأسبوع.

مقالات مشابهة
  • عنوان لا يعد مقالا
`;

describe("readTextPage", () => {
  it("splits stories at every spelling of اقرأ أيضاً and stops at مقالات مشابهة", async () => {
    const stories = recordsOf(await readAll(readTextPage, PAGE, FALLBACK));
    expect(stories.map((story) => story.title)).toEqual([
      "أعلنت الهيئة العامة للإحصاء اليوم ارتفاع عدد السياح القادمين إلى المملكة خلال الربع الأول",
      "افتتاح مهرجان التمور في بريدة",
      "عنوان قصة ثالثة",
    ]);
  });

  it("takes the source from المصدر (not body), else the file name; dates from the dateline", async () => {
    const [first, second, third] = recordsOf(await readAll(readTextPage, PAGE, FALLBACK));
    expect(first?.source).toBe("وكالة الأنباء السعودية");
    expect(first?.body).not.toContain("المصدر");
    expect(first?.published_at).toBe("2024-06-01T12:00:00.000Z");
    expect(second).toEqual({
      title: "افتتاح مهرجان التمور في بريدة",
      body: "افتتح أمير المنطقة مهرجان التمور بمشاركة واسعة من المزارعين.",
      source: "sample",
      published_at: "2024-08-15",
    });
    expect(third?.body).toBe("تستمر فعاليات المعرض حتى نهاية الأسبوع.");
  });

  // Shaped like the project's seed page: one wire story, "إقرأ أيضاً", a second story, a link list.
  const WIRE_PAGE = join(import.meta.dirname, "../../../tests/fixtures/wire-page.txt");

  it("reads the two stories of a page that carries a second one under 'read also'", async () => {
    const stories = recordsOf(await readAll(readTextPage, readFileSync(WIRE_PAGE, "utf8"), FALLBACK));
    expect(stories).toHaveLength(2);
    expect(stories[0]?.title).toMatch(/^أكد وزير الخارجية الأردني أيمن الصفدي/);
    expect(stories[0]?.source).toBe("وكالة الأنباء الأردنية");
    expect(stories[1]?.title).toBe("الرئيس السيسى يستقبل وزير الخارجية الأردني ويبحثان الربط الكهربائي");
    expect(stories[1]?.body).toMatch(/^استقبل الرئيس عبد الفتاح السيسي/);
    expect(stories[1]?.body).not.toContain("مقالات مشابهة");
  });
});
