/**
 * The project's Arabic analyzer, run through the real `_analyze` API: each orthographic variant a
 * reader or a newsroom produces must give the same token as its plain spelling.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeDifference, verifyAnalysis } from "../src/es/verify-analysis.js";
import { exactWords } from "../src/text/arabic.js";
import { createTestIndex, removeTestIndices, testClient } from "./helpers/es.js";

const client = testClient();
let index = "";

beforeAll(async () => {
  index = await createTestIndex(client, "analysis");
});
afterAll(async () => {
  await removeTestIndices(client, index);
  await client.close();
});

async function tokens(text: string, analyzer = "arabic_news"): Promise<string[]> {
  const response = await client.indices.analyze({ index, analyzer, text });
  return (response.tokens ?? []).map((token) => token.token);
}

async function expectSameTokens(a: string, b: string, analyzer?: string): Promise<void> {
  const [left, right] = await Promise.all([tokens(a, analyzer), tokens(b, analyzer)]);
  expect(left.length).toBeGreaterThan(0);
  expect(left).toEqual(right);
}

describe("arabic_news analyzer (real Elasticsearch)", () => {
  it("removes diacritics: هاتفياً = هاتفيا", async () => {
    await expectSameTokens("هاتفياً", "هاتفيا");
    await expectSameTokens("الرَّئِيسُ", "الرئيس");
  });

  it("unifies alef with hamza and madda: أ إ آ ا", async () => {
    const forms = await Promise.all(["أحمد", "إحمد", "آحمد", "احمد"].map((form) => tokens(form)));
    for (const form of forms) expect(form).toEqual(forms[3]);
  });

  it("makes final ى and ي agree: السيسى = السيسي, النووى = النووي", async () => {
    await expectSameTokens("السيسى", "السيسي");
    await expectSameTokens("النووى", "النووي");
  });

  it("makes ة and ه agree", async () => {
    await expectSameTokens("مدرسة", "مدرسه");
  });

  it("finds ة behind an attached pronoun, where it is written ت: عاصمتها = عاصمة, حكومته = حكومة", async () => {
    await expectSameTokens("عاصمتها", "عاصمة");
    await expectSameTokens("حكومته", "الحكومة");
    await expectSameTokens("زوجته", "زوجة");
    // A root ت of a short word stays: بيتها is بيت.
    await expectSameTokens("بيتها", "بيت");
  });

  it("removes tatweel: الصـــين = الصين", async () => {
    await expectSameTokens("الصـــين", "الصين");
  });

  it("folds Arabic-Indic and Persian digits to ASCII: ٢٠٢٣ = ۲۰۲۳ = 2023", async () => {
    expect(await tokens("٢٠٢٣")).toEqual(["2023"]);
    expect(await tokens("۲۰۲۳")).toEqual(["2023"]);
    expect(await tokens("2023")).toEqual(["2023"]);
  });

  it("strips the definite article and common affixes: الصينية, الصيني, والصين meet الصين", async () => {
    const [china] = await tokens("الصين");
    expect(china).toBeTruthy();
    for (const form of ["الصينية", "الصيني", "والصين", "بالصين", "صينية"]) {
      expect(await tokens(form), form).toEqual([china]);
    }
  });

  it("unifies Persian/Urdu letters: کتاب = كتاب, ی = ي", async () => {
    await expectSameTokens("کتاب", "كتاب");
    await expectSameTokens("فارسی", "فارسي");
  });

  it("unifies hamza seats that split one word in two spellings: مسؤول = مسئول", async () => {
    await expectSameTokens("مسؤول", "مسئول");
    await expectSameTokens("شؤون", "شئون");
  });

  it("collapses elongation: جمييييل = جميل", async () => {
    await expectSameTokens("جمييييل", "جميل");
  });

  it("drops zero-width and bidi controls inside words", async () => {
    await expectSameTokens("الص\u200Cين\u200F", "الصين");
  });

  it("keeps protected names whole instead of stemming them into other words", async () => {
    expect(await tokens("بوتين")).toEqual(["بوتين"]);
    expect(await tokens("والبحرين")).toEqual(await tokens("البحرين"));
    expect(await tokens("البحرين")).toEqual(["بحرين"]);
    expect(await tokens("لبنان")).toEqual(["لبنان"]);
  });

  it("keeps apart the names the stemmer cut into another word news uses", async () => {
    const pairs: Array<[string, string]> = [
      ["كورونا", "كوريا"],
      ["كورونا", "الكورة"],
      ["عدنان", "عدن"],
      ["سلمان", "السلم"],
      ["سلطان", "السلطة"],
      ["الحديدة", "حديد"],
      ["تركيا", "ترك"],
      ["الإمارات", "الإمارة"],
      ["الألمان", "الألم"],
      ["مكة", "المكان"],
      ["جدة", "الجدية"],
      ["بريدة", "البريد"],
      ["دبي", "الدب"],
      ["مدنين", "المدن"],
      ["القصرين", "القصر"],
      ["قفصة", "القفص"],
      ["المهدية", "المهدي"],
      ["شعبان", "الشعب"],
      ["أسوان", "الأسوأ"],
      ["سعود", "السعودية"],
      ["سعود", "السعودي"],
    ];
    for (const [name, other] of pairs)
      expect(await tokens(name), `${name} / ${other}`).not.toEqual(await tokens(other));
    // Kept whole, a country still meets its adjectives.
    for (const form of ["الكوري", "الكورية"]) expect(await tokens(form), form).toEqual(await tokens("كوريا"));
    for (const form of ["الألماني", "الألمانية"])
      expect(await tokens(form), form).toEqual(await tokens("ألمانيا"));
    for (const form of ["الإيراني", "الإيرانية"])
      expect(await tokens(form), form).toEqual(await tokens("إيران"));
    for (const form of ["السعودية", "والسعودية", "السعوديين", "السعوديون", "للسعوديات"])
      expect(await tokens(form), form).toEqual(await tokens("السعودي"));
    for (const form of ["السوريين", "والسوريون"])
      expect(await tokens(form), form).toEqual(await tokens("سوريا"));
    for (const form of ["الكوريين", "الكوريون"])
      expect(await tokens(form), form).toEqual(await tokens("كوريا"));
    for (const form of ["الرمضاني", "الرمضانية"])
      expect(await tokens(form), form).toEqual(await tokens("رمضان"));
    // A letter before the bare name is another word: فيمن is "in whom", not فاليمن.
    expect(await tokens("فيمن")).not.toEqual(await tokens("اليمن"));
    // With a prefix, a city still meets itself (بجدة was بجد, not جدة).
    for (const form of ["بجدة", "وجدة", "لمكة"])
      expect(await tokens(form), form).toEqual(await tokens(form.slice(1)));
  });

  it("drops the tanween alef and lets a country meet its adjectives", async () => {
    await expectSameTokens("جسراً", "جسر");
    await expectSameTokens("اتصالاً", "اتصال");
    const russia = await tokens("روسيا");
    for (const form of ["الروسي", "الروسية", "وروسيا"]) expect(await tokens(form), form).toEqual(russia);
    await expectSameTokens("أمريكا", "الأمريكية");
  });

  it("drops stop words, spelled with or without hamza", async () => {
    expect(await tokens("إلى")).toEqual([]);
    expect(await tokens("في هذه")).toEqual([]);
    // Question words run together, and a definite article typed apart from its word.
    expect(await tokens("ماهو ماهى ال")).toEqual([]);
  });

  it("keeps the exact sub-field unstemmed but normalised", async () => {
    expect(await tokens("الصينيّة", "arabic_news_exact")).toEqual(["الصينيه"]);
  });

  it("lets the exact word meet its form with the article, and nothing else", async () => {
    // The article is a clitic, not an inflection: السرطان is the word سرطان (a Wikipedia title).
    for (const form of ["السرطان", "والسرطان", "بالسرطان", "للسرطان"])
      expect(await tokens(form, "arabic_news_word"), form).toEqual(["سرطان"]);
    expect(await tokens("الصينية", "arabic_news_word")).toEqual(["صينيه"]);
    expect(await tokens("الصين", "arabic_news_word")).not.toEqual(
      await tokens("الصينية", "arabic_news_word"),
    );
    // Too short to be article + word: الله, الي stay whole.
    expect(await tokens("الله الي", "arabic_news_word")).toEqual(["الله", "الي"]);
  });

  it("agrees with exactWords, the mirror the title-named ranking counts title words with", async () => {
    const text = "وصلَ الرئيسُ إلى بكين، والتقى للمرة الأولى بالمسؤولين «الصينيين» يوم ٢٣ أيار (مايو) 2025.";
    expect(exactWords(text)).toEqual(await tokens(text, "arabic_news_word"));
  });

  it("meets a final hamza written after ي with its seated spelling where the word seats it on ي", async () => {
    const spellings: [seated: string, written: string][] = [
      ["حالة الطوارئ", "حالة الطواريء"],
      ["لاجئ", "لاجيء"],
      ["المبادئ", "المباديء"],
      ["الشاطئ", "الشاطىء"],
    ];
    for (const [seated, written] of spellings)
      expect(await tokens(written), written).toEqual(await tokens(seated));
    // Without an alef before, the ي is the word's own: بريء still meets its feminine, not برء.
    expect(await tokens("بريء")).toEqual(await tokens("بريئة"));
    expect(await tokens("شيء")).toEqual(await tokens("شيئا"));
  });

  it("expands transliteration synonyms at search time only", async () => {
    const search = await tokens("أميركا", "arabic_news_search");
    expect(search).toEqual(expect.arrayContaining(await tokens("أمريكا")));
    expect(await tokens("ترمب", "arabic_news_search")).toEqual(expect.arrayContaining(await tokens("ترامب")));
    // A rule reaches the word's inflections through its stem: الديموقراطي finds الديمقراطية's.
    expect(await tokens("الديموقراطي", "arabic_news_search")).toEqual(
      expect.arrayContaining(await tokens("الديمقراطية")),
    );
    expect(await tokens("أميركا")).not.toEqual(await tokens("أمريكا"));
  });

  it("never rewrites everyday words into a name that happens to be spelt like them", async () => {
    // كيف (how) is also how some write كييف; إكس is a letter before it is the platform.
    const everyday = "كيف متى أين لماذا هل من في على مع عن بعد قبل اليوم أمس جديد رئيس وزير حكومة مدينة سوق";
    for (const word of everyday.split(" "))
      expect(await tokens(word, "arabic_news_search"), word).toEqual(await tokens(word));
    expect(await tokens("تويتر", "arabic_news_search")).toEqual(await tokens("تويتر"));
    // The other way, the name still finds its other spellings.
    expect(await tokens("كييف", "arabic_news_search")).toEqual(await tokens("كييف"));
    expect(await tokens("إكس", "arabic_news_search")).toEqual(expect.arrayContaining(await tokens("تويتر")));
  });

  it("gives the tokens of mappings/golden-tokens.json for every input and analyzer", async () => {
    const report = await verifyAnalysis(client, { index });
    expect(report.failures).toEqual([]);
    expect(report.differences.map(describeDifference)).toEqual([]);
    expect(report.inputs).toBeGreaterThan(300);
  });
});
