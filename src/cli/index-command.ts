/**
 * The importer's command line (USAGE below): reads the options, runs the build (src/indexing/),
 * turns its outcome into the exit status. 0 when everything landed; 1 when a document failed, a
 * record was rejected (unless --allow-rejects), nothing could be imported or the import stopped;
 * 2 for bad arguments. --fresh and --reindex move the alias only when it is 0.
 */
import { parseArgs } from "node:util";
import { isKnownZone } from "../articles/schema.js";
import { ElasticsearchConfigSchema, parseEnv } from "../config.js";
import { messageOf } from "../error-message.js";
import { createEsClient } from "../es/client.js";
import { configuredOrLocalUrls } from "../es/local-cluster.js";
import { deleteOldIndices } from "../indexing/delete-old.js";
import { importInputs } from "../indexing/import-inputs.js";
import type { BuildOptions, NewIndex } from "../indexing/new-index.js";
import { MissingAlias, reindexAlias } from "../indexing/reindex-alias.js";

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
  --shards N, --replicas N         primary shards and replicas of an index this command creates
                                   (the first, --fresh, --reindex); default ES_SHARDS and
                                   ES_REPLICAS, else 1 and 0
  --concurrency N, --batch-mb N, --retry-minutes N
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
        shards: { type: "string" },
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
      shards:
        values.shards === undefined
          ? undefined
          : numberOption("shards", values.shards, { least: 1, whole: true }),
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
 * SIGINT or SIGTERM while --fresh or --reindex builds a new index: the index is deleted once the
 * writes in flight end, then the command exits 1; a second signal exits at once. A signal that
 * comes while the index is being created is answered once it exists: it is deleted too.
 */
function stopOnSignals(building: Promise<NewIndex>): void {
  let build: NewIndex | undefined;
  let stopping = false;
  const early: NodeJS.Signals[] = [];
  const onSignal = (signal: NodeJS.Signals) => {
    if (!build) {
      early.push(signal);
      return;
    }
    if (stopping) {
      // A cluster that does not answer must not hold the command.
      process.stderr.write(`${signal} again: stopped; ${build.index} may be left, --delete-old removes it\n`);
      process.exit(1);
    }
    const deleting = build.stop(signal);
    if (!deleting) return;
    stopping = true;
    void deleting.then(() => process.exit(1));
  };
  const off = () => process.off("SIGINT", onSignal).off("SIGTERM", onSignal);
  process.on("SIGINT", onSignal).on("SIGTERM", onSignal);
  building.then((created) => {
    build = created;
    for (const signal of early) onSignal(signal);
    void created.ended.then(off);
  }, off);
}

async function main(): Promise<number> {
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = parseEnv(ElasticsearchConfigSchema);
  const connect = () => createEsClient({ nodes: configuredOrLocalUrls(), config });
  const client = connect();
  const build: BuildOptions = {
    client,
    connect,
    alias: config.ES_INDEX_ALIAS,
    shards: settings.shards,
    replicas: settings.replicas,
    out: process.stderr,
    onNewIndex: stopOnSignals,
  };
  try {
    let succeeded = true;
    if (values.reindex) succeeded = await reindexAlias(build).catch(asUsageError);
    else if (positionals.length)
      succeeded = await importInputs({
        ...build,
        inputs: positionals,
        fresh: values.fresh,
        dryRun: values["dry-run"],
        allowRejects: values["allow-rejects"],
        rejectsPath: values.rejects,
        fieldMap: settings.fieldMap,
        timezone: settings.timezone,
        batchBytes: settings.batchBytes,
        concurrency: settings.concurrency,
        retryForMs: settings.retryForMs,
      });
    else if (!values["delete-old"])
      throw new UsageError("name at least one file or URL, or --reindex, or --delete-old");
    if (values["delete-old"]) await deleteOldIndices(build, settings.keep);
    return succeeded ? 0 : 1;
  } finally {
    await client.close();
  }
}

/** Nothing to reindex is the caller's mistake: a usage error. */
function asUsageError(error: unknown): never {
  throw error instanceof MissingAlias ? new UsageError(error.message) : error;
}

main().then((code) => process.exit(code), exitWith);
