import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeArabic, WORD_SEPARATORS } from "./arabic.js";
import {
  bands,
  DUPLICATE_SIMILARITY,
  decodeSignature,
  encodeSignature,
  hashWords,
  minhash,
  similarity,
  WordHashes,
} from "./fingerprint.js";

const story =
  "تلقى الرئيس عبد الفتاح السيسي اليوم اتصالا هاتفيا من الرئيس الروسي فلاديمير بوتين تناول سبل تعزيز العلاقات الثنائية بين البلدين في المجالات كافة وخاصة مشروع محطة الضبعة النووية والمنطقة الصناعية الروسية بقناة السويس كما تناول الاتصال تطورات الأوضاع في قطاع غزة";

describe("minhash", () => {
  it("finds a wire copy with spelling variants and a changed word similar", () => {
    const copy = story.replace("السيسي", "السيسى").replace("اليوم", "أمس").replace("هاتفيا", "هاتفياً");
    expect(similarity(minhash(story), minhash(copy))).toBeGreaterThanOrEqual(DUPLICATE_SIMILARITY);
  });

  it("keeps a different story on the same subject apart", () => {
    const other =
      "استقبل الرئيس عبد الفتاح السيسي وزير الخارجية الروسي في القاهرة وبحث معه ملفات التعاون الاقتصادي وأزمة الطاقة العالمية وأسعار القمح والأسمدة في الأسواق الدولية";
    expect(similarity(minhash(story), minhash(other))).toBeLessThan(DUPLICATE_SIMILARITY);
  });

  it("reads its parts as one text with a word break between them", () => {
    const [title, body] = ["تلقى الرئيس اتصالا", story];
    expect(minhash(title, body)).toEqual(minhash(`${title}\n${body}`));
    expect(minhash(title, body)).not.toEqual(minhash(`${title}${body}`));
    // Longer than the word list starts out (1,024 words).
    const long = Array.from({ length: 60 }, (_, i) => `${story} ${i}`).join(" ");
    expect(minhash(long, long)).toEqual(minhash(`${long}\n${long}`));
  });

  it("is deterministic, survives encoding, and copies share a band", () => {
    const a = minhash(story);
    expect(decodeSignature(encodeSignature(a))).toEqual(a);
    expect(minhash(story)).toEqual(a);
    const copy = minhash(story.replace("اليوم", "أمس"));
    expect(bands(a).some((band) => bands(copy).includes(band))).toBe(true);
  });
});

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
