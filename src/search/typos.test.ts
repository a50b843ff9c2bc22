import { describe, expect, it } from "vitest";
import { allowedEdits, articlePrefix, completable, indexedForm, letterLeftOut } from "./typos.js";

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

describe("letterLeftOut", () => {
  it("puts any letter in after the first of a three-letter word", () => {
    expect(letterLeftOut("هجو")).toBe("ه.جو|هج.و|هجو.");
    // Normalised as the exact fields index it: طلة is طله there.
    expect(letterLeftOut("طلة")).toBe("ط.له|طل.ه|طله.");
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
