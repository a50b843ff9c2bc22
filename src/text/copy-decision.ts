/**
 * @module text/copy-decision
 * Whether two articles are copies of one story, from their fingerprints: the share of the shorter
 * text found in the longer (containment), so that a copy cut short or with a paragraph added still
 * counts, estimated from the MinHash Jaccard estimate and the two texts' sizes.
 *
 * @example
 * copyScore(similarity(a.signature, b.signature), a.shingles, b.shingles) >= 0 // copies
 */
import { type Fingerprint, similarity } from "./fingerprint.js";

/** Estimated containment at or above which the shorter text is a copy of the longer. */
export const COPY_CONTAINMENT = 0.6;
/**
 * Below this Jaccard estimate, the 64-bin signature says too little for a containment estimate to
 * be trusted: a text must hold about a sixth of the other's bigrams to be judged its copy.
 */
const MIN_COPY_JACCARD = 0.15;
/**
 * A shorter text with fewer distinct bigrams than this (a brief of a sentence or two) is a copy
 * only when the two are alike as wholes: a sentence found inside a long article is not its story.
 */
export const MIN_CONTAINMENT_SHINGLES = 30;
/** The Jaccard estimate that makes a short text a copy. */
const SHORT_COPY_JACCARD = 0.7;
export const NOT_A_COPY = -1;

/**
 * |A∩B| / min(|A|, |B|) from the Jaccard similarity J and the set sizes, since
 * |A∩B| = J·(|A| + |B|) / (1 + J); 0 for an empty text.
 */
export function estimateContainment(jaccard: number, sizeA: number, sizeB: number): number {
  const shorter = Math.min(sizeA, sizeB);
  if (shorter <= 0) return 0;
  return Math.min(1, (jaccard * (sizeA + sizeB)) / ((1 + jaccard) * shorter));
}

/**
 * The estimated containment of two texts judged copies (the higher, the closer), or NOT_A_COPY.
 * `jaccard` is the signatures' similarity, the sizes their shingle counts.
 */
export function copyScore(jaccard: number, sizeA: number, sizeB: number): number {
  const shorter = Math.min(sizeA, sizeB);
  if (shorter <= 0) return NOT_A_COPY;
  const containment = estimateContainment(jaccard, sizeA, sizeB);
  if (shorter < MIN_CONTAINMENT_SHINGLES) return jaccard >= SHORT_COPY_JACCARD ? containment : NOT_A_COPY;
  return jaccard >= MIN_COPY_JACCARD && containment >= COPY_CONTAINMENT ? containment : NOT_A_COPY;
}

/**
 * Two outlets that run the same headline within this time of each other carry one story, however
 * differently each rewrote it: a print edition runs the next morning what a site ran the evening
 * before. Further apart, it is a recurring headline (a weekly column, a daily bulletin).
 */
export const SAME_HEADLINE_MS = 36 * 3_600_000;

/** What the same-headline rule reads of an article. */
export interface Headlined {
  headline?: number | undefined;
  source: string;
  /** Milliseconds since the epoch; NaN when unknown, which no story's dates then hold apart. */
  publishedAt: number;
}

/**
 * Whether two articles are one story by their headlines: the same headline of HEADLINE_MIN_WORDS
 * words or more (headlineNumber), from two outlets, within SAME_HEADLINE_MS. One outlet's headline
 * again is its next bulletin or an update, which its copies' text tells apart. A copy by the text
 * goes first: the grouper asks this only of an article that is no copy.
 */
export function sameHeadline(a: Headlined, b: Headlined): boolean {
  return (
    a.headline !== undefined &&
    a.headline === b.headline &&
    a.source !== b.source &&
    Math.abs(a.publishedAt - b.publishedAt) <= SAME_HEADLINE_MS
  );
}

/** A fingerprint with its band numbers (bandNumbers), as the grouper holds it. */
export interface BandedFingerprint extends Fingerprint {
  bands: number[];
}

/**
 * The grouper's verdict on one pair: a candidate (sharing a band, as the grouper finds them) whose
 * copyScore says copies.
 */
export function sameStory(a: BandedFingerprint, b: BandedFingerprint): boolean {
  if (!a.bands.some((number, band) => number === b.bands[band])) return false;
  return copyScore(similarity(a.signature, b.signature), a.shingles, b.shingles) !== NOT_A_COPY;
}
