/**
 * @module es/bulk-writer
 * Sends batches of pre-serialised documents to the `_bulk` API and reports each document's fate.
 * Whole requests are retried with backoff on 429, 5xx and connection loss (a node restarting),
 * until `retryForMs` runs out; documents refused with 429 are retried alone; any other per-document
 * error is final and reported with Elasticsearch's reason. Each document carries the caller's
 * `origin` (the importer's file and line), handed back with its fate.
 */
import type { estypes } from "@elastic/elasticsearch";
import type { EsClient } from "./client.js";
import { backoffMs, RETRYABLE_STATUS, type RetryPolicy, sleep, withRetry } from "./retry.js";

export interface BulkDocument<Origin> {
  id: string;
  origin: Origin;
  /** The document as JSON, serialised once by the caller. */
  json: string;
  /** The index to write it to, when not the one the request names. */
  index?: string;
}

/**
 * Buffers of bodies that are done with, lent to new ones: batches live outside the heap, and V8
 * answers growing external memory with full collections (docs/performance.md, Importer).
 */
export class BufferPool {
  readonly #free: Buffer[] = [];

  /** Keeps at most `keep` buffers that nobody uses. */
  constructor(private readonly keep = 4) {}

  take(bytes: number): Buffer {
    const index = this.#free.findIndex((buffer) => buffer.length >= bytes);
    const [free] = index < 0 ? [] : this.#free.splice(index, 1);
    return free ?? Buffer.allocUnsafe(bytes);
  }

  give(buffer: Buffer): void {
    if (this.#free.length < this.keep) this.#free.push(buffer);
  }
}

/**
 * A `_bulk` request body built one document at a time, as UTF-8 bytes. A request in flight then
 * holds a buffer outside the JavaScript heap, not thousands of JSON strings that live long enough
 * to be promoted and marked again and again by the garbage collector.
 */
export class BulkBody<Origin> {
  readonly documents: { id: string; origin: Origin }[] = [];
  /** Where each document's two lines end in `#bytes`. */
  readonly #ends: number[] = [];
  readonly #pool: BufferPool | undefined;
  #bytes: Buffer;
  #length = 0;

  /**
   * Room for about `targetBytes`, and half as much again for the document that crosses it; from
   * `pool` when given, to go back to it on `release`.
   */
  constructor(targetBytes = 64 * 1024, pool?: BufferPool) {
    this.#pool = pool;
    this.#bytes = pool ? pool.take(targetBytes * 1.5) : Buffer.allocUnsafe(targetBytes * 1.5);
  }

  /** Gives the bytes back to the pool: the body is empty afterwards, and must be sent no more. */
  release(): void {
    this.#pool?.give(this.#bytes);
    this.#bytes = Buffer.alloc(0);
    this.#length = 0;
    this.#ends.length = 0;
    this.documents.length = 0;
  }

  static of<Origin>(documents: Iterable<BulkDocument<Origin>>): BulkBody<Origin> {
    const body = new BulkBody<Origin>();
    for (const { id, origin, json, index } of documents) body.add(id, origin, json, index);
    return body;
  }

  add(id: string, origin: Origin, json: string, index?: string): void {
    const target = index === undefined ? "" : `"_index":${JSON.stringify(index)},`;
    this.#appendText(`{"index":{${target}"_id":${JSON.stringify(id)}}}\n`);
    this.#appendText(json);
    this.#appendText("\n");
    this.#endDocument({ id, origin });
  }

  get byteLength(): number {
    return this.#length;
  }

  get bytes(): Buffer {
    return this.#bytes.subarray(0, this.#length);
  }

  /** The documents at these positions, as a body of their own (to send them again). */
  pick(positions: number[]): BulkBody<Origin> {
    const picked = new BulkBody<Origin>();
    for (const position of positions) {
      const [start, end] = this.#extent(position);
      picked.#append(this.#bytes, start, end);
      picked.#endDocument(this.documents[position]);
    }
    return picked;
  }

  /**
   * A copy in which the documents at the given positions hold another string in `field`, which must
   * be the first field of their source: for a value known only once the batch is encoded (the
   * duplicate group), so the batch's text need not wait in memory for it.
   */
  withFirstField(field: string, values: Map<number, string>): BulkBody<Origin> {
    if (!values.size) return this;
    const opening = Buffer.from(`{${JSON.stringify(field)}:"`);
    const copy = new BulkBody<Origin>(this.#length, this.#pool);
    for (let position = 0; position < this.documents.length; position++) {
      const [start, end] = this.#extent(position);
      const value = values.get(position);
      if (value === undefined) {
        copy.#append(this.#bytes, start, end);
      } else {
        // The source line starts after the action line's newline (JSON never holds a raw one).
        const source = this.#bytes.indexOf(0x0a, start) + 1;
        const valueStart = source + opening.length;
        if (!this.#bytes.subarray(source, valueStart).equals(opening))
          throw new Error(`document ${position} does not start with the string field ${field}`);
        // Up to the value's opening quote; the value with its quotes; the rest after the closing one.
        copy.#append(this.#bytes, start, valueStart - 1);
        copy.#appendText(JSON.stringify(value));
        copy.#append(this.#bytes, closingQuote(this.#bytes, valueStart) + 1, end);
      }
      copy.#endDocument(this.documents[position]);
    }
    return copy;
  }

  /** Where the document at `position` (its action and source lines) lies in `#bytes`. */
  #extent(position: number): [number, number] {
    const start = this.#ends[position - 1] ?? 0;
    return [start, this.#ends[position] ?? start];
  }

  #appendText(text: string): void {
    // A UTF-16 unit takes at most three bytes in UTF-8.
    this.#reserve(3 * text.length);
    this.#length += this.#bytes.write(text, this.#length);
  }

  #append(bytes: Buffer, start: number, end: number): void {
    this.#reserve(end - start);
    this.#length += bytes.copy(this.#bytes, this.#length, start, end);
  }

  #endDocument(document: { id: string; origin: Origin } | undefined): void {
    this.#ends.push(this.#length);
    if (document) this.documents.push(document);
  }

  #reserve(bytes: number): void {
    if (this.#length + bytes <= this.#bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(2 * this.#bytes.length, this.#length + bytes));
    this.#bytes.copy(grown, 0, 0, this.#length);
    this.#bytes = grown;
  }
}

/** The closing quote of the JSON string whose content starts at `from` (no UTF-8 character holds a quote byte). */
function closingQuote(bytes: Buffer, from: number): number {
  for (let i = from; i < bytes.length; i++) {
    if (bytes[i] === 0x5c) i++;
    else if (bytes[i] === 0x22) return i;
  }
  throw new Error("unterminated JSON string in a bulk body");
}

export type BulkOutcome<Origin> =
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

/** Only what each document's fate needs: less of the response to write, send and parse. */
const RESPONSE_FIELDS = { filter_path: "errors,items.*.status,items.*.result,items.*.error" };

export class BulkWriter {
  readonly #options: Required<Omit<BulkWriterOptions, "onRetry">> & Pick<BulkWriterOptions, "onRetry">;

  constructor(options: BulkWriterOptions) {
    this.#options = { retryForMs: 600_000, requestTimeoutMs: 120_000, ...options };
  }

  get index(): string {
    return this.#options.index;
  }

  async write<Origin>(body: BulkBody<Origin>): Promise<BulkOutcome<Origin>[]> {
    const outcomes: BulkOutcome<Origin>[] = [];
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
            {
              method: "POST",
              path,
              querystring: RESPONSE_FIELDS,
              bulkBody: sent.bytes,
              meta: { name: "bulk" },
            },
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
