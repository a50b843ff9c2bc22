/**
 * npm run index -- <files or URLs…> [options]
 *   --map title=headline,body=text   the input's field names for canonical ones
 *   --rejects FILE                   where rejected records go (default rejects.ndjson)
 *   --allow-rejects                  exit 0 even when records were rejected (not when indexing failed)
 *   --fresh                          import into a new index and swap the alias when done
 *   --reindex                        copy the current index into a new one with today's mappings, swap
 *   --delete-old [--keep N]          delete physical indices the alias no longer uses (keep the N newest)
 *   --dry-run                        read, validate and prepare everything, send nothing
 *   --concurrency N, --batch-mb N, --replicas N, --retry-minutes N
 * Exit status: 0 when everything landed; 1 when a document failed, a record was rejected (unless
 * --allow-rejects) or the import stopped; 2 for bad arguments.
 */
import { parseArgs } from "node:util";
import { configuredOrLocalUrls } from "../../scripts/es/provision.js";
import { withDerivedFields } from "../articles/document.js";
import { ElasticsearchConfigSchema, parseEnv } from "../config.js";
import { createEsClient, type EsClient } from "../es/client.js";
import {
  aliasTargets,
  createPhysicalIndex,
  ensureIndex,
  listPhysicalIndices,
  swapAlias,
} from "../es/indices.js";
import { copyDocuments } from "../es/reindex.js";
import { BulkWriter } from "../ingest/bulk-writer.js";
import { runImport } from "../ingest/pipeline.js";
import { emptyCounts, Progress, RejectsFile, summaryLine } from "../ingest/report.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    map: { type: "string" },
    rejects: { type: "string", default: "rejects.ndjson" },
    "allow-rejects": { type: "boolean", default: false },
    fresh: { type: "boolean", default: false },
    reindex: { type: "boolean", default: false },
    "delete-old": { type: "boolean", default: false },
    keep: { type: "string", default: "0" },
    concurrency: { type: "string", default: "2" },
    "batch-mb": { type: "string", default: "2" },
    replicas: { type: "string" },
    "retry-minutes": { type: "string", default: "10" },
    "dry-run": { type: "boolean", default: false },
  },
});

function parseFieldMap(spec: string | undefined): Record<string, string> | undefined {
  if (!spec) return undefined;
  const pairs = spec.split(",").map((pair) => pair.split("=").map((part) => part.trim()));
  for (const pair of pairs) {
    if (pair.length !== 2 || !pair[0] || !pair[1])
      throw new UsageError(`--map: "${pair.join("=")}" is not canonical=field`);
  }
  return Object.fromEntries(pairs);
}

class UsageError extends Error {}

async function importInputs(client: EsClient, alias: string): Promise<number> {
  const replicas = values.replicas === undefined ? undefined : Number(values.replicas);
  const dryRun = values["dry-run"];
  const target = values.fresh && !dryRun ? await createPhysicalIndex(client, alias, { replicas }) : alias;
  // The alias and its index are set up while the first batch is read and prepared.
  const indexReady = dryRun
    ? undefined
    : values.fresh
      ? Promise.resolve({ created: true })
      : ensureIndex(client, alias, { replicas });
  // Raised by runImport before its first request; handled here so an early failure is not unhandled.
  indexReady?.catch(() => {});
  const counts = emptyCounts();
  const rejects = new RejectsFile(values.rejects);
  const progress = new Progress(counts);
  try {
    await runImport({
      client,
      index: target,
      indexReady,
      inputs: positionals,
      readerOptions: { fieldMap: parseFieldMap(values.map) },
      rejects,
      batchBytes: Number(values["batch-mb"]) * 1e6,
      concurrency: Number(values.concurrency),
      retryForMs: Number(values["retry-minutes"]) * 60_000,
      counts,
      onNote: (message) => progress.note(message),
      dryRun,
    });
  } finally {
    const elapsed = progress.stop();
    await rejects.close();
    const peakMb = process.resourceUsage().maxRSS / 1024;
    process.stderr.write(`${summaryLine(counts, elapsed)}, peak RSS ${peakMb.toFixed(0)} MB\n`);
    if (rejects.count)
      process.stderr.write(
        `${rejects.count} rejected or failed record(s), with reasons, in ${rejects.path}\n`,
      );
  }
  if (values.fresh && !dryRun) {
    const previous = await swapAlias(client, alias, target);
    process.stderr.write(
      `alias ${alias} -> ${target}${previous.length ? ` (kept ${previous.join(", ")})` : ""}\n`,
    );
  }
  if (counts.failed) return 1;
  return counts.rejected && !values["allow-rejects"] ? 1 : 0;
}

async function reindex(client: EsClient, alias: string): Promise<number> {
  const [current] = await aliasTargets(client, alias);
  if (!current) throw new UsageError(`alias ${alias} does not exist; nothing to reindex`);
  const replicas = values.replicas === undefined ? undefined : Number(values.replicas);
  const target = await createPhysicalIndex(client, alias, { replicas });
  const writer = new BulkWriter({ client, index: target });
  const started = Date.now();
  const result = await copyDocuments(client, current, writer, { transform: withDerivedFields });
  if (result.failed) {
    process.stderr.write(`reindex: ${result.failed} document(s) failed; alias left on ${current}\n`);
    return 1;
  }
  await swapAlias(client, alias, target);
  process.stderr.write(
    `reindexed ${result.copied} documents ${current} -> ${target} in ${((Date.now() - started) / 1000).toFixed(1)} s; alias ${alias} swapped, ${current} kept\n`,
  );
  return 0;
}

async function deleteOld(client: EsClient, alias: string): Promise<void> {
  const live = new Set(await aliasTargets(client, alias));
  const old = (await listPhysicalIndices(client, alias)).filter((index) => !live.has(index));
  const doomed = old.slice(Number(values.keep));
  if (doomed.length) await client.indices.delete({ index: doomed });
  process.stderr.write(doomed.length ? `deleted ${doomed.join(", ")}\n` : "no old indices to delete\n");
}

async function main(): Promise<number> {
  const config = parseEnv(ElasticsearchConfigSchema);
  const client = createEsClient({ nodes: configuredOrLocalUrls(), config });
  const alias = config.ES_INDEX_ALIAS;
  try {
    let status = 0;
    if (values.reindex) status = await reindex(client, alias);
    else if (positionals.length) status = await importInputs(client, alias);
    else if (!values["delete-old"])
      throw new UsageError("name at least one file or URL, or --reindex, or --delete-old");
    if (values["delete-old"]) await deleteOld(client, alias);
    return status;
  } finally {
    await client.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`index: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
