/**
 * @module ingest/duplicates/recent-articles
 * The grouper's memory of this run: the latest articles' ids, groups, their stories' first
 * reports' dates, their own dates and outlets, and fingerprints in fixed-size typed arrays, found
 * by band and by headline.
 */
import { type BandedFingerprint, copyScore, type Headlined } from "../../text/copy-decision.js";
import { SIGNATURE_SIZE, similarity } from "../../text/fingerprint.js";
import { BandTable } from "./band-table.js";
import type { ForgottenBands } from "./forgotten-bands.js";

/**
 * The articles of this run that memory still holds, and their bands, in two generations: when the
 * current one has taken `articlesPerGeneration` articles it becomes the previous one, and the bands
 * of the old previous one go to `forgotten`. Memory stays flat on any input.
 *
 * Typed arrays, not Maps of objects: the garbage collector neither copies nor marks them, so
 * memory can hold many more articles and the index is asked about fewer bands
 * (docs/performance.md, Importer).
 */
export class RecentArticles {
  readonly #perGeneration: number;
  /** Article n is at slot n mod capacity. */
  #ids: string[];
  #groups: string[];
  /** When the story of article n's group was first reported (ms since the epoch). */
  #storyStarts: Float64Array;
  /** Article n's signature at its slot × SIGNATURE_SIZE. */
  #signatures: Uint32Array;
  #shingles: Int32Array;
  #sources: string[];
  /** Article n's own date (ms since the epoch). */
  #published: Float64Array;
  #current: BandTable;
  #previous: BandTable;
  /** Headline number → article, per generation as the bands. */
  #currentHeadlines: BandTable;
  #previousHeadlines: BandTable;
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
    this.#storyStarts = new Float64Array(capacity);
    this.#signatures = new Uint32Array(capacity * SIGNATURE_SIZE);
    this.#shingles = new Int32Array(capacity);
    this.#sources = new Array<string>(capacity);
    this.#published = new Float64Array(capacity);
    this.#current = new BandTable();
    this.#previous = new BandTable();
    this.#currentHeadlines = new BandTable();
    this.#previousHeadlines = new BandTable();
  }

  /** Whether the generations turned (and the oldest one's bands went to `forgotten`). */
  turnIfFull(): boolean {
    if (this.#count - this.#currentStart < this.#perGeneration) return false;
    this.#previous.forEachBand((band) => this.forgotten.add(band));
    this.#previousHeadlines.forEachBand((headline) => this.forgotten.add(headline));
    this.#previous = this.#current;
    this.#current = new BandTable();
    this.#previousHeadlines = this.#currentHeadlines;
    this.#currentHeadlines = new BandTable();
    this.#previousStart = this.#currentStart;
    this.#currentStart = this.#count;
    return true;
  }

  /** The slot of the article remembered for this band, or -1. */
  slotOf(band: number): number {
    let article = this.#current.get(band);
    if (article < 0) article = this.#previous.get(band);
    return article < 0 ? -1 : article % this.#ids.length;
  }

  /** The slot of the latest article remembered with this headline, or -1. */
  headlineSlotOf(headline: number): number {
    let article = this.#currentHeadlines.get(headline);
    if (article < 0) article = this.#previousHeadlines.get(headline);
    return article < 0 ? -1 : article % this.#ids.length;
  }

  /** What the same-headline rule reads of the article at `slot` (sameHeadline). */
  headlinedAt(slot: number, headline: number): Headlined {
    return { headline, source: this.#sources[slot] ?? "", publishedAt: this.#published[slot] ?? Number.NaN };
  }

  idAt(slot: number): string {
    return this.#ids[slot] ?? "";
  }

  groupAt(slot: number): string {
    return this.#groups[slot] ?? "";
  }

  storyStartAt(slot: number): number {
    return this.#storyStarts[slot] ?? Number.NaN;
  }

  /** copyScore of an article against the one at `slot`. */
  copyScoreAt(slot: number, signature: Uint32Array, shingles: number): number {
    const jaccard = similarity(signature, this.#signatures, slot * SIGNATURE_SIZE);
    return copyScore(jaccard, shingles, this.#shingles[slot] ?? 0);
  }

  add(
    id: string,
    group: string,
    storyStart: number,
    { signature, shingles, bands, headline, source, publishedAt }: BandedFingerprint & Headlined,
  ): void {
    // Generations turn between batches only, so one can outgrow its share of the slots.
    if (this.#count - this.#previousStart >= this.#ids.length) this.#growSlots();
    const article = this.#count++;
    const slot = article % this.#ids.length;
    this.#ids[slot] = id;
    this.#groups[slot] = group;
    this.#storyStarts[slot] = storyStart;
    this.#signatures.set(signature, slot * SIGNATURE_SIZE);
    this.#shingles[slot] = shingles;
    this.#sources[slot] = source;
    this.#published[slot] = publishedAt;
    for (let band = 0; band < bands.length; band++) this.#current.set(bands[band] ?? 0, article);
    if (headline !== undefined) this.#currentHeadlines.set(headline, article);
  }

  #growSlots(): void {
    const [ids, groups, storyStarts, signatures, shingles, sources, published] = [
      this.#ids,
      this.#groups,
      this.#storyStarts,
      this.#signatures,
      this.#shingles,
      this.#sources,
      this.#published,
    ];
    const capacity = 2 * ids.length;
    this.#ids = new Array<string>(capacity);
    this.#groups = new Array<string>(capacity);
    this.#storyStarts = new Float64Array(capacity);
    this.#signatures = new Uint32Array(capacity * SIGNATURE_SIZE);
    this.#shingles = new Int32Array(capacity);
    this.#sources = new Array<string>(capacity);
    this.#published = new Float64Array(capacity);
    for (let article = this.#previousStart; article < this.#count; article++) {
      const [from, to] = [article % ids.length, article % capacity];
      this.#ids[to] = ids[from] ?? "";
      this.#groups[to] = groups[from] ?? "";
      this.#storyStarts[to] = storyStarts[from] ?? Number.NaN;
      this.#shingles[to] = shingles[from] ?? 0;
      this.#sources[to] = sources[from] ?? "";
      this.#published[to] = published[from] ?? Number.NaN;
      this.#signatures.set(
        signatures.subarray(from * SIGNATURE_SIZE, (from + 1) * SIGNATURE_SIZE),
        to * SIGNATURE_SIZE,
      );
    }
  }
}
