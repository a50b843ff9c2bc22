/**
 * @module search/compound-names
 * Names of two words that newsrooms also write as one (عبد الله and عبدالله, أبو ظبي and أبوظبي),
 * met while the reader is still typing them, before the synonyms can: the word being typed after
 * عبد or أبو may begin the second half of a name a title writes joined, and a word typed عبدال… may
 * be the joined spelling of a name a title writes apart. Typed apart, such a name is still one word
 * of the headline a reader recalls.
 */
import { normalizeArabic } from "../text/arabic.js";

/** Words that begin a two-word name newsrooms also write as one word (normalised). */
const NAME_HEADS = new Set(["عبد", "ابو"]);

/**
 * The words typed, the last still being typed, in the other spellings of a two-word name they end
 * with: عبد ال… as عبدال…, عبدال… as عبد ال…. None for most queries.
 */
export function nameSpellings(words: readonly string[]): string[][] {
  const typing = words.at(-1);
  if (typing === undefined) return [];
  const joined = joinedToPrevious(words.at(-2), typing);
  if (joined) return [[...words.slice(0, -2), joined]];
  const parts = apartFromJoined(typing);
  return parts ? [[...words.slice(0, -1), ...parts]] : [];
}

/** The word being typed joined to the word before it, when that word begins such a name. */
export function joinedToPrevious(previous: string | undefined, typing: string): string | undefined {
  return previous !== undefined && NAME_HEADS.has(normalizeArabic(previous))
    ? `${previous}${typing}`
    : undefined;
}

/**
 * عبد and the rest, for a word typed as the joined spelling of an عبد name (عبدالل: عبد, الل). Not
 * أبو: أبواب and أبوين are words of their own.
 */
export function apartFromJoined(word: string): [head: string, rest: string] | undefined {
  const normalised = normalizeArabic(word);
  return /^عبدال\p{L}/u.test(normalised) ? ["عبد", normalised.slice(3)] : undefined;
}

/** How many words a reader typed, a two-word name (عبد الله, أبو ظبي) counted as one. */
export function wordsNamed(words: readonly string[]): number {
  return words.filter((word, i) => !joinedToPrevious(words[i - 1], word)).length;
}
