/**
 * @module ingest/duplicates/grouper
 * Assigns each article its near-duplicate group before it is indexed: candidates share a MinHash
 * band with it, either earlier in this run (RecentArticles, since the index may not have refreshed
 * yet) or in the index (one query per batch, the articles sharing the most bands first). The
 * candidate copyScore rates highest among those it judges copies, and whose story was first
 * reported within STORY_DAYS of the article, gives its group; without one, an article another outlet
 * ran under the same headline gives it (sameHeadline, found by its key among the bands as copies
 * are); without either, the article starts its own.
 */
import type { estypes } from "@elastic/elasticsearch";
import type { EsClient } from "../../es/client.js";
import { type RetryPolicy, withRetry } from "../../es/retry.js";
import {
  type BandedFingerprint,
  copyScore,
  type Headlined,
  NOT_A_COPY,
  sameHeadline,
} from "../../text/copy-decision.js";
import { bandKey, bandNumbers, decodeFingerprint, headlineKey, similarity } from "../../text/fingerprint.js";
import { ForgottenBands } from "./forgotten-bands.js";
import { RecentArticles } from "./recent-articles.js";

/**
 * What grouping needs of an article: its id and fingerprint, not its text. Band numbers
 * (bandNumbers); the index stores them as keys (bandKey).
 */
export interface Fingerprint extends BandedFingerprint, Headlined {
  id: string;
}

/** An article's or a stored document's fingerprint for grouping (a stored id read as a string). */
export const fingerprintOf = ({
  document,
  signature,
  shingles,
  bands,
  headline,
}: BandedFingerprint & {
  document: { id?: unknown; published_at?: unknown; source?: unknown };
}): Fingerprint => ({
  id: String(document.id ?? ""),
  publishedAt: Date.parse(String(document.published_at ?? "")),
  source: String(document.source ?? ""),
  signature,
  shingles,
  bands,
  headline,
});

interface Known extends Headlined {
  id: string;
  group: string;
  /** When its story was first reported: its own date until that of the story's first article is read. */
  storyStart: number;
  signature: Uint32Array;
  shingles: number;
}

/**
 * Outlets carry a story within days of its first report. A text found again later (a daily weather
 * report, an agency's set phrasing for an execution or a congratulation) is another story, and
 * without a bound copies of copies would chain a series of them into one story without end.
 */
const STORY_DAYS = 7;
const STORY_MS = STORY_DAYS * 86_400_000;
/**
 * Every article of a story lies within STORY_DAYS of its first, so an article published further
 * than twice that from another belongs to a story the other may not join.
 */
const STORY_REACH_MS = 2 * STORY_MS;

/**
 * The indexed articles a batch published from `earliest` to `latest` may join (STORY_REACH_MS).
 * Left out, the others no longer crowd the candidates read out of the lookup.
 */
function storyWindow(earliest: number, latest: number): estypes.QueryDslQueryContainer[] {
  if (!Number.isFinite(earliest) || !Number.isFinite(latest)) return [];
  const range = { gte: earliest - STORY_REACH_MS, lte: latest + STORY_REACH_MS, format: "epoch_millis" };
  return [{ range: { published_at: range } }];
}

/** Whether an article published at `publishedAt` may belong to a story first reported at `storyStart`. */
const withinStory = (publishedAt: number, storyStart: number) =>
  !(Math.abs(publishedAt - storyStart) > STORY_MS);

/**
 * Where a lookup reads the articles it finds: doc values where the index keeps the fingerprint
 * there (mappings version 12 on), which spares decompressing each article's stored text; else the
 * source.
 */
type StoredRead = "doc values" | "source";

/** What a lookup reads of each article, as stored. */
interface StoredFingerprint {
  id: string;
  dup_group: string;
  published_at: string;
  source: string;
  minhash: string;
}
const STORED_FIELDS = ["id", "dup_group", "published_at", "source", "minhash"] as const;

function readRequest(
  read: StoredRead,
): Pick<estypes.SearchRequest, "_source" | "stored_fields" | "docvalue_fields"> {
  if (read === "source") return { _source: [...STORED_FIELDS] };
  // Not even `_id`: any stored field is read by decompressing the block that holds the source.
  return { _source: false, stored_fields: ["_none_"], docvalue_fields: [...STORED_FIELDS] };
}

/** An indexed article as a lookup read it, or undefined for one without a fingerprint. */
function knownOf({ _source, fields }: estypes.SearchHit<StoredFingerprint>): Known | undefined {
  const stored: Partial<Record<keyof StoredFingerprint, unknown>> =
    _source ?? Object.fromEntries(STORED_FIELDS.map((field) => [field, fields?.[field]?.[0]]));
  if (typeof stored.minhash !== "string") return undefined;
  const publishedAt = Date.parse(String(stored.published_at));
  return {
    id: String(stored.id),
    group: String(stored.dup_group),
    storyStart: publishedAt,
    publishedAt,
    source: String(stored.source ?? ""),
    ...decodeFingerprint(stored.minhash),
  };
}

export interface DuplicateGrouperOptions {
  retry?: RetryPolicy;
  /**
   * True for an import: nothing else writes to the index while it runs. Then, when the index is
   * empty at the first batch, every article it will hold is one this grouper saw, so the index is
   * asked only about bands memory has forgotten: the lookup is most of what grouping costs
   * Elasticsearch. Never for the long-lived write API.
   */
  soleWriter?: boolean;
  /** Articles remembered per generation (see RecentArticles). */
  articlesPerGeneration?: number;
  /**
   * Makes every article written so far visible to the index's searches. Called when memory
   * forgets articles, before the index is asked about them: an import into an index that
   * refreshes seldom supplies it.
   */
  beforeAskingForgotten?: () => Promise<void>;
  /** Indexed articles read per article asked about (CANDIDATES_PER_ARTICLE). */
  candidatesPerArticle?: number;
}

/** About 384k bands a generation: under three quarters of a 2^19-cell BandTable, which then never doubles again. */
const ARTICLES_PER_GENERATION = 12_000;

/**
 * Indexed articles read per article of a batch: a large archive holds far more articles that share
 * a band with a batch (a common phrase) than can be read, so only those sharing the most are.
 */
const CANDIDATES_PER_ARTICLE = 5;
/** Elasticsearch's default `index.max_result_window`. */
const MAX_CANDIDATES = 10_000;

export class DuplicateGrouper {
  readonly #recent: RecentArticles;
  readonly #forgotten = new ForgottenBands();
  /**
   * Whether the index may hold articles this grouper never saw: always unless it is the sole
   * writer, then settled at the first batch.
   */
  #indexHoldsOthers: Promise<boolean> | undefined;
  readonly #retry: RetryPolicy;
  readonly #beforeAskingForgotten: (() => Promise<void>) | undefined;
  readonly #candidatesPerArticle: number;
  #bandsAsked = 0;

  constructor(
    private readonly client: EsClient,
    private readonly index: string,
    options: DuplicateGrouperOptions = {},
  ) {
    this.#retry = options.retry ?? { retryForMs: 0 };
    this.#beforeAskingForgotten = options.beforeAskingForgotten;
    this.#candidatesPerArticle = options.candidatesPerArticle ?? CANDIDATES_PER_ARTICLE;
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
   * The duplicate group of each article of the batch, in order: the group of the earlier article
   * (in this batch, earlier batches or the index) it is most surely a copy of, else its own id.
   */
  async assign(batch: Fingerprint[]): Promise<string[]> {
    // Generations turn only between batches: a band forgotten halfway through would be missing
    // from memory and from the lookup below alike.
    if (this.#recent.turnIfFull()) await this.#beforeAskingForgotten?.();
    const indexed = await this.#lookup(batch);
    if (indexed.size) await this.#readStoryStarts(batch, indexed);
    // Plain loops, no closures or entries(): this runs for every band of every article, and the
    // pairs, iterators and views those make are garbage at that rate.
    const groups: string[] = [];
    for (const article of batch) {
      const { id, publishedAt, signature, shingles, bands } = article;
      let group = id;
      let storyStart = publishedAt;
      let bestScore = NOT_A_COPY;
      for (let band = 0; band < bands.length; band++) {
        const number = bands[band] ?? 0;
        const slot = this.#recent.slotOf(number);
        const slotStory = slot >= 0 ? this.#recent.storyStartAt(slot) : Number.NaN;
        if (slot >= 0 && this.#recent.idAt(slot) !== id && withinStory(publishedAt, slotStory)) {
          const score = this.#recent.copyScoreAt(slot, signature, shingles);
          if (score > bestScore) {
            group = this.#recent.groupAt(slot);
            storyStart = slotStory;
            bestScore = score;
          }
        }
        if (indexed.size === 0) continue;
        for (const candidate of indexed.get(bandKey(band, number)) ?? []) {
          if (candidate.id === id || !withinStory(publishedAt, candidate.storyStart)) continue;
          const score = copyScore(similarity(signature, candidate.signature), shingles, candidate.shingles);
          if (score > bestScore) {
            group = candidate.group;
            storyStart = candidate.storyStart;
            bestScore = score;
          }
        }
      }
      // No copy found: the story of another outlet's article under the same headline, if any.
      const headlined = bestScore === NOT_A_COPY ? this.#sameHeadlineStory(article, indexed) : undefined;
      if (headlined) ({ group, storyStart } = headlined);
      this.#recent.add(id, group, storyStart, article);
      groups.push(group);
    }
    return groups;
  }

  /**
   * The group and story start of an article another outlet ran under the same headline
   * (sameHeadline) whose story the article may join: the latest remembered with that headline, else
   * one the lookup read.
   */
  #sameHeadlineStory(
    article: Fingerprint,
    indexed: Map<string, Known[]>,
  ): { group: string; storyStart: number } | undefined {
    const { id, publishedAt, headline } = article;
    if (headline === undefined) return undefined;
    const slot = this.#recent.headlineSlotOf(headline);
    if (slot >= 0 && this.#recent.idAt(slot) !== id) {
      const storyStart = this.#recent.storyStartAt(slot);
      if (
        withinStory(publishedAt, storyStart) &&
        sameHeadline(article, this.#recent.headlinedAt(slot, headline))
      )
        return { group: this.#recent.groupAt(slot), storyStart };
    }
    for (const candidate of indexed.get(headlineKey(headline)) ?? [])
      if (
        candidate.id !== id &&
        withinStory(publishedAt, candidate.storyStart) &&
        sameHeadline(article, candidate)
      )
        return { group: candidate.group, storyStart: candidate.storyStart };
    return undefined;
  }

  /**
   * When the stories of the indexed candidates judged copies of the batch's articles (or of the same
   * headline) were first reported: the date of the article that began each (its group's id), read
   * in one request. A story whose first article is gone keeps the candidate's own date; one out of
   * the article's reach (STORY_REACH_MS) is not read.
   */
  async #readStoryStarts(batch: Fingerprint[], indexed: Map<string, Known[]>): Promise<void> {
    const unread = new Map<string, Set<Known>>();
    // A candidate of a story begun by another, not yet asked about, and not out of reach (a date
    // unknown is not): only then is whether it joins worth judging.
    const unknownStart = (article: Fingerprint, candidate: Known) =>
      candidate.group !== candidate.id &&
      candidate.id !== article.id &&
      !(Math.abs(article.publishedAt - candidate.storyStart) > STORY_REACH_MS) &&
      !unread.get(candidate.group)?.has(candidate);
    const ask = (candidate: Known) =>
      unread.set(candidate.group, (unread.get(candidate.group) ?? new Set<Known>()).add(candidate));
    for (const article of batch) {
      const { signature, shingles, bands, headline } = article;
      for (let band = 0; band < bands.length; band++)
        for (const candidate of indexed.get(bandKey(band, bands[band] ?? 0)) ?? [])
          if (
            unknownStart(article, candidate) &&
            copyScore(similarity(signature, candidate.signature), shingles, candidate.shingles) !== NOT_A_COPY
          )
            ask(candidate);
      if (headline !== undefined)
        for (const candidate of indexed.get(headlineKey(headline)) ?? [])
          if (unknownStart(article, candidate) && sameHeadline(article, candidate)) ask(candidate);
    }
    if (!unread.size) return;
    const response = await withRetry(
      () =>
        this.client.search(
          {
            index: this.index,
            size: unread.size,
            track_total_hits: false,
            query: { ids: { values: [...unread.keys()] } },
            _source: false,
            docvalue_fields: [{ field: "published_at", format: "epoch_millis" }],
          },
          { maxRetries: 0 },
        ),
      this.#retry,
    );
    for (const hit of response.hits.hits) {
      const firstReported = Number(hit.fields?.published_at?.[0]);
      for (const candidate of unread.get(hit._id ?? "") ?? []) candidate.storyStart = firstReported;
    }
  }

  /**
   * Articles in the index that share a band or a headline with the batch and that memory may not
   * know of: those sharing the most band positions first (one clause a position, and one for the
   * headlines), as a copy shares many and an article that merely holds a common phrase one or two.
   * Keyed by band key, and by headline key for those of a headline asked about.
   */
  async #lookup(batch: Fingerprint[]): Promise<Map<string, Known[]>> {
    this.#indexHoldsOthers ??= this.#holdsOthers();
    const everything = await this.#indexHoldsOthers;
    if (!everything && this.#forgotten.empty) return new Map();
    // The bands asked about, by band position: one `terms` clause each.
    const asked: Set<number>[] = [];
    const headlines = new Set<number>();
    let articlesAsked = 0;
    let [earliest, latest] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    for (const { bands, publishedAt, headline } of batch) {
      let asks = false;
      for (let band = 0; band < bands.length; band++) {
        const number = bands[band] ?? 0;
        if (!everything && !this.#forgotten.has(number)) continue;
        asks = true;
        asked[band] = (asked[band] ?? new Set<number>()).add(number);
      }
      if (headline !== undefined && (everything || this.#forgotten.has(headline))) {
        asks = true;
        headlines.add(headline);
      }
      if (!asks) continue;
      articlesAsked++;
      // NaN (a date unknown) leaves the window unbounded.
      earliest = Math.min(earliest, publishedAt);
      latest = Math.max(latest, publishedAt);
    }
    const byBand = new Map<string, Known[]>();
    const positions = asked.flatMap((numbers, band) =>
      numbers ? [{ terms: { minhash_bands: [...numbers].map((number) => bandKey(band, number)) } }] : [],
    );
    if (headlines.size) positions.push({ terms: { minhash_bands: [...headlines].map(headlineKey) } });
    if (!positions.length) return byBand;
    for (const numbers of asked) this.#bandsAsked += numbers?.size ?? 0;
    this.#bandsAsked += headlines.size;
    // Asked at each lookup: the alias may move to an index of other mappings (a reindex, a restore).
    const read = await this.#whereFingerprintsAre();
    const response = await withRetry(
      () =>
        this.client.search<StoredFingerprint>(
          {
            index: this.index,
            size: Math.min(MAX_CANDIDATES, articlesAsked * this.#candidatesPerArticle),
            track_total_hits: false,
            query: {
              bool: { should: positions, minimum_should_match: 1, filter: storyWindow(earliest, latest) },
            },
            ...readRequest(read),
          },
          { maxRetries: 0 },
        ),
      this.#retry,
    );
    for (const hit of response.hits.hits) {
      const known = knownOf(hit);
      if (!known) continue;
      if (known.headline !== undefined && headlines.has(known.headline)) {
        const key = headlineKey(known.headline);
        const list = byBand.get(key) ?? [];
        list.push(known);
        byBand.set(key, list);
      }
      // Its bands come from its signature, as they did when it was stored: no need to read them.
      const numbers = bandNumbers(known.signature);
      for (let band = 0; band < numbers.length; band++) {
        const number = numbers[band] ?? 0;
        if (!asked[band]?.has(number)) continue;
        const key = bandKey(band, number);
        const list = byBand.get(key) ?? [];
        list.push(known);
        byBand.set(key, list);
      }
    }
    return byBand;
  }

  /** Whether the index keeps fingerprints in doc values (StoredRead). */
  async #whereFingerprintsAre(): Promise<StoredRead> {
    const response = await withRetry(
      () => this.client.indices.getFieldMapping({ index: this.index, fields: "minhash" }, { maxRetries: 0 }),
      this.#retry,
    );
    const mapped = Object.values(response).map(({ mappings }) => mappings.minhash?.mapping.minhash);
    const inDocValues = (mapping: unknown) =>
      (mapping as { doc_values?: boolean } | undefined)?.doc_values === true;
    return mapped.length > 0 && mapped.every(inDocValues) ? "doc values" : "source";
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
