import { describe, expect, it } from "vitest";
import {
  bands,
  DUPLICATE_SIMILARITY,
  decodeSignature,
  encodeSignature,
  minhash,
  similarity,
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

  it("is deterministic, survives encoding, and copies share a band", () => {
    const a = minhash(story);
    expect(decodeSignature(encodeSignature(a))).toEqual(a);
    expect(minhash(story)).toEqual(a);
    const copy = minhash(story.replace("اليوم", "أمس"));
    expect(bands(a).some((band) => bands(copy).includes(band))).toBe(true);
  });
});
