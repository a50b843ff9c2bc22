/**
 * @module indexing/import-inputs
 * An import as a whole: the inputs read into the alias (its index created when missing) or, when
 * `fresh`, into a new index that replaces the live one only when the import succeeded; progress
 * while it runs, a summary and the rejects file's place at the end.
 */
import { ensureIndex } from "../es/indices.js";
import { plannedBytes } from "../ingest/input-paths.js";
import { runImport } from "../ingest/pipeline.js";
import {
  emptyCounts,
  type ImportCounts,
  InputMeter,
  Progress,
  RejectsFile,
  summaryLine,
} from "../ingest/report.js";
import { type BuildOptions, NewIndex } from "./new-index.js";

export interface ImportInputsOptions extends BuildOptions {
  /** Files, folders, patterns or URLs. */
  inputs: string[];
  /** Into a new index; the alias moves to it only when the import succeeded. */
  fresh: boolean;
  /** Read, validate and prepare everything, send nothing. */
  dryRun: boolean;
  /** Rejected records do not fail the import (an import that found nothing usable still fails). */
  allowRejects: boolean;
  /** Where rejected records go, with their reasons. */
  rejectsPath: string;
  fieldMap?: Record<string, string> | undefined;
  timezone?: string | undefined;
  batchBytes: number;
  concurrency: number;
  retryForMs: number;
}

/** Why an import counts as failed (no swap), or undefined when it succeeded. */
function shortfall(counts: ImportCounts, options: ImportInputsOptions): string | undefined {
  if (counts.failed) return `${counts.failed} document(s) failed`;
  // Rejects allowed let some bad records pass, not an import that found nothing to import; and a
  // fresh index that holds nothing never replaces the live one.
  if (!counts.created && !counts.updated && (counts.rejected || options.fresh))
    return "nothing was imported: no input held a usable article";
  if (counts.rejected && !options.allowRejects) return `${counts.rejected} record(s) rejected`;
  return undefined;
}

/** True when the import succeeded (and, when fresh, the alias moved to its index). */
export async function importInputs(options: ImportInputsOptions): Promise<boolean> {
  const fresh = options.fresh && !options.dryRun ? await NewIndex.create(options) : undefined;
  try {
    const counts = await importInto(
      fresh?.writer ?? options.client,
      fresh?.index ?? options.alias,
      options,
      fresh,
    );
    const why = shortfall(counts, options);
    if (!fresh) {
      if (why) options.out.write(`${why}\n`);
      return !why;
    }
    return why ? await fresh.discard(why) : await fresh.swap();
  } catch (error) {
    await fresh?.discard("the import stopped");
    throw error;
  }
}

/** Reads every input into `index` (the alias, or `fresh`'s index) and reports. */
async function importInto(
  client: BuildOptions["client"],
  index: string,
  options: ImportInputsOptions,
  fresh?: NewIndex,
): Promise<ImportCounts> {
  const { dryRun, out } = options;
  // The alias and its index are set up while the first batch is read and prepared; runImport
  // raises their error.
  const indexReady = dryRun
    ? undefined
    : fresh
      ? Promise.resolve({ created: true })
      : ensureIndex(client, index, { shards: options.shards, replicas: options.replicas });
  const counts = emptyCounts();
  const rejects = new RejectsFile(options.rejectsPath);
  const meter = new InputMeter();
  meter.planFiles(await plannedBytes(options.inputs));
  const progress = new Progress(counts, out, meter);
  try {
    await runImport({
      client,
      index,
      indexReady,
      inputs: options.inputs,
      readerOptions: { fieldMap: options.fieldMap, meter },
      timezone: options.timezone,
      rejects,
      batchBytes: options.batchBytes,
      concurrency: options.concurrency,
      retryForMs: options.retryForMs,
      counts,
      // Writes retried after a stop closed the writer are not news: the index is being deleted.
      onNote: (message) => {
        if (!fresh?.ending) progress.note(message);
      },
      dryRun,
    });
  } finally {
    const elapsed = progress.stop();
    await rejects.close();
    const peakMb = process.resourceUsage().maxRSS / 1024;
    out.write(`${summaryLine(counts, elapsed)}, peak RSS ${peakMb.toFixed(0)} MB\n`);
    if (rejects.count)
      out.write(`${rejects.count} rejected or failed record(s), with reasons, in ${rejects.path}\n`);
  }
  return counts;
}
