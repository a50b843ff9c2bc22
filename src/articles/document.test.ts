import { describe, expect, it } from "vitest";
import { bands, decodeFingerprint, fingerprint, headlineKey } from "../text/fingerprint.js";
import { prepareArticle, reprepareStored } from "./document.js";
import { ArticleInputSchema } from "./schema.js";

const article = ArticleInputSchema.parse({
  title: "الرئيس الصيني يستقبل وزير الخارجية",
  body: "استقبل الرئيس الصيني شي جين بينغ اليوم وزير الخارجية وبحث معه العلاقات الثنائية بين البلدين.",
  source: "وكالة الأنباء",
  published_at: "2024-03-01",
});

describe("prepareArticle", () => {
  it("stores the bands of the signature it stores, one key per band, then its headline's", () => {
    const { document, bands: numbers, headline } = prepareArticle(article);
    const stored = decodeFingerprint(document.minhash);
    expect(headline).toBeDefined();
    expect(stored.headline).toBe(headline);
    expect(document.minhash_bands).toEqual([...bands(stored.signature), headlineKey(headline ?? 0)]);
    expect(new Set(document.minhash_bands).size).toBe(numbers.length + 1);
    for (const [band, key] of document.minhash_bands.slice(0, -1).entries())
      expect(key).toMatch(new RegExp(`^${band.toString(32)}:[0-9a-v]{6}$`));
    expect(document.minhash_bands.at(-1)).toMatch(/^h:[0-9a-v]{6}$/);
  });

  it("stores no headline key for a headline too short to name one story", () => {
    const { document, bands: numbers } = prepareArticle({ ...article, title: "أخبار الاقتصاد" });
    expect(document.minhash_bands).toHaveLength(numbers.length);
    expect(decodeFingerprint(document.minhash)).not.toHaveProperty("headline");
  });
});

describe("withDerivedFields", () => {
  it("fingerprints a stored document again, whatever form its fingerprint was written in", () => {
    const { document } = prepareArticle(article);
    const older = Buffer.from(
      fingerprint(document.title, `${document.title}\n${document.body}`).signature.buffer,
    );
    const stored = {
      ...document,
      minhash: older.toString("base64"),
      minhash_bands: ["0:h481gbg09nx7ewbae3dscwuz"],
      title_words: 0,
    };
    const derived = reprepareStored(stored).document;
    expect(derived.minhash).toBe(document.minhash);
    expect(derived.minhash_bands).toEqual(document.minhash_bands);
    expect(derived.title_words).toBe(document.title_words);
  });

  it("drops the content hash older indices stored, which today's strict mapping would refuse", () => {
    const { document } = prepareArticle(article);
    const derived = reprepareStored({ ...document, content_hash: "9f86d081884c7d65" }).document;
    expect(derived).toEqual(document);
  });
});
