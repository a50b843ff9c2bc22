/**
 * @module search/title-prefix
 * The word a reader is still typing, matched as the start of a title word (`title.autocomplete`:
 * edge n-grams of each normalised title word without its article, built at index time), and
 * preferred where a title word starts as typed (`title.word_starts`: the same, article kept); and,
 * typed with an article, matched whole only as written.
 */
import type { estypes } from "@elastic/elasticsearch";
import { carriesArticle, normalizeArabic } from "../text/arabic.js";
import { RANKING } from "./ranking.js";

/**
 * The article before one or two letters. The analyzer strips an article only before three or more
 * (الكتاب is indexed as كتاب), so while the reader is still at الكت the word they mean starts كت.
 */
const ARTICLE_BEFORE_TWO_LETTERS =
  /^(?:[\u0648\u0641\u0628\u0643]?\u0627\u0644|\u0644\u0644)(?=[\u0621-\u064a]{1,2}$)/;

/** The unfinished word as typed and, when it is an article and a letter or two, without the article. */
export function prefixForms(word: string): string[] {
  const normalised = normalizeArabic(word);
  const bare = normalised.replace(ARTICLE_BEFORE_TWO_LETTERS, "");
  return bare && bare !== normalised ? [word, bare] : [word];
}

/** The articles the analyzer strips (`arabic_definite_article`), as a title word may be written with any. */
const ARTICLES = ["ال", "وال", "فال", "بال", "كال", "لل"];

/**
 * The word as a title-word prefix; with both forms, one clause weighted once, whichever matches.
 * The bare form begins only a title word written with an article (للس: السلة, not ساركوزي).
 */
export function titlePrefixQuery(word: string, boost?: number): estypes.QueryDslQueryContainer {
  const [typed = word, bare] = prefixForms(word);
  const weight = boost ? { boost } : {};
  if (!bare) return { match: { "title.autocomplete": { query: typed, ...weight } } };
  const withArticle = { terms: { "title.word_starts": ARTICLES.map((article) => article + bare) } };
  const either = [
    { match: { "title.autocomplete": { query: typed } } },
    { bool: { must: [{ match: { "title.autocomplete": { query: bare } } }], filter: [withArticle] } },
  ];
  return { bool: { should: either, ...weight } };
}

/**
 * titlePrefixQuery, with a bonus where a title word starts as typed, article included
 * (`title.word_starts`): for ranking, where the bonus is paid on the few articles it orders.
 */
export function titlePrefixAsWritten(word: string, boost?: number): estypes.QueryDslQueryContainer {
  return {
    bool: { must: [titlePrefixQuery(word)], should: [writtenStartBonus(word)], ...(boost ? { boost } : {}) },
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
