/**
 * @module ingest/bulk-writer
 * Sends batches of pre-serialised documents to the `_bulk` API and reports each document's fate.
 * Whole requests are retried with backoff on 429, 5xx and connection loss (a node restarting),
 * until `retryForMs` runs out; documents refused with 429 are retried alone; any other per-document
 * error is final and reported with Elasticsearch's reason.
 */
import type { EsClient } from "../es/client.js";
import { backoffMs, RETRYABLE_STATUS, type RetryPolicy, sleep, withRetry } from "../es/retry.js";
import type { Origin } from "./types.js";

export interface BulkDocument {
  id: string;
  origin: Origin;
  /** The document as JSON, serialised once by the caller. */
  json: string;
}

export type BulkOutcome =
  | { id: string; origin: Origin; outcome: "created" | "updated" }
  | { id: string; origin: Origin; outcome: "failed"; reason: string };

export interface BulkWriterOptions {
  client: EsClient;
  index: string;
  /** How long to keep retrying while Elasticsearch is unreachable or overloaded. */
  retryForMs?: number;
  requestTimeoutMs?: number;
  /** Called before each wait, so the importer can say it is waiting for Elasticsearch. */
  onRetry?: (reason: string, waitMs: number) => void;
}

export class BulkWriter {
  readonly #options: Required<Omit<BulkWriterOptions, "onRetry">> & Pick<BulkWriterOptions, "onRetry">;

  constructor(options: BulkWriterOptions) {
    this.#options = { retryForMs: 600_000, requestTimeoutMs: 120_000, ...options };
  }

  get index(): string {
    return this.#options.index;
  }

  async write(documents: BulkDocument[]): Promise<BulkOutcome[]> {
    const outcomes: BulkOutcome[] = [];
    const deadline = Date.now() + this.#options.retryForMs;
    const policy: RetryPolicy = { retryForMs: this.#options.retryForMs, onRetry: this.#options.onRetry };
    let pending = documents;
    let attempt = 0;
    while (pending.length) {
      const batch = pending;
      const response = await withRetry(
        () =>
          this.#options.client.bulk(
            {
              index: this.#options.index,
              operations: batch.flatMap((doc) => [indexAction(doc.id), doc.json]),
            },
            { maxRetries: 0, requestTimeout: this.#options.requestTimeoutMs },
          ),
        { ...policy, retryForMs: Math.max(0, deadline - Date.now()) },
      );
      const retry: BulkDocument[] = [];
      response.items.forEach((item, i) => {
        const doc = batch[i];
        const result = item.index;
        if (!doc || !result) return;
        if (!result.error) {
          outcomes.push({
            id: doc.id,
            origin: doc.origin,
            outcome: result.result === "updated" ? "updated" : "created",
          });
        } else if (RETRYABLE_STATUS.has(result.status) && Date.now() < deadline) {
          retry.push(doc);
        } else {
          const cause = result.error.caused_by?.reason ? ` (${result.error.caused_by.reason})` : "";
          const reason = `${result.error.type}: ${result.error.reason ?? ""}${cause}`;
          outcomes.push({ id: doc.id, origin: doc.origin, outcome: "failed", reason });
        }
      });
      pending = retry;
      if (pending.length) {
        const waitMs = backoffMs(attempt++);
        this.#options.onRetry?.(`${pending.length} documents refused with 429/5xx`, waitMs);
        await sleep(waitMs);
      }
    }
    return outcomes;
  }
}

/** The action line for one document; pre-built as a string, since it is sent 31k times a corpus. */
function indexAction(id: string): string {
  return `{"index":{"_id":${JSON.stringify(id)}}}`;
}
