/**
 * @module text/fingerprint
 * An article's fingerprint for copy detection: a MinHash signature over the normalised word
 * bigrams of the story's own text (the body without its dateline and credit lines; the headline,
 * which every outlet rewrites, only when the body is too short to tell one story from another),
 * the number of distinct bigrams it covers, and the signature's bands for locality-sensitive
 * lookup. How two fingerprints are judged copies: text/copy-decision.
 */
import { storyTextRange } from "./credit-lines.js";
import { FNV_PRIME, hashWords, WordHashes } from "./word-hashes.js";

export const SIGNATURE_SIZE = 64;
/**
 * Rows per band: two, so that a copy cut to a third of the original (Jaccard about 0.3) still
 * shares a band with it with high probability (docs/relevance.md, Copies, gives the odds).
 */
export const BAND_ROWS = 2;
const BAND_COUNT = SIGNATURE_SIZE / BAND_ROWS;
/** Fewer word bigrams than this in the body: it says too little alone, and the headline joins it. */
export const MIN_BODY_SHINGLES = 20;

export interface Fingerprint {
  signature: Uint32Array;
  /** Distinct word bigrams the signature was made from: the text's size, for containment. */
  shingles: number;
  /** The headline's words as one number (headlineNumber); absent for a short one or an older fingerprint. */
  headline?: number | undefined;
}

/**
 * Fewer words than this, and a headline is a phrase many stories share (أسعار النفط اليوم, a
 * column's name): it tells no story from another.
 */
export const HEADLINE_MIN_WORDS = 5;

/** Reused by every `fingerprint` call, which is synchronous. */
const scratchWords = new WordHashes();

export function fingerprint(title: string, body: string): Fingerprint {
  const headline = headlineNumber(title);
  const words = scratchWords;
  words.length = 0;
  const { start, end } = storyTextRange(body);
  hashWords(body, words, start, end);
  if (words.length - 1 < MIN_BODY_SHINGLES) {
    words.length = 0;
    hashWords(title, words);
    hashWords(body, words, start, end);
  }
  return { ...minhash(words), ...(headline === undefined ? {} : { headline }) };
}

/**
 * The headline's normalised words, in order, hashed to a 30-bit number: two outlets that run one
 * story under the same headline give the same number. Undefined under HEADLINE_MIN_WORDS words.
 */
export function headlineNumber(title: string): number | undefined {
  const words = scratchWords;
  words.length = 0;
  hashWords(title, words);
  if (words.length < HEADLINE_MIN_WORDS) return undefined;
  let hash = HEADLINE_SEED;
  for (let i = 0; i < words.length; i++) hash = mix32(Math.imul(hash, FNV_PRIME) ^ (words.values[i] ?? 0));
  return hash >>> 2;
}

// Unlike any band's position, so a headline's number is no band's.
const HEADLINE_SEED = 0x68656164;

/**
 * One-permutation MinHash: each shingle is hashed once; the top bits pick one of the 64 bins and
 * the rest is its value; a bin keeps its smallest value. Bins no shingle reached borrow from the
 * next filled bin (rotation), so short texts still give comparable signatures. As accurate as
 * 64 separate hash functions for Jaccard estimates, at one hash per shingle instead of 64.
 */
function minhash({ values, length }: WordHashes): Fingerprint {
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(EMPTY);
  distinct.reset(length);
  // Word bigrams, hashed from the two word hashes rather than from a built string; a text of one
  // word is its own shingle.
  if (length === 1) addShingle(signature, values[0] ?? 0);
  for (let i = 1; i < length; i++)
    addShingle(signature, Math.imul(values[i - 1] ?? 0, 0x9e3779b1) ^ (values[i] ?? 0));
  return { signature: densify(signature), shingles: distinct.count };
}

function addShingle(signature: Uint32Array, shingle: number): void {
  const hash = mix32(shingle);
  distinct.add(hash);
  const bin = hash >>> BIN_SHIFT;
  const value = hash & VALUE_MASK;
  if (value < (signature[bin] ?? EMPTY)) signature[bin] = value;
}

/**
 * The distinct shingle hashes of one text, counted in an open-addressing set that is emptied by
 * moving to the next stamp rather than by clearing it.
 */
class DistinctHashes {
  #hashes = new Uint32Array(4096);
  #stamps = new Uint32Array(4096);
  #stamp = 0;
  count = 0;

  /** Starts a text of at most `size` hashes. */
  reset(size: number): void {
    this.count = 0;
    if (2 * size > this.#hashes.length) {
      let cells = this.#hashes.length;
      while (2 * size > cells) cells *= 2;
      this.#hashes = new Uint32Array(cells);
      this.#stamps = new Uint32Array(cells);
      this.#stamp = 0;
    }
    if (++this.#stamp === 0xffffffff) {
      this.#stamps.fill(0);
      this.#stamp = 1;
    }
  }

  add(hash: number): void {
    const mask = this.#hashes.length - 1;
    let cell = hash & mask;
    while (this.#stamps[cell] === this.#stamp) {
      if (this.#hashes[cell] === hash) return;
      cell = (cell + 1) & mask;
    }
    this.#stamps[cell] = this.#stamp;
    this.#hashes[cell] = hash;
    this.count++;
  }
}

const distinct = new DistinctHashes();

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

/** A headline's number as the index stores it among the bands (`minhash_bands`), e.g. "h:9f0cq1". */
export function headlineKey(number: number): string {
  return `h:${bandKey(0, number).slice(2)}`;
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

/** Bytes of a stored fingerprint: the shingle count, the signature, then the headline's number if any. */
const COUNT_BYTES = 4;
const SIGNATURE_BYTES = SIGNATURE_SIZE * 4;
const HEADLINE_BYTES = 4;

/**
 * The fingerprint as the index stores it (`minhash`, binary with doc values, which the grouper's
 * lookups read without loading each article's source): in base64, the shingle count as a
 * little-endian 32-bit number, the signature, then the headline's number when it has one. Older
 * versions stored no headline; before them `count:signature`, and before those the signature
 * alone, of title and body: read with a count of 0, which never makes a copy, until `--reindex`
 * fingerprints the article again.
 */
export function encodeFingerprint({ signature, shingles, headline }: Fingerprint): string {
  const bytes = Buffer.alloc(
    COUNT_BYTES + signature.byteLength + (headline === undefined ? 0 : HEADLINE_BYTES),
  );
  bytes.writeUInt32LE(shingles);
  bytes.set(new Uint8Array(signature.buffer, signature.byteOffset, signature.byteLength), COUNT_BYTES);
  if (headline !== undefined) bytes.writeUInt32LE(headline, COUNT_BYTES + signature.byteLength);
  return bytes.toString("base64");
}

export function decodeFingerprint(encoded: string): Fingerprint {
  const colon = encoded.indexOf(":");
  const bytes = Buffer.from(encoded.slice(colon + 1), "base64");
  const signatureFrom = (start: number, end = bytes.byteLength) =>
    new Uint32Array(bytes.buffer.slice(bytes.byteOffset + start, bytes.byteOffset + end));
  if (colon >= 0) return { signature: signatureFrom(0), shingles: Number(encoded.slice(0, colon)) };
  const signatureEnd = COUNT_BYTES + SIGNATURE_BYTES;
  if (bytes.byteLength === signatureEnd || bytes.byteLength === signatureEnd + HEADLINE_BYTES) {
    const decoded = { signature: signatureFrom(COUNT_BYTES, signatureEnd), shingles: bytes.readUInt32LE(0) };
    return bytes.byteLength === signatureEnd
      ? decoded
      : { ...decoded, headline: bytes.readUInt32LE(signatureEnd) };
  }
  return { signature: signatureFrom(0), shingles: 0 };
}
