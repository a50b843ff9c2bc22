/**
 * @module eval/systems
 * The systems compared, each as the index it searches plus how it asks. Baselines are what one
 * gets from Elasticsearch out of the box: a stock analyzer (`standard` or `arabic`) and a plain
 * multi_match, in the variants a developer would try first (fuzziness, bool_prefix, a title
 * boost), or stock more_like_this; `handtuned` is what a developer reaches with an afternoon of
 * query tuning on stock analyzers; `project` is the real thing: the index built from mappings/
 * and the SearchService /api/search uses, or the request builder /api/related uses.
 */
import type { estypes } from "@elastic/elasticsearch";
import type { EsClient } from "../../src/es/client.js";
import { buildRelatedRequest } from "../../src/search/build-related.js";
import { SearchParams } from "../../src/search/params.js";
import { SearchService } from "../../src/search/service.js";
import type { CorpusIndices, IndexKind } from "./indices.js";

export type { CorpusIndices, IndexKind } from "./indices.js";

/** A hit reduced to what judging needs; `story` is the near-duplicate group from the project index. */
export interface JudgedHit {
  id: string;
  story: string;
  category?: string | undefined;
}

export interface Answer {
  hits: JudgedHit[];
  /** Round trip seen by the client, and Elasticsearch's own `took` (summed over its requests). */
  ms: number;
  tookMs: number;
  /** The "did you mean" shown with the results (project only). */
  suggestion?: string | null;
  /** The correction the results are for, when the word typed is held nowhere (project only). */
  correctedQuery?: string | null;
  /** The Arabic the query's keys type, when the results are for it (project only). */
  arabicKeysQuery?: string | null;
  /** The query's Latin names as the articles write them, when the results are for it (project only). */
  arabicNameQuery?: string | null;
}

/** What every system of one corpus shares: the client, the indices, each document's story. */
export interface SearchContext {
  client: EsClient;
  indices: CorpusIndices;
  storyOf: ReadonlyMap<string, string>;
}

export interface SearchSystem {
  name: string;
  index: IndexKind;
  search(context: SearchContext, q: string): Promise<Answer>;
}

/**
 * Equal scores fall to the lower id, as in the project's own sort: otherwise a baseline's ties
 * follow the order documents happened to be copied in, and its figures drift between runs.
 */
const BY_SCORE_THEN_ID: estypes.Sort = [{ _score: { order: "desc" } }, { id: { order: "asc" } }];

type Source = { id?: string; dup_group?: string; category?: string };

/** One raw request, timed, its hits judged by the story the baseline index copied from the project. */
export async function timedRequest(client: EsClient, request: estypes.SearchRequest): Promise<Answer> {
  const started = performance.now();
  const response = await client.search<Source>(request);
  const ms = performance.now() - started;
  const hits = response.hits.hits.map((hit) => ({
    id: hit._id ?? "",
    story: hit._source?.dup_group ?? hit._id ?? "",
    category: hit._source?.category,
  }));
  return { hits, ms, tookMs: response.took };
}

/** A system's rows sorted by date: the same query, newest first. */
export const NEWEST_FIRST = ", newest first";

/** The newest first, equal dates to the lower id. */
const BY_DATE_THEN_ID: estypes.Sort = [{ published_at: { order: "desc" } }, { id: { order: "asc" } }];

const rawSystem = (
  name: string,
  index: IndexKind,
  query: (q: string) => estypes.QueryDslQueryContainer,
  sort: estypes.Sort = BY_SCORE_THEN_ID,
): SearchSystem => ({
  name,
  index,
  search: ({ client, indices }, q) =>
    timedRequest(client, {
      index: indices[index],
      size: 10,
      query: query(q),
      sort,
      _source: ["id", "dup_group", "category"],
    }),
});

export interface StockVariant {
  analyzer: "standard" | "arabic";
  fuzzy: boolean;
  bool_prefix: boolean;
  titleBoost: boolean;
}

/** "arabic", "standard+fuzzy+bool_prefix+title^2", …: the plain ones keep their old names. */
export const stockName = (v: StockVariant) =>
  [v.analyzer, v.fuzzy && "fuzzy", v.bool_prefix && "bool_prefix", v.titleBoost && "title^2"]
    .filter(Boolean)
    .join("+");

/** The variant's `multi_match` over title and body. */
const stockQuery =
  (variant: StockVariant) =>
  (q: string): estypes.QueryDslQueryContainer => ({
    multi_match: {
      query: q,
      fields: [variant.titleBoost ? "title^2" : "title", "body"],
      ...(variant.fuzzy ? { fuzziness: "AUTO" } : {}),
      ...(variant.bool_prefix ? { type: "bool_prefix" as const } : {}),
    },
  });

export function stockSystem(variant: StockVariant, sort?: estypes.Sort): SearchSystem {
  const name = `${stockName(variant)}${sort ? NEWEST_FIRST : ""}`;
  return rawSystem(name, variant.analyzer, stockQuery(variant), sort);
}

const FLAGS = [false, true];
export const STOCK_SYSTEMS: readonly SearchSystem[] = (["standard", "arabic"] as const).flatMap((analyzer) =>
  FLAGS.flatMap((fuzzy) =>
    FLAGS.flatMap((bool_prefix) =>
      FLAGS.map((titleBoost) => stockSystem({ analyzer, fuzzy, bool_prefix, titleBoost })),
    ),
  ),
);

/**
 * Both stock analyzers on title and body, every field scoring (most_fields), one edit allowed
 * from four letters, and the words as typed as a title phrase whose last word may be unfinished.
 * The slop lets the remembered words stand apart, as they do in the headline.
 */
export const HANDTUNED: SearchSystem = rawSystem("handtuned", "arabic-and-standard", (q) => ({
  bool: {
    should: [
      {
        multi_match: {
          query: q,
          type: "most_fields",
          fields: ["title^3", "title.std^3", "body", "body.std"],
          fuzziness: "AUTO:4,100",
        },
      },
      { match_phrase_prefix: { title: { query: q, slop: 10, boost: 3 } } },
    ],
  },
}));

const services = new WeakMap<SearchContext, SearchService>();

/**
 * The corpus's one SearchService, as the API keeps one per process: a new one for each query would
 * count the index again (the shard statistics it caches) and time that count with the query.
 */
export function projectService(context: SearchContext): SearchService {
  const known = services.get(context);
  if (known) return known;
  const service = new SearchService(context.client, context.indices.project);
  services.set(context, service);
  return service;
}

/** The product: the SearchService /api/search calls, with everything it does for one query. */
const projectSystem = (name: string, sort?: "newest"): SearchSystem => ({
  name,
  index: "project",
  async search(context, q) {
    const { storyOf } = context;
    const service = projectService(context);
    const started = performance.now();
    const response = await service.search(SearchParams.parse({ q, size: "10", ...(sort ? { sort } : {}) }));
    const ms = performance.now() - started;
    const hits = response.hits.map((hit) => ({
      id: hit.id,
      story: storyOf.get(hit.id) ?? hit.id,
      category: hit.category ?? undefined,
    }));
    return {
      hits,
      ms,
      tookMs: response.took_ms,
      suggestion: response.suggestion,
      correctedQuery: response.corrected_query,
      arabicKeysQuery: response.arabic_keys_query,
      arabicNameQuery: response.arabic_name_query,
    };
  },
});

export const PROJECT = projectSystem("project");

/**
 * The plain baselines and the project, newest first: the stock query as a developer would sort it
 * by date (its `multi_match`, any word), the project with `sort=newest`.
 */
const NEWEST_SYSTEMS: readonly SearchSystem[] = [
  ...(["standard", "arabic"] as const).map((analyzer) =>
    stockSystem({ analyzer, fuzzy: false, bool_prefix: false, titleBoost: false }, BY_DATE_THEN_ID),
  ),
  projectSystem(`project${NEWEST_FIRST}`, "newest"),
];

export const SEARCH_SYSTEMS: ReadonlyMap<string, SearchSystem> = new Map(
  [...STOCK_SYSTEMS, HANDTUNED, PROJECT, ...NEWEST_SYSTEMS].map((system) => [system.name, system]),
);

/** What a system's related request starts from: the article as stored in the project index. */
export interface SourceArticle {
  id: string;
  dupGroup: string;
  publishedAt: string;
  category?: string | undefined;
  /** Articles in the project index, as the API counts them for the document-frequency cap. */
  corpusSize?: number | undefined;
  /** Its text as stored, which the API hands the builder (the headline and lead name its actors). */
  title?: string | undefined;
  lead?: string | undefined;
  body?: string | undefined;
}

export const RELATED_SYSTEMS = ["standard", "arabic", "project"] as const;
export type RelatedSystem = (typeof RELATED_SYSTEMS)[number];

export function relatedRequest(
  system: RelatedSystem,
  index: string,
  article: SourceArticle,
): estypes.SearchRequest {
  if (system === "project")
    return buildRelatedRequest(
      {
        id: article.id,
        dupGroup: article.dupGroup,
        publishedAt: article.publishedAt,
        title: article.title,
        lead: article.lead,
        body: article.body,
        index,
        corpusSize: article.corpusSize,
      },
      { size: 10 },
      index,
    );
  // Stock more_like_this with every default (min_term_freq 2, min_doc_freq 5, 25 terms, 30%).
  return {
    index,
    size: 10,
    query: { more_like_this: { fields: ["title", "body"], like: [{ _index: index, _id: article.id }] } },
    sort: BY_SCORE_THEN_ID,
    _source: ["id", "dup_group", "category"],
  };
}
