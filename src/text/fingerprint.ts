/**
 * @module text/fingerprint
 * Near-duplicate detection for wire copies: a MinHash signature over normalised word bigrams,
 * banded for locality-sensitive lookup. Two copies of one story that differ by a headline word
 * or a dropped sentence share most bigrams, so at least one band with near certainty.
 */
import { normalizeArabic } from "./arabic.js";

export const SIGNATURE_SIZE = 64;
export const BAND_ROWS = 4;
/** Estimated Jaccard similarity above which two articles are copies of one story. */
export const DUPLICATE_SIMILARITY = 0.6;

/** FNV-1a over UTF-16 code units; fast and good enough to spread shingles. */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * One-permutation MinHash: each shingle is hashed once; the top bits pick one of the 64 bins and
 * the rest is its value; a bin keeps its smallest value. Bins no shingle reached borrow from the
 * next filled bin (rotation), so short texts still give comparable signatures. As accurate as
 * 64 separate hash functions for Jaccard estimates, at one hash per shingle instead of 64.
 */
export function minhash(text: string): Uint32Array {
  const words = normalizeArabic(text).split(WORD_SEPARATORS).filter(Boolean).map(hash32);
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(EMPTY);
  // Word bigrams, hashed from the two word hashes rather than from a built string.
  const shingles =
    words.length < 2 ? words : words.slice(1).map((word, i) => Math.imul(words[i] ?? 0, 0x9e3779b1) ^ word);
  for (const shingle of shingles) {
    const hash = mix32(shingle);
    const bin = hash >>> BIN_SHIFT;
    const value = hash & VALUE_MASK;
    if (value < (signature[bin] ?? EMPTY)) signature[bin] = value;
  }
  return densify(signature);
}

/** Whitespace and punctuation, Arabic included: a plain regex, far cheaper than \p{L} classes. */
const WORD_SEPARATORS = /[\s.,،؛:;!?؟"'`()[\]{}«»“”‘’\-–—…/\\|<>=+*&%$#@^~_]+/;

const BIN_SHIFT = 32 - Math.log2(SIGNATURE_SIZE);
const VALUE_MASK = 2 ** BIN_SHIFT - 1;
const EMPTY = 0xffffffff;

/** Empty bin i takes the value of the next filled bin j, offset by the distance, so it stays distinct. */
function densify(signature: Uint32Array): Uint32Array {
  if (signature.every((value) => value === EMPTY)) return signature;
  const dense = new Uint32Array(signature);
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    if (signature[i] !== EMPTY) continue;
    for (let distance = 1; distance < SIGNATURE_SIZE; distance++) {
      const donor = signature[(i + distance) % SIGNATURE_SIZE] ?? EMPTY;
      if (donor !== EMPTY) {
        dense[i] = (donor + distance * (VALUE_MASK + 1)) >>> 0;
        break;
      }
    }
  }
  return dense;
}

/** A finaliser (murmur3 fmix32): FNV's low bits are weak, and the bin comes from the top ones. */
function mix32(hash: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Band keys, e.g. "3:9f0c…": articles sharing any key are candidate copies. */
export function bands(signature: Uint32Array): string[] {
  const keys: string[] = [];
  for (let band = 0; band < SIGNATURE_SIZE / BAND_ROWS; band++) {
    let key = `${band}:`;
    for (let row = 0; row < BAND_ROWS; row++) key += (signature[band * BAND_ROWS + row] ?? 0).toString(36);
    keys.push(key);
  }
  return keys;
}

/** Fraction of equal positions: an unbiased estimate of the bigram-set Jaccard similarity. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let equal = 0;
  for (let k = 0; k < SIGNATURE_SIZE; k++) if (a[k] === b[k]) equal++;
  return equal / SIGNATURE_SIZE;
}

export function encodeSignature(signature: Uint32Array): string {
  return Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength).toString("base64");
}

export function decodeSignature(encoded: string): Uint32Array {
  const bytes = Buffer.from(encoded, "base64");
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}
