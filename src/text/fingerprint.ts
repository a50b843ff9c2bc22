/**
 * @module text/fingerprint
 * Near-duplicate detection for wire copies: a MinHash signature over normalised word bigrams,
 * banded for locality-sensitive lookup. Two copies of one story that differ by a headline word
 * or a dropped sentence share most bigrams, so at least one band with near certainty.
 */
import { arabicWords } from "./arabic.js";

export const SIGNATURE_SIZE = 64;
export const BAND_ROWS = 4;
/** Estimated Jaccard similarity above which two articles are copies of one story. */
export const DUPLICATE_SIMILARITY = 0.6;

/** Fixed odd multipliers and offsets: universal hashing h_i(x) = a_i * x + b_i (mod 2^32). */
const MULTIPLIERS = new Uint32Array(SIGNATURE_SIZE);
const OFFSETS = new Uint32Array(SIGNATURE_SIZE);
{
  let state = 0x9e3779b9;
  const next = () => {
    // xorshift32: deterministic across runs and machines.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    MULTIPLIERS[i] = next() | 1;
    OFFSETS[i] = next();
  }
}

/** FNV-1a over UTF-16 code units; fast and good enough to spread shingles. */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function minhash(text: string): Uint32Array {
  const words = arabicWords(text);
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  const seen = new Set<number>();
  const shingles = words.length < 2 ? words : words.slice(1).map((word, i) => `${words[i]} ${word}`);
  for (const text of shingles) {
    const shingle = hash32(text);
    if (seen.has(shingle)) continue;
    seen.add(shingle);
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const value = (Math.imul(MULTIPLIERS[k] ?? 1, shingle) + (OFFSETS[k] ?? 0)) >>> 0;
      if (value < (signature[k] ?? 0)) signature[k] = value;
    }
  }
  return signature;
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
