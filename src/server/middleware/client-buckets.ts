/**
 * @module server/middleware/client-buckets
 * A token bucket per client: full at `capacity`, refilled at `perMinute`. In memory and bounded:
 * past `maxClients`, the least recently seen client's bucket is dropped (it comes back full).
 */

interface Bucket {
  tokens: number;
  updated: number;
}

export class ClientBuckets {
  readonly #buckets = new Map<string, Bucket>();
  readonly #refillPerMs: number;

  constructor(
    readonly capacity: number,
    readonly perMinute: number,
    readonly maxClients = 50_000,
  ) {
    if (capacity <= 0 || perMinute <= 0) throw new Error("ClientBuckets: capacity and rate must be positive");
    this.#refillPerMs = perMinute / 60_000;
  }

  /** The client's bucket, refilled for the time since it was last seen. */
  of(key: string): Bucket {
    const now = Date.now();
    const bucket = this.#buckets.get(key) ?? { tokens: this.capacity, updated: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.updated) * this.#refillPerMs);
    bucket.updated = now;
    // Re-inserted, so the map's order is least recently seen first.
    this.#buckets.delete(key);
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > this.maxClients)
      this.#buckets.delete(this.#buckets.keys().next().value as string);
    return bucket;
  }

  /** Whole seconds until the bucket holds `tokens` again. */
  secondsUntil(bucket: Bucket, tokens: number): number {
    return Math.max(1, Math.ceil((tokens - bucket.tokens) / this.#refillPerMs / 1000));
  }
}
