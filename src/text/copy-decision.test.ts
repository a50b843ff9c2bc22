import { describe, expect, it } from "vitest";
import {
  COPY_CONTAINMENT,
  copyScore,
  estimateContainment,
  MIN_CONTAINMENT_SHINGLES,
  NOT_A_COPY,
  SAME_HEADLINE_MS,
  sameHeadline,
  sameStory,
} from "./copy-decision.js";
import { bandNumbers, fingerprint } from "./fingerprint.js";

const paragraphs = [
  "أعلنت وزارة الصحة صباح اليوم إطلاق حملة تطعيم موسعة ضد مرض الحصبة تستهدف أكثر من مليوني طفل في المحافظات الجنوبية وتستمر الحملة عشرة أيام",
  "وقال المتحدث باسم الوزارة إن ثلاثة آلاف فريق صحي متنقل سيزور المدارس والقرى النائية بعد تسجيل إصابات جديدة خلال الشهر الماضي في ثلاث محافظات",
  "ودعت الوزارة الأسر إلى التعاون مع الفرق الصحية وإحضار بطاقات التطعيم السابقة مؤكدة أن اللقاح آمن ومجاني ومتوفر في جميع المراكز الصحية الحكومية",
  "وكانت منظمة الصحة العالمية قد حذرت في تقريرها السنوي من تراجع نسب التطعيم في المنطقة بسبب النزاعات ونقص التمويل وصعوبة الوصول إلى المناطق الريفية",
];
const story = paragraphs.join("\n");
const banded = (title: string, body: string) => {
  const found = fingerprint(title, body);
  return { ...found, bands: bandNumbers(found.signature) };
};

describe("estimateContainment", () => {
  it("is the shorter set's share in the longer, from Jaccard and the sizes", () => {
    // A of 100 inside B of 200: J = 100 / 200.
    expect(estimateContainment(0.5, 100, 200)).toBeCloseTo(1);
    // Equal sizes sharing 60 of 100: J = 60 / 140.
    expect(estimateContainment(60 / 140, 100, 100)).toBeCloseTo(0.6);
    expect(estimateContainment(0, 100, 100)).toBe(0);
  });

  it("never exceeds 1, and is 0 for an empty text", () => {
    expect(estimateContainment(1, 50, 200)).toBe(1);
    expect(estimateContainment(1, 0, 200)).toBe(0);
  });
});

describe("copyScore", () => {
  it("judges a truncated copy by containment, which Jaccard alone misses", () => {
    // Two fifths of the original, kept whole: Jaccard 0.4, containment 1.
    expect(copyScore(0.4, 100, 250)).toBeCloseTo(1);
    // The same Jaccard between texts of one length: they share 57% of their bigrams.
    expect(copyScore(0.4, 100, 100)).toBe(NOT_A_COPY);
  });

  it("needs the containment threshold and a trustworthy Jaccard", () => {
    const jaccardAt = (containment: number, a: number, b: number) =>
      (containment * a) / (a + b - containment * a);
    expect(copyScore(jaccardAt(COPY_CONTAINMENT + 0.01, 100, 100), 100, 100)).toBeGreaterThan(0);
    expect(copyScore(jaccardAt(COPY_CONTAINMENT - 0.01, 100, 100), 100, 100)).toBe(NOT_A_COPY);
    // A sentence-long share of a long article: containment 1, but too few bins to tell.
    expect(copyScore(0.1, 60, 600)).toBe(NOT_A_COPY);
  });

  it("never judges a short text a copy by containment alone", () => {
    const short = MIN_CONTAINMENT_SHINGLES - 1;
    expect(copyScore(short / 200, short, 200)).toBe(NOT_A_COPY);
    expect(copyScore(0.8, short, short + 2)).toBeGreaterThan(0);
  });

  it("never judges an empty text a copy", () => {
    expect(copyScore(1, 0, 0)).toBe(NOT_A_COPY);
  });
});

describe("sameStory", () => {
  it("groups a copy with its last paragraph cut, a new dateline and spelling variants", () => {
    const copy = `الرياض - واس\n${paragraphs.slice(0, 3).join("\n").replaceAll("ى ", "ي ").replaceAll("ة ", "ه ")}`;
    expect(sameStory(banded("حملة تطعيم ضد الحصبة", story), banded("الصحة تبدأ حملة", copy))).toBe(true);
  });

  it("keeps a follow-up that repeats one background paragraph apart", () => {
    const followUp = [
      "أعلنت وزارة الصحة اليوم انتهاء الحملة الوطنية للتطعيم ضد الحصبة بعد أن شملت مليونا وثمانمئة ألف طفل أي ما يزيد على تسعين في المئة من المستهدفين",
      "وأوضح وكيل الوزارة في مؤتمر صحفي أن الفرق واجهت صعوبات في المناطق الجبلية وأن جولة استكمالية ستنظم الشهر المقبل للأطفال الذين لم يحصلوا على اللقاح",
      paragraphs[3] ?? "",
    ].join("\n");
    expect(sameStory(banded("حملة تطعيم", story), banded("انتهاء حملة التطعيم", followUp))).toBe(false);
  });

  it("keeps a headline-only brief apart from the long article that holds its sentence", () => {
    const brief = banded("حملة تطعيم ضد الحصبة", paragraphs[0] ?? "");
    expect(sameStory(brief, banded("حملة تطعيم ضد الحصبة", story))).toBe(false);
  });
});

describe("sameHeadline", () => {
  const at = (hours: number) => Date.UTC(2026, 10, 20) + hours * 3_600_000;
  const run = { headline: 12345, source: "الرياض", publishedAt: at(0) };

  it("is one story from two outlets within SAME_HEADLINE_MS", () => {
    expect(sameHeadline(run, { ...run, source: "عكاظ", publishedAt: at(30) })).toBe(true);
    expect(SAME_HEADLINE_MS).toBeLessThan(at(48) - at(0));
    expect(sameHeadline(run, { ...run, source: "عكاظ", publishedAt: at(48) })).toBe(false);
  });

  it("is not from one outlet, nor for another headline, none, or a date unknown", () => {
    expect(sameHeadline(run, { ...run, publishedAt: at(2) })).toBe(false);
    expect(sameHeadline(run, { ...run, source: "عكاظ", headline: 54321 })).toBe(false);
    const none = { source: "الرياض", publishedAt: at(0) };
    expect(sameHeadline(none, { ...none, source: "عكاظ" })).toBe(false);
    expect(sameHeadline(run, { ...run, source: "عكاظ", publishedAt: Number.NaN })).toBe(false);
  });
});
