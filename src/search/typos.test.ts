import { describe, expect, it } from "vitest";
import {
  allowedEdits,
  articlePrefix,
  completable,
  hamzaSeated,
  indexedForm,
  letterLeftOut,
  titleWordForms,
  typoAlternativeTest,
  typoStartTest,
  undoubled,
} from "./typos.js";

describe("allowedEdits", () => {
  it("allows one edit from four letters as typed, two from eight without the article", () => {
    expect(indexedForm("الأخبار")).toBe("اخبار");
    expect(allowedEdits("بوت")).toBe(0);
    expect(allowedEdits("الشرق")).toBe(1);
    expect(allowedEdits("بوتين")).toBe(1);
    expect(allowedEdits("الاقتصاد")).toBe(1);
    expect(allowedEdits("الاقتصادية")).toBe(2);
  });

  it("never fuzzes numbers or words too long to be a typo", () => {
    expect(allowedEdits("2025")).toBe(0);
    expect(allowedEdits("٢٠٢٥")).toBe(0);
    expect(allowedEdits("اب".repeat(11))).toBe(0);
    // Two edits of a very long word cost the most: one only, up to twenty letters.
    expect(allowedEdits("اب".repeat(6))).toBe(2);
    expect(allowedEdits("اب".repeat(10))).toBe(1);
    // Hyphens do not hide a long token: the whole of it counts.
    expect(allowedEdits(Array.from({ length: 8 }, () => "ابجد").join("-"))).toBe(0);
  });
});

describe("hamzaSeated", () => {
  it("reads each و or ي past the first letter as the hamza it may have carried", () => {
    expect(hamzaSeated("سوال")).toEqual(["سءال"]);
    expect(hamzaSeated("هييه")).toEqual(["هءيه", "هيءه"]);
    expect(hamzaSeated("شاطي")).toEqual(["شاطء"]);
    expect(hamzaSeated("وزير")).toEqual(["وزءر"]);
    expect(hamzaSeated("نصر")).toEqual([]);
  });
});

describe("undoubled", () => {
  it("drops one of each pair of doubled letters, a pair at a time", () => {
    expect(undoubled("نصرر")).toEqual(["نصر"]);
    expect(undoubled("ممملكه")).toEqual(["مملكه"]);
    expect(undoubled("الللمعركه")).toEqual(["اللمعركه"]);
    expect(undoubled("اللمعركه")).toEqual(["المعركه"]);
    expect(undoubled("مددد")).toEqual(["مدد"]);
    expect(undoubled("نصر")).toEqual([]);
    // As typed: the elongation rule would read اللليل as اليل, two letters from الليل.
    expect(undoubled("اللليل")).toEqual(["الليل"]);
    // An elongated word is itself once its run collapses.
    expect(undoubled("جمييييل")).toEqual([]);
  });
});

describe("letterLeftOut", () => {
  it("puts any letter in anywhere in a three-letter word", () => {
    expect(letterLeftOut("هجو")).toBe(".هجو|ه.جو|هج.و|هجو.");
    // Normalised as the exact fields index it: طلة is طله there.
    expect(letterLeftOut("طلة")).toBe(".طله|ط.له|طل.ه|طله.");
  });

  it("leaves other words alone: longer or shorter ones, numbers, symbols", () => {
    for (const word of ["هجوم", "من", "٢٠٢", "a+b", "الهجو"]) expect(letterLeftOut(word)).toBeUndefined();
  });
});

describe("completable", () => {
  it("completes words of two letters up to the length a word can have", () => {
    expect(completable("ب")).toBe(false);
    expect(completable("بو")).toBe(true);
    expect(completable("السيس")).toBe(true);
    expect(completable("اب".repeat(11))).toBe(false);
  });
});

describe("articlePrefix", () => {
  it("keeps what the exact form drops, normalised", () => {
    expect(articlePrefix("والأقتصاد")).toBe("وال");
    expect(articlePrefix("السيسو")).toBe("ال");
    expect(articlePrefix("بوتين")).toBe("");
  });
});

/** A typed word's test read as "does it find this title word", false where it has none. */
const finds =
  (makeTest: typeof typoAlternativeTest) =>
  (word: string) =>
  (titleWord: string): boolean =>
    makeTest(word)?.(titleWordForms(titleWord)) ?? false;

describe("typoAlternativeTest", () => {
  const test = finds(typoAlternativeTest);

  it("finds a title word one edit from the word as written, the article and first letter included", () => {
    expect(test("السيسو")("السيسي")).toBe(true);
    expect(test("النرص")("النصر")).toBe(true);
    expect(test("لاملك")("الملك")).toBe(true);
    expect(test("كستشفيات")("مستشفيات")).toBe(true);
    expect(test("السيسو")("الرئيس")).toBe(false);
  });

  it("compares the forms the fields index: variants folded, harakat dropped", () => {
    expect(test("الاقتصاض")("الاقتصاد")).toBe(true);
    expect(test("أمريكى")("أمريكا")).toBe(true);
    expect(test("السيسو")("السِّيسي")).toBe(true);
  });

  it("allows a long word a second edit in its exact form, past its first letter", () => {
    expect(test("الاستثمارات")("والاستسمارت")).toBe(true);
    expect(test("الاستثمارات")("الإستثمار")).toBe(true);
    expect(test("الاستثمارات")("الاستعمار")).toBe(false);
    expect(test("الاستثمارات")("كاستسمارات")).toBe(false);
  });

  it("finds the longer word a short one leaves a letter out of, and nothing for a number", () => {
    expect(test("هجو")("الهجوم")).toBe(true);
    expect(test("هجو")("هجوا")).toBe(true);
    expect(test("هجو")("هجر")).toBe(false);
    expect(typoAlternativeTest("2025")).toBeUndefined();
    expect(typoAlternativeTest("من")).toBeUndefined();
  });
});

describe("typoStartTest", () => {
  const test = finds(typoStartTest);

  it("finds a title word whose start is a typo away from the start typed", () => {
    expect(test("النرص")("النصر")).toBe(true);
    expect(test("يستقل")("يستقبل")).toBe(true);
    expect(test("بوتبن")("بوتين")).toBe(true);
    // A slip in the article, or in the first letter, is one edit from the word as written.
    expect(test("ارعربية")("العربية")).toBe(true);
    expect(test("ثارب")("قارب")).toBe(true);
    expect(test("النرص")("الرئيس")).toBe(false);
  });

  it("allows a long start its second edit past the first letter only", () => {
    expect(test("الاستثمارا")("والاستسمارات")).toBe(true);
    expect(test("الاستثمارا")("كاستسمارات")).toBe(false);
  });

  it("finds a title word begun by the start a three-letter word leaves a letter out of", () => {
    expect(test("مشر")("مؤشرات")).toBe(true);
    expect(test("نقذ")("ينقذون")).toBe(true);
    expect(test("مشر")("مسرح")).toBe(false);
  });

  it("has nothing for a start too short for a typo", () => {
    expect(typoStartTest("يس")).toBeUndefined();
  });
});
