/**
 * @module search/suggestions
 * The completion's hits → the titles offered: each title once (the same headline reused for another
 * day's story is one line to a reader); of titles that match alike, first those completing the word
 * being typed as most of the titles read do (بوت: بوتين before بوتان and بوتكس), then shorter
 * titles, whose words are more of what they are about, then newer; the typed starts marked.
 */
import type { estypes } from "@elastic/elasticsearch";
import type { ArticleDocument } from "../articles/document.js";
import { exactWords } from "../text/arabic.js";
import { escapeHtml } from "../text/html.js";
import { lastWordBegun, suggestWords } from "./build-suggest.js";
import { typoLikelihood } from "./did-you-mean.js";
import { listedSpellings } from "./listed-spellings.js";
import { begunBy, markTitle, startForms, typoStartMarks } from "./marks.js";
import { RANKING } from "./ranking.js";
import type { Suggestion } from "./responses.js";
import { shapeHit } from "./shape.js";

type Hit = estypes.SearchHit<Partial<ArticleDocument>>;

/**
 * `size` suggestions from the completion's hits (in its order: score, then newest). `typoAway`:
 * whether the hits were found a typo away from some of the words (the tolerant completion).
 */
export function offeredSuggestions(
  hits: Hit[],
  q: string,
  size: number,
  { typoAway = false } = {},
): Suggestion[] {
  const words = suggestWords(q);
  const lastBegun = lastWordBegun(q);
  const formsByWord = words.map(startForms);
  const typing = formsByWord.at(-1) ?? [];
  // Titles a typo away go likeliest slip first: a doubled letter before a swap before a letter
  // left out (typoLikelihood), whatever their scores.
  const typed = typoAway
    ? words.flatMap((word, i) =>
        exactWords(word)
          .slice(0, 1)
          .map((exact) => ({ exact, whole: !lastBegun && i === words.length - 1 })),
      )
    : [];
  const titles = titlesOnce(hits, typing).map((title) => ({
    ...title,
    length: title.words.length,
    slips: typed.reduce((sum, { exact, whole }) => sum + likeliestSlip(exact, title.words, whole), 0),
  }));
  const uses = completionUses(titles);
  const mostUsed = (completions: Set<string>) =>
    Math.max(0, ...[...completions].map((word) => uses.get(word) ?? 0));
  const order = titles
    .map((title) => ({ ...title, score: title.hit._score ?? 0, uses: mostUsed(title.completions) }))
    .sort((a, b) => a.slips - b.slips || b.score - a.score || b.uses - a.uses || a.length - b.length);
  const typos = typoAway ? typoStartMarks(words, formsByWord, lastBegun) : [];
  const marks = { starts: formsByWord.flat(), typos };
  return order.slice(0, size).map(({ hit }) => {
    const shaped = shapeHit(hit);
    return {
      id: shaped.id,
      title: shaped.title,
      highlighted: markTitle(shaped.title, marks) ?? escapeHtml(shaped.title),
      source: shaped.source,
      published_at: shaped.published_at,
    };
  });
}

/** A completion's title: its exact words, and those of them the word being typed begins. */
interface CompletedTitle {
  hit: Hit;
  words: string[];
  completions: Set<string>;
}

/** Each title once (the same headline on another story is one line to a reader), with its completions. */
function titlesOnce(hits: Hit[], typing: readonly string[]): CompletedTitle[] {
  const seen = new Set<string>();
  return hits.flatMap((hit) => {
    const words = exactWords(hit._source?.title ?? "");
    const key = words.join(" ");
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ hit, words, completions: new Set(words.filter((word) => begunBy(word, typing))) }];
  });
}

/** How many of the titles use each completion. */
function completionUses(titles: readonly CompletedTitle[]): Map<string, number> {
  const uses = new Map<string, number>();
  for (const { completions } of titles)
    for (const word of completions) uses.set(word, (uses.get(word) ?? 0) + 1);
  return uses;
}

/** What the completion's titles say of the word being typed (readTyping). */
export interface TypingRead {
  /**
   * The completion most of the titles use (بوت: بوتين), in the exact form the titles are indexed
   * in. Undefined when fewer titles than RANKING.typed.likeliestCompletionMinTitles use any, or when
   * a title holds the word as typed (الصين): it may be finished, and the word itself is what ranks.
   * Nor is the word the typed letters spell without an article a completion (الهل is not هل, the
   * question word).
   */
  completion?: string;
  /**
   * A word typed alone begins fewer titles than `size`, none holding it whole (دعش: دعشنة): so rare
   * a start may be a common word misspelt (داعش), which such titles do not vouch for. Not after
   * other words, which leave few titles to any word being typed (مشاريع اقتصا).
   */
  typingOnlyBegun: boolean;
}

/** The completion's titles read once for the word being typed: see TypingRead. */
export function readTyping(hits: Hit[], q: string, size: number): TypingRead {
  const words = suggestWords(q);
  const last = words.at(-1);
  if (last === undefined) return { typingOnlyBegun: false };
  const typing = startForms(last);
  const titles = titlesOnce(hits, typing);
  const uses = completionUses(titles);
  const whole = heldWhole(last, uses);
  const alone = words.length === 1 && hits.length > 0;
  let completion: string | undefined;
  let most = RANKING.typed.likeliestCompletionMinTitles - 1;
  if (!whole)
    for (const [word, count] of uses)
      if (count > most && !typing.includes(word)) [completion, most] = [word, count];
  return { completion, typingOnlyBegun: alone && titles.length < size && !whole };
}

/** Whether a title's word is the word being typed, as typed or in a spelling the synonyms list. */
function heldWhole(last: string, uses: ReadonlyMap<string, number>): boolean {
  const asTyped = [last, ...listedSpellings(last)].flatMap((word) => exactWords(word).slice(0, 1));
  return asTyped.some((word) => uses.has(word));
}

/** typoLikelihood's score for a slip it does not name. */
const UNLIKELY = 3;

/**
 * How likely a typed word is a slip from a title word (typoLikelihood, against the word's start as
 * long, a letter longer or shorter), the likeliest of the title's words: 0 where one begins as typed.
 * A `whole` word (finished) is compared with whole title words: 0 where one is the word typed.
 */
function likeliestSlip(typed: string, titleWords: readonly string[], whole: boolean): number {
  let likeliest = UNLIKELY;
  for (const word of titleWords) {
    if (whole) {
      if (word === typed) return 0;
      likeliest = Math.min(likeliest, typoLikelihood(typed, word));
      continue;
    }
    if (word.startsWith(typed)) return 0;
    for (
      let length = Math.max(1, typed.length - 1);
      length <= Math.min(word.length, typed.length + 1);
      length++
    )
      likeliest = Math.min(likeliest, typoLikelihood(typed, word.slice(0, length)));
  }
  return likeliest;
}
