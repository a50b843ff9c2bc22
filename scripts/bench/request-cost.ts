/**
 * npm run bench:request -- [--index ALIAS] [--rounds N] [query …]
 * What each stage of a search costs: the whole search as /api/search makes it (every request it
 * sends), its first request strict, relaxed and tolerant, and the strict one with one part added or
 * left out at a time, the page's two requests (its articles highlighted, its stories' copies
 * counted), next to a plain multi_match over title and body on the same index, in the same run
 * (variants take turns query by query). Prints Elasticsearch's took, p25 and p50, and the ratio to
 * the plain multi_match. The index defaults to the configured alias (npm start's sample).
 */
import { parseArgs } from "node:util";
import type { estypes } from "@elastic/elasticsearch";
import { ElasticsearchConfigSchema, parseEnv, ServerConfigSchema } from "../../src/config.js";
import { createEsClient } from "../../src/es/client.js";
import { configuredOrLocalUrls } from "../../src/es/local-cluster.js";
import { percentile } from "../../src/eval/metrics.js";
import {
  buildSearchRequest,
  firstStage,
  pageCopiesRequest,
  pageRequest,
  type Recall,
} from "../../src/search/build-search.js";
import { SearchParams } from "../../src/search/params.js";
import { parseQuery } from "../../src/search/query-parser.js";
import { SearchService } from "../../src/search/service.js";
import { type Candidate, firstOfEachStory } from "../../src/search/stories.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { index: { type: "string" }, rounds: { type: "string", default: "6" } },
});
const index = values.index ?? parseEnv(ServerConfigSchema).ES_INDEX_ALIAS;
const queries = positionals.length
  ? positionals
  : ["السيسي بوتين", "الملك سلمان", "أسعار النفط", "وزارة الصحة", "الدوري السعودي", "السيس", "ارمكو"];

const client = createEsClient({
  nodes: configuredOrLocalUrls(),
  config: parseEnv(ElasticsearchConfigSchema),
});
const service = new SearchService(client, index);

/** A variant sends its request(s) for a query and returns Elasticsearch's took, summed. */
type Variant = (q: string) => Promise<number>;
const input = (q: string, extra: Record<string, string> = {}) =>
  SearchParams.parse({ q, size: "10", ...extra });
const send = async (request: estypes.SearchRequest) => (await client.search(request)).took;
const stage =
  (recall: Recall, ...parts: Array<"suggest" | "rescore">): Variant =>
  (q) => {
    const request = buildSearchRequest(input(q), index, { ...firstStage(input(q)), recall });
    for (const part of parts) delete request[part];
    return send(request);
  };
/** The strict stage's page for a query, found once (untimed) and reused by the page's variants. */
const shownFor = new Map<string, Candidate[]>();
async function shown(q: string): Promise<Candidate[]> {
  let candidates = shownFor.get(q);
  if (!candidates) {
    const response = await client.search(buildSearchRequest(input(q), index));
    candidates = firstOfEachStory(response.hits.hits).slice(0, input(q).size);
    shownFor.set(q, candidates);
  }
  return candidates;
}
const VARIANTS: Record<string, Variant> = {
  "whole search (service)": async (q) => (await service.search(input(q))).took_ms,
  "strict stage": stage("strict"),
  "strict, facets": (q) => send(buildSearchRequest(input(q, { facets: "true" }), index)),
  "strict, no suggesters": stage("strict", "suggest"),
  "strict, no suggesters, rescore": stage("strict", "suggest", "rescore"),
  "relaxed stage": stage("relaxed"),
  "tolerant stage": stage("tolerant"),
  "page: articles, highlighted": async (q) =>
    send(pageRequest(parseQuery(q), input(q), await shown(q), index)),
  "page: copies counted": async (q) => {
    const request = pageCopiesRequest(parseQuery(q), input(q), await shown(q), index, { recall: "strict" });
    return request ? send(request) : 0;
  },
  "plain multi_match": (q) =>
    send({ index, size: 10, query: { multi_match: { query: q, fields: ["title", "body"] } } }),
};

try {
  const took = new Map(Object.keys(VARIANTS).map((name) => [name, [] as number[]]));
  const rounds = Number(values.rounds);
  // The first round warms caches for every variant alike and is not counted.
  for (let round = 0; round <= rounds; round++)
    for (const q of queries)
      for (const [name, variant] of Object.entries(VARIANTS)) {
        const spent = await variant(q);
        if (round > 0) took.get(name)?.push(spent);
      }
  const plain = percentile(took.get("plain multi_match") ?? [], 50) || 1;
  console.log(`${index}: ${queries.length} queries × ${rounds} rounds, Elasticsearch took in ms`);
  for (const [name, values] of took)
    console.log(
      `${name.padEnd(30)} p25 ${String(percentile(values, 25)).padStart(4)}  p50 ${String(percentile(values, 50)).padStart(4)}  ${(percentile(values, 50) / plain).toFixed(1)}× plain`,
    );
} finally {
  await client.close();
}
