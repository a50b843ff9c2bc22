import { describe, expect, it } from "vitest";
import { didYouMeanSuggesters, suggestersForShards } from "./did-you-mean.js";
import { parseQuery } from "./query-parser.js";
import { RANKING } from "./ranking.js";
import { GLOBAL_STATISTICS_BELOW_ARTICLES, scoringSearchType } from "./shard-statistics.js";

describe("scoringSearchType", () => {
  it("gathers global statistics on a small index split over several shards", () => {
    expect(scoringSearchType({ articles: 200, shards: 3 })).toBe("dfs_query_then_fetch");
  });

  it("leaves one shard, and a large index, to Elasticsearch's default", () => {
    expect(scoringSearchType({ articles: 200, shards: 1 })).toBeUndefined();
    expect(scoringSearchType({ articles: GLOBAL_STATISTICS_BELOW_ARTICLES, shards: 3 })).toBeUndefined();
  });
});

describe("suggestersForShards", () => {
  const suggest = didYouMeanSuggesters(parseQuery("البرلمن يقر"));
  if (!suggest) throw new Error("expected suggesters");
  const terms = (shards: number) =>
    Object.values(suggestersForShards(suggest, shards)).map(
      (suggester) =>
        (suggester as { term: { min_doc_freq?: number; size?: number; shard_size?: number } }).term,
    );

  it("keeps the floor on one shard; on several, asks each for every word it holds, three times as many", () => {
    expect(suggestersForShards(suggest, 1)).toBe(suggest);
    expect(new Set(terms(1).map((term) => term.min_doc_freq))).toEqual(
      new Set([RANKING.didYouMean.minSuggestionFreq]),
    );
    const one = terms(1);
    terms(3).forEach((term, i) => {
      expect(term.min_doc_freq).toBe(0);
      expect(term.size).toBe((one[i]?.size ?? 0) * 3);
      expect(term.shard_size).toBe(term.size);
    });
  });
});
