/**
 * @module eval/systems
 * The systems compared, each as an index plus the requests it sends. Baselines are what one gets
 * from Elasticsearch out of the box (the `standard` or stock `arabic` analyzer, a plain
 * multi_match, stock more_like_this); `project` is the real thing: the index built from
 * mappings/ and the very request builders /api/search and /api/related use.
 */
import type { estypes } from "@elastic/elasticsearch";
import type { EsClient } from "../../src/es/client.js";
import { createPhysicalIndex } from "../../src/es/indices.js";
import { copyDocuments } from "../../src/es/reindex.js";
import { BulkWriter } from "../../src/ingest/bulk-writer.js";
import { buildRelatedRequest } from "../../src/search/build-related.js";
import { buildSearchRequest, unquotedFallback } from "../../src/search/build-search.js";
import { SearchParams } from "../../src/search/params.js";

export const SYSTEMS = ["standard", "arabic", "project"] as const;
export type SystemName = (typeof SYSTEMS)[number];

/** The physical index of each system for one corpus. */
export type CorpusIndices = Record<SystemName, string>;

/** What a system's related request starts from: the article as stored in the project index. */
export interface SourceArticle {
  id: string;
  dupGroup: string;
  publishedAt: string;
  category?: string | undefined;
  /** Articles in the project index, as the API counts them for the document-frequency cap. */
  corpusSize?: number | undefined;
}

/** A hit reduced to what judging needs; `story` is the near-duplicate group from the project index. */
export interface JudgedHit {
  id: string;
  story: string;
  category?: string | undefined;
}

/** Fields copied into baseline indices: text to search, and the labels judging reads back. */
const BASELINE_SOURCE = ["id", "title", "body", "dup_group", "category", "published_at"];

export async function createProjectIndex(client: EsClient, prefix: string): Promise<string> {
  return createPhysicalIndex(client, prefix);
}

/**
 * A baseline index with the same documents as the project index (copied, so ids and duplicate
 * groups are identical) but only title and body, analysed by a stock analyzer.
 */
export async function createBaselineIndex(
  client: EsClient,
  name: string,
  analyzer: "standard" | "arabic",
  projectIndex: string,
): Promise<void> {
  const text = { type: "text" as const, analyzer };
  await client.indices.create({
    index: name,
    settings: { number_of_shards: 1, number_of_replicas: 0, refresh_interval: "-1" },
    mappings: {
      dynamic: "strict",
      properties: {
        id: { type: "keyword" },
        title: text,
        body: text,
        dup_group: { type: "keyword" },
        category: { type: "keyword" },
        published_at: { type: "date" },
      },
    },
  });
  const writer = new BulkWriter({ client, index: name });
  const { failed } = await copyDocuments(client, projectIndex, writer, {
    pageSize: 2_000,
    fields: BASELINE_SOURCE,
  });
  if (failed) throw new Error(`copying into ${name}: ${failed} documents failed`);
  // copyDocuments refreshed the index once at the end; readers of the baseline get the usual 1 s.
  await client.indices.putSettings({ index: name, settings: { refresh_interval: "1s" } });
}

/**
 * Equal scores fall to the lower id, as in the project's own sort: otherwise a baseline's ties
 * follow the order documents happened to be copied in, and its figures drift between runs.
 */
const BY_SCORE_THEN_ID: estypes.Sort = [{ _score: { order: "desc" } }, { id: { order: "asc" } }];

/** The searches a system makes for a query, tried in turn until one finds something. */
export function searchRequests(system: SystemName, index: string, q: string): estypes.SearchRequest[] {
  if (system === "project") {
    const input = SearchParams.parse({ q, size: "10" });
    const fallback = unquotedFallback(input);
    return [input, ...(fallback ? [fallback] : [])].map((attempt) => buildSearchRequest(attempt, index));
  }
  return [
    {
      index,
      size: 10,
      query: { multi_match: { query: q, fields: ["title", "body"] } },
      sort: BY_SCORE_THEN_ID,
      _source: ["id", "dup_group", "category"],
    },
  ];
}

export function relatedRequest(
  system: SystemName,
  index: string,
  article: SourceArticle,
): estypes.SearchRequest {
  if (system === "project")
    return buildRelatedRequest(
      {
        id: article.id,
        dupGroup: article.dupGroup,
        publishedAt: article.publishedAt,
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

export interface TimedHits {
  hits: JudgedHit[];
  /** Round trip seen by the client, and Elasticsearch's own `took`. */
  ms: number;
  tookMs: number;
}

/** The first of `requests` that finds anything (all of them timed), as /api/search answers. */
export async function timedSearch(
  client: EsClient,
  requests: estypes.SearchRequest | estypes.SearchRequest[],
): Promise<TimedHits> {
  const started = performance.now();
  let tookMs = 0;
  let found: estypes.SearchHit<{ id?: string; dup_group?: string; category?: string }>[] = [];
  for (const request of [requests].flat()) {
    const response = await client.search<{ id?: string; dup_group?: string; category?: string }>(request);
    tookMs += response.took;
    found = response.hits.hits;
    if (found.length) break;
  }
  const ms = performance.now() - started;
  const hits = found.map((hit) => ({
    id: hit._id ?? "",
    story: hit._source?.dup_group ?? hit._id ?? "",
    category: hit._source?.category,
  }));
  return { hits, ms, tookMs };
}
