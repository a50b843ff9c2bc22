/**
 * The importer's command line (USAGE below). Exit status: 0 when everything landed; 1 when a
 * document failed, a record was rejected (unless --allow-rejects), nothing could be imported or the
 * import stopped; 2 for bad arguments.
 */
import { parseArgs } from "node:util";
import { configuredOrLocalUrls } from "../../scripts/es/provision.js";
import { withDerivedFields } from "../articles/document.js";
import { isKnownZone } from "../articles/schema.js";
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
import { plannedBytes } from "../ingest/input-paths.js";
import { runImport } from "../ingest/pipeline.js";
import { messageOf } from "../ingest/readers/text-lines.js";
import { emptyCounts, InputMeter, Progress, RejectsFile, summaryLine } from "../ingest/report.js";

const USAGE = `usage: npm run index -- <files, folders, 'patterns' or URLs…> [options]
  (a folder is read with every file under it; quote a pattern such as 'ant/**/*.txt' so the
  importer expands it, not the shell)
  --map title=headline,body=text   the input's field names for canonical ones
  --rejects FILE                   where rejected records go (default rejects.ndjson)
  --allow-rejects                  exit 0 even when records were rejected (not when indexing failed
                                   or nothing at all could be imported)
  --fresh                          import into a new index and swap the alias when done
  --reindex                        copy the current index into a new one with today's mappings, swap
  --delete-old [--keep N]          delete physical indices the alias no longer uses (keep the N newest)
  --dry-run                        read, validate and prepare everything, send nothing
  --timezone ZONE                  read dates written without a zone (2017-01-22T185600) in ZONE:
                                   Z, +03:00 or an IANA name such as Asia/Riyadh; without it they
                                   are rejected (a local time names no instant by itself)
  --concurrency N, --batch-mb N, --replicas N, --retry-minutes N
exit status: 0 when everything landed; 1 when a document failed, a record was rejected (unless
--allow-rejects), nothing could be imported or the import stopped; 2 for bad arguments`;

class UsageError extends Error {}

/** Ends the command: the message, the usage after a usage error, and the matching exit status. */
function exitWith(error: unknown): never {
  const usage = error instanceof UsageError ? `\n${USAGE}` : "";
  process.stderr.write(`index: ${messageOf(error)}${usage}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
}

const { values, positionals, settings } = parseCommandLine();

/** The options, checked: any mistake ends the command here, before anything is created or sent. */
function parseCommandLine() {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: {
        help: { type: "boolean", short: "h", default: false },
        map: { type: "string" },
        rejects: { type: "string", default: "rejects.ndjson" },
        "allow-rejects": { type: "boolean", default: false },
        timezone: { type: "string" },
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
    const settings = {
      fieldMap: parseFieldMap(values.map),
      keep: numberOption("keep", values.keep, { least: 0, whole: true }),
      concurrency: numberOption("concurrency", values.concurrency, { least: 1, whole: true }),
      batchBytes: numberOption("batch-mb", values["batch-mb"], { least: 0.01 }) * 1e6,
      replicas:
        values.replicas === undefined
          ? undefined
          : numberOption("replicas", values.replicas, { least: 0, whole: true }),
      retryForMs: numberOption("retry-minutes", values["retry-minutes"], { least: 0 }) * 60_000,
      timezone: zoneOption(values.timezone),
    };
    return { values, positionals, settings };
  } catch (error) {
    // An unknown option or a missing value (parseArgs), a malformed value (ours): all usage errors.
    exitWith(error instanceof UsageError ? error : new UsageError(messageOf(error)));
  }
}

function zoneOption(zone: string | undefined): string | undefined {
  if (zone !== undefined && !isKnownZone(zone))
    throw new UsageError(`--timezone: "${zone}" is not Z, ±HH:MM or an IANA zone name such as Asia/Riyadh`);
  return zone;
}

function parseFieldMap(spec: string | undefined): Record<string, string> | undefined {
  if (!spec) return undefined;
  const pairs = spec.split(",").map((pair) => pair.split("=").map((part) => part.trim()));
  for (const pair of pairs) {
    if (pair.length !== 2 || !pair[0] || !pair[1])
      throw new UsageError(`--map: "${pair.join("=")}" is not canonical=field`);
  }
  return Object.fromEntries(pairs);
}

function numberOption(
  name: string,
  text: string,
  { least, whole = false }: { least: number; whole?: boolean },
) {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < least || (whole && !Number.isInteger(value)))
    throw new UsageError(
      `--${name}: "${text}" is not ${whole ? "a whole number" : "a number"} of at least ${least}`,
    );
  return value;
}

async function importInputs(client: EsClient, alias: string): Promise<number> {
  const { replicas } = settings;
  const dryRun = values["dry-run"];
  const target = values.fresh && !dryRun ? await createPhysicalIndex(client, alias, { replicas }) : alias;
  // The alias and its index are set up while the first batch is read and prepared; runImport
  // raises their error.
  const indexReady = dryRun
    ? undefined
    : values.fresh
      ? Promise.resolve({ created: true })
      : ensureIndex(client, alias, { replicas });
  const counts = emptyCounts();
  const rejects = new RejectsFile(values.rejects);
  const meter = new InputMeter();
  meter.planFiles(await plannedBytes(positionals));
  const progress = new Progress(counts, process.stderr, meter);
  try {
    await runImport({
      client,
      index: target,
      indexReady,
      inputs: positionals,
      readerOptions: { fieldMap: settings.fieldMap, meter },
      timezone: settings.timezone,
      rejects,
      batchBytes: settings.batchBytes,
      concurrency: settings.concurrency,
      retryForMs: settings.retryForMs,
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
  if (counts.rejected && !counts.created && !counts.updated) {
    // --allow-rejects lets some bad records pass, not an import that found nothing to import.
    process.stderr.write("nothing was imported: no input held a usable article\n");
    return 1;
  }
  return counts.rejected && !values["allow-rejects"] ? 1 : 0;
}

async function reindex(client: EsClient, alias: string): Promise<number> {
  const [current] = await aliasTargets(client, alias);
  if (!current) throw new UsageError(`alias ${alias} does not exist; nothing to reindex`);
  const target = await createPhysicalIndex(client, alias, { replicas: settings.replicas });
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
  const doomed = old.slice(settings.keep);
  if (doomed.length) await client.indices.delete({ index: doomed });
  process.stderr.write(doomed.length ? `deleted ${doomed.join(", ")}\n` : "no old indices to delete\n");
}

async function main(): Promise<number> {
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
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

main().then((code) => process.exit(code), exitWith);
