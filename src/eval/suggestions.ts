/**
 * @module eval/suggestions
 * Judging a "did you mean": does the suggestion spell the words the reader meant?
 */
import { normalizeArabic, WORD_SEPARATORS } from "../text/arabic.js";

/**
 * A word as the comparison sees it: normalised, and without a leading article (ال, also after
 * و ف ب ك, or لل). Suggestions may be spelt from the index's article-free words and search treats
 * both forms alike, so a suggestion that only drops the article names the same words.
 */
const bare = (word: string) => word.replace(/^(?:[وفبك]?ال|لل)(?=\p{L}{2,}$)/u, "");
const comparable = (text: string) => normalizeArabic(text).split(WORD_SEPARATORS).filter(Boolean).map(bare);

/** Whether a suggestion spells, word by word and in order, the words the reader meant. */
export function spellsIntended(suggestion: string, intended: readonly string[]): boolean {
  const got = comparable(suggestion);
  const meant = comparable(intended.join(" "));
  return got.length === meant.length && got.every((word, i) => word === meant[i]);
}
