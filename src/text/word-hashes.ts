/**
 * @module text/word-hashes
 * The words of a text as the analyzer normalises them, hashed in one pass without building the
 * normalised string: what fingerprints are made of.
 */
import { ELONGATION_LETTERS, letterVariants, normalizeArabic, WORD_SEPARATORS } from "./arabic.js";

const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

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

/**
 * Appends to `into` the FNV-1a hash of every word of `normalizeArabic(text)` split on
 * WORD_SEPARATORS, in one pass over `text` without building the normalised string (seven string
 * copies per article, most of the time it took). `text` is NFC, as cleaning leaves it. Only
 * `text[start, end)` is read, as if it were the whole text.
 */
export function hashWords(text: string, into: WordHashes, start = 0, end = text.length): void {
  // Plain locals, no closures: captured variables would live in a heap context, and this loop
  // runs once per character of every article.
  let hash = FNV_OFFSET;
  let length = 0;
  // The letter (as the char filter leaves it) that may start an elongation, what it normalises to,
  // and how often it has come in a row: a second one is held back, as three or more collapse to one.
  let runKey = -1;
  let runMapped = DROPPED;
  let runLength = 0;
  for (let i = start; i <= end; i++) {
    // One step past the end: a separator that flushes the last word.
    const unit = i < end ? text.charCodeAt(i) : -1;
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
