/**
 * @module search/compound-names
 * Names of two words that newsrooms also write as one (عبد الله and عبدالله, أبو ظبي and أبوظبي),
 * met while the reader is still typing them, before the synonyms can: the word being typed after
 * عبد or أبو may begin the second half of a name a title writes joined, and a word typed عبدال… may
 * be the joined spelling of a name a title writes apart.
 */
import { normalizeArabic } from "../text/arabic.js";

/** Words that begin a two-word name newsrooms also write as one word (normalised). */
const NAME_HEADS = new Set(["عبد", "ابو"]);

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
