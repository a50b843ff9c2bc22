/**
 * @module search/filters
 * Filters and facets. Date limits narrow the query itself; source and category go in a
 * post_filter, so each facet still counts the values a reader could switch to (a facet ignores
 * its own filter and applies the other one).
 */
import type { estypes } from "@elastic/elasticsearch";
import type { Filters } from "./params.js";

type Clause = estypes.QueryDslQueryContainer;

/** Below this many stories their count is close to exact (Elasticsearch's cardinality estimates beyond). */
const STORIES_COUNT_PRECISION = 10_000;

function dateRange(filters: Filters): Clause[] {
  if (!filters.from && !filters.to) return [];
  const range: estypes.QueryDslDateRangeQuery = {};
  if (filters.from) range.gte = filters.from;
  // A date alone means the whole day: up to the start of the next one.
  if (filters.to?.endsWith("T00:00:00.000Z")) range.lt = `${filters.to.slice(0, 10)}||+1d`;
  else if (filters.to) range.lte = filters.to;
  return [{ range: { published_at: range } }];
}

const sourceClause = (filters: Filters): Clause[] =>
  filters.source?.length ? [{ terms: { source: filters.source } }] : [];
const categoryClause = (filters: Filters): Clause[] =>
  filters.category?.length ? [{ terms: { category: filters.category } }] : [];

export function buildFilters(filters: Filters): { query: Clause[]; postFilter?: Clause } {
  const post = [...sourceClause(filters), ...categoryClause(filters)];
  return { query: dateRange(filters), ...(post.length ? { postFilter: { bool: { filter: post } } } : {}) };
}

/** All filters as one list, for requests without facets (related coverage, suggestions). */
export function allFilters(filters: Filters): Clause[] {
  return [...dateRange(filters), ...sourceClause(filters), ...categoryClause(filters)];
}

/** Day bars for a month or two, months for up to two years, years beyond. */
export function histogramInterval(filters: Pick<Filters, "from" | "to">): "day" | "month" | "year" {
  if (!filters.from || !filters.to) return "month";
  const days = (Date.parse(filters.to) - Date.parse(filters.from)) / 86_400_000;
  if (days <= 62) return "day";
  return days <= 730 ? "month" : "year";
}

export function facetAggregations(
  filters: Filters,
): Record<string, estypes.AggregationsAggregationContainer> {
  const only = (clauses: Clause[]): Clause => ({ bool: { filter: clauses } });
  return {
    sources: {
      filter: only(categoryClause(filters)),
      aggs: { values: { terms: { field: "source", size: 20 } } },
    },
    categories: {
      filter: only(sourceClause(filters)),
      aggs: { values: { terms: { field: "category", size: 20 } } },
    },
    dates: {
      filter: only([...sourceClause(filters), ...categoryClause(filters)]),
      aggs: {
        values: {
          date_histogram: {
            field: "published_at",
            calendar_interval: histogramInterval(filters),
            min_doc_count: 1,
          },
        },
      },
    },
    // The stories the pages hold: every filter applies. Close to exact up to the paging window.
    stories: {
      filter: only([...sourceClause(filters), ...categoryClause(filters)]),
      aggs: { values: { cardinality: { field: "dup_group", precision_threshold: STORIES_COUNT_PRECISION } } },
    },
  };
}
