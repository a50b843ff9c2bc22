/**
 * @module search/build-search
 * Validated search input → the Elasticsearch request body. Pure: no I/O, unit-tested beside it,
 * and used as is by the API, the terminal command and the evaluation harness.
 */
import type { estypes } from "@elastic/elasticsearch";
import { INDEX_ONLY_FIELDS } from "../articles/document.js";
import { exactWords } from "../text/arabic.js";
import { buildFilters, facetAggregations } from "./filters.js";
import type { SearchInput } from "./params.js";
import { isEmptyQuery, type ParsedQuery, parseQuery, positiveText, unquotedQuery } from "./query-parser.js";
import { RANKING } from "./ranking.js";

const { fields } = RANKING;
const STEMMED = [`title^${fields.title}`, `lead^${fields.lead}`, `body^${fields.body}`];
const EXACT = [`title.exact^${fields.title}`, `lead.exact^${fields.lead}`, `body.exact^${fields.body}`];
const SHINGLES = [`title.shingles^${fields.title}`, `body.shingles^${fields.body}`];

/** Beyond this, from/size paging stops and the cursor takes over. */
export const MAX_WINDOW = 10_000;

/** One word or OR-group: stemmed match in any field, or a fuzzy match for a long misspelt word. */
function wordClause(alternatives: string[]): estypes.QueryDslQueryContainer {
  return {
    bool: {
      should: alternatives.flatMap((word) => [
        { multi_match: { query: word, fields: STEMMED, type: "best_fields" } },
        {
          multi_match: {
            query: word,
            fields: EXACT,
            fuzziness: RANKING.fuzziness,
            prefix_length: RANKING.fuzzyPrefixLength,
            max_expansions: RANKING.fuzzyMaxExpansions,
            boost: RANKING.fuzzyBoost,
          },
        },
      ]),
      minimum_should_match: 1,
    },
  };
}

/** Matching: which documents qualify. */
function matchClauses(parsed: ParsedQuery): estypes.QueryDslQueryContainer[] {
  const plain = parsed.terms.filter((group) => group.length === 1).map((group) => group[0] as string);
  const clauses: estypes.QueryDslQueryContainer[] = [];
  if (plain.length) {
    const words = { query: plain.join(" "), fields: STEMMED, type: RANKING.matchType };
    clauses.push({
      bool: {
        should: [
          // The words across the fields (stemmed); more of them and rarer ones score higher.
          { multi_match: { ...words, minimum_should_match: RANKING.minimumShouldMatch } },
          // Any of them, far weaker: a word that matches nowhere does not empty the page.
          { multi_match: { ...words, minimum_should_match: "1", boost: RANKING.relaxedBoost } },
          // The same with typo tolerance, weaker, so a misspelt long word still finds its story.
          ...(plain.length <= RANKING.fuzzyMaxWords
            ? [{ bool: { must: plain.map((word) => wordClause([word])), boost: RANKING.fuzzyBoost } }]
            : []),
        ],
        minimum_should_match: 1,
      },
    });
  }
  for (const group of parsed.terms.filter((alternatives) => alternatives.length > 1))
    clauses.push(wordClause(group));
  for (const phrase of parsed.phrases)
    clauses.push({ multi_match: { query: phrase, fields: EXACT, type: "phrase", slop: 0 } });
  return clauses;
}

/** The query holds every word of the title: it names the article (ابن خلدون in أين درس ابن خلدون). */
function titleNamedClause(text: string): estypes.QueryDslQueryContainer[] {
  const words = [...new Set(exactWords(text))];
  if (!words.length) return [];
  const titleWithin = { terms: words, minimum_should_match_field: "title_words" };
  return [
    {
      constant_score: {
        filter: { terms_set: { "title.exact": titleWithin } },
        boost: RANKING.titleNamedBoost,
      },
    },
  ];
}

/** Ranking signals on top of matching: exact forms, phrase, proximity, a title named in full. */
function boostClauses(parsed: ParsedQuery): estypes.QueryDslQueryContainer[] {
  const text = positiveText(parsed);
  return [
    ...titleNamedClause(text),
    { multi_match: { query: text, fields: EXACT, type: "most_fields", boost: RANKING.exactBoost } },
    {
      multi_match: {
        query: text,
        fields: STEMMED,
        type: "phrase",
        slop: RANKING.phraseSlop,
        boost: RANKING.phraseBoost,
      },
    },
    { multi_match: { query: text, fields: SHINGLES, type: "most_fields", boost: RANKING.shingleBoost } },
  ];
}

export function buildQuery(parsed: ParsedQuery, withRecency: boolean): estypes.QueryDslQueryContainer {
  if (isEmptyQuery(parsed)) return { match_all: {} };
  const must_not = parsed.excluded.map(
    (word): estypes.QueryDslQueryContainer => ({
      multi_match: {
        query: word,
        fields: [...STEMMED, ...EXACT],
        type: word.includes(" ") ? "phrase" : "best_fields",
      },
    }),
  );
  const query: estypes.QueryDslQueryContainer = {
    bool: { must: matchClauses(parsed), should: boostClauses(parsed), must_not },
  };
  if (!withRecency) return query;
  return {
    function_score: {
      query,
      functions: [
        {
          exp: { published_at: { origin: "now", scale: RANKING.recencyHalfLife, decay: 0.5 } },
          weight: RANKING.recencyWeight,
        },
      ],
      score_mode: "sum",
      boost_mode: "sum",
    },
  };
}

const HIGHLIGHT: estypes.SearchHighlight = {
  encoder: "html",
  pre_tags: ["<mark>"],
  post_tags: ["</mark>"],
  type: "unified",
  fields: {
    title: { number_of_fragments: 0 },
    body: { fragment_size: 180, number_of_fragments: 2, no_match_size: 0 },
    lead: { number_of_fragments: 0, no_match_size: 300 },
  },
};

/** Sort values of the last hit, encoded for the next request. */
export function encodeCursor(sort: estypes.SortResults): string {
  return Buffer.from(JSON.stringify(sort)).toString("base64url");
}

export function decodeCursor(cursor: string): estypes.SortResults | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    return Array.isArray(value) && value.length === 3 ? (value as estypes.SortResults) : undefined;
  } catch {
    return undefined;
  }
}

/** How many articles each shown story has: one cheap terms lookup instead of inner_hits. */
export function copiesRequest(groups: string[], index: string): estypes.SearchRequest {
  return {
    index,
    size: 0,
    query: { terms: { dup_group: groups } },
    aggs: { groups: { terms: { field: "dup_group", size: groups.length } } },
  };
}

/**
 * What /api/search searches for when the query as typed finds nothing and quotes phrases: the same
 * words unquoted (a reader who quotes a title slightly wrong gets the articles that hold its words,
 * told so, instead of an empty page). Undefined when the query quotes no phrase.
 */
export function unquotedFallback(input: SearchInput): SearchInput | undefined {
  const q = unquotedQuery(input.q);
  return q === undefined ? undefined : { ...input, q };
}

export function buildSearchRequest(input: SearchInput, index: string): estypes.SearchRequest {
  const parsed = parseQuery(input.q);
  const newest = input.sort === "newest" || isEmptyQuery(parsed);
  const cursor = input.cursor ? decodeCursor(input.cursor) : undefined;
  const { query: filterQuery, postFilter } = buildFilters(input);
  const sort: estypes.Sort = newest
    ? [{ published_at: { order: "desc" } }, { _score: { order: "desc" } }, { id: { order: "asc" } }]
    : [{ _score: { order: "desc" } }, { published_at: { order: "desc" } }, { id: { order: "asc" } }];
  const request: estypes.SearchRequest = {
    index,
    size: input.size,
    track_total_hits: MAX_WINDOW,
    query: { bool: { must: [buildQuery(parsed, !newest)], filter: filterQuery } },
    post_filter: postFilter,
    sort,
    aggs: facetAggregations(input),
    _source: { excludes: ["body", ...INDEX_ONLY_FIELDS] },
  };
  if (cursor) request.search_after = cursor;
  else {
    request.from = (input.page - 1) * input.size;
    // search_after cannot be combined with collapse, so copies collapse on numbered pages only.
    // No inner_hits: it re-runs the query once per group; copiesRequest counts the copies instead.
    request.collapse = { field: "dup_group" };
  }
  if (input.highlight && !isEmptyQuery(parsed)) request.highlight = HIGHLIGHT;
  if (!isEmptyQuery(parsed))
    request.suggest = {
      text: positiveText(parsed),
      did_you_mean: { term: { field: "body.exact", suggest_mode: "popular", min_word_length: 3, size: 1 } },
    };
  return request;
}
