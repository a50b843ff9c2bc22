/**
 * @module search/typos
 * How much a typed word may differ from an indexed one. Whether it may differ at all counts the
 * letters as typed (normalised); how much counts the word as the exact fields index it, the
 * article dropped, so أخبار and الاخبار get the same two edits.
 */
import type { estypes } from "@elastic/elasticsearch";
import { exactWords, normalizeArabic } from "../text/arabic.js";
import { editDistance, startEditDistance } from "../text/edit-distance.js";
import { RANKING } from "./ranking.js";

const { typos } = RANKING;
const HAS_DIGIT = /\p{N}/u;
/** Nothing a regular expression would read as syntax. */
const LETTERS_ONLY = /^\p{L}+$/u;

/** The word as the exact fields index it (its longest part, should it hold punctuation). */
export function indexedForm(word: string): string {
  return exactWords(word).reduce((longest, part) => (part.length > longest.length ? part : longest), "");
}

/**
 * Edits a word may be away from what it means: 0, 1 or 2 (see RANKING.typos). Numbers are never
 * typos, and nothing longer than a word is expanded.
 */
export function allowedEdits(word: string): 0 | 1 | 2 {
  const letters = [...indexedForm(word)].length;
  const typed = [...normalizeArabic(word)].length;
  if (HAS_DIGIT.test(word) || typed < typos.oneEditFrom || typed > typos.maxLetters) return 0;
  return letters >= typos.twoEditsFrom && letters <= typos.twoEditsUpTo ? 2 : 1;
}

/**
 * A word too short for typos may be a word one letter longer with a letter left out (هجو for
 * هجوم, طلة for طفلة, نقذ for ينقذ), the commonest slip: the word as typed, normalised, with any
 * letter put in anywhere, as a regular expression. Undefined for any other word.
 */
export function letterLeftOut(word: string): string | undefined {
  const typed = normalizeArabic(word);
  const letters = [...typed];
  if (letters.length !== typos.letterLeftOutOf || !LETTERS_ONLY.test(typed)) return undefined;
  const gaps = Array.from({ length: letters.length + 1 }, (_, i) => i);
  return gaps.map((i) => letters.toSpliced(i, 0, ".").join("")).join("|");
}

/**
 * The words of `field` that `word` leaves a letter out of (letterLeftOut), trying at most
 * `maxExpansions` of them; undefined for a word that is not short enough to have left one out.
 */
export function leftOutQuery(
  word: string,
  field: string,
  { maxExpansions = typos.maxExpansions, boost }: { maxExpansions?: number; boost?: number } = {},
): estypes.QueryDslQueryContainer | undefined {
  const pattern = letterLeftOut(word);
  if (!pattern) return undefined;
  const rewrite = `top_terms_blended_freqs_${maxExpansions}`;
  return { regexp: { [field]: { value: pattern, rewrite, ...(boost === undefined ? {} : { boost }) } } };
}

/** Whether a word could be a typo at all: within edits of another, or a short one a letter was left out of. */
export function mayBeTypo(word: string): boolean {
  return allowedEdits(word) > 0 || letterLeftOut(word) !== undefined;
}

/**
 * The word with one of a pair of doubled letters dropped, for each pair, normalised: a letter
 * pressed twice. Pairs are read as typed, before the elongation rule collapses three letters into
 * one, so a letter pressed twice on a doubled one (اللليل) gives the word meant (الليل).
 */
export function undoubled(word: string): string[] {
  const letters = [...word];
  const typed = normalizeArabic(word);
  const dropped = letters.flatMap((letter, i) =>
    i > 0 && letter === letters[i - 1] ? [normalizeArabic(letters.toSpliced(i, 1).join(""))] : [],
  );
  return [...new Set(dropped)].filter((once) => once !== typed);
}

/** Letters a hamza sits on (ؤ, ئ), which readers often type in its place. */
const HAMZA_SEATS = new Set(["و", "ي"]);

/**
 * The word with one of its و or ي past the first letter read as ء, normalised: a hamza typed as
 * the letter it sits on (سوال for سؤال, هييه for هيئة, شاطي for شاطئ); the index writes ء for ؤ and ئ.
 */
export function hamzaSeated(word: string): string[] {
  const letters = [...normalizeArabic(word)];
  const seated = letters.flatMap((letter, i) =>
    i > 0 && HAMZA_SEATS.has(letter) ? [letters.toSpliced(i, 1, "ء").join("")] : [],
  );
  return [...new Set(seated)];
}

/** A title word as the title's fields index it: as written, article kept, and its exact form. */
export interface TitleWordForms {
  written: string;
  exact: string;
}

/** A word's forms as the title's fields index them: a title word's, or a typed word compared with them. */
export function titleWordForms(word: string): TitleWordForms {
  return { written: normalizeArabic(word), exact: indexedForm(word) };
}

/**
 * One way a typed word is looked for a typo away: in which form of the title's words (each request
 * names the field holding it), within how many edits, its first `prefixLength` letters kept.
 */
export interface TypoReach {
  form: keyof TitleWordForms;
  edits: 1 | 2;
  prefixLength: number;
}

/**
 * Where the tolerant search looks for a word's typos in titles, whole words: one edit from the word
 * as written, article included; for a long word, two from its exact form past the first letter.
 * None for a word too short or too long for typos (see letterLeftOut for the short ones).
 */
export function titleTypoReach(word: string): TypoReach[] {
  const edits = allowedEdits(word);
  if (!edits) return [];
  const asWritten: TypoReach = { form: "written", edits: 1, prefixLength: typos.prefixLength };
  if (edits === 1) return [asWritten];
  return [asWritten, { form: "exact", edits: 2, prefixLength: typos.secondEditPrefixLength }];
}

/**
 * Where the tolerant completion looks for a start's typos, in the starts of title words: as many
 * edits as the word allows from its exact form, the first letter kept; one from it as written,
 * article included, from any letter.
 */
export function startTypoReach(word: string): TypoReach[] {
  const edits = allowedEdits(word);
  if (!edits) return [];
  return [
    { form: "exact", edits, prefixLength: typos.completionPrefixLength },
    { form: "written", edits: 1, prefixLength: typos.completionAsWrittenPrefixLength },
  ];
}

/**
 * Whether a title word (`start`: a start of it) is within one of the reaches of the typed word,
 * compared form for form as the fields index them.
 */
function reachTest(word: string, reach: TypoReach[], start: boolean): (titleWord: TitleWordForms) => boolean {
  const typed = titleWordForms(word);
  const measure = start ? startEditDistance : editDistance;
  const each = reach.map(({ form, edits, prefixLength }) => {
    const kept = typed[form].slice(0, prefixLength);
    const rest = typed[form].slice(prefixLength);
    return (titleWord: TitleWordForms) => {
      const candidate = titleWord[form];
      return candidate.startsWith(kept) && measure(rest, candidate.slice(kept.length), edits) <= edits;
    };
  });
  return (titleWord) => each.some((test) => test(titleWord));
}

/**
 * Whether a title word is one of a typed word's typo alternatives as the tolerant search finds them
 * (titleTypoReach, or for a short word the longer one it leaves a letter out of), to mark it.
 * Undefined for a word that has none.
 */
export function typoAlternativeTest(word: string): ((titleWord: TitleWordForms) => boolean) | undefined {
  const reach = titleTypoReach(word);
  return reach.length ? reachTest(word, reach, false) : leftOutTest(word, false);
}

/**
 * Whether a title word begins with one of a typed start's typo alternatives as the tolerant
 * completion finds them (startTypoReach, or for a short word a start it leaves a letter out of),
 * to mark it. Undefined for a word that has none.
 */
export function typoStartTest(word: string): ((titleWord: TitleWordForms) => boolean) | undefined {
  const reach = startTypoReach(word);
  return reach.length ? reachTest(word, reach, true) : leftOutTest(word, true);
}

/** Whether a title word (`start`: a start of it) is a word `word` leaves a letter out of, in its exact form. */
function leftOutTest(word: string, start: boolean): ((titleWord: TitleWordForms) => boolean) | undefined {
  const pattern = letterLeftOut(word);
  if (!pattern) return undefined;
  const leftOut = new RegExp(`^(?:${pattern})${start ? "" : "$"}`);
  return ({ exact }) => leftOut.test(exact);
}

/**
 * A match's options for a word `edits` typos away (none for 0): the first `prefixLength` letters
 * kept, and never more than `maxExpansions` spellings tried.
 */
export function typoOptions(
  edits: 0 | 1 | 2,
  prefixLength: number = typos.prefixLength,
  maxExpansions: number = typos.maxExpansions,
): { fuzziness?: 1 | 2; prefix_length?: number; max_expansions?: number } {
  return edits ? { fuzziness: edits, prefix_length: prefixLength, max_expansions: maxExpansions } : {};
}

/** Long enough to complete as a prefix, and short enough to be a word at all. */
export function completable(word: string): boolean {
  return (
    [...indexedForm(word)].length >= RANKING.prefixMinLetters &&
    [...normalizeArabic(word)].length <= typos.maxLetters
  );
}

/**
 * What the word keeps when the indexed form is replaced (a corrected spelling): the article and
 * conjunction the exact fields drop (وال in والاقتصاد), normalised like the rest.
 */
export function articlePrefix(word: string): string {
  const normal = normalizeArabic(word);
  const indexed = indexedForm(word);
  return indexed && normal.endsWith(indexed) ? normal.slice(0, normal.length - indexed.length) : "";
}
