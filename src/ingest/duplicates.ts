/**
 * @module ingest/duplicates
 * Assigns each article its near-duplicate group before it is indexed: candidates share a MinHash
 * band with it, either earlier in this run (a bounded in-memory band table, since the index may
 * not have refreshed yet) or in the index (one terms query per batch).
 */
import type { PreparedArticle } from "../articles/document.js";
import type { EsClient } from "../es/client.js";
import { type RetryPolicy, withRetry } from "../es/retry.js";
import {
  bandKey,
  DUPLICATE_SIMILARITY,
  decodeSignature,
  SIGNATURE_SIZE,
  similarity,
} from "../text/fingerprint.js";

/** What grouping needs of an article: its id and fingerprint, not its text. */
export interface Fingerprint {
  id: string;
  signature: Uint32Array;
  /** Band numbers (bandNumbers); the index stores them as keys (bandKey). */
  bands: number[];
}

export const fingerprintOf = ({ document, signature, bands }: PreparedArticle): Fingerprint => ({
  id: document.id,
  signature,
  bands,
});

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
  /** Articles remembered per generation (see RecentArticles). */
  articlesPerGeneration?: number;
}

/** About 200k bands a generation. */
const ARTICLES_PER_GENERATION = 12_500;

export class DuplicateGrouper {
  readonly #recent: RecentArticles;
  readonly #forgotten = new ForgottenBands();
  /**
   * Whether the index may hold articles this grouper never saw: always unless it is the sole
   * writer, then settled at the first batch.
   */
  #indexHoldsOthers: Promise<boolean> | undefined;
  readonly #retry: RetryPolicy;
  #bandsAsked = 0;

  constructor(
    private readonly client: EsClient,
    private readonly index: string,
    options: DuplicateGrouperOptions = {},
  ) {
    this.#retry = options.retry ?? { retryForMs: 0 };
    if (!options.soleWriter) this.#indexHoldsOthers = Promise.resolve(true);
    this.#recent = new RecentArticles(
      options.articlesPerGeneration ?? ARTICLES_PER_GENERATION,
      this.#forgotten,
    );
  }

  /**
   * For a sole writer whose index was created for this run: it holds no article this grouper did
   * not see, so the index need not be refreshed and counted to find out.
   */
  indexStartsEmpty(): void {
    this.#indexHoldsOthers ??= Promise.resolve(false);
  }

  /** Band keys sent to the index so far: how much the lookups cost Elasticsearch. */
  get bandsAskedOfIndex(): number {
    return this.#bandsAsked;
  }

  /**
   * The duplicate group of each article of the batch, in order: the group of the most similar
   * earlier article (in this batch, earlier batches or the index), else its own id.
   */
  async assign(batch: Fingerprint[]): Promise<string[]> {
    // Generations turn only between batches: a band forgotten halfway through would be missing
    // from memory and from the lookup below alike.
    this.#recent.turnIfFull();
    const indexed = await this.#lookup(batch);
    // Plain loops, no closures or entries(): this runs for every band of every article, and its
    // pairs, iterators and views were 120 MB of garbage over SaudiNewsNet.
    const groups: string[] = [];
    for (const { id, signature, bands } of batch) {
      let group = id;
      let bestScore = DUPLICATE_SIMILARITY;
      for (let band = 0; band < bands.length; band++) {
        const number = bands[band] ?? 0;
        const slot = this.#recent.slotOf(number);
        if (slot >= 0 && this.#recent.idAt(slot) !== id) {
          const score = this.#recent.similarityAt(slot, signature);
          if (score >= bestScore) {
            group = this.#recent.groupAt(slot);
            bestScore = score;
          }
        }
        if (indexed.size === 0) continue;
        for (const candidate of indexed.get(bandKey(band, number)) ?? []) {
          if (candidate.id === id) continue;
          const score = similarity(signature, candidate.signature);
          if (score >= bestScore) {
            group = candidate.group;
            bestScore = score;
          }
        }
      }
      this.#recent.add(id, group, signature, bands);
      groups.push(group);
    }
    return groups;
  }

  /** Articles in the index that share a band with the batch and that memory may not know of. */
  async #lookup(batch: Fingerprint[]): Promise<Map<string, Known[]>> {
    this.#indexHoldsOthers ??= this.#holdsOthers();
    const everything = await this.#indexHoldsOthers;
    if (!everything && this.#forgotten.empty) return new Map();
    const keys = new Set<string>();
    for (const { bands } of batch) {
      for (let band = 0; band < bands.length; band++) {
        const number = bands[band] ?? 0;
        if (everything || this.#forgotten.has(number)) keys.add(bandKey(band, number));
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
 * The articles of this run that memory still holds, and their bands, in two generations: when the
 * current one has taken `articlesPerGeneration` articles it becomes the previous one, and the bands
 * of the old previous one go to `forgotten`. Memory stays flat on any input.
 *
 * Typed arrays, not Maps of objects: the garbage collector neither copies nor marks them. The
 * default holds 25k articles in about 15 MB; SaudiNewsNet's 31k articles then ask the index about
 * 233 bands instead of 2,195 (with 6k articles in Maps).
 */
class RecentArticles {
  readonly #perGeneration: number;
  /** Article n is at slot n mod capacity. */
  #ids: string[];
  #groups: string[];
  /** Article n's signature at its slot × SIGNATURE_SIZE. */
  #signatures: Uint32Array;
  #current: BandTable;
  #previous: BandTable;
  #count = 0;
  #currentStart = 0;
  #previousStart = 0;

  constructor(
    perGeneration: number,
    private readonly forgotten: ForgottenBands,
  ) {
    this.#perGeneration = perGeneration;
    const capacity = 2 * perGeneration;
    this.#ids = new Array<string>(capacity);
    this.#groups = new Array<string>(capacity);
    this.#signatures = new Uint32Array(capacity * SIGNATURE_SIZE);
    this.#current = new BandTable();
    this.#previous = new BandTable();
  }

  turnIfFull(): void {
    if (this.#count - this.#currentStart < this.#perGeneration) return;
    this.#previous.forEachBand((band) => this.forgotten.add(band));
    this.#previous = this.#current;
    this.#current = new BandTable();
    this.#previousStart = this.#currentStart;
    this.#currentStart = this.#count;
  }

  /** The slot of the article remembered for this band, or -1. */
  slotOf(band: number): number {
    let article = this.#current.get(band);
    if (article < 0) article = this.#previous.get(band);
    return article < 0 ? -1 : article % this.#ids.length;
  }

  idAt(slot: number): string {
    return this.#ids[slot] ?? "";
  }

  groupAt(slot: number): string {
    return this.#groups[slot] ?? "";
  }

  similarityAt(slot: number, signature: Uint32Array): number {
    return similarity(signature, this.#signatures, slot * SIGNATURE_SIZE);
  }

  add(id: string, group: string, signature: Uint32Array, bands: number[]): void {
    // Generations turn between batches only, so one can outgrow its share of the slots.
    if (this.#count - this.#previousStart >= this.#ids.length) this.#growSlots();
    const article = this.#count++;
    const slot = article % this.#ids.length;
    this.#ids[slot] = id;
    this.#groups[slot] = group;
    this.#signatures.set(signature, slot * SIGNATURE_SIZE);
    for (let band = 0; band < bands.length; band++) this.#current.set(bands[band] ?? 0, article);
  }

  #growSlots(): void {
    const [ids, groups, signatures] = [this.#ids, this.#groups, this.#signatures];
    const capacity = 2 * ids.length;
    this.#ids = new Array<string>(capacity);
    this.#groups = new Array<string>(capacity);
    this.#signatures = new Uint32Array(capacity * SIGNATURE_SIZE);
    for (let article = this.#previousStart; article < this.#count; article++) {
      const [from, to] = [article % ids.length, article % capacity];
      this.#ids[to] = ids[from] ?? "";
      this.#groups[to] = groups[from] ?? "";
      this.#signatures.set(
        signatures.subarray(from * SIGNATURE_SIZE, (from + 1) * SIGNATURE_SIZE),
        to * SIGNATURE_SIZE,
      );
    }
  }
}

/**
 * Band number → article number, by open addressing over two typed arrays. Band numbers come from a
 * hash already, so their low bits pick the cell. Grows by doubling at half full.
 */
class BandTable {
  /** band + 1; 0 marks an empty cell. */
  #bands = new Int32Array(1024);
  #articles = new Int32Array(1024);
  #size = 0;

  get(band: number): number {
    const mask = this.#bands.length - 1;
    for (let cell = band & mask; ; cell = (cell + 1) & mask) {
      const key = this.#bands[cell];
      if (key === band + 1) return this.#articles[cell] ?? -1;
      if (!key) return -1;
    }
  }

  set(band: number, article: number): void {
    if (2 * (this.#size + 1) > this.#bands.length) this.#grow();
    const mask = this.#bands.length - 1;
    let cell = band & mask;
    while (this.#bands[cell] && this.#bands[cell] !== band + 1) cell = (cell + 1) & mask;
    if (!this.#bands[cell]) this.#size++;
    this.#bands[cell] = band + 1;
    this.#articles[cell] = article;
  }

  forEachBand(onBand: (band: number) => void): void {
    const bands = this.#bands;
    for (let cell = 0; cell < bands.length; cell++) {
      const key = bands[cell] ?? 0;
      if (key) onBand(key - 1);
    }
  }

  #grow(): void {
    const bands = this.#bands;
    const articles = this.#articles;
    this.#bands = new Int32Array(2 * bands.length);
    this.#articles = new Int32Array(2 * bands.length);
    this.#size = 0;
    bands.forEach((key, cell) => {
      if (key) this.set(key - 1, articles[cell] ?? -1);
    });
  }
}

const FORGOTTEN_BITS_LOG2 = 25;
/** A constant, not `2 ** bits - 1` in the method: that is a Math.pow call for every band looked up. */
const FORGOTTEN_LOW_MASK = 2 ** FORGOTTEN_BITS_LOG2 - 1;

/**
 * The bands memory has dropped, as a Bloom filter of fixed size (4 MB, two bits a band): whether
 * the index may hold an article of this run that memory no longer knows. About 0.1% of bands test
 * true wrongly after 500k forgotten (a 31k-article corpus); a false positive only adds a key to
 * the lookup, and a very long run degrades gracefully towards asking about every band.
 */
class ForgottenBands {
  readonly #words = new Uint32Array(2 ** FORGOTTEN_BITS_LOG2 / 32);
  #empty = true;

  /** True until the first band is forgotten: then no band need be tested. */
  get empty(): boolean {
    return this.#empty;
  }

  add(band: number): void {
    this.#empty = false;
    this.#set(ForgottenBands.#low(band));
    this.#set(ForgottenBands.#spread(band));
  }

  has(band: number): boolean {
    return this.#get(ForgottenBands.#low(band)) && this.#get(ForgottenBands.#spread(band));
  }

  /** A band's two bits: its low bits, and a multiplicative (Fibonacci) hash of it, its top bits. */
  static #low(band: number): number {
    return band & FORGOTTEN_LOW_MASK;
  }

  static #spread(band: number): number {
    return Math.imul(band, 0x9e3779b1) >>> (32 - FORGOTTEN_BITS_LOG2);
  }

  #set(bit: number): void {
    this.#words[bit >>> 5] = (this.#words[bit >>> 5] ?? 0) | (1 << (bit & 31));
  }

  #get(bit: number): boolean {
    return ((this.#words[bit >>> 5] ?? 0) & (1 << (bit & 31))) !== 0;
  }
}
