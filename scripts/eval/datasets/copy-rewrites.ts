/**
 * @module eval/datasets/copy-rewrites
 * What an outlet does to a wire text it reprints: a headline of its own, its own dateline and
 * credit lines, the last paragraphs cut, a paragraph of background added, its own spelling of
 * final ي/ى, ة/ه and hamzated alefs, a few words changed. Seeded: the same rng gives the same copy.
 */
import { pick, type Rng } from "../../../src/eval/perturb.js";

export const REWRITES = [
  "headline",
  "dateline",
  "credit",
  "truncate",
  "addParagraph",
  "letters",
  "words",
] as const;
export type Rewrite = (typeof REWRITES)[number];

const CITIES = ["الرياض", "القاهرة", "دبي", "عمّان", "بيروت", "الدوحة", "جدة", "الكويت", "تونس", "الرباط"];
const OUTLETS = [
  "واس",
  "رويترز",
  "أ ف ب",
  "بوابة الوادي",
  "وكالة الأنباء العربية",
  "الخليج اليوم",
  "سبق",
  "د ب أ",
];
/** Datelines as outlets write them: on a line of their own, or opening the first paragraph. */
const DATELINES = [
  (city: string, outlet: string) => `${city} - ${outlet}\n\n`,
  (city: string, outlet: string) => `${city} (${outlet}) - `,
  (city: string, outlet: string) => `${outlet}- ${city}: `,
  (city: string, outlet: string) => `${city} – ${outlet}\nكتب: محرر الشؤون المحلية\n`,
];
const CREDITS = (outlet: string) => [`المصدر: ${outlet}`, `(${outlet})`, `المصدر: ${outlet} + وكالات`];

export const paragraphsOf = (body: string) =>
  body
    .split(/\n+/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);

/** A text's parts to cut at: its paragraphs, or its sentences when it is one paragraph. */
function partsOf(body: string): string[] {
  const paragraphs = paragraphsOf(body);
  if (paragraphs.length > 1) return paragraphs;
  return body.split(/(?<=[.!؟])\s+/).filter(Boolean);
}

/** A headline of the outlet's own: the opening words of the text, as a sub-editor would take them. */
export function newHeadline(body: string, rng: Rng): string {
  const words = body.split(/\s+/).filter(Boolean);
  const length = 6 + Math.floor(rng() * 5);
  return words.slice(0, length).join(" ");
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * Cuts the last parts (paragraphs, or sentences of a one-paragraph text), one or more, as long as
 * half the words are left.
 */
export function truncate(body: string, rng: Rng): string {
  const parts = partsOf(body);
  const total = wordCount(body);
  let kept = parts.length;
  let words = total;
  const cuttable: number[] = [];
  while (kept > 1 && words - wordCount(parts[kept - 1] ?? "") >= total / 2) {
    words -= wordCount(parts[--kept] ?? "");
    cuttable.push(kept);
  }
  if (!cuttable.length) return body;
  const keep = cuttable[Math.floor(rng() * cuttable.length)] ?? parts.length;
  return parts.slice(0, keep).join(paragraphsOf(body).length > 1 ? "\n\n" : " ");
}

/** Background as an outlet adds it: a paragraph of at most this many words. */
const MAX_BACKGROUND_WORDS = 50;

/** The opening sentences of `text`, up to MAX_BACKGROUND_WORDS words. */
export function backgroundFrom(text: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  return words.slice(0, MAX_BACKGROUND_WORDS).join(" ");
}

/** Background from elsewhere, after the first paragraph or at the end. */
export function addParagraph(body: string, background: string, rng: Rng): string {
  const paragraphs = paragraphsOf(body);
  const at = rng() < 0.3 ? 1 : paragraphs.length;
  return [...paragraphs.slice(0, at), background, ...paragraphs.slice(at)].join("\n\n");
}

const LETTER_SWAPS: [RegExp, string][] = [
  [/ي(?=\s|$|[.،])/g, "ى"],
  [/ى(?=\s|$|[.،])/g, "ي"],
  [/ة(?=\s|$|[.،])/g, "ه"],
  [/(^|\s)[أإ]/g, "$1ا"],
];

/** The outlet's own spelling of about half the words where final ي/ى, ة/ه and أ/إ/ا are written. */
export function swapLetters(body: string, rng: Rng): string {
  let text = body;
  for (const [pattern, replacement] of LETTER_SWAPS)
    text = text.replace(pattern, (match, lead: string | number) =>
      rng() < 0.5 ? (typeof lead === "string" ? replacement.replace("$1", lead) : replacement) : match,
    );
  return text;
}

/** One to four words replaced, dropped or inserted, with words from `vocabulary`. */
export function changeWords(body: string, vocabulary: readonly string[], rng: Rng): string {
  const words = body.split(" ");
  const edits = 1 + Math.floor(rng() * 4);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(rng() * words.length);
    const word = pick(vocabulary, rng) ?? "";
    const kind = rng();
    if (kind < 0.5) words[at] = word;
    else if (kind < 0.75) words.splice(at, 1);
    else words.splice(at, 0, word);
  }
  return words.join(" ");
}

export function dateline(rng: Rng): string {
  const format = pick(DATELINES, rng) ?? DATELINES[0];
  return format?.(pick(CITIES, rng) ?? "", pick(OUTLETS, rng) ?? "") ?? "";
}

export const credit = (rng: Rng) => pick(CREDITS(pick(OUTLETS, rng) ?? ""), rng) ?? "";

export interface Copy {
  title: string;
  body: string;
  rewrites: Rewrite[];
}

/**
 * An outlet's copy of `body`: always a new headline, and at least one other rewrite, each drawn
 * with its own chance, so that the pairs hold every combination.
 */
export function rewriteCopy(body: string, background: string, vocabulary: readonly string[], rng: Rng): Copy {
  const chosen = new Set<Rewrite>(["headline"]);
  const chance: Record<Exclude<Rewrite, "headline">, number> = {
    dateline: 0.6,
    credit: 0.3,
    truncate: 0.5,
    addParagraph: 0.3,
    letters: 0.5,
    words: 0.5,
  };
  for (const [rewrite, p] of Object.entries(chance)) if (rng() < p) chosen.add(rewrite as Rewrite);
  if (chosen.size === 1) chosen.add(pick(Object.keys(chance) as Rewrite[], rng) ?? "words");
  let text = body;
  if (chosen.has("truncate")) text = truncate(text, rng);
  if (chosen.has("addParagraph")) text = addParagraph(text, background, rng);
  if (chosen.has("words")) text = changeWords(text, vocabulary, rng);
  if (chosen.has("letters")) text = swapLetters(text, rng);
  if (chosen.has("dateline")) text = `${dateline(rng)}${text}`;
  if (chosen.has("credit")) text = `${text}\n\n${credit(rng)}`;
  return { title: newHeadline(body, rng), body: text, rewrites: REWRITES.filter((r) => chosen.has(r)) };
}
