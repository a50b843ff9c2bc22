/**
 * @module ingest/duplicates
 * Assigns each article its near-duplicate group before it is indexed: candidates share a MinHash
 * band with it, either earlier in this run (a bounded in-memory band table, since the index may
 * not have refreshed yet) or in the index (one terms query per batch).
 */
import type { PreparedArticle } from "../articles/document.js";
import type { EsClient } from "../es/client.js";
import { type RetryPolicy, withRetry } from "../es/retry.js";
import { bandNumbers, DUPLICATE_SIMILARITY, decodeSignature, similarity } from "../text/fingerprint.js";

interface Known {
  id: string;
  group: string;
  signature: Uint32Array;
}

export interface DuplicateGrouperOptions {
  retry?: RetryPolicy;
  /**
   * True for an import: nothing else writes to the index while it runs. Then, when the index is
   * empty at the first batch, every article it will hold is one this grouper saw, so the index is
   * asked only about bands memory has forgotten. The terms query is most of the cost of grouping
   * (2–3 CPU-seconds of Elasticsearch per 31k articles). Never for the long-lived write API.
   */
  soleWriter?: boolean;
  /** Bands remembered per generation (see below). */
  bandsPerGeneration?: number;
}

/**
 * Bands remembered from this run, in two generations: when the current one fills, it becomes the
 * previous one and the old previous is dropped. Memory stays flat on any input, and forgetting is
 * O(1) (a Map used as an LRU queue degrades: V8 skips deleted slots on every `keys().next()`).
 */
const BANDS_PER_GENERATION = 50_000;

export class DuplicateGrouper {
  // Keyed by bandNumbers, not by the band strings: numbers hash without allocating (a quarter of the
  // grouping time on SaudiNewsNet went to hashing and flattening the strings).
  #current = new Map<number, Known>();
  #previous = new Map<number, Known>();
  readonly #forgotten = new ForgottenBands();
  /**
   * Whether the index may hold articles this grouper never saw: always unless it is the sole
   * writer, then settled at the first batch.
   */
  #indexHoldsOthers: Promise<boolean> | undefined;
  readonly #retry: RetryPolicy;
  readonly #bandsPerGeneration: number;
  #bandsAsked = 0;

  constructor(
    private readonly client: EsClient,
    private readonly index: string,
    options: DuplicateGrouperOptions = {},
  ) {
    this.#retry = options.retry ?? { retryForMs: 0 };
    if (!options.soleWriter) this.#indexHoldsOthers = Promise.resolve(true);
    this.#bandsPerGeneration = options.bandsPerGeneration ?? BANDS_PER_GENERATION;
  }

  /** Band keys sent to the index so far: how much the lookups cost Elasticsearch. */
  get bandsAskedOfIndex(): number {
    return this.#bandsAsked;
  }

  async assign(batch: PreparedArticle[]): Promise<void> {
    // Generations turn only between batches: a band forgotten halfway through would be missing
    // from memory and from the lookup below alike.
    if (this.#current.size >= this.#bandsPerGeneration) {
      for (const band of this.#previous.keys()) this.#forgotten.add(band);
      this.#previous = this.#current;
      this.#current = new Map();
    }
    const numbered = batch.map((item) => ({ ...item, numbers: bandNumbers(item.signature) }));
    const indexed = await this.#lookup(numbered);
    for (const { document, signature, numbers } of numbered) {
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
      for (const [band, number] of numbers.entries()) {
        consider(this.#current.get(number) ?? this.#previous.get(number));
        for (const candidate of indexed.get(document.minhash_bands[band] ?? "") ?? []) consider(candidate);
      }
      if (best) document.dup_group = best.group;
      const known = { id: document.id, group: document.dup_group, signature };
      for (const number of numbers) this.#current.set(number, known);
    }
  }

  /** Articles in the index that share a band with the batch and that memory may not know of. */
  async #lookup(batch: (PreparedArticle & { numbers: number[] })[]): Promise<Map<string, Known[]>> {
    this.#indexHoldsOthers ??= this.#holdsOthers();
    const everything = await this.#indexHoldsOthers;
    const keys = new Set<string>();
    for (const { document, numbers } of batch) {
      for (const [band, key] of document.minhash_bands.entries()) {
        if (everything || this.#forgotten.has(numbers[band] ?? 0)) keys.add(key);
      }
    }
    const byBand = new Map<string, Known[]>();
    if (!keys.size) return byBand;
    this.#bandsAsked += keys.size;
    const response = await withRetry(
      () =>
        this.client.search<{ id: string; dup_group: string; minhash: string; minhash_bands: string[] }>(
          {
            index: this.index,
            size: 2_000,
            query: { terms: { minhash_bands: [...keys] } },
            _source: ["id", "dup_group", "minhash", "minhash_bands"],
          },
          { maxRetries: 0 },
        ),
      this.#retry,
    );
    for (const hit of response.hits.hits) {
      const source = hit._source;
      if (!source?.minhash) continue;
      const known = { id: source.id, group: source.dup_group, signature: decodeSignature(source.minhash) };
      for (const band of source.minhash_bands) {
        if (!keys.has(band)) continue;
        const list = byBand.get(band) ?? [];
        list.push(known);
        byBand.set(band, list);
      }
    }
    return byBand;
  }

  async #holdsOthers(): Promise<boolean> {
    const { count } = await withRetry(async () => {
      // Documents written just before count only once refreshed.
      await this.client.indices.refresh({ index: this.index }, { maxRetries: 0 });
      return this.client.count({ index: this.index }, { maxRetries: 0 });
    }, this.#retry);
    return count > 0;
  }
}

/**
 * The bands memory has dropped, as a Bloom filter of fixed size (4 MB, two bits a band): whether
 * the index may hold an article of this run that memory no longer knows. About 0.1% of bands test
 * true wrongly after 500k forgotten (a 31k-article corpus); a false positive only adds a key to
 * the lookup, and a very long run degrades gracefully towards asking about every band.
 */
class ForgottenBands {
  static readonly #BITS_LOG2 = 25;
  readonly #words = new Uint32Array(2 ** ForgottenBands.#BITS_LOG2 / 32);

  add(band: number): void {
    for (const bit of ForgottenBands.#positions(band)) this.#set(bit);
  }

  has(band: number): boolean {
    const [low, spread] = ForgottenBands.#positions(band);
    return this.#get(low) && this.#get(spread);
  }

  /** The band's low bits, and a multiplicative (Fibonacci) hash of it, its top bits. */
  static #positions(band: number): [number, number] {
    const bits = ForgottenBands.#BITS_LOG2;
    return [band & (2 ** bits - 1), Math.imul(band, 0x9e3779b1) >>> (32 - bits)];
  }

  #set(bit: number): void {
    this.#words[bit >>> 5] = (this.#words[bit >>> 5] ?? 0) | (1 << (bit & 31));
  }

  #get(bit: number): boolean {
    return ((this.#words[bit >>> 5] ?? 0) & (1 << (bit & 31))) !== 0;
  }
}
