/**
 * @module eval/perturb
 * Known-item queries: a headline turned into what a reader might type, with the spelling
 * variation Arabic search has to absorb (hamza forms, ة/ه, ى/ي, harakat, digit systems, a dropped
 * article or word). Seeded, so every run asks the same queries and runs can be compared.
 */

export type Rng = () => number;

/** mulberry32: tiny, fast and good enough to pick edits; the same seed gives the same stream. */
export function seededRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export function pick<T>(items: readonly T[], rng: Rng): T | undefined {
  return items[Math.floor(rng() * items.length)];
}

/** The first k of a Fisher–Yates shuffle: k distinct items in random order. */
export function shuffled<T>(items: readonly T[], rng: Rng, k = items.length): T[] {
  const copy = [...items];
  const n = Math.min(k, copy.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rng() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, n);
}

/** k distinct items, kept in their original order (so a sample reads like its corpus). */
export function sample<T>(items: readonly T[], k: number, rng: Rng): T[] {
  const chosen = new Set(
    shuffled(
      items.map((_, i) => i),
      rng,
      k,
    ),
  );
  return items.filter((_, i) => chosen.has(i));
}

export const EDITS = [
  "hamza",
  "taMarbuta",
  "alefMaqsura",
  "diacritics",
  "digits",
  "article",
  "dropWord",
] as const;
export type Edit = (typeof EDITS)[number];

type Words = string[];
const HARAKAT = ["\u064E", "\u064F", "\u0650", "\u0652", "\u0651"]; // fatha, damma, kasra, sukun, shadda
const ARABIC_LETTER = /[\u0621-\u064A]/;
const ASCII_TO_INDIC = (d: string) => String.fromCharCode(0x0660 + Number(d));
const INDIC_TO_ASCII = (d: string) => String(d.charCodeAt(0) - 0x0660);

/** Replaces one word chosen among those `test` accepts; false when none qualifies. */
function editWord(
  words: Words,
  rng: Rng,
  test: (w: string) => boolean,
  change: (w: string) => string,
): boolean {
  const candidates = words.flatMap((word, i) => (test(word) ? [i] : []));
  const at = pick(candidates, rng);
  if (at === undefined) return false;
  words[at] = change(words[at] as string);
  return true;
}

/** Each edit changes `words` in place and says whether it applied (the headline allowed it). */
const APPLY: Record<Edit, (words: Words, rng: Rng) => boolean> = {
  // Readers mostly drop the hamza (أ إ آ → ا); some add one to a bare initial alef.
  hamza: (words, rng) =>
    editWord(
      words,
      rng,
      (w) => /[أإآ]/.test(w) || /^ا(?!ل)/.test(w),
      (w) => (/[أإآ]/.test(w) ? w.replace(/[أإآ]/g, "ا") : w.replace(/^ا/, rng() < 0.5 ? "أ" : "إ")),
    ),
  taMarbuta: (words, rng) =>
    editWord(
      words,
      rng,
      (w) => /[ةه]$/.test(w),
      (w) => w.replace(/[ةه]$/, (c) => (c === "ة" ? "ه" : "ة")),
    ),
  alefMaqsura: (words, rng) =>
    editWord(
      words,
      rng,
      (w) => /[ىي]$/.test(w),
      (w) => w.replace(/[ىي]$/, (c) => (c === "ى" ? "ي" : "ى")),
    ),
  // Harakat on a word or two, as pasted from a vocalised source.
  diacritics: (words, rng) => {
    const vocalise = (w: string) =>
      [...w].map((c) => (ARABIC_LETTER.test(c) && rng() < 0.6 ? c + (pick(HARAKAT, rng) ?? "") : c)).join("");
    const arabic = (w: string) => w.length >= 3 && ARABIC_LETTER.test(w);
    const first = editWord(words, rng, arabic, vocalise);
    if (first && rng() < 0.5) editWord(words, rng, (w) => arabic(w) && !/[\u064B-\u0652]/.test(w), vocalise);
    return first;
  },
  digits: (words) => {
    const joined = words.join(" ");
    const switched = /[0-9]/.test(joined)
      ? joined.replace(/[0-9]/g, ASCII_TO_INDIC)
      : joined.replace(/[\u0660-\u0669]/g, INDIC_TO_ASCII);
    if (switched === joined) return false;
    words.splice(0, words.length, ...switched.split(" "));
    return true;
  },
  article: (words, rng) =>
    editWord(
      words,
      rng,
      (w) => /^(و|ب|ف)?ال.{3,}/.test(w),
      (w) => w.replace(/ال/, ""),
    ),
  dropWord: (words, rng) => {
    if (words.length < 4) return false;
    words.splice(Math.floor(rng() * words.length), 1);
    return true;
  },
};

export interface PerturbOptions {
  /** Edits to consider, in this order. */
  edits?: readonly Edit[];
  /** Chance that each applicable edit is made; at least one is always made when any applies. */
  probability?: number;
}

export interface Perturbation {
  query: string;
  edits: Edit[];
}

/** Punctuation goes first: readers do not type the headline's colons and quotes. */
export function headlineWords(title: string): Words {
  return title.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

export function perturb(
  title: string,
  rng: Rng,
  { edits = EDITS, probability = 0.45 }: PerturbOptions = {},
): Perturbation {
  const words = headlineWords(title);
  const made: Edit[] = [];
  for (const edit of edits) if (rng() < probability && APPLY[edit](words, rng)) made.push(edit);
  if (!made.length) {
    // None drawn: make one of the others that applies, so every query differs from its headline.
    for (const edit of shuffled(edits, rng)) {
      if (APPLY[edit](words, rng)) {
        made.push(edit);
        break;
      }
    }
  }
  return { query: words.join(" "), edits: made };
}
