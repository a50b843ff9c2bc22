import { describe, expect, it } from "vitest";
import {
  bandNumbers,
  bands,
  decodeFingerprint,
  encodeFingerprint,
  fingerprint,
  HEADLINE_MIN_WORDS,
  headlineNumber,
  MIN_BODY_SHINGLES,
  SIGNATURE_SIZE,
  similarity,
} from "./fingerprint.js";

const story =
  "تلقى الرئيس عبد الفتاح السيسي اليوم اتصالا هاتفيا من الرئيس الروسي فلاديمير بوتين تناول سبل تعزيز العلاقات الثنائية بين البلدين في المجالات كافة وخاصة مشروع محطة الضبعة النووية والمنطقة الصناعية الروسية بقناة السويس كما تناول الاتصال تطورات الأوضاع في قطاع غزة";
const title = "السيسي وبوتين يبحثان هاتفيا العلاقات الثنائية";

describe("fingerprint", () => {
  it("reads the body, not the headline every outlet rewrites", () => {
    const { signature, shingles } = fingerprint("عنوان آخر تماما", story);
    expect(fingerprint(title, story)).toMatchObject({ signature, shingles });
  });

  it("ignores dateline and credit lines", () => {
    expect(fingerprint(title, `القاهرة - بوابة الوادي\n${story}\nالمصدر: وكالات`)).toEqual(
      fingerprint(title, `موسكو (رويترز) - ${story}`),
    );
  });

  it("reads spellings as the analyzer does", () => {
    const variant = story.replace("السيسي", "السيسى").replace("تلقى", "تلقي").replace("هاتفيا", "هاتفياً");
    expect(fingerprint(title, variant)).toEqual(fingerprint(title, story));
  });

  it("counts the body's distinct word bigrams", () => {
    const words = story.split(" ").length;
    expect(fingerprint(title, story).shingles).toBe(words - 1);
    // A repeated sentence adds the one bigram that joins the copies and nothing else.
    expect(fingerprint(title, `${story} ${story}`).shingles).toBe(words);
  });

  it("takes the headline in when the body is too short to tell a story by", () => {
    const brief = "التفاصيل لاحقا";
    const one = fingerprint("زلزال بقوة خمس درجات يضرب جنوب البلاد", brief);
    const other = fingerprint("الحكومة تقر موازنة العام المقبل", brief);
    expect(similarity(one.signature, other.signature)).toBeLessThan(0.5);
    expect(one.shingles).toBeLessThan(MIN_BODY_SHINGLES + 8);
  });

  it("gives an empty text no shingles", () => {
    expect(fingerprint("", "").shingles).toBe(0);
  });

  it("is deterministic, survives encoding, and a copy shares a band", () => {
    const found = fingerprint(title, story);
    expect(found.signature).toHaveLength(SIGNATURE_SIZE);
    expect(decodeFingerprint(encodeFingerprint(found))).toEqual(found);
    const copy = fingerprint(title, story.replace("اليوم", "أمس"));
    expect(bands(found.signature).some((band) => bands(copy.signature).includes(band))).toBe(true);
  });

  it("reads a signature stored without a count (an older index) as having none", () => {
    const { signature } = fingerprint(title, story);
    const older = Buffer.from(signature.buffer).toString("base64");
    expect(decodeFingerprint(older)).toEqual({ signature, shingles: 0 });
  });

  it("reads a fingerprint stored as count:signature (an older index)", () => {
    const { signature, shingles } = fingerprint(title, story);
    const older = `${shingles}:${Buffer.from(signature.buffer).toString("base64")}`;
    expect(decodeFingerprint(older)).toEqual({ signature, shingles });
  });

  it("reads a fingerprint stored without a headline (an older index) as having none", () => {
    const { signature, shingles } = fingerprint(title, story);
    const older = encodeFingerprint({ signature, shingles });
    expect(decodeFingerprint(older)).toEqual({ signature, shingles });
  });

  it("stores the fingerprint as plain base64, as a binary field takes it", () => {
    const encoded = encodeFingerprint(fingerprint(title, story));
    expect(encoded).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(encoded, "base64").toString("base64")).toBe(encoded);
  });

  it("gives a text cut to half its length a shared band (rows per band are few)", () => {
    const long = Array.from({ length: 8 }, (_, i) => `${story} الفقرة ${i}`).join("\n");
    const half = long.slice(0, long.length / 2);
    const [a, b] = [fingerprint(title, long), fingerprint(title, half)];
    expect(bandNumbers(a.signature).some((n, band) => n === bandNumbers(b.signature)[band])).toBe(true);
  });
});

describe("headlineNumber", () => {
  it("gives two outlets' same headline one number, however each spells and punctuates it", () => {
    const headline = "أمير المنطقة يفتتح مستشفى الولادة الجديد";
    expect(headlineNumber(headline)).toBeDefined();
    expect(headlineNumber("«أمير المنطقة» يفتتح مستشفى الولاده الجديد.")).toBe(headlineNumber(headline));
    expect(fingerprint(headline, story).headline).toBe(headlineNumber(headline));
  });

  it("tells headlines of other words or another order apart", () => {
    const headline = "أمير المنطقة يفتتح مستشفى الولادة الجديد";
    expect(headlineNumber("أمير المنطقة يفتتح مستشفى الأطفال الجديد")).not.toBe(headlineNumber(headline));
    expect(headlineNumber("مستشفى الولادة الجديد يفتتحه أمير المنطقة")).not.toBe(headlineNumber(headline));
  });

  it("gives none to a headline too short to name one story", () => {
    const short = "أسعار النفط اليوم";
    expect(short.split(" ").length).toBeLessThan(HEADLINE_MIN_WORDS);
    expect(headlineNumber(short)).toBeUndefined();
    expect(fingerprint(short, story)).not.toHaveProperty("headline");
  });
});
