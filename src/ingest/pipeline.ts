/**
 * @module ingest/pipeline
 * The importer, top to bottom: read → validate (clean + schema) → prepare (id, fingerprint) →
 * batch by bytes → group near-duplicates → encode → bulk, a few batches in flight → report.
 * Async generators join the stages, so memory stays flat however large the input.
 */
import { type PreparedArticle, prepareArticle } from "../articles/document.js";
import type { EsClient } from "../es/client.js";
import { BulkBody, BulkWriter } from "./bulk-writer.js";
import { DuplicateGrouper } from "./duplicates.js";
import { readInput } from "./open-input.js";
import { emptyCounts, type ImportCounts, type RejectsFile } from "./report.js";
import type { Origin, ReaderOptions } from "./types.js";
import { validateRecord } from "./validate.js";

export interface ImportOptions {
  client: EsClient;
  /** The alias (or index) to write to. */
  index: string;
  inputs: string[];
  readerOptions?: ReaderOptions;
  rejects: RejectsFile;
  /** Target size of one `_bulk` request body. */
  batchBytes?: number;
  /** `_bulk` requests in flight at once. */
  concurrency?: number;
  retryForMs?: number;
  counts?: ImportCounts;
  onNote?: (message: string) => void;
  /** Read, validate, prepare and serialise, but send nothing (counts as created). */
  dryRun?: boolean;
}

interface Prepared extends PreparedArticle {
  origin: Origin;
}

/** Stages 1–3: every input's records, validated and prepared; failures go to the rejects file. */
async function* preparedArticles(options: ImportOptions, counts: ImportCounts): AsyncGenerator<Prepared> {
  for (const input of options.inputs) {
    for await (const item of readInput(input, options.readerOptions ?? {})) {
      counts.read++;
      if (item.kind === "failure") {
        counts.rejected++;
        options.rejects.add({
          stage: "parse",
          origin: item.origin,
          reason: item.reason,
          record: item.excerpt,
        });
        continue;
      }
      const checked = validateRecord(item);
      if (checked.kind === "rejection") {
        counts.rejected++;
        options.rejects.add({ stage: "validate", ...checked });
        continue;
      }
      yield { ...prepareArticle(checked.article), origin: item.origin };
    }
  }
}

/** Stage 4: batches of roughly `batchBytes` of JSON (Arabic text is two bytes a letter). */
async function* batches(articles: AsyncIterable<Prepared>, batchBytes: number): AsyncGenerator<Prepared[]> {
  let batch: Prepared[] = [];
  let size = 0;
  for await (const article of articles) {
    batch.push(article);
    const { title, body, lead } = article.document;
    size += 2 * (title.length + body.length + (lead?.length ?? 0)) + 900;
    if (size >= batchBytes || batch.length >= 5_000) {
      yield batch;
      batch = [];
      size = 0;
    }
  }
  if (batch.length) yield batch;
}

export async function runImport(options: ImportOptions): Promise<ImportCounts> {
  const counts = options.counts ?? emptyCounts();
  const concurrency = options.concurrency ?? 2;
  const retry = {
    retryForMs: options.retryForMs ?? 600_000,
    onRetry: (reason: string, waitMs: number) =>
      options.onNote?.(`waiting ${(waitMs / 1000).toFixed(1)} s: ${reason}`),
  };
  const grouper = new DuplicateGrouper(options.client, options.index, { retry, soleWriter: true });
  const writer = new BulkWriter({ client: options.client, index: options.index, ...retry });
  const inFlight = new Set<Promise<void>>();
  let fatal: unknown;

  const send = async (body: BulkBody) => {
    for (const outcome of await writer.write(body)) {
      if (outcome.outcome === "failed") {
        counts.failed++;
        options.rejects.add({
          stage: "index",
          origin: outcome.origin,
          reason: outcome.reason,
          record: { id: outcome.id },
        });
      } else counts[outcome.outcome]++;
    }
  };

  const batchBytes = options.batchBytes ?? 2_000_000;
  for await (const batch of batches(preparedArticles(options, counts), batchBytes)) {
    // Stage 5: duplicate groups are assigned in input order, before the batch leaves.
    if (!options.dryRun) await grouper.assign(batch);
    // Stage 6: the request body, encoded now, so the batch's strings die young.
    const body = new BulkBody(batchBytes);
    for (const { document, origin } of batch) body.add(document.id, origin, JSON.stringify(document));
    counts.bytes += body.byteLength;
    if (options.dryRun) {
      counts.created += batch.length;
      continue;
    }
    // Wait for a free slot only now: the next batch is read, prepared and grouped while the
    // previous ones are in flight, so Elasticsearch is never left waiting on this process.
    while (inFlight.size >= concurrency && !fatal) await Promise.race(inFlight);
    if (fatal) break;
    const request = send(body)
      .catch((error: unknown) => {
        fatal ??= error;
      })
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  }
  await Promise.all(inFlight);
  if (fatal) throw fatal;
  if (!options.dryRun) await options.client.indices.refresh({ index: options.index });
  return counts;
}
