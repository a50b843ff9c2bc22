/**
 * The rules src/text/arabic.ts mirrors, against the filters of mappings/articles.json they mirror,
 * on generated Arabic text through the real `_analyze`: the analyzer is what gets indexed, so it
 * decides. Each run sends its batch of inputs in one request, to keep a few hundred runs quick.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AnalyzeRequest, analyzeEach } from "../src/es/verify-analysis.js";
import { DEFINITE_ARTICLE, exactWords, normalizeArabic, normalizeWordEnding } from "../src/text/arabic.js";
import { createTestIndex, removeTestIndices, testClient } from "./helpers/es.js";

const client = testClient();
let index = "";

beforeAll(async () => {
  index = await createTestIndex(client, "analysis-mirror");
});
afterAll(async () => {
  await removeTestIndices(client, index);
  await client.close();
});

const RUNS = 300;

const range = (first: number, last: number) =>
  Array.from({ length: last - first + 1 }, (_, i) => String.fromCharCode(first + i));

/** Letters, hamza seats and wasla, then everything the normalisation touches, then the rest. */
const LETTERS = [...range(0x0621, 0x063a), ...range(0x0641, 0x064a)];
const SPECIAL = [
  ..."آأإؤئءٱىة",
  ...range(0x064b, 0x0655),
  "\u0670",
  "\u0640",
  ..."کڪیےۀہەپچژگ",
  ...range(0x0660, 0x0669),
  ...range(0x06f0, 0x06f9),
  ..."0123456789",
  ...range(0x200b, 0x200f),
  "\u061C",
  "\uFEFF",
  ..."aZxY",
];

const char = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...LETTERS) },
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL) },
  // A run of one character, for the elongation rule.
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...LETTERS, ...SPECIAL), fc.integer({ min: 2, max: 5 })) },
);
const stem = fc
  .array(char, { minLength: 1, maxLength: 8 })
  .map((parts) => parts.map((part) => (typeof part === "string" ? part : part[0].repeat(part[1]))).join(""));

/** Words that often carry the article and its clitics in front and an alef (or tanween alef) behind. */
const word = fc
  .tuple(
    fc.option(fc.constantFrom("ال", "وال", "فال", "بال", "كال", "لل", "و", "ل", "أل"), { freq: 2 }),
    stem,
    fc.option(fc.constantFrom("ا", "اً", "ى", "ة", "ها", "يء", "اريء", "ىء"), { freq: 2 }),
  )
  .map(([prefix, body, suffix]) => `${prefix ?? ""}${body}${suffix ?? ""}`);

const text = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(" "));
const batch = <T>(arbitrary: fc.Arbitrary<T>) => fc.array(arbitrary, { minLength: 1, maxLength: 12 });

/** Runs `inputs` through one chain and the mirror, and reports the inputs where they part. */
async function disagreements(
  request: Omit<AnalyzeRequest, "index">,
  inputs: string[],
  mirror: (input: string) => string[],
  keep: (token: string) => boolean = () => true,
): Promise<{ input: string; analyzer: string[]; mirror: string[] }[]> {
  const lists = await analyzeEach(client, { index, ...request }, inputs);
  return inputs
    .map((input, i) => ({ input, analyzer: (lists[i] ?? []).filter(keep), mirror: mirror(input) }))
    .filter((row) => JSON.stringify(row.analyzer) !== JSON.stringify(row.mirror));
}

/** The arabic_news_exact chain on the whole input as one token: normalizeArabic's definition. */
const NORMALIZATION = {
  char_filter: ["arabic_letter_variants", "arabic_elongation"],
  tokenizer: "keyword",
  filter: ["lowercase", "decimal_digit", "arabic_normalization"],
};
const oneFilter = (filter: string) => ({ tokenizer: "keyword", filter: [filter] });

describe("src/text/arabic.ts agrees with the analyzer on generated text (real Elasticsearch)", () => {
  it("normalizeArabic = the arabic_news_exact chain", async () => {
    await fc.assert(
      fc.asyncProperty(batch(text), async (inputs) => {
        expect(await disagreements(NORMALIZATION, inputs, (input) => [normalizeArabic(input)])).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it("normalizeWordEnding = arabic_word_ending", async () => {
    await fc.assert(
      fc.asyncProperty(batch(word), async (inputs) => {
        const mirror = (input: string) => [normalizeWordEnding(input)];
        expect(await disagreements(oneFilter("arabic_word_ending"), inputs, mirror)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it("DEFINITE_ARTICLE = arabic_definite_article", async () => {
    await fc.assert(
      fc.asyncProperty(batch(word), async (inputs) => {
        const mirror = (input: string) => [input.replace(DEFINITE_ARTICLE, "")];
        expect(await disagreements(oneFilter("arabic_definite_article"), inputs, mirror)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it("exactWords = arabic_news_word, word for word", async () => {
    await fc.assert(
      fc.asyncProperty(batch(text), async (inputs) => {
        // A word of tatweel or harakat alone is indexed as an empty term, which no query asks for:
        // exactWords leaves it out on purpose.
        const nonEmpty = (token: string) => token !== "";
        expect(await disagreements({ analyzer: "arabic_news_word" }, inputs, exactWords, nonEmpty)).toEqual(
          [],
        );
      }),
      { numRuns: RUNS },
    );
  });
});
