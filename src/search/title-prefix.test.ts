import { describe, expect, it } from "vitest";
import { loadIndexDefinition } from "../es/index-definition.js";
import { RANKING } from "./ranking.js";
import { LONGEST_START, prefixForms, titlePrefixAsWritten, titlePrefixQuery } from "./title-prefix.js";

describe("LONGEST_START", () => {
  it("is the longest edge n-gram title.word_starts is indexed with", () => {
    const { settings, mappings } = loadIndexDefinition();
    const title = mappings.properties?.title as { fields: Record<string, { analyzer: string }> };
    const analysis = settings.analysis as {
      analyzer: Record<string, { filter: string[] }>;
      filter: Record<string, { type: string; max_gram?: number }>;
    };
    const grams = (analysis.analyzer[title.fields.word_starts?.analyzer ?? ""]?.filter ?? [])
      .map((name) => analysis.filter[name])
      .filter((filter) => filter?.type === "edge_ngram");
    expect(grams.map((filter) => filter?.max_gram)).toEqual([LONGEST_START]);
  });
});

describe("prefixForms", () => {
  it("adds the word without its article where the analyzer would keep the article", () => {
    expect(prefixForms("الكت")).toEqual(["الكت", "كت"]);
    expect(prefixForms("وال")).toEqual(["وال"]);
    expect(prefixForms("للم")).toEqual(["للم", "م"]);
  });

  it("leaves a word alone when the analyzer strips the article itself, or there is none", () => {
    expect(prefixForms("الكتا")).toEqual(["الكتا"]);
    expect(prefixForms("بوت")).toEqual(["بوت"]);
  });
});

describe("titlePrefixQuery", () => {
  it("asks for either form, boosted as a whole, the bare one begun only after an article", () => {
    expect(titlePrefixQuery("للص", 0.5)).toEqual({
      bool: {
        should: [
          { match: { "title.autocomplete": { query: "للص" } } },
          {
            bool: {
              must: [{ match: { "title.autocomplete": { query: "ص" } } }],
              filter: [{ terms: { "title.word_starts": ["الص", "والص", "فالص", "بالص", "كالص", "للص"] } }],
            },
          },
        ],
        boost: 0.5,
      },
    });
    expect(titlePrefixQuery("بوت")).toEqual({ match: { "title.autocomplete": { query: "بوت" } } });
  });

  it("completes a word typed with an article only by a title word written with one", () => {
    // Without its article البخس begins بخسارة (ب and خسارة), a word no article was typed with.
    expect(titlePrefixQuery("البخس", 0.5)).toEqual({
      bool: {
        must: [{ match: { "title.autocomplete": { query: "البخس" } } }],
        filter: [
          { terms: { "title.word_starts": ["البخس", "والبخس", "فالبخس", "بالبخس", "كالبخس", "للبخس"] } },
        ],
        boost: 0.5,
      },
    });
    // Longer than the starts the field holds: each cut to the longest it holds.
    const long = titlePrefixQuery("الاستراتيجيةالمتكاملة").bool?.filter;
    const starts = (Array.isArray(long) ? long[0] : long)?.terms?.["title.word_starts"] as string[];
    expect(starts.map((start) => [...start].length)).toEqual([20, 20, 20, 20, 20, 20]);
    expect(starts[0]).toBe("الاستراتيجيهالمتكامل");
  });

  it("takes an article alone after other words for any word begun, and alone as typed", () => {
    expect(titlePrefixQuery("ال", 0.5, true)).toEqual({ match_all: { boost: 0.5 } });
    expect(titlePrefixQuery("وال", undefined, true)).toEqual({ match_all: {} });
    expect(titlePrefixQuery("ال")).toEqual({ match: { "title.autocomplete": { query: "ال" } } });
  });
});

describe("titlePrefixAsWritten", () => {
  it("requires the prefix and adds a bonus where a title word starts as typed, article included", () => {
    expect(titlePrefixAsWritten("السيس", 0.5)).toEqual({
      bool: {
        must: [
          {
            bool: {
              must: [{ match: { "title.autocomplete": { query: "السيس" } } }],
              filter: [
                {
                  terms: { "title.word_starts": ["السيس", "والسيس", "فالسيس", "بالسيس", "كالسيس", "للسيس"] },
                },
              ],
            },
          },
        ],
        should: [
          {
            constant_score: {
              filter: { match: { "title.word_starts": { query: "السيس" } } },
              boost: RANKING.typed.writtenStartBonus,
            },
          },
        ],
        boost: 0.5,
      },
    });
  });
});
