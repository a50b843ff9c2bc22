import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeArabic, WORD_SEPARATORS } from "./arabic.js";
import { hashWords, WordHashes } from "./word-hashes.js";

const story =
  "تلقى الرئيس عبد الفتاح السيسي اليوم اتصالا هاتفيا من الرئيس الروسي فلاديمير بوتين تناول سبل تعزيز العلاقات الثنائية بين البلدين في المجالات كافة وخاصة مشروع محطة الضبعة النووية والمنطقة الصناعية الروسية بقناة السويس كما تناول الاتصال تطورات الأوضاع في قطاع غزة";

describe("hashWords", () => {
  /** The definition it must match: normalise, split, hash each word. */
  const referenceHashes = (text: string) =>
    normalizeArabic(text)
      .split(WORD_SEPARATORS)
      .filter(Boolean)
      .map((word) => {
        let hash = 0x811c9dc5;
        for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
        return hash >>> 0;
      });
  const hashes = (text: string) => {
    const words = new WordHashes();
    hashWords(text, words);
    return [...words.values.subarray(0, words.length)];
  };

  it.each([
    ["seed-page spellings", `${story} السيسى الرئيس الروسى هاتفياً`],
    ["diacritics, tatweel, hamza seats, Persian letters", "قَالَ المسـؤول إنّ الصـــين ومسئولي کابل یوم ۀ"],
    ["elongation: three or more collapse, two stay", "جمييييل الله ااا يي لليل مماا"],
    ["elongation of one spelling only, before letters are unified", "ةةه أاا يـيـي يَيَيَ ج\u200Cججج"],
    ["digits of three systems, Latin in mixed case", "عام ٢٠٢٣ و۱۴۰۲ و2024 NATO Covid-19 İstanbul ÀÉÎ"],
    ["separators of every kind", "«الأمن»، (السودان)؛ غزة؟ نعم! a/b\\c\u00A0د\u2003هـ\u3000و — “قال” ‘x’…"],
    ["invisible controls inside words", "ال\u200Cصين\u200F \uFEFFمصر\u202Bليبيا\u2066"],
    ["empty and only separators", ""],
    ["only separators", " ،، -- "],
  ])("matches normalise-then-split on %s", (_name, text) => {
    expect(hashes(text)).toEqual(referenceHashes(text));
  });

  it("reads only the range it is given, as a whole text", () => {
    const text = `قال الوزير ${story} انتهى`;
    const start = text.indexOf(story);
    const words = new WordHashes();
    hashWords(text, words, start, start + story.length);
    expect([...words.values.subarray(0, words.length)]).toEqual(referenceHashes(story));
  });

  it("matches normalise-then-split on generated Arabic", () => {
    const units = [..."ءآأؤإئابةتجدهوىيكلـًٌَُِّْٰٔٱکیۀہ٠١۲ \u200C\u200F،.aA"];
    const text = fc.array(fc.constantFrom(...units), { maxLength: 40 }).map((chars) => chars.join(""));
    fc.assert(
      fc.property(text, (sample) => {
        expect(hashes(sample)).toEqual(referenceHashes(sample));
      }),
    );
  });
});
