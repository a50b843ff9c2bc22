/**
 * @module ingest/duplicates
 * Assigns each article its near-duplicate group before it is indexed: candidates share a MinHash
 * band with it, either in the index (one terms query per batch) or earlier in this run (a bounded
 * in-memory band table, since the index may not have refreshed yet).
 */
import type { PreparedArticle } from "../articles/document.js";
import type { EsClient } from "../es/client.js";
import { type RetryPolicy, withRetry } from "../es/retry.js";
import { DUPLICATE_SIMILARITY, decodeSignature, similarity } from "../text/fingerprint.js";

interface Known {
  id: string;
  group: string;
  signature: Uint32Array;
}

/**
 * Bands remembered from this run, in two generations: when the current one fills, it becomes the
 * previous one and the old previous is dropped. Memory stays flat on any input, and forgetting is
 * O(1) (a Map used as an LRU queue degrades: V8 skips deleted slots on every `keys().next()`).
 */
const BANDS_PER_GENERATION = 50_000;

export class DuplicateGrouper {
  #current = new Map<string, Known>();
  #previous = new Map<string, Known>();

  constructor(
    private readonly client: EsClient,
    private readonly index: string,
    private readonly retry: RetryPolicy = { retryForMs: 0 },
  ) {}

  async assign(batch: PreparedArticle[]): Promise<void> {
    const indexed = await this.#lookup(batch);
    for (const item of batch) {
      const { document, signature } = item;
      let best: Known | undefined;
      let bestScore = DUPLICATE_SIMILARITY;
      const consider = (candidate: Known | undefined) => {
        if (!candidate || candidate.id === document.id) return;
        const score = similarity(signature, candidate.signature);
        if (score >= bestScore) {
          best = candidate;
          bestScore = score;
        }
      };
      for (const band of document.minhash_bands) {
        consider(this.#current.get(band) ?? this.#previous.get(band));
        for (const candidate of indexed.get(band) ?? []) consider(candidate);
      }
      if (best) document.dup_group = best.group;
      this.#remember({ id: document.id, group: document.dup_group, signature }, document.minhash_bands);
    }
  }

  #remember(known: Known, keys: string[]): void {
    if (this.#current.size >= BANDS_PER_GENERATION) {
      this.#previous = this.#current;
      this.#current = new Map();
    }
    for (const key of keys) this.#current.set(key, known);
  }

  /** Articles already in the index that share a band with any article of the batch. */
  async #lookup(batch: PreparedArticle[]): Promise<Map<string, Known[]>> {
    const keys = [...new Set(batch.flatMap((item) => item.document.minhash_bands))];
    const byBand = new Map<string, Known[]>();
    if (!keys.length) return byBand;
    const response = await withRetry(
      () =>
        this.client.search<{ id: string; dup_group: string; minhash: string; minhash_bands: string[] }>(
          {
            index: this.index,
            size: 2_000,
            query: { terms: { minhash_bands: keys } },
            _source: ["id", "dup_group", "minhash", "minhash_bands"],
          },
          { maxRetries: 0 },
        ),
      this.retry,
    );
    const wanted = new Set(keys);
    for (const hit of response.hits.hits) {
      const source = hit._source;
      if (!source?.minhash) continue;
      const known = { id: source.id, group: source.dup_group, signature: decodeSignature(source.minhash) };
      for (const band of source.minhash_bands) {
        if (!wanted.has(band)) continue;
        const list = byBand.get(band) ?? [];
        list.push(known);
        byBand.set(band, list);
      }
    }
    return byBand;
  }
}
