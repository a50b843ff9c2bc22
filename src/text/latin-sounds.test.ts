import { describe, expect, it } from "vitest";
import { arabicSpellings, consonantSkeleton, otherFirstLetter } from "./latin-sounds.js";

const texts = (latin: string) => (arabicSpellings(latin) ?? []).map((spelling) => spelling.text);

describe("arabicSpellings", () => {
  it.each([
    ["aramco", "ارامكو"],
    ["NASA", "ناسا"],
    ["toyota", "تويوتا"],
    ["twitter", "تويتر"],
    ["whatsapp", "واتساب"],
    ["huawei", "هواوي"],
    ["samsung", "سامسونج"],
    ["apple", "ابل"],
  ])("writes %s as %s first", (latin, arabic) => {
    expect(arabicSpellings(latin)?.[0]).toEqual({ text: arabic, secondReadings: 0 });
  });

  it("reads a medial e, an initial i, a final s and ch both ways", () => {
    expect(texts("messi")).toEqual(["ميسي", "مسي"]);
    expect(texts("iphone")).toEqual(["افون", "ايفون"]);
    expect(texts("jobs")).toEqual(["جوبس", "جوبز"]);
    expect(texts("manchester")).toContain("مانشستر");
    expect(arabicSpellings("jobs")?.map((spelling) => spelling.secondReadings)).toEqual([0, 1]);
  });

  it("spells names Arabic gave the Latin letters: a short a, an initial ع, a final ة, ai as ي, dh as ض", () => {
    expect(texts("salman")).toContain("سلمان");
    expect(texts("abbas")).toContain("عباس");
    expect(texts("jeddah")).toContain("جده");
    expect(texts("faisal")).toContain("فيسل");
    expect(texts("riyadh")).toContain("رياض");
  });

  it("leaves a medial e out first where a final ة makes the word Arabic", () => {
    expect(arabicSpellings("jeddah")?.[0]).toEqual({ text: "جده", secondReadings: 0 });
    expect(texts("jeddah").indexOf("جيده")).toBeGreaterThan(0);
    expect(texts("medina").indexOf("مدينه")).toBeLessThan(texts("medina").indexOf("ميدينه"));
    // Read as ا, the final a leaves the word foreign: its e is written.
    expect(arabicSpellings("tesla")?.[0]).toEqual({ text: "تيسلا", secondReadings: 0 });
  });

  it("keeps a bounded number of spellings however many letters read two ways", () => {
    expect(arabicSpellings("bebebebebebebebebebe")?.length).toBeLessThanOrEqual(16);
  });

  it("reads no word of other letters, too short or too long to be a name", () => {
    expect(arabicSpellings("مصر")).toBeUndefined();
    expect(arabicSpellings("iOS7")).toBeUndefined();
    expect(arabicSpellings("ab")).toBeUndefined();
    expect(arabicSpellings("ab".repeat(11))).toBeUndefined();
    // Arabic typed on the Latin layout: السيسي.
    expect(arabicSpellings("hgsdsd")).toBeUndefined();
  });
});

describe("consonantSkeleton", () => {
  it("leaves out vowel letters and a final ه, and reads letters one Latin consonant writes as one", () => {
    expect(consonantSkeleton("ترامب")).toBe(consonantSkeleton("ترومب"));
    expect(consonantSkeleton("حماس")).toBe(consonantSkeleton("هاماس"));
    expect(consonantSkeleton("ايرباص")).toBe(consonantSkeleton("ايربوس"));
    expect(consonantSkeleton("برشلونه")).toBe("برشلن");
  });

  it("tells apart words with other consonants", () => {
    expect(consonantSkeleton("مسدس")).not.toBe(consonantSkeleton("مرسدس"));
    expect(consonantSkeleton("هلع")).not.toBe(consonantSkeleton("هلو"));
  });
});

describe("otherFirstLetter", () => {
  it("puts the first letter as the other its sound is often written with", () => {
    expect(otherFirstLetter("هاماس")).toBe("حاماس");
    expect(otherFirstLetter("تاليبان")).toBe("طاليبان");
    expect(otherFirstLetter("جوجل")).toBe("غوجل");
    expect(otherFirstLetter("ناسا")).toBeUndefined();
  });
});
