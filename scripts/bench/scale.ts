/**
 * npm run bench:scale -- [--sizes 31000,250000,1000000] [--queries 700] [--seconds 240]
 *                        [--clients 8] [--seed 1] [--reuse] [--keep | --drop]
 *
 * Query cost as the archive grows, the project against stock Elasticsearch. Figures go to the
 * terminal, to the "Scale" section of docs/performance.md and to docs/performance-scale.svg.
 *
 * The archive is synthetic but made of real text (scale/generate.ts): SaudiNewsNet and ANT
 * articles recombined paragraph by paragraph into new articles with their own URLs (so ids),
 * titles (a donor's title with a word or two of another's), dates (2016–2025) and 2–8 paragraphs
 * from different donors. Article n depends only on --seed, n and the corpora; ranges are cached
 * as gzipped JSON lines under .cache/bench-scale/.
 *
 * For each size, in ascending order, two indices grow to it: the project index (mappings/, filled
 * by the importer, runImport) and a stock index (title and body under the `arabic` analyzer, the
 * same articles through `_bulk`). Each records import time and Elasticsearch CPU per article; each
 * size is then cloned under its own name and kept, so `--reuse` can query it again after a change
 * to the search request without importing anything. Indices built with another mapping, seed or
 * generator are never reused. `--drop` deletes them all at the end.
 *
 * Queries: a fixed mix of seven kinds drawn from the index's own titles (scale/queries.ts), sent
 * through the real API and, as a plain multi_match, straight to the stock index; one client, then
 * `--clients` concurrent ones, the two systems alternating. Each loop stops after --queries
 * queries or --seconds seconds.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { articleId } from "../../src/articles/identity.js";
import { ElasticsearchConfigSchema, parseEnv } from "../../src/config.js";
import { createEsClient, type EsClient } from "../../src/es/client.js";
import { loadIndexDefinition } from "../../src/es/index-definition.js";
import { sample, seededRng } from "../../src/eval/perturb.js";
import { projectRoot } from "../../src/project-root.js";
import { startElasticsearch } from "../es/provision.js";
import { commitStamp } from "../eval/report.js";
import { startApiProcess } from "./api-process.js";
import { Archive, log, since } from "./scale/archive.js";
import { articleUrl, corporaKey, GENERATOR_VERSION } from "./scale/generate.js";
import { benchIndices, buildKeys, deleteIndices, INDEX_NAMES, storyCount } from "./scale/indices.js";
import { concurrentClients, oneClient, senders, warmUp } from "./scale/latency.js";
import { type BenchQuery, queryMix, type TitleOfIndex } from "./scale/queries.js";
import {
  buildTable,
  kindTable,
  latencyTable,
  plainTable,
  type SizeResult,
  scaleChart,
  scaleSection,
  writeScaleSection,
} from "./scale/report.js";

const USAGE = `usage: npm run bench:scale -- [--sizes 31000,250000,1000000] [--queries 700] [--seconds 240]
                            [--clients 8] [--seed 1] [--reuse] [--keep | --drop]`;
const CORPORA = ["saudinewsnet.jsonl.gz", "ant-dev.tar.gz"].map((file) =>
  join(projectRoot, "../shared/corpora", file),
);
const CACHE_DIR = join(projectRoot, ".cache/bench-scale");
/** Queries are drawn from the first articles only, so every size, and a rerun at one size, asks the same. */
const QUERY_TITLES_FROM = 31_000;

interface Options {
  sizes: number[];
  queries: number;
  seconds: number;
  clients: number;
  seed: number;
  reuse: boolean;
  drop: boolean;
}

function parseOptions(): Options {
  const fail = (message: string): never => {
    console.error(`${message}\n${USAGE}`);
    process.exit(2);
  };
  let values: Record<string, string | boolean | undefined> = {};
  try {
    ({ values } = parseArgs({
      options: {
        sizes: { type: "string", default: "31000,250000,1000000" },
        queries: { type: "string", default: "700" },
        seconds: { type: "string", default: "240" },
        clients: { type: "string", default: "8" },
        seed: { type: "string", default: "1" },
        reuse: { type: "boolean", default: false },
        keep: { type: "boolean", default: false },
        drop: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const whole = (name: string, min: number) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < min) fail(`--${name} must be a whole number ≥ ${min}`);
    return value;
  };
  const sizes = String(values.sizes)
    .split(",")
    .map((size) => Number(size.trim().replace(/_/g, "")));
  if (sizes.some((size, i) => !Number.isInteger(size) || size < 1 || size <= (sizes[i - 1] ?? 0)))
    fail("--sizes must be whole numbers in ascending order, e.g. 31000,250000,1000000");
  if (values.keep && values.drop) fail("--keep and --drop contradict each other");
  return {
    sizes,
    queries: whole("queries", 1),
    seconds: whole("seconds", 1),
    clients: whole("clients", 1),
    seed: whole("seed", 0),
    reuse: Boolean(values.reuse),
    drop: Boolean(values.drop),
  };
}

/** Titles (as the index stores them, cleaned) of a seeded sample of the first articles. */
async function titlesForQueries(client: EsClient, index: string, options: Options): Promise<TitleOfIndex[]> {
  const range = Math.min(options.sizes[0] ?? 0, QUERY_TITLES_FROM);
  const positions = sample(
    Array.from({ length: range }, (_, n) => n),
    Math.min(range, 3 * options.queries),
    seededRng(options.seed ^ 0x5ca1e),
  );
  const ids = positions.map((n) =>
    articleId({ url: articleUrl(options.seed, n), source: "", title: "", published_at: "" }),
  );
  const titles: TitleOfIndex[] = [];
  for (let start = 0; start < ids.length; start += 1_000) {
    const response = await client.mget<TitleOfIndex>({
      index,
      ids: ids.slice(start, start + 1_000),
      _source: ["title", "source"],
    });
    for (const doc of response.docs) if ("found" in doc && doc.found && doc._source) titles.push(doc._source);
  }
  return titles;
}

async function measureQueries(
  target: { urls: string[]; headers?: Record<string, string> },
  result: SizeResult,
  mix: BenchQuery[],
  options: Options,
): Promise<void> {
  const api = await startApiProcess(target.urls, {
    ES_INDEX_ALIAS: INDEX_NAMES.frozenProject(result.size),
    RATE_LIMIT_PER_MINUTE: "100000000",
    ENGINE_MS_PER_MINUTE: "100000000",
    MAX_CONCURRENT_SEARCHES: "10000",
    MAX_CONCURRENT_SEARCHES_PER_CLIENT: "10000",
  });
  try {
    const send = senders({
      apiUrl: api.url,
      esUrl: target.urls[0] ?? "",
      stockIndex: result.build.stock.index,
      esHeaders: target.headers ?? {},
    });
    await warmUp(send, mix.slice(0, 70), Date.now() + 60_000);
    const deadline = () => Date.now() + options.seconds * 1000;
    result.series.push(...(await oneClient(send, mix, deadline())));
    result.series.push(...(await concurrentClients(send, mix, options.clients, deadline())));
    for (const series of result.series)
      if (series.skipped)
        log(`${series.system}, ${series.clients} client(s): ${series.skipped} queries left at the deadline`);
  } finally {
    await api.stop();
  }
}

async function machineLine(client: EsClient): Promise<string> {
  const info = await client.nodes.info({ metric: ["jvm", "os"] });
  const nodes = Object.values(info.nodes);
  const heap = (nodes[0]?.jvm?.mem?.heap_max_in_bytes ?? 0) / 2 ** 30;
  return `${cpus().length} cores (${cpus()[0]?.model.trim() ?? "unknown CPU"}), Elasticsearch ${nodes[0]?.version ?? "?"} on ${nodes.length} node(s) with a ${heap.toFixed(1)} GB heap`;
}

async function main(): Promise<void> {
  const options = parseOptions();
  // The code measured, stamped before the run writes its own figures into docs/.
  const commit = commitStamp();
  const corpora = CORPORA.filter((path) => existsSync(path));
  if (!corpora.includes(CORPORA[0] as string)) {
    console.log(`skipped: the SaudiNewsNet corpus is not at ${CORPORA[0]} (see ../shared/README.md)`);
    return;
  }
  const target = await startElasticsearch();
  const client = createEsClient({ nodes: target.urls, config: parseEnv(ElasticsearchConfigSchema) });
  try {
    const definition = loadIndexDefinition();
    const generatorKey = `g${GENERATOR_VERSION}-seed${options.seed}-${corporaKey(corpora)}`;
    const cacheDir = join(CACHE_DIR, generatorKey);
    const files = { seed: options.seed, corpora, cacheDir, rejectsPath: join(CACHE_DIR, "rejects.ndjson") };
    const archive = new Archive(client, files, definition, buildKeys(generatorKey, definition));
    if (options.reuse) await archive.resume();
    else await deleteIndices(client, await benchIndices(client));

    const machine = await machineLine(client);
    const results: SizeResult[] = [];
    let mix: BenchQuery[] | undefined;
    for (const [step, size] of options.sizes.entries()) {
      const started = performance.now();
      let build = options.reuse ? await archive.frozenAt(size) : undefined;
      if (build) log(`${size.toLocaleString("en-US")} articles: reusing the indices of an earlier run`);
      else build = await archive.growTo(size, step);
      const result: SizeResult = {
        size,
        stories: await storyCount(client, build.project.index),
        build,
        series: [],
      };
      log(`${size.toLocaleString("en-US")} articles ready in ${since(started).toFixed(0)} s; querying`);
      mix ??= queryMix(
        await titlesForQueries(client, build.project.index, options),
        options.queries,
        seededRng(options.seed ^ 0x9e37),
      );
      await measureQueries(target, result, mix, options);
      results.push(result);
      console.log(`\n${plainTable(latencyTable([result]))}\n`);
    }

    console.log(`\nIndex size and import cost\n${plainTable(buildTable(results))}`);
    console.log(`\nQuery latency (ms)\n${plainTable(latencyTable(results))}`);
    console.log(`\nMedian took by query kind (ms, one client)\n${plainTable(kindTable(results))}\n`);

    const docs = join(projectRoot, "docs");
    mkdirSync(docs, { recursive: true });
    writeFileSync(join(docs, "performance-scale.svg"), scaleChart(results));
    const command = [
      "npm run bench:scale",
      ...(process.argv.length > 2 ? ["--", ...process.argv.slice(2)] : []),
    ];
    writeScaleSection(
      join(docs, "performance.md"),
      scaleSection(results, {
        command: command.join(" "),
        commit,
        machine,
        seed: options.seed,
        queries: options.queries,
        clients: options.clients,
      }),
    );
    log("wrote docs/performance.md (Scale) and docs/performance-scale.svg");

    if (options.drop) {
      await deleteIndices(client, await benchIndices(client));
      log("deleted the benchmark's indices (--drop)");
    } else log(`kept the indices (bench-scale-*); --reuse queries them again, --drop deletes them`);
  } finally {
    await client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
