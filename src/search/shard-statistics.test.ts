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
  const floors = (shards: number) =>
    Object.values(suggestersForShards(suggest, shards)).map(
      (suggester) => (suggester as { term?: { min_doc_freq?: number } }).term?.min_doc_freq,
    );

  it("keeps the floor on one shard and shares it out over several", () => {
    expect(suggestersForShards(suggest, 1)).toBe(suggest);
    expect(new Set(floors(1))).toEqual(new Set([RANKING.didYouMean.minSuggestionFreq]));
    expect(new Set(floors(3))).toEqual(new Set([Math.ceil(RANKING.didYouMean.minSuggestionFreq / 3)]));
  });
});
