import { describe, expect, it } from "vitest";
import { exactWords, normalizeArabic, protectedNameRules, toAsciiDigits } from "./arabic.js";

describe("normalizeArabic", () => {
  it("folds the spelling variants of the seed page onto one form", () => {
    expect(normalizeArabic("السيسى")).toBe(normalizeArabic("السيسي"));
    expect(normalizeArabic("هاتفياً")).toBe("هاتفيا");
    expect(normalizeArabic("إقرأ")).toBe("اقرا");
    expect(normalizeArabic("الصـــين")).toBe("الصين");
    expect(normalizeArabic("مسؤول")).toBe(normalizeArabic("مسئول"));
    expect(normalizeArabic("جمييييل")).toBe("جميل");
    expect(normalizeArabic("مدرسة")).toBe("مدرسه");
  });

  it("folds digits of every Arabic script", () => {
    expect(toAsciiDigits("٢٠٢٣ و۱۴۰۲")).toBe("2023 و1402");
    expect(normalizeArabic("عام ٢٠٢٣")).toBe("عام 2023");
  });

  it("drops zero-width and bidi controls", () => {
    expect(normalizeArabic("ال\u200Cصين\u200F")).toBe("الصين");
  });
});

describe("exactWords", () => {
  it("splits, normalises and drops the definite article as arabic_news_word does", () => {
    expect(exactWords("والسرطانُ، الصينيّة (٢٠١٨) للدولة")).toEqual(["سرطان", "صينيه", "2018", "دوله"]);
    // Article + fewer than three letters is a word of its own.
    expect(exactWords("الله الى")).toEqual(["الله", "الي"]);
  });
});

describe("protectedNameRules", () => {
  it("maps each prefixed form to the bare name", () => {
    const rules = protectedNameRules(["البحرين"]);
    expect(rules).toContain("البحرين => بحرين");
    expect(rules).toContain("والبحرين => بحرين");
    expect(rules).toContain("للبحرين => بحرين");
    expect(rules).toContain("بحرين => بحرين");
  });

  it("puts a letter before a name written with the article only with the article: فيمن is not فاليمن", () => {
    const rules = protectedNameRules(["اليمن"]);
    expect(rules).toContain("فاليمن => يمن");
    expect(rules).not.toContain("فيمن => يمن");
    expect(rules).not.toContain("ويمن => يمن");
    expect(protectedNameRules(["قطر"])).toContain("وقطر => قطر");
  });

  it("normalises the names first", () => {
    expect(protectedNameRules(["أوكرانيا"])).toContain("اوكراني => اوكراني");
    expect(protectedNameRules(["روسيا"])).toContain("الروسيه => روسي");
  });

  it("lets a name in ي take its adjective's feminine and plurals, which the stemmer cuts past the ي", () => {
    const rules = protectedNameRules(["روسيا", "السعودي"]);
    for (const rule of ["الروسيين => روسي", "روسيون => روسي", "والروسيات => روسي", "السعوديين => سعودي"])
      expect(rules).toContain(rule);
    expect(protectedNameRules(["قطر"])).not.toContain("قطرين => قطر");
  });

  it("keeps the أل a name is written with: ألمانيا is not the article and مانيا", () => {
    const rules = protectedNameRules(["ألمانيا"]);
    expect(rules).toContain("الماني => الماني");
    expect(rules).toContain("الالمانيه => الماني");
    expect(rules).not.toContain("ماني => ماني");
  });
});
