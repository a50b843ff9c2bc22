/**
 * @module search/title-prefix
 * The word a reader is still typing, matched as the start of a title word (`title.autocomplete`:
 * edge n-grams of each normalised title word without its article, built at index time), and
 * preferred where a title word starts as typed (`title.word_starts`: the same, article kept); and,
 * typed with an article, matched whole only as written.
 */
import type { estypes } from "@elastic/elasticsearch";
import { carriesArticle, DEFINITE_ARTICLE, DEFINITE_ARTICLES, normalizeArabic } from "../text/arabic.js";
import { RANKING } from "./ranking.js";

/**
 * An article alone or before one or two letters. The analyzer strips an article only before three
 * or more (الكتاب is indexed as كتاب), so while the reader is still at الكت the word they mean
 * starts كت; at ال, any word.
 */
const ARTICLE_KEPT = new RegExp(`^(?:${DEFINITE_ARTICLES.join("|")})(?=[\\u0621-\\u064a]{0,2}$)`);

/** What follows the article in a word typed as an article and at most two letters ("" for ال alone). */
function afterArticle(word: string): string | undefined {
  const normalised = normalizeArabic(word);
  const bare = normalised.replace(ARTICLE_KEPT, "");
  return bare === normalised ? undefined : bare;
}

/** An article alone (ال, وال, لل…): the word meant is not begun yet. */
export function isLoneArticle(word: string): boolean {
  return afterArticle(word) === "";
}

/** The unfinished word as typed and, when it is an article and a letter or two, without the article. */
export function prefixForms(word: string): string[] {
  const bare = afterArticle(word);
  return bare ? [word, bare] : [word];
}

/**
 * The word as a title-word prefix; with both forms, one clause weighted once, whichever matches.
 * The bare form begins only a title word written with an article (للس: السلة, not ساركوزي), and so
 * does a longer word typed with one, though the field holds it without (البخس: not بخسارة). An
 * article alone after other words begins any word: as typed, it begins only the few words the
 * index keeps ال in (مطار ال would find إلى مطار, not مطار الملك). Typed alone, it stays so: any
 * word would be every article, on the first keys a reader types.
 */
export function titlePrefixQuery(
  word: string,
  boost?: number,
  afterWords = false,
): estypes.QueryDslQueryContainer {
  const weight = boost ? { boost } : {};
  const normalised = normalizeArabic(word);
  const rest = normalised.replace(DEFINITE_ARTICLE, "");
  if (rest !== normalised) {
    const begun = { match: { "title.autocomplete": { query: word } } };
    return { bool: { must: [begun], filter: [writtenWithArticle(rest)], ...weight } };
  }
  const bare = afterArticle(word);
  if (bare === undefined || (!bare && !afterWords))
    return { match: { "title.autocomplete": { query: word, ...weight } } };
  if (!bare) return { match_all: weight };
  const begun = {
    bool: {
      must: [{ match: { "title.autocomplete": { query: bare } } }],
      filter: [writtenWithArticle(bare)],
    },
  };
  return { bool: { should: [{ match: { "title.autocomplete": { query: word } } }, begun], ...weight } };
}

/** The longest start of a title word `title.word_starts` holds (its edge n-grams' max_gram). */
export const LONGEST_START = 20;

/** A title word beginning with `rest` after any of the articles, as written. */
function writtenWithArticle(rest: string): estypes.QueryDslQueryContainer {
  const starts = DEFINITE_ARTICLES.map((article) => (article + rest).slice(0, LONGEST_START));
  return { terms: { "title.word_starts": starts } };
}

/**
 * titlePrefixQuery, with a bonus where a title word starts as typed, article included
 * (`title.word_starts`): for ranking, where the bonus is paid on the few articles it orders.
 */
export function titlePrefixAsWritten(
  word: string,
  boost?: number,
  afterWords = false,
): estypes.QueryDslQueryContainer {
  return {
    bool: {
      must: [titlePrefixQuery(word, undefined, afterWords)],
      should: [writtenStartBonus(word)],
      ...(boost ? { boost } : {}),
    },
  };
}

/** The bonus of a title word starting as typed, article included (`title.word_starts`). */
export function writtenStartBonus(word: string): estypes.QueryDslQueryContainer {
  return {
    constant_score: {
      filter: { match: { "title.word_starts": { query: word } } },
      boost: RANKING.typed.writtenStartBonus,
    },
  };
}

/**
 * The word being typed as a whole title word, with the article it was typed with (`title.words`):
 * without it, it is another word (الهلا is الهلال begun rather than هلا, which its completion
 * matches anyway). Undefined for a word typed without an article.
 */
export function wholeWordAsWritten(word: string): estypes.QueryDslQueryContainer | undefined {
  if (!carriesArticle(word)) return undefined;
  return { match: { "title.words": { query: word } } };
}
