/**
 * @module search/build-search
 * Validated search input → the Elasticsearch request body. Pure: no I/O, unit-tested beside it,
 * and used as is by the API, the terminal command and the evaluation harness.
 */
import type { estypes } from "@elastic/elasticsearch";
import { z } from "zod";
import { INDEX_ONLY_FIELDS } from "../articles/document.js";
import { carriesArticle, exactWords, normalizeArabic } from "../text/arabic.js";
import { joinedToPrevious, nameSpellings, wordsNamed } from "./compound-names.js";
import { checks, didYouMeanSuggesters } from "./did-you-mean.js";
import { allFilters, buildFilters, facetAggregations } from "./filters.js";
import { type ListedSpelling, listedSpellings, spellingsOf } from "./listed-spellings.js";
import type { SearchInput } from "./params.js";
import {
  isEmptyQuery,
  type ParsedQuery,
  parseQuery,
  plainWords,
  positiveText,
  unquotedQuery,
} from "./query-parser.js";
import { RANKING } from "./ranking.js";
import { CANDIDATE_FIELDS, type Candidate, storyCountsRequest } from "./stories.js";
import { titlePrefixAsWritten, titlePrefixQuery, wholeWordAsWritten } from "./title-prefix.js";
import {
  allowedEdits,
  completable,
  hamzaSeated,
  leftOutQuery,
  type TypoReach,
  titleTypoReach,
  typoOptions,
  undoubled,
} from "./typos.js";

const { fields, typed, typos } = RANKING;
/** Every word of a short query, any of a longer one (RANKING.everyWordUpTo). */
const WORDS_TO_MATCH = `${RANKING.everyWordUpTo}<1`;
/**
 * "Against", between the sides a reader names (النصر ضد الهلال), which headlines also write in other
 * ways (الهلال والنصر). The analyzers keep it, so the recall would count it as a third word and want
 * any one of the three, and the title as typed would want it too: both take the sides alone. It
 * still scores, and the phrases prefer it as typed (غارة ضد داعش).
 */
const VERSUS = "ضد";
const STEMMED = [`title^${fields.title}`, `lead^${fields.lead}`, `body^${fields.body}`];
const EXACT = [`title.exact^${fields.title}`, `lead.exact^${fields.lead}`, `body.exact^${fields.body}`];

/** Beyond this, from/size paging stops and the cursor takes over. */
export const MAX_WINDOW = 10_000;

/** One word within `edits` typos in the given fields (as typed when `edits` is 0). */
function withinEdits(
  word: string,
  fieldNames: string[],
  edits: 0 | 1 | 2,
  { boost, prefixLength = typos.prefixLength }: { boost?: number; prefixLength?: number } = {},
): estypes.QueryDslQueryContainer {
  return {
    multi_match: {
      query: word,
      fields: fieldNames,
      ...typoOptions(edits, prefixLength),
      ...(boost === undefined ? {} : { boost }),
    },
  };
}

/**
 * A word as typed, in another spelling mappings/synonyms_ar.txt lists (listedSpellings), or within
 * a typo (a short one, a letter left out), in the title or lead: the exact form (the word being
 * typed with its article: as written, wholeWordAsWritten), or the title's words as written, for a
 * typo that garbled the article itself (لاملك for الملك). Not in the body:
 * expanding typos over its far larger vocabulary would be most of a search's cost, and a story a
 * reader recalls is named in its title. A long word's second edit is looked for past its first
 * letter (RANKING.typos.secondEditPrefixLength).
 */
function typedWord(
  word: string,
  recall: Recall,
  {
    typing = false,
    apart = [],
    more = [],
    slip = false,
    spelt,
  }: {
    typing?: boolean;
    apart?: SpellingApart[];
    more?: estypes.QueryDslQueryContainer[];
    /** The suggesters found the word rare, with a likelier spelling (RankingStage.mistyped). */
    slip?: boolean;
    /** That likeliest spelling, where a title holding it stands for one holding the word. */
    spelt?: string;
  } = {},
): estypes.QueryDslQueryContainer {
  const asTyped = (typing && wholeWordAsWritten(word)) || inTitleOrLead(word);
  const spellings = listedSpellings(word);
  const alternatives = [
    ...(spellings.length ? [inTitleOrLead(spellings.join(" "))] : []),
    ...(spelt ? [inTitleOrLead(spelt)] : []),
    ...apart.map(apartInTitleOrLead),
    ...more,
    ...(recall === "tolerant" ? typoAlternatives(word, slip) : []),
  ];
  return alternatives.length ? { dis_max: { queries: [asTyped, ...alternatives] } } : asTyped;
}

/** Where a headline word as typed is looked for. */
const TITLE_OR_LEAD = ["title.exact", "lead.exact"];

/** Any of the words, in the title's or lead's exact forms. */
function inTitleOrLead(words: string): estypes.QueryDslQueryContainer {
  return { multi_match: { query: words, fields: TITLE_OR_LEAD } };
}

/** A listed spelling in another number of words, and the share of its score one typed word takes. */
interface SpellingApart {
  text: string;
  share: number;
}

/** The spelling's words in order in the title's or lead's exact forms, weighed by its share. */
function apartInTitleOrLead({ text, share }: SpellingApart): estypes.QueryDslQueryContainer {
  return { multi_match: { query: text, fields: TITLE_OR_LEAD, type: "phrase", boost: share } };
}

/**
 * For each word, the listed spellings in another number of words of the name it is part of: the
 * two-word name it begins or ends (أبو ظبي: أبوظبي), or the word itself (أبوظبي: أبو ظبي). Each is
 * weighed as one word across the words it stands for. Not a spelling holding the typed words
 * themselves (الولايات المتحدة الأمريكية): its titles hold them.
 */
function spellingsApart(words: string[]): SpellingApart[][] {
  const apart = (typed: string, spellings: ListedSpelling[]): SpellingApart[] => {
    const typedWords = exactWords(typed);
    return spellings.flatMap(({ text, words: spelt }) =>
      spelt.some((word) => typedWords.includes(word))
        ? []
        : [{ text, share: 1 / (typedWords.length * spelt.length) }],
    );
  };
  const pairs = words.slice(1).map((word, i) => {
    const pair = `${words[i]} ${word}`;
    return apart(pair, spellingsOf(pair));
  });
  return words.map((word, i) => {
    const inMoreWords = spellingsOf(word).filter((spelling) => spelling.words.length > 1);
    return [...(pairs[i - 1] ?? []), ...(pairs[i] ?? []), ...apart(word, inMoreWords)];
  });
}

/** The title fields holding each form of the title's words, for a typo's reach (on one scale). */
const TITLE_WORDS: Record<TypoReach["form"], string> = {
  written: `title.words^${typos.writtenFormScale}`,
  exact: "title.exact",
};

/**
 * A word's typo alternatives in titles: within its reach (titleTypoReach) and, weighed above it,
 * the likeliest slips undone, words within that reach: a hamza typed as the letter it sits on
 * (hamzaSeated) and, for a word the suggesters found rare, its doubled letter typed once; or, too
 * short for any reach, a word one letter longer that it leaves a letter out of.
 */
function typoAlternatives(word: string, slip: boolean): estypes.QueryDslQueryContainer[] {
  const reach = titleTypoReach(word);
  if (reach.length) {
    const once = slip ? undoubled(word) : [];
    const undone = [...new Set([...once, ...hamzaSeated(word)])];
    // Beside the doubled letter typed once, any other word a typo away is the less likely reading.
    const boost = once.length ? typos.besideDoubledLetterBoost : undefined;
    return [
      ...reach.map(({ form, edits, prefixLength }) =>
        withinEdits(word, [TITLE_WORDS[form]], edits, { prefixLength, boost }),
      ),
      ...undone.map((meant) =>
        withinEdits(meant, Object.values(TITLE_WORDS), 0, { boost: typos.likeliestSlipBoost }),
      ),
    ];
  }
  const leftOut = leftOutQuery(word, "title.exact", { boost: typos.letterLeftOutBoost });
  return leftOut ? [leftOut] : [];
}

/** The last word, still being typed: the start of a title word (edge n-grams, built at index time). */
function titlePrefix(word: string, afterWords: boolean): estypes.QueryDslQueryContainer {
  return titlePrefixQuery(word, typed.prefixBoost, afterWords);
}

/** Each word as typed (within a typo when tolerant) or, the last while typing, as a prefix: one clause a word. */
function typedWords(
  parsed: ParsedQuery,
  recall: Recall,
  {
    mistyped = new Map(),
    readAs = new Map(),
  }: {
    /** The words the suggesters found rare (RankingStage.mistyped): a doubled letter may be a slip. */
    mistyped?: Mistyped;
    /** Slips whose likeliest spelling a title may hold in their place (a short question's). */
    readAs?: Mistyped;
  } = {},
): estypes.QueryDslQueryContainer[] {
  const words = sides(plainWords(parsed));
  const last = typingWord(parsed);
  // ضد being typed last was left out: the side before it is finished.
  const typing = last && isVersus(last) ? undefined : last;
  const apart = spellingsApart(words);
  const joined = typing && joinedToPrevious(words.at(-2), typing);
  // A name being typed apart, begun as one title word (أبو ظ: أبوظبي), half to each of its words.
  const joinedStart = joined ? [titlePrefixQuery(joined, typed.prefixBoost / 2)] : [];
  return words.map((word, i) => {
    const more = i >= words.length - 2 ? joinedStart : [];
    const slip = mistyped.has(word);
    const spelt = likelierSpellings(word, readAs)[0];
    if (!typing || i < words.length - 1)
      return typedWord(word, recall, { apart: apart[i], more, slip, spelt });
    // A letter alone begins too many title words to weigh as the word being typed.
    const begun = completable(word) ? [titlePrefixAsWritten(word, typed.prefixBoost, words.length > 1)] : [];
    return {
      dis_max: {
        queries: [typedWord(word, recall, { typing: true, apart: apart[i], more, slip, spelt }), ...begun],
      },
    };
  });
}

/**
 * The words, stemmed, scored across title, lead and body as one field. `zeroTerms`: what a text
 * the stemmed fields drop entirely (a function word) matches.
 */
function stemmedWords(
  words: string[],
  minimumShouldMatch: string,
  { boost, zeroTerms }: { boost?: number; zeroTerms?: "all" | "none" } = {},
): estypes.QueryDslQueryContainer {
  return {
    multi_match: {
      query: words.join(" "),
      fields: STEMMED,
      type: RANKING.matchType,
      minimum_should_match: minimumShouldMatch,
      ...(zeroTerms === undefined ? {} : { zero_terms_query: zeroTerms }),
      ...(boost === undefined ? {} : { boost }),
    },
  };
}

/**
 * The words with each mistyped one read as any of its likelier spellings, stemmed in any field:
 * where a typo is in a word the title does not hold (the body's), its titles' typo reach cannot find
 * it. The suggesters' few spellings are terms to look up, not a walk of the body's vocabulary. A
 * function word typed, which the stemmed fields drop (في), holds no article back.
 */
function likelierWords(words: string[], mistyped: Mistyped): estypes.QueryDslQueryContainer {
  const stemmed = (word: string, zeroTerms: "all" | "none") => stemmedWords([word], "1", { zeroTerms });
  return {
    bool: {
      must: words.map((word) => {
        const spellings = likelierSpellings(word, mistyped);
        // A spelling that is a function word (ليس for لئيس) would hold nothing back: none counts.
        if (!spellings.length) return stemmed(word, "all");
        return { bool: { should: [word, ...spellings].map((spelling) => stemmed(spelling, "none")) } };
      }),
      boost: typos.likelierSpellingBoost,
    },
  };
}

/**
 * The words with each mistyped one followed by its likelier spellings, for a recall that wants any
 * of them (a question, a longer query): the article holding the word meant scores for it, and the
 * word as typed still counts where it was spelt right.
 */
function besideLikelier(words: readonly string[], mistyped: Mistyped): string[] {
  return words.flatMap((word) => [word, ...likelierSpellings(word, mistyped)]);
}

/** The spellings a mistyped word is also read as: the suggesters' likeliest. */
function likelierSpellings(word: string, mistyped: Mistyped): readonly string[] {
  return mistyped.get(word)?.slice(0, typos.likelierSpellings) ?? [];
}

/** The mistyped words a recall reads as their likelier spellings: only the tolerant one reads any. */
function readAsLikelier(recall: Recall, mistyped: Mistyped = new Map()): Mistyped {
  return recall === "tolerant" ? mistyped : new Map();
}

/** One OR-group: any alternative, stemmed in any field or within a typo of its exact form. */
function alternativesClause(alternatives: string[]): estypes.QueryDslQueryContainer {
  return {
    bool: {
      should: alternatives.flatMap((word) => [
        { multi_match: { query: word, fields: STEMMED, type: "best_fields" } },
        withinEdits(word, EXACT, allowedEdits(word), { boost: typed.prefixBoost }),
      ]),
      minimum_should_match: 1,
    },
  };
}

/**
 * How far a ranking request's recall reaches. `strict`: the words, stemmed, and while the reader
 * types the last one as the start of a title word; cheap, since Elasticsearch can skip articles
 * that cannot make the page, and enough when every word is spelt right. `relaxed` adds articles
 * that hold only some of the words and titles holding the words as typed; `tolerant` also lets
 * each word be a typo away. Both are asked for only when the strict answer calls for them
 * (widerRecall).
 */
export type Recall = "strict" | "relaxed" | "tolerant";

/** Words typed that the suggesters found rare, each with its likelier spellings (mistypedWords). */
export type Mistyped = ReadonlyMap<string, readonly string[]>;

/**
 * As many words as a headline a reader recalls. A two-word name is one word of it (عبد الله بن
 * عبد العزيز: three).
 */
function headlineLength(parsed: ParsedQuery): boolean {
  const words = wordsNamed(plainWords(parsed));
  return words > 0 && words <= typed.maxWords;
}

/** The reader is recalling a headline (a few words, no question): titles as typed are worth matching. */
function recallsHeadline(parsed: ParsedQuery): boolean {
  return headlineLength(parsed) && !parsed.isQuestion;
}

/**
 * A question of a headline's length: its recall wants any word, as a question's does, but a title
 * holding every word as typed is likely the story asked about.
 */
function shortQuestion(parsed: ParsedQuery): boolean {
  return headlineLength(parsed) && parsed.isQuestion;
}

/** The word a reader recalling a headline is still typing, if any: its completions are worth counting. */
export function headlineTyping(parsed: ParsedQuery): string | undefined {
  return recallsHeadline(parsed) ? typingWord(parsed) : undefined;
}

/** The last word, still being typed, if it can be completed (joined to عبد or أبو before it, أبو ظ). */
export function typingWord(parsed: ParsedQuery): string | undefined {
  const words = plainWords(parsed);
  const last = words.at(-1);
  if (!parsed.lastWordIsPrefix || last === undefined) return undefined;
  const completes = [words, ...nameSpellings(words)].some((spelling) => completable(spelling.at(-1) ?? ""));
  return completes ? last : undefined;
}

/**
 * The words before the one being typed, stemmed, with the start of a title word for the last; for a
 * two-word name being typed, in its other spelling too (عبد ال…: عبدال…; عبدال…: عبد ال…), as the
 * suggestions complete it.
 */
function completedWords(parsed: ParsedQuery, last: string, order: PageOrder): estypes.QueryDslQueryContainer {
  const words = plainWords(parsed);
  const completed = (spelling: string[]): estypes.QueryDslQueryContainer => {
    const before = spelling.slice(0, -1);
    const stemmed = before.length ? [stemmedWords(before, wordsToMatch(parsed, order))] : [];
    return { bool: { must: [...stemmed, titlePrefix(spelling.at(-1) ?? last, before.length > 0)] } };
  };
  // A letter alone after عبد or أبو begins too many words to complete apart.
  const spellings = [...(completable(last) ? [words] : []), ...nameSpellings(words)].map(completed);
  if (spellings.length > 1) return { bool: { should: spellings } };
  return spellings[0] ?? completed(words);
}

/** First stage, matching: which documents qualify, scored cheaply. */
function recallClauses(
  parsed: ParsedQuery,
  recall: Recall,
  mistyped: Mistyped | undefined,
  order: PageOrder,
): estypes.QueryDslQueryContainer[] {
  const plain = plainWords(parsed);
  const clauses: estypes.QueryDslQueryContainer[] = [];
  if (plain.length) {
    const likelier = readAsLikelier(recall, mistyped);
    // A question or a longer query wants any of its words: each mistyped one is read beside its
    // likelier spellings, on the words' own scale, with no title within a typo to look for.
    const besideTyped = likelier.size > 0 && questionOrLonger(parsed);
    const should: estypes.QueryDslQueryContainer[] = [
      // The words across the fields (stemmed); more of them and rarer ones score higher.
      sidesAgainst(besideTyped ? besideLikelier(plain, likelier) : plain, wordsToMatch(parsed, order)),
    ];
    if (recall === "strict") {
      const typing = recallsHeadline(parsed) ? typingWord(parsed) : undefined;
      if (typing) should.push(completedWords(parsed, typing, order));
    } else {
      // Any of them, far weaker, where the clause above wants every word: a word that matches
      // nowhere does not empty the page. Where it wants any, this would score every match twice.
      // Newest first nothing ranks it below: the relaxed recall wants all words but one instead.
      if (order === "newest") {
        if (recall === "relaxed") should.push(stemmedWords(plain, RANKING.newest.fallbackMinimumShouldMatch));
      } else if (strictFindsEveryWord(parsed))
        should.push(stemmedWords(plain, "1", { boost: RANKING.relaxedBoost }));
      // The words as typed in the title, misspelt or unfinished: the story a reader half remembers.
      if (recallsHeadline(parsed)) should.push(typedTitle(typedWords(parsed, recall, { mistyped })));
      if (likelier.size && !besideTyped) should.push(likelierWords(plain, likelier));
    }
    clauses.push({ bool: { should, minimum_should_match: 1 } });
  }
  for (const group of parsed.terms.filter((alternatives) => alternatives.length > 1))
    clauses.push(alternativesClause(group));
  for (const phrase of parsed.phrases)
    clauses.push({ multi_match: { query: phrase, fields: EXACT, type: "phrase", slop: 0 } });
  return clauses;
}

const isVersus = (word: string) => normalizeArabic(word) === VERSUS;

/** The words without ضد between them, unless it is all there is. */
function sides(words: string[]): string[] {
  const named = words.filter((word) => !isVersus(word));
  return named.length ? named : words;
}

/** stemmedWords, wanting the sides named; ضد, where typed between them, only scores. */
function sidesAgainst(words: string[], minimumShouldMatch: string): estypes.QueryDslQueryContainer {
  const named = sides(words);
  const wanted = stemmedWords(named, minimumShouldMatch);
  if (named.length === words.length) return wanted;
  return { bool: { must: [wanted], should: [stemmedWords([VERSUS], "1")] } };
}

/** How many of the words the stemmed recall wants: newest first, more than relevance order does. */
function wordsToMatch(parsed: ParsedQuery, order: PageOrder): string {
  if (order === "newest") return RANKING.newest.minimumShouldMatch;
  return parsed.isQuestion ? RANKING.questionMinimumShouldMatch : WORDS_TO_MATCH;
}

/** The query holds every word of the title: it names the article (ابن خلدون in أين درس ابن خلدون). */
function titleNamedClause(text: string): estypes.QueryDslQueryContainer[] {
  const words = [...new Set(exactWords(text))];
  if (!words.length) return [];
  const titleWithin = { terms: words, minimum_should_match_field: "title_words" };
  return [
    {
      constant_score: {
        filter: { terms_set: { "title.exact": titleWithin } },
        boost: RANKING.titleNamedBoost,
      },
    },
  ];
}

/**
 * Each word typed (within a typo when tolerant, the last possibly unfinished) that the title or
 * lead holds: the rarer they are, the likelier the title is the headline a reader recalls. Every
 * word is wanted (RANKING.typed.minimumShouldMatch), so the strict rescore names the clause:
 * Elasticsearch lists TYPED_TITLE in the `matched_queries` of an article whose title or lead holds
 * every word as typed, with no second clause to look the words up again.
 */
function typedTitle(
  words: estypes.QueryDslQueryContainer[],
  name?: typeof TYPED_TITLE,
): estypes.QueryDslQueryContainer {
  return {
    bool: {
      should: words,
      minimum_should_match: typed.minimumShouldMatch,
      boost: typed.boost,
      ...(name === undefined ? {} : { _name: name }),
    },
  };
}

/** The strict rescore's name for a title holding every word as typed (see widerRecall). */
export const TYPED_TITLE = "typed_title";

/**
 * The words' exact forms, weighed in the rescore. Not a headline's word being typed with its
 * article: without it, it is another word (الهلا is not هلا); its title words, as written or begun,
 * count instead.
 */
function exactForms(
  parsed: ParsedQuery,
  headlineTyping: string | undefined,
): estypes.QueryDslQueryContainer[] {
  const typedWithArticle = headlineTyping !== undefined && carriesArticle(headlineTyping);
  const weighed = typedWithArticle ? { ...parsed, terms: parsed.terms.slice(0, -1) } : parsed;
  const text = positiveText(weighed);
  if (!text) return [];
  return [{ multi_match: { query: text, fields: EXACT, type: "most_fields", boost: RANKING.exactBoost } }];
}

/**
 * The last word of a longer query, still being typed, as the start of a title word: in the
 * rescore alone, since the query's other words already bring its articles into the window.
 */
function longQueryCompletion(longQueryTyping: string | undefined): estypes.QueryDslQueryContainer[] {
  return longQueryTyping ? [titlePrefix(longQueryTyping, true)] : [];
}

/**
 * A title holding the likeliest completion of the word being typed, as a whole word: scored in the
 * first stage, so that its titles reach the rescore window even when the letters typed begin far
 * commoner words (مك: مكتب, which the suggestions offer, among the titles about مكة).
 */
function completionBonus(
  parsed: ParsedQuery,
  completion: string | undefined,
): estypes.QueryDslQueryContainer[] {
  if (!completion || !recallsHeadline(parsed)) return [];
  const holding = { term: { "title.exact": completion } };
  return [{ constant_score: { filter: holding, boost: typed.likeliestCompletionBonus } }];
}

/** An article holding the word as typed: its exact form, in any field. */
function heldWhole(word: string): estypes.QueryDslQueryContainer {
  return { multi_match: { query: word, fields: EXACT } };
}

/**
 * One word searched whole (a space after it, or read as finished: finished-word.ts): an article
 * holding it as typed, in any field's exact form, goes before those holding only another word its
 * stem shares (تقنين, not تقنية). In the first stage, so that they reach the rescore window where
 * the stem's articles are many more.
 */
function wordWhole(parsed: ParsedQuery): estypes.QueryDslQueryContainer[] {
  const [word, ...more] = plainWords(parsed);
  if (word === undefined || more.length || parsed.lastWordIsPrefix || parsed.phrases.length) return [];
  return [{ constant_score: { filter: heldWhole(word), boost: RANKING.wholeWordBonus } }];
}

/**
 * Three words or more, side by side as typed (stemmed): the subject a reader typed (أسعار الفائدة
 * الأمريكية), not its words scattered through a text. Not a question's: its answer need not
 * repeat it.
 */
function sideBySide(parsed: ParsedQuery, text: string): estypes.QueryDslQueryContainer[] {
  const { fromWords, bonus } = RANKING.sideBySide;
  if (parsed.isQuestion || plainWords(parsed).length < fromWords) return [];
  const phrase = { multi_match: { query: text, fields: STEMMED, type: "phrase" as const } };
  return [{ constant_score: { filter: phrase, boost: bonus } }];
}

/**
 * Three words or more, every one in the article (stemmed, anywhere): the recall wants any of them,
 * and an article holding all but one should not go before one holding them all. Not a question's;
 * words joined by OR are alternatives, none of them wanted with the rest.
 */
function everyWord(parsed: ParsedQuery): estypes.QueryDslQueryContainer[] {
  const { fromWords, bonus } = RANKING.everyWord;
  const words = plainWords(parsed);
  if (parsed.isQuestion || words.length < fromWords) return [];
  const every = {
    query: words.join(" "),
    fields: STEMMED,
    type: "cross_fields" as const,
    operator: "and" as const,
  };
  return [{ constant_score: { filter: { multi_match: every }, boost: bonus } }];
}

/**
 * Second stage: signals that only reorder the top window (exact forms, phrase, a title the query
 * names; the words as typed in titles, when the first stage did not already match them; after a
 * tolerant recall, the words as their likeliest spellings read them).
 */
function rescoreQuery(
  parsed: ParsedQuery,
  recall: Recall,
  mistyped?: Mistyped,
): estypes.QueryDslQueryContainer {
  const text = positiveText(parsed);
  const typing = typingWord(parsed);
  const headline = recallsHeadline(parsed);
  // A headline's words as typed are in the wider recalls' first stage; a short question's never
  // are, and its title may hold a slip's likeliest spelling in the slip's place.
  const asTyped =
    (recall === "strict" && headline) || shortQuestion(parsed)
      ? typedWords(parsed, "strict", { readAs: readAsLikelier(recall, mistyped) })
      : undefined;
  return {
    bool: {
      should: [
        ...titleNamedClause(text),
        ...(asTyped ? [typedTitle(asTyped, TYPED_TITLE)] : []),
        ...longQueryCompletion(headline || parsed.isQuestion ? undefined : typing),
        ...exactForms(parsed, headline ? typing : undefined),
        ...sideBySide(parsed, text),
        ...everyWord(parsed),
        ...wordsInOrder(parsed, text),
        ...likeliestReadingSignals(parsed, recall, mistyped),
        RECENCY,
        ...wordPairs(text).map((pair) => ({
          multi_match: { query: pair, fields: STEMMED, type: "phrase" as const, boost: RANKING.pairBoost },
        })),
      ],
    },
  };
}

/**
 * The words side by side in the order typed. None for one word: its phrase is the word itself,
 * which the recall has scored already, and scored again it would outweigh the word as typed. None
 * for a question: its answer need not repeat its words in order (the word pairs still count).
 */
function wordsInOrder(parsed: ParsedQuery, text: string, scale = 1): estypes.QueryDslQueryContainer[] {
  if (parsed.isQuestion || exactWords(text).length < 2) return [];
  return [
    {
      multi_match: {
        query: text,
        fields: STEMMED,
        type: "phrase",
        slop: RANKING.phraseSlop,
        boost: RANKING.phraseBoost * scale,
      },
    },
  ];
}

/**
 * The rescore's signals for the words as the tolerant recall likeliest reads them (each mistyped
 * one as its likeliest spelling), on the scale of those readings: the words in order and the
 * spellings' exact forms, which the words as typed get and a misspelt word never matches.
 */
function likeliestReadingSignals(
  parsed: ParsedQuery,
  recall: Recall,
  mistyped?: Mistyped,
): estypes.QueryDslQueryContainer[] {
  const likelier = readAsLikelier(recall, mistyped);
  if (!likelier.size) return [];
  const words = plainWords(parsed);
  const likeliest = (word: string) => likelierSpellings(word, likelier)[0];
  const reading = words.map((word) => likeliest(word) ?? word).join(" ");
  const spellings = words.flatMap((word) => likeliest(word) ?? []).join(" ");
  const scale = typos.likelierSpellingBoost;
  return [
    // A question names its subject's title as spelt (لبنان in أين تقع لبنن); a headline's words
    // as typed find its title within a typo instead.
    ...(questionOrLonger(parsed) ? titleNamedClause(reading) : []),
    ...wordsInOrder(parsed, reading, scale),
    {
      multi_match: {
        query: spellings,
        fields: EXACT,
        type: "most_fields",
        boost: RANKING.exactBoost * scale,
      },
    },
  ];
}

/**
 * Adjacent words of the query, two by two: proximity for queries too long to match as a phrase.
 * None for two words: their one pair is the phrase, already matched.
 */
function wordPairs(text: string): string[] {
  const words = text.split(" ").filter(Boolean);
  if (words.length < 3) return [];
  return words.slice(1).map((word, i) => `${words[i]} ${word}`);
}

export function buildQuery(
  parsed: ParsedQuery,
  recall: Recall,
  mistyped?: Mistyped,
  order: PageOrder = "relevance",
): estypes.QueryDslQueryContainer {
  if (isEmptyQuery(parsed)) return { match_all: {} };
  const must_not = parsed.excluded.map(
    (word): estypes.QueryDslQueryContainer => ({
      multi_match: {
        query: word,
        fields: [...STEMMED, ...EXACT],
        type: word.includes(" ") ? "phrase" : "best_fields",
      },
    }),
  );
  return { bool: { must: recallClauses(parsed, recall, mistyped, order), must_not } };
}

/** Recency, added to every article of the window: the newer of two near-equal articles first. */
const RECENCY: estypes.QueryDslQueryContainer = {
  function_score: {
    functions: [
      {
        exp: { published_at: { origin: "now", scale: RANKING.recencyHalfLife, decay: 0.5 } },
        weight: RANKING.recencyWeight,
      },
    ],
    boost_mode: "replace",
  },
};

/**
 * What the highlighter marks: the stemmed words in each field, and the likelier spellings the
 * recall read mistyped words as. Not typo matches: building their automata for every hit costs more
 * than the search; nor the unfinished last word, whose starts the service marks in the titles
 * itself (search/marks). One plain `match` per field: a query over all three fields would be taken
 * apart for each.
 */
function highlight(parsed: ParsedQuery, { recall, mistyped }: ChosenBy): estypes.SearchHighlight {
  const likelier = readAsLikelier(recall, mistyped);
  const spellings = [...likelier.keys()].flatMap((word) => likelierSpellings(word, likelier));
  const text = [positiveText(parsed), ...spellings].join(" ");
  const words = (field: string): estypes.QueryDslQueryContainer => ({ match: { [field]: text } });
  return {
    encoder: "html",
    pre_tags: ["<mark>"],
    post_tags: ["</mark>"],
    type: "unified",
    fields: {
      title: { number_of_fragments: 0, highlight_query: words("title") },
      body: { fragment_size: 180, number_of_fragments: 2, no_match_size: 0, highlight_query: words("body") },
      lead: { number_of_fragments: 0, no_match_size: 300, highlight_query: words("lead") },
    },
  };
}

/** The order a page is in: newest first when asked for or when there is nothing to rank by. */
export type PageOrder = "newest" | "relevance";

export function pageOrder(parsed: ParsedQuery, sort: SearchInput["sort"]): PageOrder {
  return sort === "newest" || isEmptyQuery(parsed) ? "newest" : "relevance";
}

// The date sorts as text, so a newest-first cursor (date first) cannot pass for a relevance one.
const BY_DATE = { published_at: { order: "desc", format: "strict_date_optional_time" } } as const;
const SORTS: Record<PageOrder, estypes.Sort> = {
  newest: [BY_DATE, { _score: { order: "desc" } }, { id: { order: "asc" } }],
  relevance: [{ _score: { order: "desc" } }, BY_DATE, { id: { order: "asc" } }],
};

/** Where a page ends: the last hit's sort values, in the order the page was sorted by. */
export interface Cursor {
  order: PageOrder;
  after: estypes.SortResults;
}

// As Elasticsearch writes it (UTC, milliseconds, four-digit year) and reads it back.
const date = z.iso.datetime({ precision: 3 });
// Scores are 32-bit floats, never negative.
const score = z.number().min(0).max(3.4e38);
const id = z.string().min(1).max(512);
const SORT_VALUES = { newest: z.tuple([date, score, id]), relevance: z.tuple([score, date, id]) };

/** Sort values of the last hit, encoded for the next request. */
export function encodeCursor(sort: estypes.SortResults): string {
  return Buffer.from(JSON.stringify(sort)).toString("base64url");
}

/** A cursor from a previous response, or undefined for anything else. */
export function decodeCursor(cursor: string): Cursor | undefined {
  if (cursor.length > 2_000 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  for (const order of ["newest", "relevance"] as const) {
    const after = SORT_VALUES[order].safeParse(value);
    if (after.success) return { order, after: after.data };
  }
  return undefined;
}

/**
 * What /api/search searches for when the query as typed finds nothing and quotes phrases: the same
 * words unquoted (a reader who quotes a title slightly wrong gets the articles that hold its words,
 * told so, instead of an empty page). Undefined when the query quotes no phrase.
 */
export function unquotedFallback(input: SearchInput): SearchInput | undefined {
  const q = unquotedQuery(input.q);
  return q === undefined ? undefined : { ...input, q };
}

/**
 * Candidates fetched per result wanted: a story's copies after its first are dropped from the page
 * (see stories.ts), so a page is picked from more hits than it shows.
 */
export const CANDIDATES_PER_RESULT = 2;

/** How many stories the page needs from the top: all pages before it too, unless a cursor skips them. */
export function storiesWanted(input: SearchInput): number {
  return input.cursor ? input.size : input.page * input.size;
}

/** A ranking request's shape: how many candidates, and how far recall reaches. */
export interface RankingStage {
  candidates: number;
  recall: Recall;
  /** The completion of the word being typed most titles matching the query use (likeliestCompletion). */
  completion?: string;
  /**
   * The words the suggesters found rare, with their likelier spellings (mistypedWords): a doubled
   * letter in one is taken for a slip in the tolerant recall, which also reads each as any of them.
   */
  mistyped?: Mistyped;
}

/** The stage a search starts with: strict recall, room for the page's stories and their copies. */
export function firstStage(input: SearchInput): RankingStage {
  return { candidates: Math.min(MAX_WINDOW, storiesWanted(input) * CANDIDATES_PER_RESULT), recall: "strict" };
}

/**
 * What the strict stage's answer says of the words typed: how many articles hold them, the
 * suggesters' corrections (a word that looks mistyped), and the named clauses the best article
 * matched (`matched_queries`).
 */
export interface StrictOutcome {
  found: number;
  mistyped: readonly string[];
  bestMatched: readonly string[];
  /** How many of the ranked articles hold every word as typed in their title (TYPED_TITLE). */
  titlesAsTyped: number;
  /**
   * A word typed alone begins few titles, none holding it whole (دعش: دعشنة; suggestions.ts,
   * typingOnlyBegun); undefined when no headline word is being typed.
   */
  typingOnlyBegun?: boolean;
}

/**
 * Whether every article the strict stage finds holds every word (stemmed, the last maybe begun):
 * its recall asks for them all when the query is short and not a question.
 */
export function strictFindsEveryWord(parsed: ParsedQuery): boolean {
  return !parsed.isQuestion && plainWords(parsed).length <= RANKING.everyWordUpTo;
}

/**
 * The wider recall the strict stage's answer calls for, if any, and only where it can help.
 * Tolerant, when a typo is likely: nothing found, a reader recalling a headline got a best article
 * whose title does not hold every word as typed (a typo that spells another real word), or a word
 * looks mistyped (rare, a common word a typo away) with no title vouching for it (titlesVouch: a
 * title holding every word as typed shows the rare word is real, the last maybe the start of one).
 * Relaxed, when no typo is likely but few articles were found: the page is filled without
 * expanding typos. A question or a longer query is read tolerantly only where a word looks
 * mistyped (wordMistyped).
 */
export function widerRecall(
  parsed: ParsedQuery,
  input: SearchInput,
  strict: StrictOutcome,
): Recall | undefined {
  if (questionOrLonger(parsed)) return wordMistyped(parsed, input, strict) ? "tolerant" : undefined;
  const titleAsTyped = strict.bestMatched.includes(TYPED_TITLE);
  const typoLikely =
    strict.found === 0 ||
    (asksTitleAsTyped(parsed, input) && !titleAsTyped) ||
    (strict.mistyped.length > 0 && !(titleAsTyped && titlesVouch(strict)));
  if (typoLikely) return "tolerant";
  // Newest first, articles holding all words but one would come among those holding every word:
  // only an empty page asks for them (newestFallback).
  if (pageOrder(parsed, input.sort) === "newest") return undefined;
  return strict.found < RANKING.strictEnough ? "relaxed" : undefined;
}

/**
 * Whether a question or a longer query, ranked by relevance, has a word the suggesters found rare
 * with a likelier spelling: its tolerant recall reads that word beside them (besideLikelier), if
 * it looks a slip (slipsOnly). Newest first, the recall wants most of the words, and a spelling
 * would count as one more.
 */
function wordMistyped(parsed: ParsedQuery, input: SearchInput, strict: StrictOutcome): boolean {
  return strict.mistyped.length > 0 && pageOrder(parsed, input.sort) === "relevance";
}

/**
 * For one `msearch`, asked before a question's or a longer query's tolerant recall and its "did you
 * mean": how many articles hold each mistyped word as typed and its likeliest spelling (exact
 * forms, any field), and how many of those also hold another of the query's words (stemmed),
 * counted as far as slipsOnly needs.
 */
export function heldAsTypedCounts(
  parsed: ParsedQuery,
  mistyped: Mistyped,
  index: string,
): estypes.MsearchRequestItem[] {
  const { slipCountedUpTo: upTo, slipRarerBy: rarerBy } = typos;
  const words = plainWords(parsed);
  return [...mistyped].flatMap(([word, [likeliest = word]]) => {
    const others = stemmedWords(
      words.filter((other) => other !== word),
      "1",
    );
    const alone = heldWhole(word);
    const spelt = heldWhole(likeliest);
    return [
      ...checks([alone, { bool: { filter: [alone, others] } }], index, upTo),
      ...checks([spelt, { bool: { filter: [spelt, others] } }], index, upTo * rarerBy),
    ];
  });
}

/**
 * The mistyped words that are slips, by heldAsTypedCounts' answers (in its order): few articles
 * hold the word as typed, or far more hold its likeliest spelling; and the query's other words
 * meet it in no larger a share of its articles than of its spelling's. A real word a letter away
 * from a commoner one (السل, العسل) keeps company with the words asked beside it; a slip does not.
 */
export function slipsOnly(mistyped: Mistyped, counts: readonly number[]): Mistyped {
  const share = (amid: number, all: number) => (all > 0 ? amid / all : 0);
  const slip = (i: number) => {
    const [typed = 0, typedAmid = 0, spelt = 0, speltAmid = 0] = counts.slice(4 * i, 4 * i + 4);
    const rare = typed <= typos.slipHeldByUpTo || spelt >= typed * typos.slipRarerBy;
    return rare && share(typedAmid, typed) <= share(speltAmid, spelt);
  };
  return new Map([...mistyped].filter((_, i) => slip(i)));
}

/**
 * Whether the words may be a subject typed (typedSubject), worth asking before a tolerant recall:
 * not when the strict recall wanted every word and found fewer articles than a subject's, nor when
 * the word typed alone only begins a few titles, nor for a question or a longer query (its tolerant
 * recall reads no title within a typo).
 */
export function maybeSubject(parsed: ParsedQuery, strict: Omit<StrictOutcome, "mistyped">): boolean {
  if (strict.typingOnlyBegun || questionOrLonger(parsed)) return false;
  return !strictFindsEveryWord(parsed) || strict.found >= RANKING.strictEnough;
}

/**
 * For one `msearch`, asked before a tolerant recall: how many titles hold each word as typed (its
 * exact form; the word being typed, whole), and how many articles hold every word as the strict
 * recall reads them, each counted only as far as typedSubject needs.
 */
export function subjectCounts(parsed: ParsedQuery, index: string): estypes.MsearchRequestItem[] {
  const words = plainWords(parsed);
  const inTitles = words.map((word): estypes.QueryDslQueryContainer => ({ match: { "title.exact": word } }));
  return [
    ...checks(inTitles, index, RANKING.vouchingTitles),
    ...checks([stemmedWords(words, "100%")], index, RANKING.strictEnough),
  ];
}

/**
 * Whether subjectCounts' answers (in its order) show a subject typed (البطالة السعودية), not a
 * headline misremembered, though no title holds the words together: titles use each word as typed
 * (RANKING.vouchingTitles) and many articles hold them all (RANKING.strictEnough). Then no typo is
 * read: a title a typo away (البطولة السعودية) would outrank the articles about what was typed.
 * Where few articles hold them, one may be a slip into another real word (قتال for قاتل).
 */
export function typedSubject(parsed: ParsedQuery, counts: readonly number[]): boolean {
  const words = plainWords(parsed);
  const typing = typingWord(parsed);
  // A word being typed too short for typos more likely begins a longer word than is one; a year
  // (2016), never a typo, is whole all the same.
  const spelt = (word: string, i: number) =>
    (word !== typing || [...normalizeArabic(word)].length >= RANKING.typos.oneEditFrom) &&
    (counts[i] ?? 0) >= RANKING.vouchingTitles;
  return words.every(spelt) && (counts[words.length] ?? 0) >= RANKING.strictEnough;
}

/**
 * Whether a newest-first page that found nothing asks again for articles holding all words but one
 * (the relaxed recall, newest first): a query of several words, not already asked so.
 */
export function newestFallback(
  parsed: ParsedQuery,
  input: SearchInput,
  found: number,
  recall: Recall,
): boolean {
  return (
    found === 0 &&
    recall !== "relaxed" &&
    pageOrder(parsed, input.sort) === "newest" &&
    plainWords(parsed).length > 1
  );
}

/**
 * A question, or more words than a headline recalled: its recall wants any of its words, and its
 * wider stage only reads mistyped words as their likelier spellings. For the others the wider
 * stages also match typos in titles as typed, and find articles with one word of two (the strict
 * stage wants both of two).
 */
export function questionOrLonger(parsed: ParsedQuery): boolean {
  return !(recallsHeadline(parsed) || (plainWords(parsed).length === 2 && !parsed.isQuestion));
}

/**
 * Whether the suggesters, which the strict stage leaves out for a headline recalled and ranked by
 * relevance, are wanted after it: when it found nothing; when the best title holds every word as
 * typed but does not vouch for them (a misspelling a title or two share); or when the best title
 * does not hold them as typed, so the tolerant recall comes, and reads a word the suggesters find
 * mistyped beside its likelier spellings in every field, not only a typo away in titles (اعراض
 * الكرونا: the reports on كورونا, whose titles do not say اعراض).
 */
export function suggestersAfterStrict(
  parsed: ParsedQuery,
  input: SearchInput,
  strict: Omit<StrictOutcome, "mistyped">,
): boolean {
  if (!asksTitleAsTyped(parsed, input)) return false;
  if (strict.found === 0) return true;
  return !strict.bestMatched.includes(TYPED_TITLE) || !titlesVouch(strict);
}

/**
 * Whether the titles holding every word as typed, the best article's among them, show the words
 * are real: not a few titles that only begin a word typed alone (دعش: دعشنة, while the reader may
 * be typing داعش misspelt); nor, among many articles, fewer titles than
 * RANKING.vouchingTitles, which may share a reader's misspelling.
 */
function titlesVouch(strict: Omit<StrictOutcome, "mistyped">): boolean {
  if (strict.typingOnlyBegun) return false;
  return strict.titlesAsTyped >= RANKING.vouchingTitles || strict.found < RANKING.strictEnough;
}

/** Ranked by relevance, so rescored: neither newest first, nor an empty query, nor a cursor page. */
function rescored(parsed: ParsedQuery, input: SearchInput): boolean {
  return pageOrder(parsed, input.sort) === "relevance" && !input.cursor;
}

/** The strict rescore names its titles-as-typed clause (see TYPED_TITLE). */
function asksTitleAsTyped(parsed: ParsedQuery, input: SearchInput): boolean {
  return rescored(parsed, input) && recallsHeadline(parsed);
}

export function buildSearchRequest(
  input: SearchInput,
  index: string,
  stage = firstStage(input),
): estypes.SearchRequest {
  return searchRequest(parseQuery(input.q), input, index, stage);
}

/**
 * A ranking request: the ranked candidates (id, story and sort values only), the total, facets and
 * (strict, see suggestersAfterStrict) the did-you-mean suggesters. Copies of one story are left for
 * the caller to fold: Elasticsearch's `collapse` would score every match, where a plain top-N skips
 * the ones that cannot compete.
 */
export function searchRequest(
  parsed: ParsedQuery,
  input: SearchInput,
  index: string,
  { candidates, recall, completion, mistyped }: RankingStage,
): estypes.SearchRequest {
  const empty = isEmptyQuery(parsed);
  const ranked = rescored(parsed, input);
  const bonuses = ranked ? [...completionBonus(parsed, completion), ...wordWhole(parsed)] : [];
  const { query: filterQuery, postFilter } = buildFilters(input);
  const request: estypes.SearchRequest = {
    index,
    size: candidates,
    timeout: RANKING.timeout,
    track_total_hits: MAX_WINDOW,
    query: {
      bool: {
        must: [buildQuery(parsed, recall, mistyped, pageOrder(parsed, input.sort))],
        filter: filterQuery,
        ...(bonuses.length ? { should: bonuses } : {}),
      },
    },
    post_filter: postFilter,
    ...(input.facets ? { aggs: facetAggregations(input) } : {}),
    ...CANDIDATE_FIELDS,
  };
  if (!ranked) {
    // A sort of our own (and so a cursor) cannot go with a rescore: newest-first and cursor pages
    // are ordered by the first stage, ties by date and id.
    request.sort = SORTS[pageOrder(parsed, input.sort)];
  } else {
    request.rescore = {
      window_size: RANKING.rescore.windowSize,
      query: {
        rescore_query: rescoreQuery(parsed, recall, mistyped),
        query_weight: RANKING.rescore.queryWeight,
        rescore_query_weight: RANKING.rescore.rescoreQueryWeight,
      },
    };
  }
  if (input.cursor) request.search_after = input.cursor.after;
  else request.from = 0;
  // The suggesters tell whether a word looks mistyped: asked with the strict stage, unless its
  // answer may make them unread (suggestersAfterStrict then says whether to ask them apart).
  const leftOut = empty || recall !== "strict" || asksTitleAsTyped(parsed, input);
  const suggest = leftOut ? undefined : didYouMeanSuggesters(parsed);
  if (suggest) request.suggest = suggest;
  return request;
}

/** What a page's requests need of the ranking stage that chose its articles. */
export type ChosenBy = Pick<RankingStage, "recall" | "mistyped">;

/** The articles the page shows, highlighted: by id, in any order (the caller keeps its ranking). */
export function pageRequest(
  parsed: ParsedQuery,
  input: SearchInput,
  shown: readonly Candidate[],
  index: string,
  chosenBy: ChosenBy = { recall: "strict" },
): estypes.SearchRequest {
  return {
    index,
    size: shown.length,
    track_total_hits: false,
    query: { ids: { values: shown.map((candidate) => candidate.id) } },
    _source: { excludes: ["body", ...INDEX_ONLY_FIELDS] },
    ...(input.highlight && !isEmptyQuery(parsed) ? { highlight: highlight(parsed, chosenBy) } : {}),
  };
}

/**
 * How many articles of each shown story match the query (as the ranking stage that chose them
 * matched it) and every filter, so a story's count agrees with the results'.
 */
export function pageCopiesRequest(
  parsed: ParsedQuery,
  input: SearchInput,
  shown: readonly Candidate[],
  index: string,
  { recall, mistyped }: ChosenBy,
): estypes.SearchRequest | undefined {
  const stories = [...new Set(shown.flatMap((candidate) => (candidate.story ? [candidate.story] : [])))];
  if (!stories.length) return undefined;
  const matched = buildQuery(parsed, recall, mistyped, pageOrder(parsed, input.sort));
  return storyCountsRequest(stories, [matched, ...allFilters(input)], index);
}
