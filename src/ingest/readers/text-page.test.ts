import { existsSync, readFileSync } from "node:fs";
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

  const SEED = "/work/shared/examples/seed-news-page.txt";
  const seedMissing = !existsSync(SEED);
  if (seedMissing) console.log(`skipping the seed page test: ${SEED} does not exist here`);

  it.skipIf(seedMissing)("reads the two stories of the seed page", async () => {
    const stories = recordsOf(await readAll(readTextPage, readFileSync(SEED, "utf8"), FALLBACK));
    expect(stories).toHaveLength(2);
    expect(stories[0]?.title).toMatch(/^أكد الرئيس الروسي فلاديمير بوتين/);
    expect(stories[0]?.source).toBe("الوكالة العربية السورية للأنباء");
    expect(stories[1]?.title).toBe(
      "الرئيسان السيسى وبوتين يبحثان هاتفيا مشروعي المنطقة الصناعية والضبعة النووى",
    );
    expect(stories[1]?.body).toMatch(/^تلقى الرئيس عبد الفتاح السيسي/);
    expect(stories[1]?.body).not.toContain("مقالات مشابهة");
  });
});
