/**
 * @module search/keyboard-layout
 * A query in Latin letters may be Arabic typed with the keyboard left on the Latin layout
 * (hgsdsd: السيسي). Pure: the words of both readings to look up, one count each (the service
 * sends them in one msearch), and which reading to search given how many articles hold them.
 */
import type { estypes } from "@elastic/elasticsearch";
import { arabicForLatinKeys, LATIN_WORD, typesArabicLetter } from "../text/keyboard.js";
import { wordCounts } from "./did-you-mean.js";
import { RANKING } from "./ranking.js";

/** A reading's words worth looking up, whether its last one is still being typed, and its letters. */
export interface Reading {
  query: string;
  words: string[];
  lastIsPrefix: boolean;
  /** Letters of all its words, those too short to look up included. */
  letters: number;
}

export interface KeyboardReadings {
  latin: Reading;
  arabic: Reading;
}

// Enough words to tell the readings apart; long input costs no more checks.
const MAX_WORDS = 6;
// Shorter words, and shorter unfinished ones, spell or begin too much in either script to tell.
const MIN_LETTERS = 2;
const MIN_BEGUN_LETTERS = 3;

// Arabic letters with the diacritics shifted keys type inside a word.
const ARABIC_WORD = /[\u0621-\u0652]+/g;

function reading(query: string, letters: RegExp): Reading {
  const runs = [...query.matchAll(letters)];
  const words: string[] = [];
  let lastIsPrefix = false;
  let counted = 0;
  for (const [i, run] of runs.entries()) {
    if (words.length === MAX_WORDS) break;
    const length = [...run[0]].length;
    const begun = i === runs.length - 1 && run.index + run[0].length === query.length;
    counted += length;
    if (length < (begun ? MIN_BEGUN_LETTERS : MIN_LETTERS)) continue;
    words.push(run[0]);
    lastIsPrefix = begun;
  }
  return { query, words, lastIsPrefix, letters: counted };
}

// A capital typed with Shift: on the Arabic layout only أ إ آ and lam-alef's forms need it.
const CAPITAL = /[A-Z]/g;

/**
 * The query as typed and as its keys type on the Arabic keyboard; undefined when it is not in
 * Latin letters, has a capital no Arabic letter is shifted for (CASING, iPhone: Latin), or its keys
 * type no Arabic word to look up.
 */
export function keyboardReadings(q: string): KeyboardReadings | undefined {
  if (q.match(CAPITAL)?.some((capital) => !typesArabicLetter(capital))) return undefined;
  const arabic = arabicForLatinKeys(q);
  if (arabic === undefined) return undefined;
  const readings = { latin: reading(q, LATIN_WORD), arabic: reading(arabic, ARABIC_WORD) };
  return readings.arabic.words.length ? readings : undefined;
}

/** Which reading a search tries: one of the two, or the Latin and, if it finds nothing, the Arabic. */
export type ReadingChoice = "latin" | "arabic" | "latin, then arabic";

/** Articles counted per word at most: enough to tell whether a share of `articles` hold it. */
export function countsUpTo(articles: number): number {
  return Math.max(1, Math.ceil(articles * RANKING.keyboardLayout.oneWordMinShare));
}

/** One count per word, the Latin reading's first: how many articles hold it (or begin a title word so)? */
export function readingCounts(
  { latin, arabic }: KeyboardReadings,
  index: string,
  articles: number,
): estypes.MsearchRequestItem[] {
  const upTo = countsUpTo(articles);
  return [
    ...wordCounts(latin.words, latin.lastIsPrefix, index, upTo),
    ...wordCounts(arabic.words, arabic.lastIsPrefix, index, upTo),
  ];
}

/** Whether the index holds every word of the Arabic reading, from readingCounts' answers. */
export function arabicHeldWhole({ latin, arabic }: KeyboardReadings, counts: readonly number[]): boolean {
  return arabic.words.every((_, i) => (counts[latin.words.length + i] ?? 0) > 0);
}

/**
 * Which reading to search, from readingCounts' answers: the Latin one unless the words the index
 * holds make up a larger share of the Arabic reading's letters (a word too short to look up counts
 * as not held: a stray `td` tells little); the Arabic one first when they do, unless it is one
 * word that fewer than `oneWordMinShare` of the articles hold, whose Arabic is searched only when
 * the Latin finds nothing.
 */
export function likelierReading(
  { latin, arabic }: KeyboardReadings,
  counts: readonly number[],
  articles: number,
): ReadingChoice {
  const share = (reading: Reading, from: number) => {
    const held = reading.words.filter((_, i) => (counts[from + i] ?? 0) > 0);
    return reading.letters ? held.reduce((sum, word) => sum + [...word].length, 0) / reading.letters : 0;
  };
  if (share(arabic, latin.words.length) <= share(latin, 0)) return "latin";
  const [one] = arabic.words.length === 1 ? counts.slice(latin.words.length) : [];
  return one !== undefined && one < countsUpTo(articles) ? "latin, then arabic" : "arabic";
}
