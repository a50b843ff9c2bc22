/**
 * npm run bench:index -- <corpus> [--rounds N] [--concurrency N] [--batch-mb N] [--separate-cores]
 * The importer against a baseline in the same run: the same documents, prepared beforehand and
 * pre-serialised as `_bulk` bodies, sent straight to Elasticsearch with the same batch size and
 * concurrency. Prints docs/s, MB/s, the importer's peak RSS (sampled as the import advances, to
 * show it stays flat), and the ratio. A script that prints figures, never a test.
 *
 * The two alternate for `--rounds` rounds (default 3) and the median ratio is the figure: from one
 * run to the next, Elasticsearch spends more or less CPU on the same documents (merges fall
 * differently), enough to move a single ratio (docs/performance.md, Importer). Each round also
 * accounts for the CPU: Elasticsearch's, the baseline sender's and the importer's, the machine's
 * idle time, and the refreshes and merges Elasticsearch made (both fill a new index refreshing
 * every FILLING_REFRESH_INTERVAL, as the importer fills one it created).
 *
 * On a small machine Elasticsearch alone keeps every core busy, so the importer's own CPU is taken
 * from it. `--separate-cores` (Linux, a node on this machine) pins Elasticsearch to half the cores
 * and this script and the importer to the other half, as when the cluster runs on its own hosts.
 */
import { execFileSync, spawn } from "node:child_process";
import { statSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { prepareArticle } from "../../src/articles/document.js";
import { ElasticsearchConfigSchema, parseEnv } from "../../src/config.js";
import { BulkBody, BulkWriter } from "../../src/es/bulk-writer.js";
import { createEsClient, type EsClient } from "../../src/es/client.js";
import { createPhysicalIndex, setRefreshInterval } from "../../src/es/indices.js";
import { readInput } from "../../src/ingest/open-input.js";
import { FILLING_REFRESH_INTERVAL } from "../../src/ingest/pipeline.js";
import type { Origin } from "../../src/ingest/types.js";
import { validateRecord } from "../../src/ingest/validate.js";
import { projectRoot } from "../../src/project-root.js";
import { startElasticsearch } from "../es/provision.js";
import { cpuOfTree, machineIdleSeconds, rssOfLargest } from "./rss.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    concurrency: { type: "string", default: "2" },
    "batch-mb": { type: "string", default: "2" },
    "separate-cores": { type: "boolean", default: false },
    rounds: { type: "string", default: "3" },
  },
});
const corpus = positionals[0] ?? join(projectRoot, "../shared/corpora/saudinewsnet.jsonl.gz");
const concurrency = Number(values.concurrency);
const batchBytes = Number(values["batch-mb"]) * 1e6;
const rounds = Math.max(1, Number(values.rounds));
/** Counted before any pinning narrows what this process may use. */
const machineCores = availableParallelism();

/** Baseline input: every valid document of the corpus, prepared and encoded before timing. */
async function preSerialise(): Promise<BulkBody<Origin>[]> {
  const bodies: BulkBody<Origin>[] = [];
  let body = new BulkBody<Origin>(batchBytes);
  for await (const item of readInput(corpus, {})) {
    if (item.kind !== "record") continue;
    const checked = validateRecord(item);
    if (checked.kind !== "article") continue;
    const { document } = prepareArticle(checked.article);
    body.add(document.id, item.origin, JSON.stringify(document));
    if (body.byteLength >= batchBytes) {
      bodies.push(body);
      body = new BulkBody<Origin>(batchBytes);
    }
  }
  if (body.documents.length) bodies.push(body);
  return bodies;
}

/** CPU seconds Elasticsearch has used so far, summed over its nodes. */
async function esCpuSeconds(client: EsClient): Promise<number> {
  const stats = await client.nodes.stats({ metric: "process" });
  return (
    Object.values(stats.nodes).reduce((sum, node) => sum + (node.process?.cpu?.total_in_millis ?? 0), 0) /
    1000
  );
}

/**
 * Elasticsearch's processes on the first half of the cores, this process (and the importer it
 * starts) on the rest. Returns a function that gives Elasticsearch every core back.
 */
async function separateCores(client: EsClient): Promise<() => void> {
  const half = Math.max(1, Math.floor(machineCores / 2));
  const esCores = `0-${half - 1}`;
  const ownCores = `${half}-${Math.max(half, machineCores - 1)}`;
  const info = await client.nodes.info({ metric: "process" });
  const pids = Object.values(info.nodes).map((node) => String(node.process?.id));
  const pin = (list: string, pid: string) => execFileSync("taskset", ["-a", "-p", "-c", list, pid]);
  for (const pid of pids) pin(esCores, pid);
  pin(ownCores, String(process.pid));
  console.log(
    `Elasticsearch pinned to cores ${esCores}; the importer and the baseline sender to ${ownCores}`,
  );
  return () => {
    for (const pid of pids) pin(`0-${machineCores - 1}`, pid);
  };
}

/** Refreshes and merges Elasticsearch made while indexing: where its CPU went besides analysis. */
async function segmentWork(client: EsClient, index: string | string[]): Promise<string> {
  const stats = await client.indices.stats({ index, metric: ["refresh", "merge"] });
  const primaries = stats._all.primaries;
  const seconds = (millis = 0) => (millis / 1000).toFixed(1);
  return `${primaries?.refresh?.total ?? 0} refreshes (${seconds(primaries?.refresh?.total_time_in_millis)} s), ${primaries?.merges?.total ?? 0} merges (${seconds(primaries?.merges?.total_time_in_millis)} s)`;
}

async function rawBulk(client: EsClient, batches: BulkBody<Origin>[]) {
  const cpuBefore = await esCpuSeconds(client);
  const idleBefore = machineIdleSeconds();
  const ownBefore = process.cpuUsage();
  const started = performance.now();
  // Timed from before its index exists, as the importer's run is: both create one.
  const index = await createPhysicalIndex(client, `bench-raw-${Date.now()}`);
  // Filled as the importer fills an index it created, so both leave Elasticsearch the same work.
  const restoreRefresh = await setRefreshInterval(client, index, FILLING_REFRESH_INTERVAL);
  const writer = new BulkWriter({ client, index });
  const queue = [...batches];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await writer.write(next);
    }),
  );
  await restoreRefresh();
  await client.indices.refresh({ index });
  const seconds = (performance.now() - started) / 1000;
  const idle = machineIdleSeconds() - idleBefore;
  const { user, system } = process.cpuUsage(ownBefore);
  const esCpu = (await esCpuSeconds(client)) - cpuBefore;
  const docs = batches.reduce((sum, body) => sum + body.documents.length, 0);
  const bytes = batches.reduce((sum, body) => sum + body.byteLength, 0);
  const segments = await segmentWork(client, index);
  await client.indices.delete({ index });
  return {
    docs,
    seconds,
    esCpu,
    senderCpu: (user + system) / 1e6,
    idle,
    segments,
    docsPerSecond: docs / seconds,
    mbPerSecond: bytes / 1e6 / seconds,
  };
}

/** The importer as a user runs it, in its own process; RSS sampled from /proc while it runs. */
async function importer(client: EsClient, urls: string[]) {
  const alias = `bench-import-${Date.now()}`;
  const cpuBefore = await esCpuSeconds(client);
  const idleBefore = machineIdleSeconds();
  const started = performance.now();
  const child = spawn(
    "npm",
    [
      "run",
      "-s",
      "index",
      "--",
      corpus,
      "--allow-rejects",
      "--rejects",
      join(tmpdir(), "bench-rejects.ndjson"),
      "--concurrency",
      String(concurrency),
      "--batch-mb",
      String(values["batch-mb"]),
    ],
    {
      cwd: projectRoot,
      env: { ...process.env, ES_URL: urls.join(","), ES_INDEX_ALIAS: alias },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const samples: number[] = [];
  let cpu = 0;
  const sampler = setInterval(() => {
    samples.push(rssOfLargest(child.pid ?? 0));
    cpu = Math.max(cpu, cpuOfTree(child.pid ?? 0));
  }, 500);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  const idle = machineIdleSeconds() - idleBefore;
  const esCpu = (await esCpuSeconds(client)) - cpuBefore;
  const summary =
    stderr
      .trim()
      .split("\n")
      .filter((line) => line.startsWith("read "))
      .at(-1) ?? stderr.slice(-500);
  const docs = (await client.count({ index: alias })).count;
  const targets = Object.keys(await client.indices.getAlias({ name: alias }));
  const segments = await segmentWork(client, targets);
  await client.indices.delete({ index: targets });
  return { code, seconds, esCpu, cpu, idle, segments, docs, docsPerSecond: docs / seconds, summary, samples };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

async function main() {
  const target = await startElasticsearch();
  const client = createEsClient({ nodes: target.urls, config: parseEnv(ElasticsearchConfigSchema) });
  const mb = statSync(corpus).size / 1e6;
  console.log(
    `corpus ${corpus} (${mb.toFixed(1)} MB on disk), concurrency ${concurrency}, batch ${values["batch-mb"]} MB, ${rounds} round(s)`,
  );
  const unpin = values["separate-cores"] ? await separateCores(client) : () => {};
  const batches = await preSerialise();
  const ratios: number[] = [];
  try {
    // A fresh JVM indexes slowly until its JIT warms up; whichever side ran first would pay for it.
    // One whole untimed pass: after a shorter warm-up the first raw run after a node start still
    // cost more CPU and flattered the importer (docs/performance.md, Importer).
    await rawBulk(client, batches);
    for (let round = 1; round <= rounds; round++) {
      const raw = await rawBulk(client, batches);
      const imp = await importer(client, target.urls);
      const ratio = imp.docsPerSecond / raw.docsPerSecond;
      ratios.push(ratio);
      const quarter = (q: number) =>
        imp.samples[Math.min(imp.samples.length - 1, Math.floor((imp.samples.length * q) / 4))] ?? 0;
      console.log(`round ${round}`);
      console.log(
        `  raw _bulk:  ${raw.docs} docs in ${raw.seconds.toFixed(1)} s = ${raw.docsPerSecond.toFixed(0)} docs/s, ${raw.mbPerSecond.toFixed(1)} MB/s`,
      );
      console.log(
        `  importer:   ${imp.docs} docs in ${imp.seconds.toFixed(1)} s = ${imp.docsPerSecond.toFixed(0)} docs/s (exit ${imp.code}; process start included)`,
      );
      console.log(`              ${imp.summary}`);
      console.log(
        `  importer RSS (MB) at 25/50/75/100% of the run: ${[1, 2, 3, 4].map((q) => quarter(q).toFixed(0)).join(" / ")}; max ${Math.max(...imp.samples).toFixed(0)}`,
      );
      console.log(
        `  CPU seconds: Elasticsearch ${raw.esCpu.toFixed(1)} (raw) vs ${imp.esCpu.toFixed(1)} (importer); baseline sender ${raw.senderCpu.toFixed(1)} vs importer process ${imp.cpu.toFixed(1)} (sampled every 0.5 s); ${machineCores} cores`,
      );
      console.log(
        `  idle core-seconds on the machine: ${raw.idle.toFixed(1)} (raw) vs ${imp.idle.toFixed(1)} (importer)`,
      );
      console.log(`  Elasticsearch made ${raw.segments} (raw) vs ${imp.segments} (importer)`);
      console.log(`  ratio importer/raw: ${ratio.toFixed(2)}x`);
    }
  } finally {
    unpin();
    await client.close();
  }
  console.log(
    `ratio importer/raw, median of ${rounds}: ${median(ratios).toFixed(2)}x (rounds: ${ratios.map((r) => r.toFixed(2)).join(", ")}; target >= 0.9x)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
