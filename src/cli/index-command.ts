/**
 * The importer's command line (USAGE below). Exit status: 0 when everything landed; 1 when a
 * document failed, a record was rejected (unless --allow-rejects), nothing could be imported or the
 * import stopped; 2 for bad arguments. --fresh and --reindex move the alias only when it is 0.
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
import {
  emptyCounts,
  type ImportCounts,
  InputMeter,
  Progress,
  RejectsFile,
  summaryLine,
} from "../ingest/report.js";

const USAGE = `usage: npm run index -- <files, folders, 'patterns' or URLs…> [options]
  (a folder is read with every file under it; quote a pattern such as 'ant/**/*.txt' so the
  importer expands it, not the shell)
  --map title=headline,body=text   the input's field names for canonical ones
  --rejects FILE                   where rejected records go (default rejects.ndjson)
  --allow-rejects                  exit 0 even when records were rejected (not when indexing failed
                                   or nothing at all could be imported)
  --fresh                          import into a new index; the alias moves to it only when the
                                   import succeeds (exit status 0: no document failed, something was
                                   indexed, no record rejected unless --allow-rejects); otherwise,
                                   or when the import is stopped, the new index is deleted and the
                                   alias stays where it was
  --reindex                        copy the current index into a new one with today's mappings; the
                                   alias moves only when no document failed, as with --fresh
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

/**
 * The physical index --fresh or --reindex builds beside the live one. The alias moves to it only
 * when the build succeeded; a build that failed, threw or was stopped (SIGINT, SIGTERM) deletes it
 * instead, and the alias stays where it was.
 */
class NewIndex {
  #end: Promise<boolean> | undefined;
  #stopping = false;
  readonly #onSignal = (signal: NodeJS.Signals) => {
    if (this.#stopping) {
      // A second signal: a cluster that does not answer must not hold the command.
      process.stderr.write(`${signal} again: stopped; ${this.index} may be left, --delete-old removes it\n`);
      process.exit(1);
    }
    // A swap (one atomic request) or a deletion under way ends the command by itself.
    if (this.#end) return;
    this.#stopping = true;
    process.stderr.write(`\n${signal}: deleting ${this.index} once the writes in flight end\n`);
    void this.discard(`stopped by ${signal}`).then(() => process.exit(1));
  };

  private constructor(
    private readonly client: EsClient,
    /** Its own client, so closing it stops every write to the index and nothing else. */
    readonly writer: EsClient,
    readonly alias: string,
    readonly index: string,
  ) {
    process.on("SIGINT", this.#onSignal).on("SIGTERM", this.#onSignal);
  }

  static async create(client: EsClient, connect: () => EsClient, alias: string): Promise<NewIndex> {
    // A signal while the index is being created is answered once it exists: it is deleted too.
    const early: NodeJS.Signals[] = [];
    const hold = (signal: NodeJS.Signals) => early.push(signal);
    process.on("SIGINT", hold).on("SIGTERM", hold);
    try {
      const index = await createPhysicalIndex(client, alias, { replicas: settings.replicas });
      const created = new NewIndex(client, connect(), alias, index);
      for (const signal of early) created.#onSignal(signal);
      return created;
    } finally {
      process.off("SIGINT", hold).off("SIGTERM", hold);
    }
  }

  /** Whether the alias is being swapped or the index deleted: the writer is closed or closing. */
  get ending(): boolean {
    return this.#end !== undefined;
  }

  /** Points the alias at the new index; false when a signal had it deleted first. */
  swap(): Promise<boolean> {
    return this.#once(() => this.#swap());
  }

  /** Deletes the new index and says where the alias still points. */
  discard(why: string): Promise<boolean> {
    return this.#once(() => this.#delete(why));
  }

  /** Only the first end acts: a signal and the build's own end never both do. */
  #once(end: () => Promise<boolean>): Promise<boolean> {
    this.#end ??= end().finally(() => {
      process.off("SIGINT", this.#onSignal).off("SIGTERM", this.#onSignal);
    });
    return this.#end;
  }

  async #swap(): Promise<boolean> {
    await this.writer.close();
    const previous = await swapAlias(this.client, this.alias, this.index);
    process.stderr.write(
      `alias ${this.alias} -> ${this.index}${previous.length ? ` (kept ${previous.join(", ")})` : ""}\n`,
    );
    return true;
  }

  async #delete(why: string): Promise<boolean> {
    // Closing waits for the writes in flight and sends no more: a write reaching Elasticsearch
    // after the deletion would create the index again.
    await this.writer.close();
    try {
      await this.client.indices.delete({ index: this.index });
    } catch (error) {
      process.stderr.write(
        `${why}: alias ${this.alias} not moved, but ${this.index} could not be deleted (${messageOf(error)}); --delete-old removes it\n`,
      );
      return false;
    }
    const live = await aliasTargets(this.client, this.alias);
    const where = live.length ? `still points at ${live.join(", ")}` : "was not created";
    process.stderr.write(`${why}: deleted ${this.index}; alias ${this.alias} ${where}\n`);
    return false;
  }
}

/** Why an import counts as failed (exit status 1, no swap), or undefined when it succeeded. */
function shortfall(counts: ImportCounts): string | undefined {
  if (counts.failed) return `${counts.failed} document(s) failed`;
  // --allow-rejects lets some bad records pass, not an import that found nothing to import; and a
  // fresh index that holds nothing never replaces the live one.
  if (!counts.created && !counts.updated && (counts.rejected || values.fresh))
    return "nothing was imported: no input held a usable article";
  if (counts.rejected && !values["allow-rejects"]) return `${counts.rejected} record(s) rejected`;
  return undefined;
}

async function importInputs(client: EsClient, connect: () => EsClient, alias: string): Promise<number> {
  const fresh =
    values.fresh && !values["dry-run"] ? await NewIndex.create(client, connect, alias) : undefined;
  try {
    const counts = await importInto(fresh?.writer ?? client, fresh?.index ?? alias, fresh);
    const why = shortfall(counts);
    if (!fresh) {
      if (why) process.stderr.write(`${why}\n`);
      return why ? 1 : 0;
    }
    const moved = why ? await fresh.discard(why) : await fresh.swap();
    return moved ? 0 : 1;
  } catch (error) {
    await fresh?.discard("the import stopped");
    throw error;
  }
}

/** Reads every input into `index` (the alias, or `fresh`'s index) and reports. */
async function importInto(client: EsClient, index: string, fresh?: NewIndex): Promise<ImportCounts> {
  const dryRun = values["dry-run"];
  // The alias and its index are set up while the first batch is read and prepared; runImport
  // raises their error.
  const indexReady = dryRun
    ? undefined
    : fresh
      ? Promise.resolve({ created: true })
      : ensureIndex(client, index, { replicas: settings.replicas });
  const counts = emptyCounts();
  const rejects = new RejectsFile(values.rejects);
  const meter = new InputMeter();
  meter.planFiles(await plannedBytes(positionals));
  const progress = new Progress(counts, process.stderr, meter);
  try {
    await runImport({
      client,
      index,
      indexReady,
      inputs: positionals,
      readerOptions: { fieldMap: settings.fieldMap, meter },
      timezone: settings.timezone,
      rejects,
      batchBytes: settings.batchBytes,
      concurrency: settings.concurrency,
      retryForMs: settings.retryForMs,
      counts,
      // Writes retried after a signal closed the writer are not news: the index is being deleted.
      onNote: (message) => {
        if (!fresh?.ending) progress.note(message);
      },
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
  return counts;
}

async function reindex(client: EsClient, connect: () => EsClient, alias: string): Promise<number> {
  const [current] = await aliasTargets(client, alias);
  if (!current) throw new UsageError(`alias ${alias} does not exist; nothing to reindex`);
  const target = await NewIndex.create(client, connect, alias);
  const writer = new BulkWriter({ client: target.writer, index: target.index });
  const started = Date.now();
  try {
    const result = await copyDocuments(client, current, writer, { transform: withDerivedFields });
    const moved = result.failed
      ? await target.discard(`reindex: ${result.failed} document(s) failed`)
      : await target.swap();
    if (!moved) return 1;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(
      `reindexed ${result.copied} documents ${current} -> ${target.index} in ${seconds} s\n`,
    );
    return 0;
  } catch (error) {
    await target.discard("reindex stopped");
    throw error;
  }
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
  const connect = () => createEsClient({ nodes: configuredOrLocalUrls(), config });
  const client = connect();
  const alias = config.ES_INDEX_ALIAS;
  try {
    let status = 0;
    if (values.reindex) status = await reindex(client, connect, alias);
    else if (positionals.length) status = await importInputs(client, connect, alias);
    else if (!values["delete-old"])
      throw new UsageError("name at least one file or URL, or --reindex, or --delete-old");
    if (values["delete-old"]) await deleteOld(client, alias);
    return status;
  } finally {
    await client.close();
  }
}

main().then((code) => process.exit(code), exitWith);
