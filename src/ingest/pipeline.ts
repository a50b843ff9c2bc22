/**
 * @module ingest/pipeline
 * The importer, top to bottom: read → validate (clean + schema) → prepare (id, fingerprint) →
 * encode into a batch of bytes → group near-duplicates → bulk, a few batches in flight → report.
 * Async generators join the stages, so memory stays flat however large the input.
 */
import { type PreparedArticle, prepareArticle } from "../articles/document.js";
import { BufferPool, BulkBody, BulkWriter } from "../es/bulk-writer.js";
import type { EsClient } from "../es/client.js";
import { loadIndexDefinition } from "../es/index-definition.js";
import { type AliasIndex, refreshIntervals, setRefreshInterval } from "../es/indices.js";
import { withRetry } from "../es/retry.js";
import { DuplicateGrouper, type Fingerprint, fingerprintOf } from "./duplicates/grouper.js";
import { readInput } from "./open-input.js";
import { emptyCounts, type ImportCounts, type RejectsFile } from "./report.js";
import type { Origin, ReaderOptions } from "./types.js";
import { validateRecord } from "./validate.js";

export interface ImportOptions {
  client: EsClient;
  /** The alias (or index) to write to. */
  index: string;
  /**
   * Settles once `index` can take writes. Records are read and prepared meanwhile (creating an
   * index takes Elasticsearch a few hundred milliseconds); nothing is sent before, and its error
   * is the import's. An index `created` for this import holds only what it writes, so nobody asks
   * the index whether it held articles before.
   */
  indexReady?: Promise<Pick<AliasIndex, "created">>;
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
  /** The zone of dates written without one (Z, ±HH:MM or an IANA name); none: such dates are refused. */
  timezone?: string;
}

/**
 * How often an index created for this import refreshes while it fills, instead of every second:
 * each refresh writes a small segment that merges then rewrite. The grouper refreshes when it
 * needs the index to see what was written (beforeAskingForgotten), and the import at its end.
 */
export const FILLING_REFRESH_INTERVAL = "30s";

/**
 * An import that stopped before putting the refresh interval back left its index refreshing every
 * FILLING_REFRESH_INTERVAL: the next import into that index puts the mapping's back.
 */
async function endStoppedFilling(client: EsClient, index: string): Promise<void> {
  const wanted = loadIndexDefinition().settings.refresh_interval;
  for (const [name, interval] of await refreshIntervals(client, index))
    if (interval === FILLING_REFRESH_INTERVAL)
      await client.indices.putSettings({ index: name, settings: { refresh_interval: wanted as string } });
}

/** Size of the first batch; each next one is twice as large, up to the batch size. */
const FIRST_BATCH_BYTES = 128 * 1024;

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
      const checked = validateRecord(item, options.timezone);
      if (checked.kind === "rejection") {
        counts.rejected++;
        options.rejects.add({ stage: "validate", ...checked });
        continue;
      }
      yield { ...prepareArticle(checked.article), origin: item.origin };
    }
  }
}

export async function runImport(options: ImportOptions): Promise<ImportCounts> {
  const counts = options.counts ?? emptyCounts();
  const concurrency = options.concurrency ?? 2;
  const retry = {
    retryForMs: options.retryForMs ?? 600_000,
    onRetry: (reason: string, waitMs: number) =>
      options.onNote?.(`waiting ${(waitMs / 1000).toFixed(1)} s: ${reason}`),
  };
  const inFlight = new Set<Promise<void>>();
  /** Puts back the index's refresh interval, while an index created for this import fills. */
  let restoreRefresh: (() => Promise<void>) | undefined;
  const grouper = new DuplicateGrouper(options.client, options.index, {
    retry,
    soleWriter: true,
    beforeAskingForgotten: async () => {
      if (!restoreRefresh) return;
      await Promise.all(inFlight);
      await withRetry(
        () => options.client.indices.refresh({ index: options.index }, { maxRetries: 0 }),
        retry,
      );
    },
  });
  const indexReady = options.indexReady?.then(async ({ created }) => {
    if (options.dryRun) return;
    if (!created) return endStoppedFilling(options.client, options.index);
    grouper.indexStartsEmpty();
    restoreRefresh = await setRefreshInterval(options.client, options.index, FILLING_REFRESH_INTERVAL);
  });
  // Raised where it is awaited: before the first request, or at the end when nothing was sent.
  indexReady?.catch(() => {});
  const writer = new BulkWriter({ client: options.client, index: options.index, ...retry });
  let fatal: unknown;

  const send = async (body: BulkBody<Origin>) => {
    const outcomes = await writer.write(body);
    // Every attempt has ended: its bytes can hold the next batch.
    body.release();
    for (const outcome of outcomes) {
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

  /** Stages 5–6: the batch's duplicate groups, then the request, a few in flight. */
  const dispatch = async (encoded: BulkBody<Origin>, fingerprints: Fingerprint[]) => {
    if (options.dryRun) {
      counts.bytes += encoded.byteLength;
      counts.created += fingerprints.length;
      encoded.release();
      return;
    }
    await indexReady;
    // Groups in input order; each document was encoded with its own id as its group.
    const groups = await grouper.assign(fingerprints);
    const regrouped = new Map<number, string>();
    for (const [position, group] of groups.entries())
      if (group !== fingerprints[position]?.id) regrouped.set(position, group);
    const body = encoded.withFirstField("dup_group", regrouped);
    if (body !== encoded) encoded.release();
    counts.bytes += body.byteLength;
    // Wait for a free slot only now: the next batch is read, prepared and grouped while the
    // previous ones are in flight, so Elasticsearch is never left waiting on this process.
    while (inFlight.size >= concurrency && !fatal) await Promise.race(inFlight);
    if (fatal) return;
    const request = send(body)
      .catch((error: unknown) => {
        fatal ??= error;
      })
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  };

  // Stage 4: each article is encoded as soon as it is prepared, so a batch holds bytes outside the
  // heap and small fingerprints, not its articles' text: texts that outlive a young-generation
  // collection are promoted, and collecting them again is a large share of the importer's CPU.
  const batchBytes = options.batchBytes ?? 2_000_000;
  // The first batches are small and double up to `batchBytes`: Elasticsearch starts indexing
  // while this process is still starting up and warming, instead of waiting for a whole batch.
  let flushAt = Math.min(batchBytes, FIRST_BATCH_BYTES);
  const pool = new BufferPool();
  let body = new BulkBody<Origin>(batchBytes, pool);
  let fingerprints: Fingerprint[] = [];
  try {
    for await (const article of preparedArticles(options, counts)) {
      body.add(article.document.id, article.origin, JSON.stringify(article.document));
      fingerprints.push(fingerprintOf(article));
      if (body.byteLength < flushAt && fingerprints.length < 5_000) continue;
      await dispatch(body, fingerprints);
      if (fatal) break;
      body = new BulkBody<Origin>(batchBytes, pool);
      fingerprints = [];
      flushAt = Math.min(batchBytes, flushAt * 2);
    }
    if (fingerprints.length && !fatal) await dispatch(body, fingerprints);
    await Promise.all(inFlight);
    if (fatal) throw fatal;
    if (!options.dryRun) {
      await indexReady;
      const restore = restoreRefresh;
      restoreRefresh = undefined;
      await restore?.();
      await options.client.indices.refresh({ index: options.index });
    }
    return counts;
  } finally {
    // An import that stopped puts the interval back if Elasticsearch still answers; its own
    // error is the one raised.
    await restoreRefresh?.().catch(() => {});
  }
}
