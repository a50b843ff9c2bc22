import { describe, expect, it } from "vitest";
import { arabicForLatinKeys, KEYBOARD_NEIGHBOURS, typesArabicLetter } from "./keyboard.js";

describe("KEYBOARD_NEIGHBOURS", () => {
  it("knows the keys around a key of the Arabic PC layout", () => {
    // J: H and K beside it, U and I above, N and M below.
    expect(new Set(KEYBOARD_NEIGHBOURS.get("ت"))).toEqual(new Set(["ا", "ن", "ع", "ه", "ى", "ة"]));
    // A: Q and W above, S beside, Z below.
    expect(new Set(KEYBOARD_NEIGHBOURS.get("ش"))).toEqual(new Set(["ض", "ص", "س", "ئ"]));
    // V: its right-hand key types lam-alef, two letters, so it is no neighbour.
    expect(new Set(KEYBOARD_NEIGHBOURS.get("ر"))).toEqual(new Set(["ؤ", "ب", "ل"]));
    expect(KEYBOARD_NEIGHBOURS.has("ذ")).toBe(false);
  });

  it("is symmetric and never maps a key to itself", () => {
    for (const [key, neighbours] of KEYBOARD_NEIGHBOURS) {
      expect(neighbours).not.toContain(key);
      for (const other of neighbours) expect(KEYBOARD_NEIGHBOURS.get(other)).toContain(key);
    }
  });
});

describe("arabicForLatinKeys", () => {
  it("reads keys typed on the Latin layout as the Arabic keyboard types them", () => {
    expect(arabicForLatinKeys("hgsdsd")).toBe("السيسي");
    expect(arabicForLatinKeys("lwv")).toBe("مصر");
    // The punctuation keys that carry letters, and lam-alef on one key.
    expect(arabicForLatinKeys(",gd hgui]")).toBe("ولي العهد");
    expect(arabicForLatinKeys("tdv,s ;,v,kh")).toBe("فيروس كورونا");
    expect(arabicForLatinKeys("'tg")).toBe("طفل");
    expect(arabicForLatinKeys("sbl")).toBe("سلام");
    expect(arabicForLatinKeys("`ir")).toBe("ذهق");
    // Shifted: hamza forms and the Arabic question mark; quotes, the minus sign and digits as typed.
    expect(arabicForLatinKeys("Hpl] hgYlhvhj?")).toBe("أحمد الإمارات؟");
    expect(arabicForLatinKeys('"hgsdsd" -lwv 2025')).toBe('"السيسي" -مصر 2025');
  });

  it("leaves alone text with an Arabic letter, or whose keys type none", () => {
    expect(arabicForLatinKeys("السيسي")).toBeUndefined();
    expect(arabicForLatinKeys("2025")).toBeUndefined();
    // Shifted keys that type no letter on the Arabic layout either.
    expect(arabicForLatinKeys("DF")).toBeUndefined();
    expect(arabicForLatinKeys("هاتف iPhone")).toBeUndefined();
  });
});

describe("typesArabicLetter", () => {
  it("tells the keys that type a letter from those that type a diacritic or a sign", () => {
    for (const key of ["h", ",", "H", "Y", "N", "G", "T", "B"])
      expect(typesArabicLetter(key), key).toBe(true);
    for (const key of ["A", "S", "P", "C", "1", " ", "?"]) expect(typesArabicLetter(key), key).toBe(false);
  });
});
