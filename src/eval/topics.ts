/**
 * @module eval/topics
 * Topics as readers type them: three or four words a headline holds side by side that many
 * stories' texts hold too (a body, an office, a person: الاتحاد السعودي لكرة القدم), drawn from a
 * corpus with a fixed seed among those held by enough stories to be a subject and few enough to be
 * one, each with the stories holding it. Words are compared as the exact sub-fields index them
 * (exactWords).
 */
import { exactWords, WORD_SEPARATORS } from "../text/arabic.js";
import { sample, seededRng } from "./perturb.js";
import { isRecallable, typable } from "./typos.js";

/** An article as the phrases are read from it. */
export interface TopicText {
  story: string;
  title: string;
  /** Title, lead and body. */
  text: string;
}

export interface TopicQuery {
  /** The words as the first headline holding them wrote them. */
  query: string;
  /** The stories of every article holding them. */
  stories: Set<string>;
}

/** Words a topic is typed in. */
const LENGTHS = [3, 4] as const;
/** Stories holding a phrase, for it to be a topic: a page of them at least, and not boilerplate. */
export const HELD_BY = { min: 10, max: 300 } as const;
/** Punctuation ends a run of words: a phrase does not run across a sentence or a list. */
const CLAUSE_BREAK = /[.,،؛:;!?؟"«»“”()[\]\n]+/;

/**
 * Every phrase of three or four words a reader could recall (no function words, no digits) that
 * the text holds: its key (the words' exact forms) and the words as written.
 */
export function phrases(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const clause of text.split(CLAUSE_BREAK)) {
    let run: Array<{ written: string; exact: string }> = [];
    const flush = () => {
      for (const length of LENGTHS)
        for (let start = 0; start + length <= run.length; start++) {
          const words = run.slice(start, start + length);
          const key = words.map((word) => word.exact).join(" ");
          if (!found.has(key)) found.set(key, words.map((word) => word.written).join(" "));
        }
      run = [];
    };
    for (const word of clause.split(WORD_SEPARATORS)) {
      const written = typable(word);
      const exact = exactWords(written)[0];
      if (exact && isRecallable(written)) run.push({ written, exact });
      else flush();
    }
    flush();
  }
  return found;
}

/**
 * `count` topics: phrases of the headlines held by HELD_BY stories (title, lead or body), drawn
 * with the seed; each with the stories holding it.
 */
export function topicQueries(
  texts: readonly TopicText[],
  { seed, count }: { seed: number; count: number },
): TopicQuery[] {
  const written = new Map<string, string>();
  for (const { title } of texts)
    for (const [key, words] of phrases(title)) if (!written.has(key)) written.set(key, words);
  const topics = heldByStories(texts, written, (text) => phrases(text).keys(), HELD_BY);
  return sample(topics, count, seededRng(seed)).map(([key, stories]) => ({
    query: written.get(key) ?? key,
    stories,
  }));
}

/**
 * The keys of `written` (read from the headlines) that `min` to `max` stories' texts hold, as
 * `keysOf` reads them, in key order, each with the stories holding it.
 */
export function heldByStories(
  texts: readonly TopicText[],
  written: ReadonlyMap<string, string>,
  keysOf: (text: string) => Iterable<string>,
  { min, max }: { min: number; max: number },
): Array<[string, Set<string>]> {
  const holding = new Map<string, Set<string>>();
  for (const { text, story } of texts)
    for (const key of keysOf(text)) {
      if (!written.has(key)) continue;
      const stories = holding.get(key) ?? new Set();
      if (stories.size <= max) stories.add(story);
      holding.set(key, stories);
    }
  return [...holding]
    .filter(([, stories]) => stories.size >= min && stories.size <= max)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
