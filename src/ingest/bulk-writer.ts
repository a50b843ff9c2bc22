/**
 * @module ingest/bulk-writer
 * Sends batches of pre-serialised documents to the `_bulk` API and reports each document's fate.
 * Whole requests are retried with backoff on 429, 5xx and connection loss (a node restarting),
 * until `retryForMs` runs out; documents refused with 429 are retried alone; any other per-document
 * error is final and reported with Elasticsearch's reason.
 */
import type { estypes } from "@elastic/elasticsearch";
import type { EsClient } from "../es/client.js";
import { backoffMs, RETRYABLE_STATUS, type RetryPolicy, sleep, withRetry } from "../es/retry.js";
import type { Origin } from "./types.js";

export interface BulkDocument {
  id: string;
  origin: Origin;
  /** The document as JSON, serialised once by the caller. */
  json: string;
}

/**
 * A `_bulk` request body built one document at a time, as UTF-8 bytes. A request in flight then
 * holds a buffer outside the JavaScript heap, not thousands of JSON strings that live long enough
 * to be promoted and marked again and again by the garbage collector.
 */
export class BulkBody {
  readonly documents: { id: string; origin: Origin }[] = [];
  /** Where each document's two lines end in `#bytes`. */
  readonly #ends: number[] = [];
  #bytes: Buffer;
  #length = 0;

  /** Room for about `targetBytes`, and half as much again for the document that crosses it. */
  constructor(targetBytes = 64 * 1024) {
    this.#bytes = Buffer.allocUnsafe(targetBytes * 1.5);
  }

  static of(documents: Iterable<BulkDocument>): BulkBody {
    const body = new BulkBody();
    for (const { id, origin, json } of documents) body.add(id, origin, json);
    return body;
  }

  add(id: string, origin: Origin, json: string): void {
    const action = `{"index":{"_id":${JSON.stringify(id)}}}\n`;
    // A UTF-16 unit takes at most three bytes in UTF-8.
    this.#reserve(3 * (action.length + json.length) + 1);
    this.#length += this.#bytes.write(action, this.#length);
    this.#length += this.#bytes.write(json, this.#length);
    this.#length = this.#bytes.writeUInt8(0x0a, this.#length);
    this.#ends.push(this.#length);
    this.documents.push({ id, origin });
  }

  get byteLength(): number {
    return this.#length;
  }

  get bytes(): Buffer {
    return this.#bytes.subarray(0, this.#length);
  }

  /** The documents at these positions, as a body of their own (to send them again). */
  pick(positions: number[]): BulkBody {
    const picked = new BulkBody();
    for (const position of positions) {
      const start = this.#ends[position - 1] ?? 0;
      const end = this.#ends[position] ?? start;
      picked.#reserve(end - start);
      picked.#length += this.#bytes.copy(picked.#bytes, picked.#length, start, end);
      picked.#ends.push(picked.#length);
      const document = this.documents[position];
      if (document) picked.documents.push(document);
    }
    return picked;
  }

  #reserve(bytes: number): void {
    if (this.#length + bytes <= this.#bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(2 * this.#bytes.length, this.#length + bytes));
    this.#bytes.copy(grown, 0, 0, this.#length);
    this.#bytes = grown;
  }
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

  async write(body: BulkBody): Promise<BulkOutcome[]> {
    const outcomes: BulkOutcome[] = [];
    const deadline = Date.now() + this.#options.retryForMs;
    const policy: RetryPolicy = { retryForMs: this.#options.retryForMs, onRetry: this.#options.onRetry };
    const path = `/${encodeURIComponent(this.#options.index)}/_bulk`;
    let pending = body;
    let attempt = 0;
    while (pending.documents.length) {
      const sent = pending;
      // The transport sends a Buffer as it is (the typed `bulk` method takes only arrays).
      const response = await withRetry(
        () =>
          this.#options.client.transport.request<estypes.BulkResponse>(
            { method: "POST", path, bulkBody: sent.bytes, meta: { name: "bulk" } },
            { maxRetries: 0, requestTimeout: this.#options.requestTimeoutMs },
          ),
        { ...policy, retryForMs: Math.max(0, deadline - Date.now()) },
      );
      const retry: number[] = [];
      response.items.forEach((item, i) => {
        const doc = sent.documents[i];
        const result = item.index;
        if (!doc || !result) return;
        if (!result.error) {
          outcomes.push({
            id: doc.id,
            origin: doc.origin,
            outcome: result.result === "updated" ? "updated" : "created",
          });
        } else if (RETRYABLE_STATUS.has(result.status) && Date.now() < deadline) {
          retry.push(i);
        } else {
          const cause = result.error.caused_by?.reason ? ` (${result.error.caused_by.reason})` : "";
          const reason = `${result.error.type}: ${result.error.reason ?? ""}${cause}`;
          outcomes.push({ id: doc.id, origin: doc.origin, outcome: "failed", reason });
        }
      });
      pending = sent.pick(retry);
      if (pending.documents.length) {
        const waitMs = backoffMs(attempt++);
        this.#options.onRetry?.(`${pending.documents.length} documents refused with 429/5xx`, waitMs);
        await sleep(waitMs);
      }
    }
    return outcomes;
  }
}
