/**
 * @module text/fingerprint
 * Near-duplicate detection for wire copies: a MinHash signature over normalised word bigrams,
 * banded for locality-sensitive lookup. Two copies of one story that differ by a headline word
 * or a dropped sentence share most bigrams, so at least one band with near certainty.
 */
import { ELONGATION_LETTERS, letterVariants, normalizeArabic, WORD_SEPARATORS } from "./arabic.js";

export const SIGNATURE_SIZE = 64;
export const BAND_ROWS = 4;
const BAND_COUNT = SIGNATURE_SIZE / BAND_ROWS;
/** Estimated Jaccard similarity above which two articles are copies of one story. */
export const DUPLICATE_SIMILARITY = 0.6;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * One-permutation MinHash: each shingle is hashed once; the top bits pick one of the 64 bins and
 * the rest is its value; a bin keeps its smallest value. Bins no shingle reached borrow from the
 * next filled bin (rotation), so short texts still give comparable signatures. As accurate as
 * 64 separate hash functions for Jaccard estimates, at one hash per shingle instead of 64.
 * `parts` are read as one text with a word break between each (title and body, without building
 * the joined string).
 */
export function minhash(...parts: string[]): Uint32Array {
  const words = scratchWords;
  words.length = 0;
  for (const part of parts) hashWords(part, words);
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(EMPTY);
  // Word bigrams, hashed from the two word hashes rather than from a built string; a text of one
  // word is its own shingle.
  const { values, length } = words;
  if (length === 1) addShingle(signature, values[0] ?? 0);
  for (let i = 1; i < length; i++)
    addShingle(signature, Math.imul(values[i - 1] ?? 0, 0x9e3779b1) ^ (values[i] ?? 0));
  return densify(signature);
}

function addShingle(signature: Uint32Array, shingle: number): void {
  const hash = mix32(shingle);
  const bin = hash >>> BIN_SHIFT;
  const value = hash & VALUE_MASK;
  if (value < (signature[bin] ?? EMPTY)) signature[bin] = value;
}

/**
 * A growable list of word hashes in a Uint32Array: a hash above 2^30 passed around as a JavaScript
 * number is a heap object of its own, garbage by the million when each word went to a callback.
 */
export class WordHashes {
  values = new Uint32Array(1024);
  length = 0;

  push(hash: number): void {
    if (this.length === this.values.length) {
      const grown = new Uint32Array(2 * this.values.length);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = hash;
  }
}

/** Reused by every `minhash` call, which is synchronous. */
const scratchWords = new WordHashes();

/**
 * Appends to `into` the FNV-1a hash of every word of `normalizeArabic(text)` split on
 * WORD_SEPARATORS, in one pass over `text` without building the normalised string (seven string
 * copies per article, most of the time it took). `text` is NFC, as cleaning leaves it.
 */
export function hashWords(text: string, into: WordHashes): void {
  // Plain locals, no closures: captured variables would live in a heap context, and this loop
  // runs once per character of every article.
  let hash = FNV_OFFSET;
  let length = 0;
  // The letter (as the char filter leaves it) that may start an elongation, what it normalises to,
  // and how often it has come in a row: a second one is held back, as three or more collapse to one.
  let runKey = -1;
  let runMapped = DROPPED;
  let runLength = 0;
  for (let i = 0; i <= text.length; i++) {
    // One step past the end: a separator that flushes the last word.
    const unit = i < text.length ? text.charCodeAt(i) : -1;
    let mapped = unit < 0 ? SEPARATOR : unitMap[unit];
    if (mapped === UNKNOWN || mapped === undefined) mapped = learnUnit(unit);
    const key = unit < 0 ? -1 : (variantKey[unit] as number);
    // Gone before the elongation rule looks: it neither breaks nor extends a run.
    if (key === DROPPED) continue;
    if (runKey >= 0 && key === runKey) {
      runLength++;
      continue;
    }
    // A letter written exactly twice stays twice.
    if (runLength === 2 && runMapped >= 0) {
      hash = Math.imul(hash ^ runMapped, FNV_PRIME);
      length++;
    }
    runKey = -1;
    runLength = 0;
    if (mapped === SEPARATOR) {
      if (length > 0) into.push(hash);
      hash = FNV_OFFSET;
      length = 0;
    } else if (mapped >= 0) {
      hash = Math.imul(hash ^ mapped, FNV_PRIME);
      length++;
    } else if (mapped !== DROPPED) {
      // A unit that normalises to several (a few lowercase mappings): hash them all.
      const expansion = expansions[-mapped - FIRST_EXPANSION] ?? "";
      for (let k = 0; k < expansion.length; k++) hash = Math.imul(hash ^ expansion.charCodeAt(k), FNV_PRIME);
      length += expansion.length;
    }
    if (key >= ELONGATION_LETTERS.first && key <= ELONGATION_LETTERS.last) {
      runKey = key;
      runMapped = mapped;
      runLength = 1;
    }
  }
}

// What each UTF-16 unit becomes, learnt from normalizeArabic itself the first time the unit is met,
// so this table can never disagree with the analyzer's mirror: a unit, or one of the codes below.
// Beside it, the unit after the char filter alone (letterVariants), which elongation runs on.
const UNKNOWN = -1;
const DROPPED = -2;
const SEPARATOR = -3;
const FIRST_EXPANSION = 4;
const unitMap = new Int32Array(0x10000).fill(UNKNOWN);
const variantKey = new Int32Array(0x10000).fill(UNKNOWN);
const expansions: string[] = [];

function learnUnit(unit: number): number {
  const char = String.fromCharCode(unit);
  const normal = normalizeArabic(char);
  let mapped: number;
  if (normal === "") mapped = DROPPED;
  else if (normal.replace(WORD_SEPARATORS, "") === "") mapped = SEPARATOR;
  else if (normal.length === 1) mapped = normal.charCodeAt(0);
  else mapped = -(FIRST_EXPANSION + expansions.push(normal) - 1);
  unitMap[unit] = mapped;
  const variant = letterVariants(char);
  variantKey[unit] = variant === "" ? DROPPED : variant.length === 1 ? variant.charCodeAt(0) : unit;
  return mapped;
}

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

/**
 * The signature's bands, each its rows hashed to a 30-bit number: articles sharing a band are
 * candidate copies. Small integers to V8 (no allocation, cheap to hash) for in-memory tables.
 */
export function bandNumbers(signature: Uint32Array): number[] {
  const numbers: number[] = [];
  for (let band = 0; band < BAND_COUNT; band++) {
    let hash = band;
    for (let row = 0; row < BAND_ROWS; row++)
      hash = mix32(Math.imul(hash, FNV_PRIME) ^ (signature[band * BAND_ROWS + row] ?? 0));
    numbers.push(hash >>> 2);
  }
  return numbers;
}

const BASE32 = Array.from("0123456789abcdefghijklmnopqrstuv", (digit) => digit.charCodeAt(0));
const COLON = 0x3a;
const base32Digit = (number: number, shift: number) => BASE32[(number >>> shift) & 31] ?? 0;

/**
 * A band as the index stores it (`minhash_bands`), e.g. "3:9f0cq1": the band's position and its
 * number in six base-32 digits. Built in one call, not by number-to-string conversions, which were
 * a large share of preparing an article.
 */
export function bandKey(band: number, number: number): string {
  return String.fromCharCode(
    BASE32[band] ?? 0,
    COLON,
    base32Digit(number, 25),
    base32Digit(number, 20),
    base32Digit(number, 15),
    base32Digit(number, 10),
    base32Digit(number, 5),
    base32Digit(number, 0),
  );
}

/** The keys of bands given as numbers, in band order. */
export const bandKeys = (numbers: number[]): string[] => numbers.map((number, band) => bandKey(band, number));

/** Band keys of a signature, in band order. */
export const bands = (signature: Uint32Array): string[] => bandKeys(bandNumbers(signature));

/**
 * Fraction of equal positions: an unbiased estimate of the bigram-set Jaccard similarity. `b` may
 * be a signature at `bOffset` in a larger array, read in place.
 */
export function similarity(a: Uint32Array, b: Uint32Array, bOffset = 0): number {
  let equal = 0;
  for (let k = 0; k < SIGNATURE_SIZE; k++) if (a[k] === b[bOffset + k]) equal++;
  return equal / SIGNATURE_SIZE;
}

export function encodeSignature(signature: Uint32Array): string {
  return Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength).toString("base64");
}

export function decodeSignature(encoded: string): Uint32Array {
  const bytes = Buffer.from(encoded, "base64");
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}
