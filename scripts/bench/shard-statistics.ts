/**
 * npm run bench:shards -- [--sizes 2000,10000,31030] [--shards 3] [--queries 300]
 * How much per-shard statistics change the first page as an archive grows, and what gathering
 * global ones (`dfs_query_then_fetch`) costs: SaudiNewsNet, shuffled once, loaded step by step into
 * a one-shard index and an N-shard one; at each size the ranking request (the project's, first
 * stage and rescore) for headline words and ARCD questions on both, the N-shard index asked with
 * and without global statistics, its top ten stories compared with the one-shard index's.
 * Prints a table (docs/shards.md); the indices are deleted at the end.
 */
import { existsSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gunzipSync } from "node:zlib";
import type { estypes } from "@elastic/elasticsearch";
import { ElasticsearchConfigSchema, parseEnv } from "../../src/config.js";
import { createEsClient, type EsClient } from "../../src/es/client.js";
import { createPhysicalIndex } from "../../src/es/indices.js";
import { configuredOrLocalUrls } from "../../src/es/local-cluster.js";
import { seededRng } from "../../src/eval/perturb.js";
import { runImport } from "../../src/ingest/pipeline.js";
import { RejectsFile } from "../../src/ingest/report.js";
import { projectRoot } from "../../src/project-root.js";
import { firstStage, searchRequest } from "../../src/search/build-search.js";
import { SearchParams } from "../../src/search/params.js";
import { parseQuery } from "../../src/search/query-parser.js";
import { firstOfEachStory } from "../../src/search/stories.js";
import { cleanQuestion } from "../eval/datasets/arcd.js";

const corpora = join(projectRoot, "../shared/corpora");
const SAUDI = join(corpora, "saudinewsnet.jsonl.gz");
const ARCD = join(corpora, "arcd-train.json");

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "2000,10000,31030" },
    shards: { type: "string", default: "3" },
    queries: { type: "string", default: "300" },
  },
});
const sizes = values.sizes.split(",").map(Number);
const shards = Number(values.shards);
const queryCount = Number(values.queries);

/** A seeded shuffle (mulberry32), so every run loads the same articles in the same order. */
function shuffled<T>(items: T[], seed = 22): T[] {
  const random = seededRng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Headline words (the first four of a title) and ARCD questions, half each. */
function queries(lines: string[]): string[] {
  const titles = lines
    .map((line) => (JSON.parse(line) as { title?: string }).title?.split(/\s+/).slice(0, 4).join(" ") ?? "")
    .filter((title) => title.split(" ").length >= 2)
    .slice(0, Math.ceil(queryCount / 2));
  const questions = existsSync(ARCD)
    ? (
        JSON.parse(readFileSync(ARCD, "utf8")) as {
          data: Array<{ paragraphs: Array<{ qas: Array<{ question: string }> }> }>;
        }
      ).data
        .flatMap((article) => article.paragraphs.flatMap((paragraph) => paragraph.qas))
        .map((qa) => cleanQuestion(qa.question))
        .slice(0, Math.floor(queryCount / 2))
    : [];
  return [...titles, ...questions];
}

async function topStories(
  client: EsClient,
  index: string,
  q: string,
  searchType?: estypes.SearchType,
): Promise<{ ids: string[]; took: number }> {
  const input = SearchParams.parse({ q, size: "10" });
  const request = searchRequest(parseQuery(q), input, index, firstStage(input));
  delete request.suggest;
  const response = await client.search({ ...request, ...(searchType ? { search_type: searchType } : {}) });
  return {
    ids: firstOfEachStory(response.hits.hits)
      .slice(0, 10)
      .map((c) => c.id),
    took: response.took,
  };
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((id, i) => id === b[i]);
const overlap = (a: string[], b: string[]) => {
  const set = new Set(b);
  return a.length ? a.filter((id) => set.has(id)).length / Math.max(a.length, b.length) : 1;
};
const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? 0;
const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;

async function main(): Promise<void> {
  if (!existsSync(SAUDI)) throw new Error(`${SAUDI} is missing`);
  const config = parseEnv(ElasticsearchConfigSchema);
  const client = createEsClient({
    nodes: configuredOrLocalUrls(),
    config: { ...config, ES_REQUEST_TIMEOUT_MS: 120_000 },
  });
  const lines = shuffled(gunzipSync(readFileSync(SAUDI)).toString("utf8").split("\n").filter(Boolean));
  const asked = queries(lines);
  const one = await createPhysicalIndex(client, "bench-shards-1", { shards: 1, replicas: 0 });
  const many = await createPhysicalIndex(client, `bench-shards-${shards}`, { shards, replicas: 0 });
  console.log(`${asked.length} queries; ${one} against ${many} (${shards} shards)`);
  console.log(
    "| articles | top 10 as one shard, per-shard statistics | top 10 as one shard, global statistics | overlap@10 per-shard | overlap@10 global | first result differs, per-shard | first result differs, global | p50 took ms per-shard | p50 took ms global |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  let loaded = 0;
  try {
    for (const size of sizes) {
      const file = join(tmpdir(), `bench-shards-${loaded}-${size}.jsonl`);
      await writeFile(file, `${lines.slice(loaded, size).join("\n")}\n`);
      for (const index of [one, many]) {
        const rejects = new RejectsFile(join(tmpdir(), "bench-shards-rejects.ndjson"));
        await runImport({ client, index, inputs: [file], rejects });
        await rejects.close();
        await client.indices.forcemerge({ index, max_num_segments: 1 });
        await client.indices.refresh({ index });
      }
      loaded = size;
      const articles = (await client.count({ index: many })).count;
      const tally = {
        perShard: 0,
        global: 0,
        overlapShard: 0,
        overlapGlobal: 0,
        firstDiffers: 0,
        firstDiffersGlobal: 0,
      };
      const took = { perShard: [] as number[], global: [] as number[] };
      for (const q of asked) {
        const reference = await topStories(client, one, q);
        const perShard = await topStories(client, many, q);
        const global = await topStories(client, many, q, "dfs_query_then_fetch");
        if (same(reference.ids, perShard.ids)) tally.perShard++;
        if (same(reference.ids, global.ids)) tally.global++;
        if (reference.ids[0] !== perShard.ids[0]) tally.firstDiffers++;
        if (reference.ids[0] !== global.ids[0]) tally.firstDiffersGlobal++;
        tally.overlapShard += overlap(reference.ids, perShard.ids);
        tally.overlapGlobal += overlap(reference.ids, global.ids);
        took.perShard.push(perShard.took);
        took.global.push(global.took);
      }
      const n = asked.length;
      console.log(
        `| ${articles} | ${pct(tally.perShard, n)} | ${pct(tally.global, n)} | ${(tally.overlapShard / n).toFixed(3)} | ${(tally.overlapGlobal / n).toFixed(3)} | ${pct(tally.firstDiffers, n)} | ${pct(tally.firstDiffersGlobal, n)} | ${median(took.perShard)} | ${median(took.global)} |`,
      );
    }
  } finally {
    await client.indices.delete({ index: [one, many], ignore_unavailable: true });
    await client.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
