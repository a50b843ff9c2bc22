/**
 * npm run eval -- arcd|known-item|related|all [--systems standard,arabic,project] [--limit N]
 *                 [--seed N] [--keep]
 * @module eval/cli
 * Loads each dataset's corpus into fresh `eval-*` indices (one per system), runs its queries on
 * every system, prints a table per dataset and writes docs/eval/<dataset>.json and
 * docs/relevance.md. The news corpus is loaded once and shared by arcd and known-item.
 */
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ElasticsearchConfigSchema, parseEnv } from "../../src/config.js";
import { createEsClient, type EsClient } from "../../src/es/client.js";
import { projectRoot } from "../../src/project-root.js";
import { configuredOrLocalUrls } from "../es/provision.js";
import { deleteCorpus, type LoadedCorpus, listDocuments, loadCorpus } from "./corpus.js";
import { gradeArcd, readArcd, writeParagraphs } from "./datasets/arcd.js";
import { gradeKnownItem, knownItemQueries } from "./datasets/known-item.js";
import { gradeRelated, relatedQueries } from "./datasets/related.js";
import { METHOD } from "./method.js";
import {
  commitStamp,
  DATASETS,
  type DatasetName,
  type DatasetReport,
  printReport,
  targetLine,
  writeMarkdown,
  writeReport,
} from "./report.js";
import { runQueries } from "./run.js";
import { relatedRequest, SYSTEMS, type SystemName, searchRequests } from "./systems.js";

const corpora = join(projectRoot, "../shared/corpora");
const FILES = {
  saudi: join(corpora, "saudinewsnet.jsonl.gz"),
  arcd: join(corpora, "arcd-train.json"),
  ant: join(corpora, "ant-dev.tar.gz"),
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    systems: { type: "string", default: SYSTEMS.join(",") },
    limit: { type: "string" },
    seed: { type: "string", default: "20250301" },
    keep: { type: "boolean", default: false },
  },
});
const wanted = positionals[0] ?? "all";
if (wanted !== "all" && !DATASETS.includes(wanted as DatasetName)) {
  console.error(
    `usage: npm run eval -- ${DATASETS.join("|")}|all [--systems ${SYSTEMS.join(",")}] [--limit N] [--keep]`,
  );
  process.exit(2);
}
const datasets = wanted === "all" ? [...DATASETS] : [wanted as DatasetName];
const systems = values.systems.split(",").map((s) => s.trim()) as SystemName[];
for (const system of systems) if (!SYSTEMS.includes(system)) throw new Error(`unknown system ${system}`);
const seed = Number(values.seed);
const limit = values.limit ? Number(values.limit) : undefined;
const run = `eval-${Date.now().toString(36)}`;
const stamp = { date: new Date().toISOString().slice(0, 10), commit: commitStamp() };

const config = parseEnv(ElasticsearchConfigSchema);
const client = createEsClient({
  nodes: configuredOrLocalUrls(),
  config: { ...config, ES_REQUEST_TIMEOUT_MS: 120_000 },
});
const loaded: LoadedCorpus[] = [];
const progress = (name: string) => (done: number, total: number) =>
  console.log(`  ${name}: ${done}/${total}`);

async function load(name: string, inputs: string[]): Promise<LoadedCorpus> {
  console.log(`loading ${name} into ${run}-${name}-* (${systems.join(", ")})…`);
  const corpus = await loadCorpus(client, `${run}-${name}`, inputs, systems);
  loaded.push(corpus);
  console.log(
    `  ${corpus.documents} documents (${corpus.rejected} rejected) in ${corpus.loadSeconds.toFixed(0)} s`,
  );
  return corpus;
}

function finish(report: Omit<DatasetReport, "date" | "commit" | "target">): void {
  const full: DatasetReport = { ...report, ...stamp, target: targetLine(report.dataset, report.results) };
  printReport(full);
  console.log(`wrote ${writeReport(full)}`);
}

async function newsDatasets(client: EsClient, which: DatasetName[]): Promise<void> {
  const arcd = which.includes("arcd") && existsSync(FILES.arcd) ? readArcd(FILES.arcd) : undefined;
  if (which.includes("arcd") && !arcd) console.log(`arcd: skipped, ${FILES.arcd} is absent`);
  const inputs = [FILES.saudi];
  if (arcd) {
    const file = join(tmpdir(), `${run}-arcd-paragraphs.jsonl`);
    await writeParagraphs(arcd, file);
    inputs.push(file);
  }
  const corpus = await load("news", inputs);
  const docs = await listDocuments(client, corpus.indices.project);
  const storyOf = new Map(docs.map((doc) => [doc.id, doc.dup_group]));
  const base = { documents: corpus.documents, seed, notes: [] as string[] };
  if (arcd) {
    const questions = arcd.questions.slice(0, limit);
    console.log(`arcd: ${questions.length} questions`);
    const results = await runQueries({
      client,
      systems,
      indices: corpus.indices,
      queries: questions,
      onProgress: progress("arcd"),
      request: (system, index, q) => searchRequests(system, index, q.question),
      grade: (q, hits) => gradeArcd(q, hits, storyOf),
    });
    finish({
      ...base,
      dataset: "arcd",
      title: "ARCD questions among SaudiNewsNet",
      results,
      notes: [
        `${arcd.paragraphs.length} ARCD paragraphs indexed among the SaudiNewsNet articles; one relevant paragraph per question.`,
      ],
    });
  }
  if (which.includes("known-item")) {
    const queries = knownItemQueries(docs, { seed, count: limit ?? 500 });
    console.log(`known-item: ${queries.length} queries`);
    const results = await runQueries({
      client,
      systems,
      indices: corpus.indices,
      queries,
      onProgress: progress("known-item"),
      request: (system, index, q) => searchRequests(system, index, q.query),
      grade: gradeKnownItem,
    });
    const edits = new Map<string, number>();
    for (const q of queries) for (const edit of q.edits) edits.set(edit, (edits.get(edit) ?? 0) + 1);
    finish({
      ...base,
      dataset: "known-item",
      title: "Known-item: SaudiNewsNet headlines as typed",
      results,
      notes: [`Edits made (queries with each): ${[...edits].map(([e, n]) => `${e} ${n}`).join(", ")}.`],
      examples: queries.slice(0, 15).map(({ title, query, edits }) => ({ title, query, edits })),
    });
  }
}

async function relatedDataset(client: EsClient): Promise<void> {
  if (!existsSync(FILES.ant)) return console.log(`related: skipped, ${FILES.ant} is absent`);
  const corpus = await load("ant", [FILES.ant]);
  const docs = await listDocuments(client, corpus.indices.project);
  const queries = relatedQueries(docs, { seed, count: limit ?? 200 });
  console.log(`related: ${queries.length} source articles`);
  const results = await runQueries({
    client,
    systems,
    indices: corpus.indices,
    queries,
    onProgress: progress("related"),
    request: (system, index, q) => relatedRequest(system, index, q),
    grade: gradeRelated,
  });
  finish({
    dataset: "related",
    title: "Related coverage on ANT (same category = relevant)",
    documents: corpus.documents,
    seed,
    results,
    notes: [],
  });
}

try {
  const news = datasets.filter((d) => d !== "related");
  if (news.length && !existsSync(FILES.saudi))
    console.log(`${news.join(", ")}: skipped, ${FILES.saudi} is absent`);
  else if (news.length) await newsDatasets(client, news);
  if (datasets.includes("related")) await relatedDataset(client);
  console.log(`wrote ${writeMarkdown(METHOD)}`);
} finally {
  if (values.keep) console.log(`kept indices: ${loaded.flatMap((c) => Object.values(c.indices)).join(", ")}`);
  else for (const corpus of loaded) await deleteCorpus(client, corpus);
  await client.close();
}
