/**
 * @module search/stories
 * One result per story: of the ranked candidates, the first (best-ranked) article of each
 * near-duplicate group, in rank order. Its copies are counted, not shown: how many articles of
 * the story match what the reader asked for, and from how many outlets (storyCounts).
 */
import type { estypes } from "@elastic/elasticsearch";
import { StoryArticleSchema } from "./responses.js";

/** The near-duplicate group: one story's copies share it. */
export const STORY_FIELD = "dup_group";

/**
 * What a ranking request reads of each candidate: doc values only. Its stored fields (`_id`
 * among them) would be decompressed from the blocks that hold the articles' text.
 */
export const CANDIDATE_FIELDS = { stored_fields: ["_none_"], docvalue_fields: ["id", STORY_FIELD] };

/** A ranked candidate as the first request returns it: no text, only what picks and orders it. */
export interface Candidate {
  id: string;
  /** Undefined for an article without a group (indexed by hand): a story of its own. */
  story: string | undefined;
  score: number | null;
  sort: estypes.SortResults | undefined;
}

/** A doc-value field of a candidate (CANDIDATE_FIELDS), or undefined. */
function docValue(hit: estypes.SearchHit, field: string): string | undefined {
  const values = hit.fields?.[field];
  const value: unknown = Array.isArray(values) ? values[0] : undefined;
  return typeof value === "string" && value ? value : undefined;
}

export function firstOfEachStory(hits: estypes.SearchHit[]): Candidate[] {
  const seen = new Set<string>();
  const leaders: Candidate[] = [];
  for (const hit of hits) {
    const id = docValue(hit, "id");
    const story = docValue(hit, STORY_FIELD);
    const key = story ?? `article ${id}`;
    if (!id || seen.has(key)) continue;
    seen.add(key);
    leaders.push({ id, story, score: hit._score ?? null, sort: hit.sort });
  }
  return leaders;
}

/** What a story's articles that match amount to: how many, and from how many outlets. */
export interface StoryCount {
  articles: number;
  sources: number;
}

/** Fields an article of a story is listed with (its story page, a timeline's first report). */
export const STORY_ARTICLE_FIELDS = Object.keys(StoryArticleSchema.shape);

/** Who ran a story first: oldest first, ties in a stable order. */
export const OLDEST_FIRST: estypes.SortCombinations[] = [
  { published_at: { order: "asc" } },
  { id: { order: "asc" } },
];

/** The distinct outlets among a story's articles. */
const OUTLETS: estypes.AggregationsAggregationContainer = { cardinality: { field: "source" } };

/** The articles of `stories` that `matching` (the query and filters in force) also matches. */
function storyMembers(
  stories: readonly string[],
  matching: estypes.QueryDslQueryContainer[],
): estypes.QueryDslQueryContainer {
  return { bool: { filter: [{ terms: { [STORY_FIELD]: [...stories] } }, ...matching] } };
}

/**
 * Per story among `stories`, the articles the request's query matches and their distinct
 * outlets; with `first`, also each story's earliest article among them. A bucket per story
 * asked for, so its cost follows the page, not the matches.
 */
function storyCountsAggregation(
  stories: readonly string[],
  { first = false } = {},
): estypes.AggregationsAggregationContainer {
  return {
    terms: {
      field: STORY_FIELD,
      size: Math.max(1, stories.length),
      include: [...stories],
      // By value: a few stories' few articles. By global ordinals it costs in proportion to every
      // story of the archive.
      execution_hint: "map",
    },
    aggs: {
      sources: OUTLETS,
      ...(first
        ? {
            first: {
              top_hits: {
                size: 1,
                sort: OLDEST_FIRST,
                _source: STORY_ARTICLE_FIELDS,
              },
            },
          }
        : {}),
    },
  };
}

interface StoryBucket {
  key: string;
  doc_count: number;
  sources?: { value?: number };
  first?: { hits?: { hits?: estypes.SearchHit[] } };
}

/** The story buckets of a storyCountsAggregation, as Elasticsearch returns them. */
export function storyBuckets(aggregation: unknown): StoryBucket[] {
  return (aggregation as { buckets?: StoryBucket[] } | undefined)?.buckets ?? [];
}

/** storyCountsAggregation's answer, by story. */
export function storyCounts(aggregation: unknown): Map<string, StoryCount> {
  return new Map(
    storyBuckets(aggregation).map((bucket) => [
      bucket.key,
      { articles: bucket.doc_count, sources: Math.max(1, bucket.sources?.value ?? 1) },
    ]),
  );
}

/**
 * The articles of `stories` that `matching` (a query with the filters in force) matches, with
 * their counts per story: one size-0 request (related coverage, the editor's view).
 */
export function storyCountsRequest(
  stories: readonly string[],
  matching: estypes.QueryDslQueryContainer[],
  index: string,
  options: { first?: boolean } = {},
): estypes.SearchRequest {
  return {
    index,
    size: 0,
    track_total_hits: false,
    query: storyMembers(stories, matching),
    aggs: { stories: storyCountsAggregation(stories, options) },
  };
}

/** A story's articles a page holds at most, and the pages: from + size stays in the paging window. */
export const STORY_PAGE_MAX = 200;
export const STORY_PAGES_MAX = 50;

/** A page of a story's articles, oldest first (who ran it when), with the story's outlets counted. */
export function storyArticlesRequest(
  story: string,
  { size, page }: { size: number; page: number },
  index: string,
): estypes.SearchRequest {
  return {
    index,
    from: (page - 1) * size,
    size,
    track_total_hits: true,
    query: { term: { [STORY_FIELD]: story } },
    sort: OLDEST_FIRST,
    _source: STORY_ARTICLE_FIELDS,
    aggs: { sources: OUTLETS },
  };
}
