/**
 * @module search/latin-names
 * A query's Latin words may name what Arabic news writes in Arabic letters (aramco: أرامكو,
 * ibn khaldoun: ابن خلدون, تصريحات trump: تصريحات ترامب). Pure: one `msearch` asking, for each
 * Latin word, whether titles write it in Latin letters, how many articles hold it, how many hold
 * each spelling its sounds take, and which index words lie a letter from the likeliest; then the
 * Arabic reading of the query those answers support, if any. A word titles write in Latin letters
 * (Galaxy) is searched as typed.
 */
import type { estypes } from "@elastic/elasticsearch";
import { stopWords } from "../es/index-definition.js";
import { exactWords } from "../text/arabic.js";
import { editDistance } from "../text/edit-distance.js";
import { LATIN_WORD } from "../text/keyboard.js";
import {
  type ArabicSpelling,
  arabicSpellings,
  consonantSkeleton,
  LATIN_NAME,
  otherFirstLetter,
} from "../text/latin-sounds.js";
import { checks, suggestersForShards } from "./did-you-mean.js";
import { listedWordsIn } from "./listed-spellings.js";
import { RANKING } from "./ranking.js";
import { foundByEach } from "./shape.js";

/** A Latin word of the query and the Arabic spellings to count for it. */
export interface LatinName {
  latin: string;
  spellings: ArabicSpelling[];
}

// The fields names are counted in: each word as written, without an article before it.
const WORDS_FIELD = "body.exact";
const TITLE_WORDS_FIELD = "title.exact";
// A shorter near word is a function word (هل), not a name.
const NEAR_WORD_MIN_LETTERS = 3;
// Nor is a word the analysis leaves out as too common to search: uber is not عبر.
const FUNCTION_WORDS = new Set(stopWords());

/**
 * The query's Latin words, each with the spellings to count, its Arabic words left as typed (ارباح
 * aramco); undefined when it holds no Latin word, a run of Latin letters that is no name (too
 * short, no vowel: Arabic typed on the Latin layout, hgsdsd), or more than `latinNames.maxWords`
 * (a sentence, not a name: long input costs nothing). A word mappings/synonyms_ar.txt lists
 * (germany, south korea) is left as typed: the rules give its Arabic spellings.
 */
export function latinNames(q: string): LatinName[] | undefined {
  const words = [...new Set(q.match(LATIN_WORD) ?? [])];
  const { maxWords, spellingsPerWord } = RANKING.latinNames;
  if (!words.length || words.length > maxWords || !words.every((word) => LATIN_NAME.test(word)))
    return undefined;
  const listed = listedWordsIn(q);
  const unlisted = words.filter((word) => !exactWords(word).every((exact) => listed.has(exact)));
  if (!unlisted.length) return undefined;
  return unlisted.map((latin) => ({
    latin,
    spellings: (arabicSpellings(latin) ?? []).slice(0, spellingsPerWord),
  }));
}

const inArticles = (term: string): estypes.QueryDslQueryContainer => ({ term: { [WORDS_FIELD]: term } });
// A title word in Latin letters a typo away (Galxy for Galaxy) is still one the titles write so.
const inTitles = (latin: string): estypes.QueryDslQueryContainer => ({
  match: { [TITLE_WORDS_FIELD]: { query: latin, fuzziness: "AUTO", prefix_length: 1 } },
});

// Each name's counts: in the titles as typed or a typo away, in the articles as typed, then each spelling.
const COUNTS_BEFORE_SPELLINGS = 2;

/**
 * One `msearch`: the index words a letter from each name's likeliest spelling, its first
 * letter also read as the other its sound is often written with (term suggesters, most
 * frequent first), then per name the titles holding it in Latin letters (or a typo away), the
 * articles holding it as typed, and those holding each spelling.
 */
export function latinNameRequests(
  names: readonly LatinName[],
  index: string,
  shards: number,
): estypes.MsearchRequestItem[] {
  const { nearWords } = RANKING.latinNames;
  const suggest: Record<string, estypes.SearchFieldSuggester> = {};
  for (const [i, { spellings }] of names.entries()) {
    const likeliest = spellings[0]?.text;
    if (!likeliest) continue;
    const other = otherFirstLetter(likeliest);
    for (const [k, text] of [likeliest, ...(other ? [other] : [])].entries())
      suggest[`name_${i}_${k}`] = {
        text,
        term: {
          field: WORDS_FIELD,
          suggest_mode: "always",
          sort: "frequency",
          max_edits: 1,
          prefix_length: 1,
          min_word_length: 3,
          size: nearWords,
        },
      };
  }
  return [
    { index },
    { size: 0, track_total_hits: false, suggest: suggestersForShards(suggest, shards) },
    ...checks(
      names.flatMap(({ latin, spellings }) => [
        inTitles(latin),
        inArticles(latin.toLowerCase()),
        ...spellings.map((spelling) => inArticles(spelling.text)),
      ]),
      index,
      true,
    ),
  ];
}

type Answer = estypes.MsearchResponseItem;

function nearWordsOf(answer: Answer | undefined, i: number): { text: string; freq: number }[] {
  if (!answer || !("suggest" in answer) || !answer.suggest) return [];
  const prefix = `name_${i}_`;
  return Object.entries(answer.suggest)
    .filter(([name]) => name.startsWith(prefix))
    .flatMap(([, entries]) => entries.flatMap(({ options }) => [options].flat()))
    .map((option) => ({
      text: option.text,
      freq: "freq" in option && typeof option.freq === "number" ? option.freq : 0,
    }));
}

/**
 * The Arabic word a Latin one names, from latinNameRequests' answers; none when a title writes
 * it in Latin letters. The candidates: its spellings, and the index words near the likeliest that
 * share its consonants (ترامب for ترومب, حماس for هاماس, never مسدس for مرسدس), each counting as
 * `nearReadings` second readings. Each is held by `timesAsMany` times as many articles as the
 * Latin word, and by no more than `maxShare` of them (ali spells الي: إلى); the one taken is held
 * by the most articles, divided by `perSecondReading` for each of its second readings: a
 * likelier reading goes before a commoner word a less likely one spells (حماس, not همس for
 * hamas; خلدون, which 33 articles hold, not one article's خالدون for khaldoun). Two consonants
 * are little to compare, so a word with fewer than `minConsonants` takes a near word only when it
 * is a spelling with one letter put in, the long vowel writers add (يوتيوب for يوتوب).
 */
function arabicFor(
  { spellings }: LatinName,
  counts: readonly number[],
  near: readonly { text: string; freq: number }[],
  articles: number,
): string | undefined {
  const likeliest = spellings[0]?.text;
  if (!likeliest) return undefined;
  const [inTitles = 0, asTyped = 0, ...held] = counts;
  const { timesAsMany, maxShare, minConsonants, nearReadings, perSecondReading } = RANKING.latinNames;
  if (inTitles > 0) return undefined;
  const skeleton = consonantSkeleton(likeliest);
  const alike = (text: string) =>
    text.length >= NEAR_WORD_MIN_LETTERS &&
    consonantSkeleton(text) === skeleton &&
    ([...skeleton].length >= minConsonants ||
      spellings.some(
        (spelling) => text.length === spelling.text.length + 1 && editDistance(text, spelling.text, 1) === 1,
      ));
  const candidates = [
    ...spellings.map(({ text, secondReadings }, i) => ({ text, freq: held[i] ?? 0, secondReadings })),
    ...near.filter(({ text }) => alike(text)).map((word) => ({ ...word, secondReadings: nearReadings })),
  ].filter(
    ({ text, freq }) =>
      !FUNCTION_WORDS.has(text) && freq >= Math.max(1, asTyped * timesAsMany) && freq <= articles * maxShare,
  );
  const weight = ({ freq, secondReadings }: { freq: number; secondReadings: number }) =>
    freq / perSecondReading ** secondReadings;
  return candidates.sort((a, b) => weight(b) - weight(a))[0]?.text;
}

/**
 * The query with each Latin word put in the Arabic letters the articles write it in, other
 * characters as typed; undefined unless every Latin word is so written (bill gates is not بول
 * gates).
 */
export function arabicNameReading(
  q: string,
  names: readonly LatinName[],
  answers: readonly Answer[],
  articles: number,
): string | undefined {
  const [suggested, ...counted] = answers;
  const found = foundByEach(counted);
  let at = 0;
  const arabic = new Map<string, string>();
  for (const [i, name] of names.entries()) {
    const counts = found.slice(at, at + COUNTS_BEFORE_SPELLINGS + name.spellings.length);
    at += COUNTS_BEFORE_SPELLINGS + name.spellings.length;
    const written = arabicFor(name, counts, nearWordsOf(suggested, i), articles);
    if (!written) return undefined;
    arabic.set(name.latin, written);
  }
  return q.replace(LATIN_WORD, (word) => arabic.get(word) ?? word);
}
