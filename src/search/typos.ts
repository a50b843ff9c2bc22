/**
 * @module search/typos
 * How much a typed word may differ from an indexed one. Whether it may differ at all counts the
 * letters as typed (normalised); how much counts the word as the exact fields index it, the
 * article dropped, so أخبار and الاخبار get the same two edits.
 */
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
 * هجوم, طلة for طفلة), the commonest slip: the word as typed, normalised, with any letter put in
 * after its first, as a regular expression. Undefined for any other word.
 */
export function letterLeftOut(word: string): string | undefined {
  const typed = normalizeArabic(word);
  const letters = [...typed];
  if (letters.length !== typos.letterLeftOutOf || !LETTERS_ONLY.test(typed)) return undefined;
  return letters.map((_, i) => letters.toSpliced(i + 1, 0, ".").join("")).join("|");
}

/** A title word as the title's fields index it: as written, article kept, and its exact form. */
export interface TitleWordForms {
  written: string;
  exact: string;
}

/** A typed form as a fuzzy match reads it: the first `prefixLength` letters kept, the rest edited. */
interface Fuzzy {
  kept: string;
  rest: string;
  edits: number;
}

const fuzzy = (typed: string, edits: number, prefixLength: number): Fuzzy => ({
  kept: typed.slice(0, prefixLength),
  rest: typed.slice(prefixLength),
  edits,
});

/** Whether `candidate` (or, `start`, a start of it) is within the typed form's edits. */
function matches({ kept, rest, edits }: Fuzzy, candidate: string, start: boolean): boolean {
  if (!candidate.startsWith(kept)) return false;
  const measure = start ? startEditDistance : editDistance;
  return measure(rest, candidate.slice(kept.length), edits) <= edits;
}

/**
 * Whether a title word is one of a typed word's typo alternatives, as the tolerant recall looks for
 * them (build-search's typoAlternatives): one edit from the word as written, article included; for a
 * long word, two from its exact form past the first letter; for a short one, the word with a letter
 * left out. Undefined for a word that has none.
 */
export function typoAlternativeTest(word: string): ((titleWord: TitleWordForms) => boolean) | undefined {
  const edits = allowedEdits(word);
  if (!edits) {
    const pattern = letterLeftOut(word);
    if (!pattern) return undefined;
    const leftOut = new RegExp(`^(?:${pattern})$`);
    return ({ exact }) => leftOut.test(exact);
  }
  const asWritten = fuzzy(normalizeArabic(word), 1, typos.prefixLength);
  const exactForm = edits === 2 ? fuzzy(indexedForm(word), 2, typos.secondEditPrefixLength) : undefined;
  return ({ written, exact }) =>
    matches(asWritten, written, false) || (exactForm !== undefined && matches(exactForm, exact, false));
}

/**
 * Whether a title word begins with one of a typed start's typo alternatives, as the tolerant
 * completion looks for them (build-suggest's buildTolerantSuggestRequest): a start of its exact
 * form within the edits the typed word allows, the first letter kept; or a start of it as written,
 * article included, within one edit of any letter. Undefined for a word that has none.
 */
export function typoStartTest(word: string): ((titleWord: TitleWordForms) => boolean) | undefined {
  const edits = allowedEdits(word);
  if (!edits) return undefined;
  const exactForm = fuzzy(indexedForm(word), edits, typos.completionPrefixLength);
  const asWritten = fuzzy(normalizeArabic(word), 1, typos.completionAsWrittenPrefixLength);
  return ({ written, exact }) => matches(exactForm, exact, true) || matches(asWritten, written, true);
}

/**
 * A match's options for a word `edits` typos away (none for 0): the first `prefixLength` letters
 * kept, and never more than RANKING.typos.maxExpansions spellings tried.
 */
export function typoOptions(
  edits: 0 | 1 | 2,
  prefixLength: number = typos.prefixLength,
): { fuzziness?: 1 | 2; prefix_length?: number; max_expansions?: number } {
  return edits ? { fuzziness: edits, prefix_length: prefixLength, max_expansions: typos.maxExpansions } : {};
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
