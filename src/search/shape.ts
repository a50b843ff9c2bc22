/**
 * @module search/shape
 * Elasticsearch responses → the API's own shapes. Highlights and snippets are HTML-safe: the
 * highlighter escapes the text and adds only <mark>; anything built here is escaped too.
 */
import type { estypes } from "@elastic/elasticsearch";
import type { ArticleDocument } from "../articles/document.js";
import { escapeHtml } from "../text/html.js";
import { encodeCursor } from "./build-search.js";
import type { FacetValue, SearchHit, SearchResponse, StoryArticle } from "./responses.js";
import type { StoryCount } from "./stories.js";

/** The first words of a text, cut at a word boundary, escaped. */
export function excerpt(text: string, maxChars = 240): string {
  if (text.length <= maxChars) return escapeHtml(text);
  const cut = text.slice(0, maxChars);
  const boundary = cut.lastIndexOf(" ");
  return `${escapeHtml(cut.slice(0, boundary > maxChars / 2 ? boundary : maxChars))}…`;
}

type Hit = estypes.SearchHit<Partial<ArticleDocument>>;

/** The story a hit belongs to: its group, or itself when it has no copies on record. */
export const storyOf = (hit: Hit): string => hit._source?.dup_group || hit._id || hit._source?.id || "";

/**
 * `stories`: per story, its articles that match what was asked (this one among them), when
 * counted; a hit's copies are the others.
 */
export function shapeHit(hit: Hit, stories?: ReadonlyMap<string, StoryCount>): SearchHit {
  const source = hit._source ?? {};
  const highlight = hit.highlight ?? {};
  const body = highlight.body ?? [];
  const lead = highlight.lead ?? [];
  const story = storyOf(hit);
  const counted = stories?.get(story);
  const copies = Math.max(0, (counted?.articles ?? 1) - 1);
  return {
    id: hit._id ?? source.id ?? "",
    title: source.title ?? "",
    url: source.url ?? null,
    source: source.source ?? "",
    author: source.author ?? null,
    published_at: source.published_at ?? "",
    category: source.category ?? null,
    score: hit._score ?? null,
    snippet: body.length ? body.join(" … ") : (lead[0] ?? excerpt(source.lead ?? source.title ?? "")),
    highlights: { title: highlight.title ?? [], body },
    story,
    copies,
    sources: counted?.sources ?? 1,
    duplicates: copies,
  };
}

/** An article as a story lists it. */
export function storyArticle(hit: Hit): StoryArticle {
  const source = hit._source ?? {};
  return {
    id: hit._id ?? source.id ?? "",
    title: source.title ?? "",
    source: source.source ?? "",
    published_at: source.published_at ?? "",
    url: source.url ?? null,
    category: source.category ?? null,
  };
}

function buckets(aggregation: unknown): FacetValue[] {
  const values = (
    aggregation as {
      values?: { buckets?: Array<{ key: string | number; key_as_string?: string; doc_count: number }> };
    }
  )?.values?.buckets;
  return (values ?? []).map((bucket) => ({
    value: bucket.key_as_string ?? String(bucket.key),
    count: bucket.doc_count,
  }));
}

/** Hits found, however Elasticsearch reports the total. */
export const hitCount = (total: number | estypes.SearchTotalHits | undefined): number =>
  typeof total === "number" ? total : (total?.value ?? 0);

/** How many articles each search of an `msearch` found (0 for one that failed). */
export const foundByEach = (responses: readonly estypes.MsearchResponseItem[]): number[] =>
  responses.map((item) => ("hits" in item ? hitCount(item.hits.total) : 0));

/**
 * `response` is the ranking request's (total, facets, timing); `hits` are the page's articles in
 * the order shown; `after` is the sort position of the last one, when the page was sorted.
 */
export function shapeSearchResponse(
  response: estypes.SearchResponse,
  hits: Hit[],
  copies?: ReadonlyMap<string, StoryCount>,
  after?: estypes.SortResults,
): SearchResponse {
  const total = response.hits.total;
  const value = hitCount(total);
  const aggs = response.aggregations ?? {};
  return {
    total: { value, exact: typeof total === "number" || total?.relation === "eq" },
    took_ms: response.took,
    partial: response.timed_out,
    stories: (aggs.stories as { values?: { value?: number } } | undefined)?.values?.value ?? null,
    hits: hits.map((hit) => shapeHit(hit, copies)),
    facets: {
      source: buckets(aggs.sources),
      category: buckets(aggs.categories),
      published: buckets(aggs.dates),
    },
    suggestion: null,
    next_cursor: after && hits.length ? encodeCursor(after) : null,
    corrected_query: null,
    unquoted_query: null,
    arabic_keys_query: null,
    arabic_name_query: null,
  };
}
