/**
 * npm run bench:search -- [--duration S] [--connections N] [--corpus FILE]
 * Drives the API with a realistic query mix (autocannon) and, in the same run, sends each search's
 * first (strict ranking) request body straight to Elasticsearch: the API's answer costs that and
 * the page's two requests, and for some queries a tolerant ranking request and a did-you-mean check. Prints p50/p99 latency, requests/s and
 * the API process's RSS for both, with ratios. Indexes the SaudiNewsNet corpus first if needed.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { ElasticsearchConfigSchema, parseEnv } from "../../src/config.js";
import { createEsClient, type EsClient } from "../../src/es/client.js";
import { ensureIndex } from "../../src/es/indices.js";
import { runImport } from "../../src/ingest/pipeline.js";
import { RejectsFile } from "../../src/ingest/report.js";
import { projectRoot } from "../../src/project-root.js";
import { buildSearchRequest } from "../../src/search/build-search.js";
import { SearchParams } from "../../src/search/params.js";
import { startElasticsearch } from "../es/provision.js";
import { startApiProcess } from "./api-process.js";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "20" },
    connections: { type: "string", default: "16" },
    corpus: { type: "string", default: join(projectRoot, "../shared/corpora/saudinewsnet.jsonl.gz") },
  },
});
const ALIAS = "bench-articles";

async function ensureCorpus(client: EsClient): Promise<number> {
  await ensureIndex(client, ALIAS);
  let { count } = await client.count({ index: ALIAS });
  if (count < 30_000) {
    console.log(`indexing ${values.corpus} into ${ALIAS}…`);
    await runImport({
      client,
      index: ALIAS,
      inputs: [values.corpus],
      rejects: new RejectsFile(join(tmpdir(), "bench-search-rejects.ndjson")),
    });
    ({ count } = await client.count({ index: ALIAS }));
  }
  return count;
}

/** Seeded choice, so every run sends the same mix. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
}

/** Readers' queries: two or three words of real titles, single words, some filtered or by date. */
async function queryMix(client: EsClient): Promise<Array<Record<string, string>>> {
  const response = await client.search<{ title: string; source: string }>({
    index: ALIAS,
    size: 400,
    query: { function_score: { functions: [{ random_score: { seed: 42, field: "_seq_no" } }] } },
    _source: ["title", "source"],
  });
  const random = seeded(7);
  return response.hits.hits.map((hit, i) => {
    const words = (hit._source?.title ?? "").split(/\s+/).filter((word) => word.length > 2);
    const start = Math.floor(random() * Math.max(1, words.length - 2));
    const q = words.slice(start, start + (i % 3 === 0 ? 1 : i % 3 === 1 ? 2 : 3)).join(" ") || "السعودية";
    const params: Record<string, string> = { q };
    if (i % 7 === 0) params.source = hit._source?.source ?? "";
    if (i % 11 === 0) params.sort = "newest";
    return params;
  });
}

function run(title: string, requests: autocannon.Request[], url: string): Promise<autocannon.Result> {
  return autocannon({
    title,
    url,
    connections: Number(values.connections),
    duration: Number(values.duration),
    requests,
  });
}

const fmt = (result: autocannon.Result) =>
  `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.requests.average.toFixed(0)} req/s, errors ${result.errors + result.non2xx}`;

async function main() {
  const target = await startElasticsearch();
  const client = createEsClient({ nodes: target.urls, config: parseEnv(ElasticsearchConfigSchema) });
  const count = await ensureCorpus(client);
  const mix = await queryMix(client);
  const physical = Object.keys(await client.indices.getAlias({ name: ALIAS }))[0] ?? ALIAS;
  await client.close();
  console.log(
    `${count} articles; ${mix.length} queries; ${values.connections} connections, ${values.duration} s per run`,
  );

  const apiRequests = mix.map((params) => ({
    method: "GET" as const,
    path: `/api/search?${new URLSearchParams(params)}`,
  }));
  const esRequests = mix.map((params) => {
    const { index: _index, ...body } = buildSearchRequest(SearchParams.parse(params), ALIAS);
    return {
      method: "POST" as const,
      path: `/${physical}/_search`,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    };
  });

  const api = await startApiProcess(target.urls, {
    ES_INDEX_ALIAS: ALIAS,
    RATE_LIMIT_PER_MINUTE: "100000000",
    ENGINE_MS_PER_MINUTE: "100000000",
    MAX_CONCURRENT_SEARCHES: "10000",
    MAX_CONCURRENT_SEARCHES_PER_CLIENT: "10000",
  });
  const rss: number[] = [];
  const sampler = setInterval(() => rss.push(api.rssMb()), 500);
  try {
    // Warm both paths alike (caches, global ordinals) so neither is measured cold.
    await run("warm-up", apiRequests.slice(0, 50), api.url);
    await run("warm-up", esRequests.slice(0, 50), target.urls[0] ?? "");
    const direct = await run("direct", esRequests, target.urls[0] ?? "");
    const viaApi = await run("api", apiRequests, api.url);
    console.log(`direct to Elasticsearch: ${fmt(direct)}`);
    console.log(`through the API:         ${fmt(viaApi)}; API RSS max ${Math.max(...rss).toFixed(0)} MB`);
    console.log(
      `ratios API/direct: p50 ${(viaApi.latency.p50 / direct.latency.p50).toFixed(2)}x (target <= 1.15x), ` +
        `throughput ${(viaApi.requests.average / direct.requests.average).toFixed(2)}x (target >= 0.85x)`,
    );
  } finally {
    clearInterval(sampler);
    await api.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
