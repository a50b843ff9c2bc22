/**
 * A rolling restart under load: a three-node cluster, the index in three shards with one replica
 * (ES_SHARDS, ES_REPLICAS); while the importer writes SaudiNewsNet and readers search through the
 * API, each node in turn is stopped gracefully, started again and waited for until the cluster is
 * green, as Elasticsearch's rolling-restart procedure does it (replica allocation held meanwhile).
 * Every article must arrive once with its text (checksums), every search must succeed.
 */
import { createReadStream } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiProcess, startApiProcess } from "../../scripts/bench/api-process.js";
import { ElasticsearchConfigSchema } from "../../src/config.js";
import { createEsClient, type EsClient } from "../../src/es/client.js";
import { aliasLayout, aliasTargets } from "../../src/es/indices.js";
import { projectRoot } from "../../src/project-root.js";
import { compareDocuments, expectedDocuments, indexedDocuments } from "./helpers/checksums.js";
import { faultEnv, restartNode, startFaultCluster, stopFaultCluster, stopNode } from "./helpers/cluster.js";
import { corpusSlice, requireCorpus, saudiNewsNet } from "./helpers/corpus.js";
import { pacedFeed } from "./helpers/feed.js";
import { startImporter } from "./helpers/importer.js";
import { type Sample, summarise } from "./helpers/load.js";
import { record, short } from "./helpers/record.js";

const NODES = [1, 2, 3];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Waits until the cluster health `wanted` holds, asking in short rounds: a node restarting can drop
 * or stall one long-waiting request, and the next round goes to another node.
 */
async function waitForHealth(
  client: EsClient,
  wanted: { wait_for_status?: "green"; wait_for_nodes?: string; index?: string },
) {
  const deadline = Date.now() + 600_000;
  for (;;) {
    const health = await client.cluster
      .health({ ...wanted, timeout: "10s" }, { requestTimeout: 20_000, maxRetries: 0 })
      .catch(() => undefined);
    if (health && !health.timed_out) return;
    if (Date.now() > deadline) throw new Error(`cluster not ${JSON.stringify(wanted)} within 10 minutes`);
    await sleep(1_000);
  }
}
const queries = [
  "السيسي",
  "النفط",
  "المنتخب",
  "أسعار النفط",
  "وزير الخارجية",
  "الأمطار",
  "مهرجان",
  "الرياض",
].map((q) => `/api/search?q=${encodeURIComponent(q)}`);

async function readLines(file: string): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: createReadStream(file).pipe(createGunzip()) }))
    if (line.trim()) lines.push(line);
  return lines;
}

/** Readers searching through the API until stopped; a partial answer counts as a failure. */
function startReaders(server: ApiProcess, workers: number) {
  const samples: Sample[] = [];
  let partial = 0;
  let running = true;
  const worker = async (offset: number) => {
    for (let i = offset; running; i += workers) {
      const at = Date.now();
      let status = 0;
      try {
        const response = await fetch(`${server.url}${queries[i % queries.length]}`, {
          signal: AbortSignal.timeout(15_000),
        });
        const body = (await response.json()) as { partial?: boolean };
        status = response.status;
        if (body.partial) partial++;
      } catch {
        status = 0;
      }
      samples.push({ at, ms: Date.now() - at, status });
    }
  };
  const done = Promise.all(Array.from({ length: workers }, (_, i) => worker(i)));
  return {
    stop: async () => {
      running = false;
      await done;
      return { samples, partial };
    },
  };
}

/** One node restarted the way Elasticsearch documents: replicas held in place, stop, start, green. */
async function restartGracefully(
  client: EsClient,
  node: number,
  whileDown: () => void,
): Promise<{ stopAt: number; startAt: number; greenAt: number }> {
  await client.cluster.putSettings({ persistent: { "cluster.routing.allocation.enable": "primaries" } });
  await client.indices.flush().catch(() => undefined);
  const stopAt = Date.now();
  await stopNode(node);
  whileDown();
  await sleep(short ? 3_000 : 10_000);
  const startAt = Date.now();
  await restartNode(node);
  await waitForHealth(client, { wait_for_nodes: String(NODES.length) });
  await client.cluster.putSettings({ persistent: { "cluster.routing.allocation.enable": null } });
  await waitForHealth(client, { wait_for_status: "green" });
  return { stopAt, startAt, greenAt: Date.now() };
}

describe("rolling restart of a three-node cluster", () => {
  let urls: string[] = [];
  let client: EsClient;
  /** Stopped by afterAll too, so a failed run leaves no process behind. */
  const cleanups: Array<() => unknown> = [];
  beforeAll(async () => {
    requireCorpus("the rolling restart");
    urls = await startFaultCluster(3);
    client = createEsClient({ nodes: urls, config: ElasticsearchConfigSchema.parse({}) });
  }, 600_000);
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
    await client?.close();
    await stopFaultCluster();
  }, 120_000);

  it("loses, duplicates and fails nothing while the importer writes and readers search", async () => {
    const input = short ? await corpusSlice(6_000, "rolling-slice") : saudiNewsNet;
    const expected = await expectedDocuments(input);
    // One part before the restarts, one while each node is down, the rest after the last.
    const feed = await pacedFeed(await readLines(input), NODES.length + 2);
    const alias = `rolling-${Date.now()}`;
    const started = Date.now();
    const importer = startImporter(
      [feed.url, "--allow-rejects"],
      join(projectRoot, "test-results/rolling-rejects.ndjson"),
      { ...faultEnv, ES_URL: urls.join(","), ES_INDEX_ALIAS: alias, ES_SHARDS: "3", ES_REPLICAS: "1" },
    );
    cleanups.push(() => importer.child.exitCode === null && importer.child.kill("SIGKILL"), feed.close);
    // The first articles are in once the count answers (the index may not exist, or have no
    // active shard, before).
    const indexed = () =>
      client.count({ index: alias }).then(
        (response) => response.count,
        () => 0,
      );
    while (!(await indexed())) await sleep(250);
    const layout = await aliasLayout(client, alias);
    await waitForHealth(client, { index: alias, wait_for_status: "green" });

    const server = await startApiProcess(urls, {
      ES_INDEX_ALIAS: alias,
      RATE_LIMIT_PER_MINUTE: "10000000",
      ENGINE_MS_PER_MINUTE: "100000000",
      MAX_CONCURRENT_SEARCHES_PER_CLIENT: "10000",
    });
    cleanups.push(server.stop);
    const readers = startReaders(server, 4);
    const restarts = [];
    for (const node of NODES)
      restarts.push({ node, ...(await restartGracefully(client, node, feed.release)) });
    feed.release();
    const code = await importer.exited;
    const importSeconds = (Date.now() - started) / 1000;
    const { samples, partial } = await readers.stop();
    await server.stop();
    await feed.close();

    const result = compareDocuments(expected, await indexedDocuments(client, alias));
    const whole = summarise(samples);
    const during = restarts.map(({ node, stopAt, greenAt }) => ({
      node,
      seconds: (greenAt - stopAt) / 1000,
      ...summarise(samples, stopAt, greenAt),
    }));
    const failed = whole.failed + partial;
    const pass =
      code === 0 && result.lost + result.duplicated + result.unexpected + result.mismatched + failed === 0;
    record({
      scenario: "Rolling restart of three nodes under import and search",
      done: `3 nodes, index in 3 shards with 1 replica (ES_SHARDS, ES_REPLICAS); imported ${short ? "6,000" : "all 31,030"} SaudiNewsNet articles while 4 readers searched through the API; each node in turn: replica allocation held, stopped (SIGTERM), started ${short ? 3 : 10} s later, allocation released, waited for green`,
      figures: {
        "index layout": layout ? `${layout.shards} shards, ${layout.replicas} replica(s)` : "missing",
        "valid articles in input": expected.size,
        lost: result.lost,
        duplicated: result.duplicated + result.unexpected,
        "checksum mismatches": result.mismatched,
        "importer exit": String(code),
        "whole import (s)": importSeconds.toFixed(1),
        searches: whole.requests,
        "failed or partial searches": failed,
        ...Object.fromEntries(
          during.map((restart) => [
            `node-${restart.node} stop to green (s), searches, p50 / p99 ms`,
            `${restart.seconds.toFixed(1)}, ${restart.requests}, ${restart.p50} / ${restart.p99}`,
          ]),
        ),
        "p50 / p99 whole run (ms)": `${whole.p50} / ${whole.p99}`,
      },
      target:
        "0 lost, 0 duplicated, 0 failed searches (the clients retry on another node); p99 during each restart reported",
      pass,
    });
    await client.indices.delete({ index: await aliasTargets(client, alias) });
    expect(layout).toMatchObject({ shards: 3, replicas: 1 });
    expect(code, importer.stderr().slice(-4_000)).toBe(0);
    expect({ code, ...result, failed }).toEqual({
      code: 0,
      lost: 0,
      duplicated: 0,
      unexpected: 0,
      mismatched: 0,
      failed: 0,
    });
  }, 2_400_000);
});
