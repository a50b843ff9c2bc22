/**
 * @module search/build-search
 * Validated search input → the Elasticsearch request body. Pure: no I/O, unit-tested beside it,
 * and used as is by the API, the terminal command and the evaluation harness.
 */
import type { estypes } from "@elastic/elasticsearch";
import { INDEX_ONLY_FIELDS } from "../articles/document.js";
import { exactWords } from "../text/arabic.js";
import { didYouMeanSuggesters } from "./did-you-mean.js";
import { buildFilters, facetAggregations } from "./filters.js";
import type { SearchInput } from "./params.js";
import {
  isEmptyQuery,
  type ParsedQuery,
  parseQuery,
  plainWords,
  positiveText,
  unquotedQuery,
} from "./query-parser.js";
import { RANKING } from "./ranking.js";
import { allowedEdits, completable } from "./typos.js";

const { fields, typed, typos } = RANKING;
const STEMMED = [`title^${fields.title}`, `lead^${fields.lead}`, `body^${fields.body}`];
const EXACT = [`title.exact^${fields.title}`, `lead.exact^${fields.lead}`, `body.exact^${fields.body}`];

/** Beyond this, from/size paging stops and the cursor takes over. */
export const MAX_WINDOW = 10_000;

/** One word matched as typed in the exact fields, or within the typos its length allows. */
function typoTolerant(word: string, fieldNames: string[], boost?: number): estypes.QueryDslQueryContainer {
  const edits = allowedEdits(word);
  return {
    multi_match: {
      query: word,
      fields: fieldNames,
      ...(edits
        ? { fuzziness: edits, prefix_length: typos.prefixLength, max_expansions: typos.maxExpansions }
        : {}),
      ...(boost === undefined ? {} : { boost }),
    },
  };
}

/**
 * A word as typed, within a typo, in the title or lead: the exact form, or the title's words as
 * written, for a typo that garbled the article itself (لاملك for الملك). Not in the body: expanding
 * typos over its far larger vocabulary would be most of a search's cost, and a story a reader
 * recalls is named in its title.
 */
function typedWord(word: string): estypes.QueryDslQueryContainer {
  const inTitle: estypes.QueryDslQueryContainer = {
    multi_match: { query: word, fields: ["title.exact", "lead.exact"] },
  };
  if (!allowedEdits(word)) return inTitle;
  return { dis_max: { queries: [inTitle, typoTolerant(word, ["title.words"])] } };
}

/** The last word, still being typed: the start of a title word (edge n-grams, built at index time). */
function titlePrefix(word: string): estypes.QueryDslQueryContainer {
  return { match: { "title.autocomplete": { query: word, boost: typed.prefixBoost } } };
}

/** Each word as typed, within a typo, or (the last, while typing) as a prefix: one clause a word. */
function typedWords(
  words: string[],
  lastIsPrefix: boolean,
  match: (word: string) => estypes.QueryDslQueryContainer,
): estypes.QueryDslQueryContainer[] {
  return words.map((word, i) =>
    lastIsPrefix && i === words.length - 1 && completable(word)
      ? { dis_max: { queries: [match(word), titlePrefix(word)] } }
      : match(word),
  );
}

/** One OR-group: any alternative, stemmed in any field or within a typo of its exact form. */
function alternativesClause(alternatives: string[]): estypes.QueryDslQueryContainer {
  return {
    bool: {
      should: alternatives.flatMap((word) => [
        { multi_match: { query: word, fields: STEMMED, type: "best_fields" } },
        typoTolerant(word, EXACT, typed.prefixBoost),
      ]),
      minimum_should_match: 1,
    },
  };
}

/** First stage, matching: which documents qualify, scored cheaply. */
function recallClauses(parsed: ParsedQuery): estypes.QueryDslQueryContainer[] {
  const plain = plainWords(parsed);
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
          // The words as typed in the title, misspelt or unfinished: the story a reader half remembers.
          ...(plain.length <= typed.maxWords && !parsed.isQuestion
            ? [
                {
                  bool: {
                    should: titleCoverage(parsed),
                    minimum_should_match: typed.minimumShouldMatch,
                    boost: typed.boost,
                  },
                },
              ]
            : []),
        ],
        minimum_should_match: 1,
      },
    });
  }
  for (const group of parsed.terms.filter((alternatives) => alternatives.length > 1))
    clauses.push(alternativesClause(group));
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

/**
 * Each word typed (within a typo, the last possibly unfinished) that the title or lead holds: the
 * more of them and the rarer, the likelier the title is the headline a reader recalls.
 */
function titleCoverage(parsed: ParsedQuery): estypes.QueryDslQueryContainer[] {
  return typedWords(plainWords(parsed), parsed.lastWordIsPrefix, typedWord);
}

/** Second stage: signals that only reorder the top window (exact forms, phrase, titles). */
function rescoreQuery(parsed: ParsedQuery): estypes.QueryDslQueryContainer {
  const text = positiveText(parsed);
  return {
    bool: {
      should: [
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
        RECENCY,
        ...wordPairs(text).map((pair) => ({
          multi_match: { query: pair, fields: STEMMED, type: "phrase" as const, boost: RANKING.pairBoost },
        })),
      ],
    },
  };
}

/** Adjacent words of the query, two by two: proximity for queries too long to match as a phrase. */
function wordPairs(text: string): string[] {
  const words = text.split(" ").filter(Boolean);
  return words.slice(1).map((word, i) => `${words[i]} ${word}`);
}

export function buildQuery(parsed: ParsedQuery): estypes.QueryDslQueryContainer {
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
  // The named title is a flat filter, cheap enough to lift an article from anywhere in the ranking.
  return { bool: { must: recallClauses(parsed), should: titleNamedClause(positiveText(parsed)), must_not } };
}

/** Recency, added to every article of the window: the newer of two near-equal articles first. */
const RECENCY: estypes.QueryDslQueryContainer = {
  function_score: {
    functions: [
      {
        exp: { published_at: { origin: "now", scale: RANKING.recencyHalfLife, decay: 0.5 } },
        weight: RANKING.recencyWeight,
      },
    ],
    boost_mode: "replace",
  },
};

/**
 * What the highlighter marks: the stemmed words in every field, and the unfinished last word in the
 * title. Not typo matches: building their automata for every hit costs more than the search.
 */
function highlight(parsed: ParsedQuery): estypes.SearchHighlight {
  const plain = plainWords(parsed);
  const last = plain.at(-1);
  const typing = parsed.lastWordIsPrefix && last !== undefined && completable(last);
  return {
    encoder: "html",
    pre_tags: ["<mark>"],
    post_tags: ["</mark>"],
    type: "unified",
    highlight_query: {
      bool: {
        should: [
          { multi_match: { query: positiveText(parsed), fields: STEMMED } },
          ...(typing ? [{ match_bool_prefix: { title: last } }] : []),
        ],
      },
    },
    fields: {
      title: { number_of_fragments: 0 },
      body: { fragment_size: 180, number_of_fragments: 2, no_match_size: 0 },
      lead: { number_of_fragments: 0, no_match_size: 300 },
    },
  };
}

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
  return searchRequest(parseQuery(input.q), input, index);
}

/** The same, for a caller that has parsed the query already (the service reads the parse again). */
export function searchRequest(parsed: ParsedQuery, input: SearchInput, index: string): estypes.SearchRequest {
  const empty = isEmptyQuery(parsed);
  const newest = input.sort === "newest" || empty;
  const cursor = input.cursor ? decodeCursor(input.cursor) : undefined;
  const { query: filterQuery, postFilter } = buildFilters(input);
  const request: estypes.SearchRequest = {
    index,
    size: input.size,
    timeout: RANKING.timeout,
    track_total_hits: MAX_WINDOW,
    query: { bool: { must: [buildQuery(parsed)], filter: filterQuery } },
    post_filter: postFilter,
    ...(input.facets ? { aggs: facetAggregations(input) } : {}),
    _source: { excludes: ["body", ...INDEX_ONLY_FIELDS] },
  };
  if (newest || cursor) {
    // A sort of our own (and so a cursor) cannot go with a rescore: newest-first and cursor pages
    // are ordered by the first stage, ties by date and id.
    request.sort = newest
      ? [{ published_at: { order: "desc" } }, { _score: { order: "desc" } }, { id: { order: "asc" } }]
      : [{ _score: { order: "desc" } }, { published_at: { order: "desc" } }, { id: { order: "asc" } }];
  } else {
    request.rescore = {
      window_size: RANKING.rescore.windowSize,
      query: {
        rescore_query: rescoreQuery(parsed),
        query_weight: RANKING.rescore.queryWeight,
        rescore_query_weight: RANKING.rescore.rescoreQueryWeight,
      },
    };
  }
  if (cursor) request.search_after = cursor;
  else {
    request.from = (input.page - 1) * input.size;
    // search_after cannot be combined with collapse, so copies collapse on numbered pages only.
    // No inner_hits: it re-runs the query once per group; copiesRequest counts the copies instead.
    request.collapse = { field: "dup_group" };
  }
  if (input.highlight && !empty) request.highlight = highlight(parsed);
  const suggest = empty ? undefined : didYouMeanSuggesters(parsed);
  if (suggest) request.suggest = suggest;
  return request;
}
