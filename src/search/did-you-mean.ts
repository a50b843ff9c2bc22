/**
 * @module search/did-you-mean
 * "Did you mean", with a confidence check. The search request carries term suggesters that look
 * only at rare words (a misspelling is rare; a word most articles use is spelt right) or at words
 * no title holds as typed, and propose more common words within a typo of each (for a three-letter
 * word, the words it leaves a letter out of). A correction is
 * shown only when the query as typed finds no article holding every word, and it is the likeliest
 * one that does: `collateRequests` asks that, and only for the few queries that got a correction
 * at all. Of corrections as close, one whose words an article holds near one another wins
 * (`nearRequests`). It is shown as an article spells it (`spelledAsWritten`). A word typed alone
 * that no article holds is searched as its correction instead (`correctedAlone`).
 */
import type { estypes } from "@elastic/elasticsearch";
import { normalizeArabic, TATWEEL_AND_HARAKAT, WORD_SEPARATORS } from "../text/arabic.js";
import { KEYBOARD_NEIGHBOURS } from "../text/keyboard.js";
import { type ParsedQuery, plainWords } from "./query-parser.js";
import { RANKING } from "./ranking.js";
import { titlePrefixQuery } from "./title-prefix.js";
import {
  allowedEdits,
  articlePrefix,
  completable,
  hamzaSeated,
  indexedForm,
  letterLeftOut,
  mayBeTypo,
  undoubled,
} from "./typos.js";

const { didYouMean, typos } = RANKING;
/** The words of the articles without their article (الحليب as حليب): typos of the word itself. */
const FIELD = "body.exact";
/**
 * The words of the titles as written, article included: a typo that garbles the article
 * (احلليب, لاتعليم, غلجنوبية) is one edit from الحليب but two or more from حليب.
 */
const WHOLE_WORDS_FIELD = "title.words";
/** Options the left-out suggester is asked for, of which only the words left a letter out of are kept. */
const LEFT_OUT_OPTIONS = 10;
const STEMMED = ["title", "lead", "body"];
/**
 * Corrections tried per rare word. A suggester ranks a slip that keeps the word's length above a
 * letter dropped or added, so a word needs room past its one-key slips for the word a letter
 * pressed twice meant (ممبيعات: ومبيعات, بمبيعات, لمبيعات before مبيعات).
 */
const OPTIONS_PER_WORD = 5;
/** Corrected queries checked per search at most. */
const MAX_CANDIDATES = 8;

/** The words a suggester asks about: those allowed 1 or 2 edits, either, or left a letter out of. */
type WordGroup = 1 | 2 | "some" | "left-out";

const IN_GROUP: Record<WordGroup, (word: string) => boolean> = {
  1: (word) => allowedEdits(word) === 1,
  2: (word) => allowedEdits(word) === 2,
  some: (word) => allowedEdits(word) > 0,
  "left-out": (word) => letterLeftOut(word) !== undefined,
};

/**
 * A suggester's text, the words of `group` among the first `didYouMean.maxWords` that could be
 * typos, and where each word starts in it.
 */
function suggesterText(words: string[], group: WordGroup): { text: string; starts: Map<number, number> } {
  const starts = new Map<number, number>();
  let text = "";
  let mayBeTypos = 0;
  words.forEach((word, i) => {
    if (mayBeTypo(word) && ++mayBeTypos > didYouMean.maxWords) return;
    if (!IN_GROUP[group](word)) return;
    if (text) text += " ";
    starts.set(text.length, i);
    text += word;
  });
  return { text, starts };
}

function termSuggester(
  text: string,
  edits: 1 | 2,
  {
    minWordLength = typos.oneEditFrom,
    size = OPTIONS_PER_WORD,
  }: { minWordLength?: number; size?: number } = {},
): estypes.SearchFieldSuggester {
  return {
    text,
    term: {
      field: FIELD,
      suggest_mode: "popular",
      max_edits: edits,
      prefix_length: typos.prefixLength,
      min_word_length: minWordLength,
      max_term_freq: didYouMean.maxTermFreq,
      min_doc_freq: didYouMean.minSuggestionFreq,
      size,
    },
  };
}

/** A term suggester: the words it asks about, how it is built, and how its options are read. */
interface Suggester {
  name: string;
  words: WordGroup;
  build: (text: string) => estypes.SearchFieldSuggester;
  /** Its options are whole words as written, article included (else the article typed is put back). */
  asWritten: boolean;
  /** Which options to keep, of the word as the suggester read it. */
  keep?: (typed: string, option: string) => boolean;
}

const SUGGESTERS: Suggester[] = [
  { name: "typo_1", words: 1, build: (text) => termSuggester(text, 1), asWritten: false },
  { name: "typo_2", words: 2, build: (text) => termSuggester(text, 2), asWritten: false },
  { name: "typo_whole_word", words: "some", build: wholeWordSuggester, asWritten: true },
  // A three-letter word may be a longer one with a letter left out (letterLeftOut), as the tolerant
  // search takes it: one edit, of which only the words it leaves a letter out of are kept.
  {
    name: "typo_left_out",
    words: "left-out",
    build: (text) => termSuggester(text, 1, { minWordLength: typos.letterLeftOutOf, size: LEFT_OUT_OPTIONS }),
    asWritten: false,
    keep: leavesOut,
  },
];

/**
 * The suggesters for the search request, or undefined when no word could be a typo. Plain queries
 * only: a reader who writes phrases, OR and exclusions is not guessing at spelling.
 */
export function didYouMeanSuggesters(parsed: ParsedQuery): estypes.SearchSuggester | undefined {
  const words = plainWords(parsed);
  if (parsed.phrases.length || parsed.excluded.length || words.length !== parsed.terms.length)
    return undefined;
  const suggest = Object.fromEntries(
    SUGGESTERS.flatMap(({ name, words: group, build }) => {
      const { text } = suggesterText(words, group);
      return text ? [[name, build(text)]] : [];
    }),
  );
  return Object.keys(suggest).length ? suggest : undefined;
}

/** The suggesters on their own, for a strict stage that left them out; undefined when none apply. */
export function suggestersRequest(parsed: ParsedQuery, index: string): estypes.SearchRequest | undefined {
  const suggest = didYouMeanSuggesters(parsed);
  return suggest && { index, size: 0, track_total_hits: false, query: { match_none: {} }, suggest };
}

/**
 * One edit from a title's word as written, for words no title holds as typed (`missing`): a word
 * spelt right that some title holds costs nothing here, and the body suggesters judge the rest.
 */
function wholeWordSuggester(text: string): estypes.SearchFieldSuggester {
  return {
    text,
    term: {
      field: WHOLE_WORDS_FIELD,
      suggest_mode: "missing",
      max_edits: 1,
      prefix_length: typos.prefixLength,
      min_word_length: typos.oneEditFrom,
      min_doc_freq: didYouMean.minSuggestionFreq,
      size: OPTIONS_PER_WORD,
    },
  };
}

/**
 * The suggesters for an index of `shards` shards. Lucene offers only words held by more articles
 * than `min_doc_freq`, counted on each shard, so a correction held by a few articles spread over
 * several shards would be offered on one shard and missed on three. A sharded index asks each
 * shard for every word it holds, and for as many as all shards could need; Elasticsearch sums the
 * shards' counts, and suggestedSpellings holds them to the floor and to the options per word.
 */
export function suggestersForShards(
  suggest: estypes.SearchSuggester,
  shards: number,
): estypes.SearchSuggester {
  if (shards <= 1) return suggest;
  return Object.fromEntries(
    Object.entries(suggest).map(([name, suggester]) => {
      if (!(typeof suggester === "object" && suggester && "term" in suggester && suggester.term))
        return [name, suggester];
      const size = (suggester.term.size ?? OPTIONS_PER_WORD) * shards;
      return [name, { ...suggester, term: { ...suggester.term, min_doc_freq: 0, size, shard_size: size } }];
    }),
  ) as estypes.SearchSuggester;
}

/**
 * Each word's suggested spellings, whole and normalised (with the article it was typed with), with
 * how many articles hold each (the most any suggester reported).
 */
function suggestedSpellings(words: string[], response: estypes.SearchResponse): Map<string, number>[] {
  const spellings = words.map(() => new Map<string, number>());
  for (const { name, words: group, asWritten, keep = () => true } of SUGGESTERS) {
    const { starts } = suggesterText(words, group);
    for (const entry of response.suggest?.[name] ?? []) {
      const at = starts.get(entry.offset);
      const spelt = at === undefined ? undefined : spellings[at];
      if (at === undefined || !spelt) continue;
      const article = asWritten ? "" : articlePrefix(words[at] as string);
      const options = [entry.options].flat() as Array<{ text?: string; freq?: number }>;
      const kept = options.flatMap(({ text, freq = 0 }) =>
        text && freq > didYouMean.minSuggestionFreq && keep(entry.text, text) ? [{ text, freq }] : [],
      );
      for (const { text, freq } of kept.slice(0, OPTIONS_PER_WORD)) {
        const spelling = `${article}${text}`;
        spelt.set(spelling, Math.max(freq, spelt.get(spelling) ?? 0));
      }
    }
  }
  return spellings;
}

/**
 * The words typed that a correction changes (rare, with a likelier spelling), each with the
 * spellings the corrections give it, likeliest first.
 */
export function mistypedWords(parsed: ParsedQuery, corrected: readonly string[]): Map<string, string[]> {
  const words = plainWords(parsed);
  const likelier = new Map<string, string[]>();
  for (const text of corrected) {
    const spelt = text.split(" ");
    words.forEach((word, at) => {
      const spelling = spelt[at];
      if (spelling === undefined || spelling === word) return;
      const spellings = likelier.get(word) ?? [];
      if (!spellings.includes(spelling)) spellings.push(spelling);
      likelier.set(word, spellings);
    });
  }
  return likelier;
}

/**
 * The corrected queries worth checking, fewest changes first: each rare word as typed or as one of
 * the suggesters' words, likeliest typo first. None when nothing was suggested.
 */
export function corrections(parsed: ParsedQuery, response: estypes.SearchResponse): string[] {
  const words = plainWords(parsed);
  const choices = suggestedSpellings(words, response).map((suggested, at) => {
    const word = words[at] as string;
    // Only rare words get options. A letter pressed twice is the commonest slip: its fix is
    // checked even when the suggesters did not propose it.
    if (!suggested.size) return [word];
    const typed = normalizeArabic(word);
    const once = undoubled(word);
    // A far commoner word may go ahead of a likelier typo: each frequencyPerStep-fold of
    // articles holding it is worth one step of typoLikelihood. A letter pressed twice is read
    // as typed (اللليل), which the normal form no longer shows.
    const rank = (option: string) =>
      (once.includes(option) ? 0 : typoLikelihood(typed, option)) -
      Math.log(Math.max(1, suggested.get(option) ?? 1)) / Math.log(didYouMean.frequencyPerStep);
    const options = [...new Set([...once, ...suggested.keys()])]
      .filter((option) => option !== typed)
      .sort((a, b) => rank(a) - rank(b));
    return [word, ...options];
  });
  let combos: Array<{ words: string[]; changes: number }> = [{ words: [], changes: 0 }];
  for (const options of choices)
    combos = combos.flatMap((combo) =>
      options.map((word, k) => ({ words: [...combo.words, word], changes: combo.changes + (k ? 1 : 0) })),
    );
  return combos
    .filter((combo) => combo.changes > 0)
    .sort((a, b) => a.changes - b.changes)
    .slice(0, MAX_CANDIDATES)
    .map((combo) => combo.words.join(" "));
}

/** The letters of `correction` whose omission gives `typed`: none unless it is one letter longer. */
function lettersLeftOut(typed: string, correction: string): string[] {
  const letters = [...correction];
  if (letters.length !== [...typed].length + 1) return [];
  return letters.filter((_, i) => letters.toSpliced(i, 1).join("") === typed);
}

/** Whether `typed` is `correction` with one letter left out. */
function leavesOut(typed: string, correction: string): boolean {
  return lettersLeftOut(typed, correction).length > 0;
}

/**
 * Long vowels (normalised), which writers often leave out, of foreign names and words most of all
 * (فيرس for فيروس, كرونا for كورونا): as likely a slip as a neighbouring key.
 */
const LONG_VOWELS = new Set(["ا", "و", "ي"]);

/**
 * How readers mistype, likeliest first: a letter pressed twice or a hamza typed as the letter it
 * sits on, two letters swapped, a neighbouring key hit or a long vowel left out, another letter
 * left out, anything else. Lower is likelier; it orders a word's corrections.
 */
export function typoLikelihood(typed: string, correction: string): number {
  if (hamzaSeated(typed).includes(correction)) return 0;
  const a = [...typed];
  const b = [...correction];
  const without = (letters: string[], i: number) =>
    [...letters.slice(0, i), ...letters.slice(i + 1)].join("");
  if (a.length === b.length + 1)
    return a.some((letter, i) => i > 0 && letter === a[i - 1] && without(a, i) === correction) ? 0 : 3;
  if (a.length + 1 === b.length) {
    const leftOut = lettersLeftOut(typed, correction);
    if (leftOut.some((letter) => LONG_VOWELS.has(letter))) return 1;
    return leftOut.length ? 2 : 3;
  }
  if (a.length !== b.length) return 3;
  const differ = a.flatMap((letter, i) => (letter === b[i] ? [] : [i]));
  const [i, j] = differ;
  if (differ.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i]) return 1;
  if (differ.length === 1 && i !== undefined && KEYBOARD_NEIGHBOURS.get(a[i] ?? "")?.includes(b[i] ?? ""))
    return 1;
  return 3;
}

/**
 * Articles holding every word (stemmed; the last one possibly unfinished): does this query find any?
 * A function word the reader typed (`typed`, word for word), which the stemmed fields drop (في,
 * هو), holds no article back; a correction into one (ليس for لئيس) finds none.
 */
function everyWord(
  words: string[],
  lastIsPrefix: boolean,
  typed: readonly string[] = [],
): estypes.QueryDslQueryContainer {
  return {
    bool: {
      must: words.map((word, i) => {
        const zeroTerms = word === typed[i] ? "all" : "none";
        const whole: estypes.QueryDslQueryContainer = {
          multi_match: { query: word, fields: STEMMED, zero_terms_query: zeroTerms },
        };
        if (!(lastIsPrefix && i === words.length - 1 && completable(word))) return whole;
        return { bool: { should: [whole, titlePrefixQuery(word, undefined, i > 0)] } };
      }),
    },
  };
}

/**
 * For one `msearch`, one check per query: does it find an article (each stops at its first hit),
 * or, given `upTo`, how many, counted up to that (`true`: all of them).
 */
export function checks(
  queries: estypes.QueryDslQueryContainer[],
  index: string,
  upTo?: number | true,
): estypes.MsearchRequestItem[] {
  const counting =
    upTo === undefined ? { terminate_after: 1, track_total_hits: true } : { track_total_hits: upTo };
  return queries.flatMap((query) => [{ index }, { size: 0, ...counting, query }]);
}

/**
 * For one `msearch`: how many articles hold each word (the last begun, when `lastIsPrefix`),
 * counted up to `upTo`.
 */
export function wordCounts(
  words: string[],
  lastIsPrefix: boolean,
  index: string,
  upTo: number,
): estypes.MsearchRequestItem[] {
  return checks(
    words.map((word, i) => everyWord([word], lastIsPrefix && i === words.length - 1)),
    index,
    upTo,
  );
}

/**
 * For one `msearch`: does the query as typed find an article holding every word, and does each
 * correction? `completed`: whether the search completes the last word (a headline being typed, not
 * a question), so that a title it begins counts as found, as the search would find it; a
 * correction leaving that word as typed is searched so too (الاتحاد الإيط, not الاتحاد الاي).
 */
export function collateRequests(
  parsed: ParsedQuery,
  candidates: string[],
  index: string,
  completed: boolean,
): estypes.MsearchRequestItem[] {
  const typed = plainWords(parsed);
  const corrected = candidates.map((candidate) => {
    const words = candidate.split(" ");
    return everyWord(words, completed && words.at(-1) === typed.at(-1), typed);
  });
  return checks([everyWord(typed, completed, typed), ...corrected], index);
}

/**
 * The corrections worth showing, from the articles `collateRequests`' checks found: none when the
 * query as typed finds an article with every word; otherwise those that find one and change the
 * fewest words, likeliest typos first (the candidates' order).
 */
export function closestCorrections(parsed: ParsedQuery, candidates: string[], found: number[]): string[] {
  const [typed = 0, ...each] = found;
  if (typed > 0) return [];
  const changed = (candidate: string) =>
    correctionWords(parsed, candidate).filter(({ corrected }) => corrected).length;
  const finding = candidates.filter((_, i) => (each[i] ?? 0) > 0);
  const changes = finding.map(changed);
  const fewest = Math.min(...changes);
  return finding.filter((_, i) => changes[i] === fewest);
}

/**
 * For one `msearch`, when several corrections are as close: how many articles hold each one's
 * words within a few words of one another (stemmed, in the order typed), as a sentence or a
 * headline does, counted up to `nearCountedUpTo`? Words that meet only far apart in a long
 * article are a weak sign that a reader meant them together.
 */
export function nearRequests(corrections: string[], index: string): estypes.MsearchRequestItem[] {
  return checks(
    corrections.map((correction) => ({
      multi_match: { query: correction, fields: STEMMED, type: "phrase", slop: didYouMean.nearSlop },
    })),
    index,
    didYouMean.nearCountedUpTo,
  );
}

/**
 * The correction to show: the first whose words an article holds near one another, unless a later
 * one, as likely a typo or likelier (typoLikelihood, its corrected words' summed), has words
 * `frequencyPerStep` times as many articles hold so; the first when none is held so.
 */
export function pickCorrection(parsed: ParsedQuery, corrections: string[], near: number[]): string | null {
  const typed = plainWords(parsed).map(normalizeArabic);
  const likelihood = (i: number) =>
    correctionWords(parsed, corrections[i] ?? "").reduce(
      (sum, { word, corrected }, at) => (corrected ? sum + typoLikelihood(typed[at] ?? "", word) : sum),
      0,
    );
  const held = (i: number) => near[i] ?? 0;
  let best = near.findIndex((found) => found > 0);
  if (best < 0) return corrections[0] ?? null;
  for (let i = best + 1; i < corrections.length; i++)
    if (likelihood(i) <= likelihood(best) && held(i) >= held(best) * didYouMean.frequencyPerStep) best = i;
  return corrections[best] ?? null;
}

/**
 * The corrections that change no word but `words` (a question's slips: slipsOnly), so that "did
 * you mean" offers what its page reads, and never rewrites a word the reader meant.
 */
export function changingOnly(
  parsed: ParsedQuery,
  candidates: readonly string[],
  words: ReadonlyMap<string, unknown>,
): string[] {
  const typed = plainWords(parsed);
  return candidates.filter((candidate) =>
    correctionWords(parsed, candidate).every(({ corrected }, at) => !corrected || words.has(typed[at] ?? "")),
  );
}

/**
 * The slips with the spelling `correction` gives each one first, so that a question's page reads
 * its slips as its "did you mean" corrects them.
 */
export function correctionFirst(
  parsed: ParsedQuery,
  slips: ReadonlyMap<string, readonly string[]>,
  correction: string,
): Map<string, readonly string[]> {
  const typed = plainWords(parsed);
  const chosen = new Map(
    correctionWords(parsed, correction).flatMap(({ word, corrected }, at) =>
      corrected ? [[typed[at] ?? "", word] as const] : [],
    ),
  );
  return new Map(
    [...slips].map(([word, spellings]) => {
      const spelling = chosen.get(word);
      if (spelling === undefined) return [word, spellings];
      return [word, [spelling, ...spellings.filter((other) => other !== spelling)]];
    }),
  );
}

/**
 * For one `msearch`, asked when a question's slips found no correction an article holds whole:
 * whether the page's first article holds each slip as typed, and its likeliest spelling (exact
 * forms). Two counts a slip, in the slips' order.
 */
export function vouchingRequests(
  slips: ReadonlyMap<string, readonly string[]>,
  firstShown: string,
  index: string,
): estypes.MsearchRequestItem[] {
  const inArticle = (word: string): estypes.QueryDslQueryContainer => ({
    bool: { filter: [{ ids: { values: [firstShown] } }, heldAsWritten(word)] },
  });
  return [...slips].flatMap(([word, [likeliest = word]]) =>
    checks([inArticle(word), inArticle(likeliest)], index),
  );
}

/**
 * The correction the page's first article vouches for (vouchingRequests' counts): the first slip it
 * holds as its likeliest spelling and not as typed, put so; null when it holds none so. The page
 * read the question so, and its best answer spells the word so.
 */
export function vouchedCorrection(
  parsed: ParsedQuery,
  slips: ReadonlyMap<string, readonly string[]>,
  counts: readonly number[],
): string | null {
  const vouched = [...slips].find((_, i) => !counts[2 * i] && (counts[2 * i + 1] ?? 0) > 0);
  const spelling = vouched?.[1][0];
  if (!vouched || spelling === undefined) return null;
  return plainWords(parsed)
    .map((word) => (word === vouched[0] ? spelling : word))
    .join(" ");
}

/** The exact fields: where a corrected word, as the suggesters give it, is held as written. */
const EXACT = ["title.exact", "lead.exact", "body.exact"];

/** An article holding the word (as the suggesters give it) in any exact field. */
function heldAsWritten(word: string): estypes.QueryDslQueryContainer {
  return { multi_match: { query: word, fields: EXACT } };
}

/** The words of `correction`, each marked when it is the suggesters' (normalised), not the reader's. */
function correctionWords(
  parsed: ParsedQuery,
  correction: string,
): Array<{ word: string; corrected: boolean }> {
  const typed = plainWords(parsed);
  return correction.split(" ").map((word, i) => ({ word, corrected: word !== typed[i] }));
}

/**
 * One article holding the corrected words as written, its text only: the suggesters give
 * normalised forms (المعركه, الجزاءر), and the article shows how they are spelt (المعركة, الجزائر).
 */
export function spellingRequest(
  parsed: ParsedQuery,
  correction: string,
  index: string,
): estypes.SearchRequest | undefined {
  const corrected = correctionWords(parsed, correction).flatMap(({ word, corrected }) =>
    corrected ? [word] : [],
  );
  if (!corrected.length) return undefined;
  return {
    index,
    size: 1,
    terminate_after: 1,
    track_total_hits: false,
    _source: ["title", "lead", "body"],
    query: { bool: { must: corrected.map(heldAsWritten) } },
  };
}

/**
 * The correction with each corrected word as `text` (an article's) spells it: the same word, or
 * the same word after another article (والجزائر for الجزاءر), harakat dropped. A word the text
 * does not hold stays as the suggesters gave it.
 */
export function spelledAsWritten(parsed: ParsedQuery, correction: string, text: string): string {
  const whole = new Map<string, string>();
  const afterArticle = new Map<string, string>();
  for (const token of text.split(WORD_SEPARATORS)) {
    const written = token.replace(TATWEEL_AND_HARAKAT, "");
    const normal = normalizeArabic(written);
    if (!whole.has(normal)) whole.set(normal, written);
    const bare = indexedForm(written);
    // Letter for letter (no mark or variant dropped), so the bare word's letters can be cut out.
    if (normal.length === written.length && !afterArticle.has(bare))
      afterArticle.set(bare, written.slice(written.length - bare.length));
  }
  return correctionWords(parsed, correction)
    .map(({ word, corrected }) => {
      if (!corrected) return word;
      const written = afterArticle.get(indexedForm(word));
      return whole.get(word) ?? (written ? `${articlePrefix(word)}${written}` : word);
    })
    .join(" ");
}

/**
 * Whether the page is the correction's instead of the tolerant recall's: one word typed alone (no
 * phrase, OR-group or exclusion) that no article holds in any form, with a likelier spelling. The
 * words a typo away from it each bring their own articles, and with no other word to narrow them
 * its page would mix several (التحيز and التميز among التمييز's reports for التييز); several
 * words narrow one another's readings, and the tolerant recall reads them better than any one
 * correction.
 */
export function correctedAlone(parsed: ParsedQuery, found: number, mistyped: readonly string[]): boolean {
  const alone = parsed.terms.length === 1 && !parsed.phrases.length && !parsed.excluded.length;
  return alone && plainWords(parsed).length === 1 && found === 0 && mistyped.length > 0;
}

/**
 * For one `msearch`: how many articles hold the correction of a word typed alone (correctedAlone),
 * counted as far as `didYouMean.searchedFrom`.
 */
export function correctionCount(correction: string, index: string): estypes.MsearchRequestItem[] {
  return checks([everyWord([correction], false)], index, didYouMean.searchedFrom);
}

/**
 * Whether the correction of a word typed alone is searched in place of it: enough articles, by
 * correctionCount's answer, hold it to fill a page.
 */
export function searchedAsCorrected(found: number): boolean {
  return found >= didYouMean.searchedFrom;
}

/** What is searched for a correction read in place of the word typed (correctedAlone): a whole word. */
export function correctedQuery(parsed: ParsedQuery, correction: string): string {
  return `${asAsked(parsed, correction)} `;
}

/** A correction as the reader would ask it: after the question word the query opened with. */
export function asAsked(parsed: ParsedQuery, correction: string | null): string | null {
  return correction && parsed.questionWord ? `${parsed.questionWord} ${correction}` : correction;
}
