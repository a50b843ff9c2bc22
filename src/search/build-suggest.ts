/**
 * @module search/build-suggest
 * As-you-type completion of titles: every typed word must begin a title word (edge n-grams of the
 * normalised title), so أمريكا, امريكا and أمريكى complete alike, the last as it is being typed
 * (title-prefix.ts). One title per story. When nothing completes, the words no title holds may
 * each be a typo away from the start of a title word (`buildTolerantSuggestRequest`), as the search
 * forgives them.
 * Completions score by what they match, not by term statistics, so titles matching alike tie and
 * suggestions.ts can order them by the completion the newest titles use most.
 */
import type { estypes } from "@elastic/elasticsearch";
import { cleanText } from "../text/clean.js";
import { nameSpellings } from "./compound-names.js";
import { listedSpellings } from "./listed-spellings.js";
import type { SuggestInput } from "./params.js";
import { lastWordOpen, QUOTATION_MARKS, withAndJoined } from "./query-parser.js";
import { RANKING } from "./ranking.js";
import {
  prefixForms,
  titlePrefixAsWritten,
  titlePrefixQuery,
  wholeWordAsWritten,
  writtenStartBonus,
} from "./title-prefix.js";
import {
  leftOutQuery,
  mayBeTypo,
  startTypoReach,
  type TypoReach,
  titleTypoReach,
  typoOptions,
} from "./typos.js";

const FIELD = "title.autocomplete";
const { startMaxExpansions } = RANKING.typos;
/** The fields holding the starts of each form of the title's words, for a typo's reach. */
const TITLE_STARTS: Record<TypoReach["form"], string> = { exact: FIELD, written: "title.word_starts" };
/** The fields holding each form of the title's words whole. */
const TITLE_WORDS: Record<TypoReach["form"], string> = { exact: "title.exact", written: "title.words" };

/**
 * The words typed: punctuation alone is no word (the analyzer would leave nothing of it), and a
 * quotation mark is the search's syntax, no letter of a title word; و typed apart joined to the
 * word after it, as the search reads it (withAndJoined).
 */
export function suggestWords(q: string): string[] {
  return withAndJoined(typedTokens(q));
}

/** The words as typed, before و typed apart is joined to the word after it. */
function typedTokens(q: string): string[] {
  const text = cleanText(q).slice(0, 100).replace(QUOTATION_MARKS, " ");
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/** Whether the last word is still being typed, as the search reads it (lastWordOpen). */
export function lastWordBegun(q: string): boolean {
  return lastWordOpen(q, typedTokens(q));
}

/** A flat score for titles matching `query`, whatever its terms' statistics. */
const scoring = (query: estypes.QueryDslQueryContainer, boost: number): estypes.QueryDslQueryContainer => ({
  constant_score: { filter: query, boost },
});

/**
 * Whole words typed, preferred to completions: the last one with the article it was typed with,
 * if any (الهلا is الهلال begun rather than هلا).
 */
function wholeWords(words: string[]): estypes.QueryDslQueryContainer[] {
  const boost = RANKING.suggestWholeWordBoost;
  const last = words.at(-1);
  const asWritten = last === undefined ? undefined : wholeWordAsWritten(last);
  const exact = asWritten ? words.slice(0, -1) : words;
  return [
    ...exact.map((word) =>
      scoring({ match: { "title.exact": [word, ...listedSpellings(word)].join(" ") } }, boost),
    ),
    ...(asWritten ? [scoring(asWritten, boost)] : []),
  ];
}

/** Titles `matching`, those with whole words typed or `bonuses` first, then newer stories. */
function completions(
  input: SuggestInput,
  index: string,
  words: string[],
  matching: Pick<estypes.QueryDslBoolQuery, "must" | "filter">,
  bonuses: estypes.QueryDslQueryContainer[] = [],
): estypes.SearchRequest {
  return {
    index,
    size: input.size * RANKING.suggestCandidatesPerTitle,
    query: { bool: { ...matching, should: [...bonuses, ...wholeWords(words)] } },
    sort: [{ _score: { order: "desc" } }, { published_at: { order: "desc" } }],
    collapse: { field: "dup_group" },
    _source: ["id", "title", "source", "published_at"],
  };
}

/**
 * Each word typed as the completion matches it: a word before the last as a title word's start;
 * the last, `begun`, as one too, or else, finished, as a whole title word, as Enter searches it;
 * or a whole title word in another spelling the synonyms list (listed-spellings.ts).
 */
function asTyped(words: string[], begun: boolean): estypes.QueryDslQueryContainer[] {
  return words.map((word, i) => {
    if (i < words.length - 1) return orListedSpelling(word, { match: { [FIELD]: { query: word } } });
    return orListedSpelling(
      word,
      begun ? titlePrefixQuery(word, undefined, i > 0) : { match: { "title.exact": { query: word } } },
    );
  });
}

/** `query`, or a title word in one of the word's other listed spellings. */
function orListedSpelling(
  word: string,
  query: estypes.QueryDslQueryContainer,
): estypes.QueryDslQueryContainer {
  const spellings = listedSpellings(word);
  if (!spellings.length) return query;
  return { bool: { should: [query, { match: { "title.exact": spellings.join(" ") } }] } };
}

export function buildSuggestRequest(input: SuggestInput, index: string): estypes.SearchRequest {
  const words = suggestWords(input.q);
  const begun = lastWordBegun(input.q);
  const last = words.at(-1);
  if (last === undefined) return completions(input, index, words, { filter: [{ match_none: {} }] });
  // The n-grams of a title word share its position, so the phrase finds title words begun side by
  // side; the last as typed or, an article and a letter or two, without its article (title-prefix.ts).
  const before = words.slice(0, -1);
  const sideBySide = {
    bool: {
      should: (begun ? prefixForms(last) : [last]).map((form) => ({
        match_phrase: { [FIELD]: [...before, form].join(" ") },
      })),
    },
  };
  const [nameSpelling] = nameSpellings(words);
  const startTyped = writtenStartBonus(last);
  const bonuses = [
    // The start typed or the name in its other spelling, not both: any title word may begin ال.
    nameSpelling
      ? { dis_max: { queries: [startTyped, otherNameSpellingBonus(words, nameSpelling)] } }
      : startTyped,
    ...(words.length > 1 ? [scoring(sideBySide, RANKING.suggestSideBySideBoost)] : []),
  ];
  const filter = withNameSpelling(words, nameSpelling, begun, asTyped(words, begun));
  return completions(input, index, words, { filter }, bonuses);
}

/**
 * A title writing the name being typed the other way earns what the spelling typed earns for it,
 * a little less (`RANKING.otherNameSpellingDiscount`): joined (ابو ظ: أبوظبي), its word stands for
 * the name's first word typed whole, the two side by side and the start typed; apart (عبدالل: عبد
 * الله), its two words side by side stand for the start typed.
 */
function otherNameSpellingBonus(words: string[], spelling: string[]): estypes.QueryDslQueryContainer {
  const { suggestWholeWordBoost, suggestSideBySideBoost, otherNameSpellingDiscount } = RANKING;
  const { writtenStartBonus: startBonus } = RANKING.typed;
  if (spelling.length < words.length)
    return scoring(
      { match: { "title.word_starts": { query: spelling.at(-1) ?? "" } } },
      startBonus + suggestWholeWordBoost + suggestSideBySideBoost - otherNameSpellingDiscount,
    );
  return scoring(
    { match_phrase: { [FIELD]: spelling.slice(-2).join(" ") } },
    startBonus - otherNameSpellingDiscount,
  );
}

/**
 * The completion's filters, letting a two-word name being typed complete either spelling: عبد ال…
 * or أبو ظ… the start of one title word (عبدالله, أبوظبي), عبدال… عبد and a word begun ال….
 */
function withNameSpelling(
  words: string[],
  spelling: string[] | undefined,
  begun: boolean,
  filters: estypes.QueryDslQueryContainer[],
): estypes.QueryDslQueryContainer[] {
  if (!spelling) return filters;
  // The words both spellings begin with stay as they are; the rest match either way.
  let shared = 0;
  while (shared < words.length && words[shared] === spelling[shared]) shared++;
  const asTypedTail: estypes.QueryDslQueryContainer = { bool: { filter: filters.slice(shared) } };
  const otherTail: estypes.QueryDslQueryContainer = {
    bool: { filter: asTyped(spelling, begun).slice(shared) },
  };
  return [...filters.slice(0, shared), { bool: { should: [asTypedTail, otherTail] } }];
}

/**
 * Whether some word typed could be a typo (typos.ts) or a longer one with a letter left out, in
 * few enough words for a recalled headline: when nothing completes, only then is the completion
 * asked again within typos.
 */
export function mayBeMistyped(input: SuggestInput): boolean {
  const words = suggestWords(input.q);
  return words.length <= RANKING.typed.maxWords && words.some(mayBeTypo);
}

/** What titles hold of the words typed: each word, and every word but each one, as typed. */
export interface WordsHeld {
  each: boolean[];
  allBut: boolean[];
}

/**
 * Which words typed some title holds as the completion matches them, each counted apart: a word a
 * title holds is no typo, though no title holds it with the others (the search's rule too). And,
 * for each word, whether a title holds all the others: only then can that word be a slip.
 */
export function heldWordsRequest(input: SuggestInput, index: string): estypes.SearchRequest {
  const words = suggestWords(input.q);
  const begun = lastWordBegun(input.q);
  const typed = tolerantAsTyped(words, begun);
  const allBut = typed.map((_, i) => ({ bool: { filter: typed.filter((_, j) => j !== i) } }));
  return {
    index,
    size: 0,
    track_total_hits: false,
    aggs: {
      each: { filters: { filters: asTyped(words, begun) } },
      ...(words.length > 1 ? { all_but: { filters: { filters: allBut } } } : {}),
    },
  };
}

/** What titles completing every word hold: all of them, the word being typed only as a start. */
export function heldButTyping(input: SuggestInput): WordsHeld {
  const words = suggestWords(input.q);
  return { each: words.map((_, i) => i < words.length - 1), allBut: [] };
}

/** heldWordsRequest's answer. */
export function heldWords(response: estypes.SearchResponse): WordsHeld {
  const found = (name: string) => {
    const buckets = (response.aggregations?.[name] as estypes.AggregationsFiltersAggregate | undefined)
      ?.buckets;
    return Array.isArray(buckets) ? buckets.map((bucket) => bucket.doc_count > 0) : [];
  };
  return { each: found("each"), allBut: found("all_but") };
}

/** Each word as the tolerant completion matches it when it is no typo: the last, begun, as written. */
function tolerantAsTyped(words: string[], begun: boolean): estypes.QueryDslQueryContainer[] {
  return asTyped(words, begun).map((asTypedQuery, i) => {
    const word = words[i] ?? "";
    return begun && i === words.length - 1
      ? orListedSpelling(word, titlePrefixAsWritten(word, undefined, i > 0))
      : asTypedQuery;
  });
}

/**
 * The completion asked again when nothing completes: each word no title holds may be as many
 * typos away as the search allows it (typos.ts) from the start of a title word (past its first
 * letter), or one from its start as written, article included (from any letter: a slip in the
 * article or right after it); a three-letter word, a start it left a letter out of. The others
 * match as typed. When titles hold every word, none all of them, one word may be the slip where
 * titles hold all the others. Undefined when no word could be a typo, or for more words than a
 * reader recalls a headline by.
 */
export function buildTolerantSuggestRequest(
  input: SuggestInput,
  index: string,
  held: WordsHeld,
): estypes.SearchRequest | undefined {
  const words = suggestWords(input.q);
  if (words.length > RANKING.typed.maxWords) return undefined;
  const begun = lastWordBegun(input.q);
  const typed = tolerantAsTyped(words, begun);
  // A finished last word's typos are whole title words, as the search finds them; any other
  // word's are starts of title words (a three-letter word's: a start it left a letter out of, مشر
  // begins مؤشر).
  const typo = (word: string, i: number) =>
    !begun && i === words.length - 1
      ? typosIn(word, titleTypoReach(word), TITLE_WORDS)
      : typosIn(word, startTypoReach(word), TITLE_STARTS);
  const unheld = words.map((word, i) => (held.each[i] ? undefined : typo(word, i)));
  if (unheld.some(Boolean)) {
    const must = typed.map((typedQuery, i) => unheld[i] ?? typedQuery);
    return completions(input, index, words, { must });
  }
  // Titles hold every word, none all together: a slip into another real word (ترفض for تفرض),
  // where titles hold the others as typed.
  const slips = words.flatMap((word, i) => {
    const slipped = held.allBut[i] ? typo(word, i) : undefined;
    return slipped
      ? [{ bool: { must: typed.map((typedQuery, j) => (j === i ? slipped : typedQuery)) } }]
      : [];
  });
  if (!slips.length) return undefined;
  return completions(input, index, words, { must: [{ bool: { should: slips } }] });
}

/**
 * `word` within each of its typo `reach`es, in the field of `fields` holding that form; with none
 * (too short for typos), a word one letter longer that it leaves a letter out of, in the exact form's.
 */
function typosIn(
  word: string,
  reach: TypoReach[],
  fields: Record<TypoReach["form"], string>,
): estypes.QueryDslQueryContainer | undefined {
  if (!reach.length) return leftOutQuery(word, fields.exact, { maxExpansions: startMaxExpansions });
  const should = reach.map(({ form, edits, prefixLength }) => ({
    match: { [fields[form]]: { query: word, ...typoOptions(edits, prefixLength, startMaxExpansions) } },
  }));
  return { bool: { should } };
}
