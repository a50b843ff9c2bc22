/**
 * @module search/shard-statistics
 * Whether a scored request gathers term statistics from every shard first. Each shard scores with
 * its own document frequencies and lengths; on a small index split over several shards those
 * differ enough between shards to reorder a page, so such an index pays one more round trip
 * (`dfs_query_then_fetch`) for scores closer to what one shard would give. docs/shards.md has the
 * figures.
 */
import type { estypes } from "@elastic/elasticsearch";

/**
 * Below this many articles, a multi-shard index is searched with global statistics: there they
 * bring a page closer to one shard's. From a few thousand on they no longer do (the blended
 * cross-field statistics and the rescore window stay per shard) and only add the round trip.
 */
export const GLOBAL_STATISTICS_BELOW_ARTICLES = 1_500;

/** How the alias's index is held: articles, and shards a search visits. */
export interface IndexShape {
  articles: number;
  shards: number;
}

/** The search type for scored requests on an index of this shape (undefined: Elasticsearch's default). */
export function scoringSearchType({ articles, shards }: IndexShape): estypes.SearchType | undefined {
  return shards > 1 && articles < GLOBAL_STATISTICS_BELOW_ARTICLES ? "dfs_query_then_fetch" : undefined;
}
