import type { estypes } from "@elastic/elasticsearch";
import { describe, expect, it } from "vitest";
import { collateRequests, correctedQuery, didYouMeanSuggesters } from "./did-you-mean.js";
import { parseQuery } from "./query-parser.js";

const termSuggestion = (text: string, offset: number, option?: string): estypes.SearchSuggest => ({
  text,
  offset,
  length: text.length,
  options: option ? [{ text: option, score: 0.8, freq: 40 }] : [],
});

describe("didYouMeanSuggesters", () => {
  it("asks about words that could be typos, each with the edits its length allows", () => {
    const suggest = didYouMeanSuggesters(parseQuery("السيسو يستقبل وزير الاستثمارات 2025 ابو"));
    expect(suggest?.typo_1).toMatchObject({ text: "السيسو يستقبل وزير", term: { max_edits: 1 } });
    expect(suggest?.typo_2).toMatchObject({ text: "الاستثمارات", term: { max_edits: 2 } });
    expect(JSON.stringify(suggest)).not.toContain("2025");
  });

  it("skips queries with no word that could be a typo, and queries with syntax", () => {
    expect(didYouMeanSuggesters(parseQuery("ابو ظبي 2025"))).toBeUndefined();
    expect(didYouMeanSuggesters(parseQuery("اب".repeat(250)))).toBeUndefined();
    expect(didYouMeanSuggesters(parseQuery('السيسو "بوتين روسيا"'))).toBeUndefined();
    expect(didYouMeanSuggesters(parseQuery("السيسو -بوتين"))).toBeUndefined();
  });
});

describe("correctedQuery", () => {
  it("replaces each corrected word in place, keeping its article", () => {
    const parsed = parseQuery("السيسو يستقبل الاستسمارات");
    const response = {
      suggest: {
        typo_1: [termSuggestion("سيسو", 0, "سيسي"), termSuggestion("يستقبل", 7)],
        typo_2: [termSuggestion("استسمارات", 0, "استثمارات")],
      },
    } as unknown as estypes.SearchResponse;
    expect(correctedQuery(parsed, response)).toBe("السيسي يستقبل الاستثمارات");
  });

  it("is undefined when no word was corrected", () => {
    const response = {
      suggest: { typo_1: [termSuggestion("بوتين", 0)] },
    } as unknown as estypes.SearchResponse;
    expect(correctedQuery(parseQuery("بوتين"), response)).toBeUndefined();
    expect(correctedQuery(parseQuery("بوتين"), {} as estypes.SearchResponse)).toBeUndefined();
  });
});

describe("collateRequests", () => {
  it("checks the query as typed (its last word as a prefix while typing) and as corrected", () => {
    const [, typed, , corrected] = collateRequests(parseQuery("السيسو بوت"), "السيسي بوت", "articles");
    expect(JSON.stringify(typed)).toContain("title.autocomplete");
    expect(JSON.stringify(corrected)).not.toContain("title.autocomplete");
    expect(typed).toMatchObject({ size: 0, terminate_after: 1 });
  });
});
