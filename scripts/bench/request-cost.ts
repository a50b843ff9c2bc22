/**
 * npm run bench:request -- [--index ALIAS] [--rounds N] [query …]
 * What each stage of the search request costs: the project's request for each query with one part
 * left out at a time, next to a plain multi_match over title and body on the same index, in the
 * same run (variants take turns query by query). Prints Elasticsearch's took, p25 and p50, and the
 * ratio to the plain multi_match. The index defaults to the configured alias (npm start's sample).
 */
import { parseArgs } from "node:util";
import type { estypes } from "@elastic/elasticsearch";
import { ElasticsearchConfigSchema, parseEnv, ServerConfigSchema } from "../../src/config.js";
import { createEsClient } from "../../src/es/client.js";
import { percentile } from "../../src/eval/metrics.js";
import { buildSearchRequest } from "../../src/search/build-search.js";
import { SearchParams } from "../../src/search/params.js";
import { configuredOrLocalUrls } from "../es/provision.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { index: { type: "string" }, rounds: { type: "string", default: "6" } },
});
const index = values.index ?? parseEnv(ServerConfigSchema).ES_INDEX_ALIAS;
const queries = positionals.length
  ? positionals
  : ["السيسي بوتين", "الملك سلمان", "أسعار النفط", "وزارة الصحة", "الدوري السعودي", "السيس", "ارمكو"];

type Variant = (q: string) => estypes.SearchRequest;
const project = (q: string, extra: Record<string, string> = {}) =>
  buildSearchRequest(SearchParams.parse({ q, size: "10", ...extra }), index);
const without =
  (...parts: Array<"highlight" | "suggest" | "rescore">): Variant =>
  (q) => {
    const request = { ...project(q) };
    for (const part of parts) delete request[part];
    return request;
  };
const VARIANTS: Record<string, Variant> = {
  "project request": (q) => project(q),
  "with facets": (q) => project(q, { facets: "true" }),
  "no highlight": without("highlight"),
  "no highlight, suggest": without("highlight", "suggest"),
  "recall stage only": without("highlight", "suggest", "rescore"),
  "plain multi_match": (q) => ({
    index,
    size: 10,
    query: { multi_match: { query: q, fields: ["title", "body"] } },
  }),
};

const client = createEsClient({
  nodes: configuredOrLocalUrls(),
  config: parseEnv(ElasticsearchConfigSchema),
});
try {
  const took = new Map(Object.keys(VARIANTS).map((name) => [name, [] as number[]]));
  const rounds = Number(values.rounds);
  // The first round warms caches for every variant alike and is not counted.
  for (let round = 0; round <= rounds; round++)
    for (const q of queries)
      for (const [name, variant] of Object.entries(VARIANTS)) {
        const response = await client.search(variant(q));
        if (round > 0) took.get(name)?.push(response.took);
      }
  const plain = percentile(took.get("plain multi_match") ?? [], 50) || 1;
  console.log(`${index}: ${queries.length} queries × ${rounds} rounds, Elasticsearch took in ms`);
  for (const [name, values] of took)
    console.log(
      `${name.padEnd(24)} p25 ${String(percentile(values, 25)).padStart(4)}  p50 ${String(percentile(values, 50)).padStart(4)}  ${(percentile(values, 50) / plain).toFixed(1)}× plain`,
    );
} finally {
  await client.close();
}
