import { describe, expect, it } from "vitest";
import { spellsIntended } from "./suggestions.js";

describe("spellsIntended", () => {
  it("accepts the intended words however normalisation spells them", () => {
    expect(spellsIntended("وزارة الصحة", ["وزارة", "الصحة"])).toBe(true);
    expect(spellsIntended("وزاره الصحه", ["وزارة", "الصحة"])).toBe(true);
    expect(spellsIntended("اولاد صور", ["أولاد", "صور"])).toBe(true);
    expect(spellsIntended("اتصالات أسواق", ["الاتصالات", "أسواق"])).toBe(true);
    expect(spellsIntended("رياض", ["والرياض"])).toBe(true);
  });

  it("refuses other words, a missing or extra word, or another order", () => {
    expect(spellsIntended("تحالف العاشر", ["تحتفل", "العاشر"])).toBe(false);
    expect(spellsIntended("ووفقا", ["وفقا"])).toBe(false);
    expect(spellsIntended("وزارة", ["وزارة", "الصحة"])).toBe(false);
    expect(spellsIntended("وزارة الصحة جدة", ["وزارة", "الصحة"])).toBe(false);
    expect(spellsIntended("الصحة وزارة", ["وزارة", "الصحة"])).toBe(false);
  });
});
