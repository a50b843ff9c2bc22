/**
 * @module eval/words
 * One word typed alone, the commonest news search (داعش, النفط, الهلال): a word of the headlines
 * that enough stories hold to fill a page, typed as written, with one typo, with a long vowel left
 * out, or cut short while the reader is still typing it. Relevant is every story holding the word
 * meant, in its title, lead or body, compared as the exact sub-fields index it (exactWords).
 */
import { exactWords, WORD_SEPARATORS } from "../text/arabic.js";
import { type Rng, sample, seededRng } from "./perturb.js";
import { heldByStories, type TopicText } from "./topics.js";
import { cutWord, isRecallable, LONG_VOWEL, mistype, TYPOS, typable } from "./typos.js";

/** How the word meant was typed. */
export const WORD_SETS = ["spelt right", "one typo", "a long vowel left out", "cut short"] as const;
export type WordSet = (typeof WORD_SETS)[number];

export interface WordQuery {
  set: WordSet;
  /** The word as typed. */
  query: string;
  /** The word as the first headline holding it wrote it. */
  meant: string;
  /** The stories of every article holding the word meant. */
  stories: Set<string>;
}

/** Stories holding a word, for it to be drawn: a page of them at least, and not a function word's many. */
export const WORD_HELD_BY = { min: 10, max: 300 } as const;
/** Letters of a word drawn: long enough for a typo (typos.ts), short enough to be a common word. */
export const WORD_LETTERS = { min: 4, max: 9 } as const;

const TYPED_AS: Record<WordSet, (word: string, rng: Rng) => string | undefined> = {
  "spelt right": (word) => word,
  "one typo": (word, rng) => mistype(word, rng, TYPOS)?.typed,
  "a long vowel left out": (word, rng) => mistype(word, rng, [LONG_VOWEL])?.typed,
  "cut short": (word) => {
    const cut = cutWord(word);
    return cut === word ? undefined : cut;
  },
};

/**
 * `count` words of the headlines held by WORD_HELD_BY stories (title, lead or body), drawn with the
 * seed, each typed in every way of WORD_SETS it allows (a word with no long vowel after its first
 * letter has no third query).
 */
export function wordQueries(
  texts: readonly TopicText[],
  { seed, count }: { seed: number; count: number },
): WordQuery[] {
  const written = new Map<string, string>();
  for (const { title } of texts)
    for (const word of title.split(WORD_SEPARATORS).map(typable)) {
      const exact = exactWords(word)[0];
      const letters = [...word].length;
      if (
        exact &&
        isRecallable(word) &&
        letters >= WORD_LETTERS.min &&
        letters <= WORD_LETTERS.max &&
        !written.has(exact)
      )
        written.set(exact, word);
    }
  const words = heldByStories(texts, written, (text) => new Set(exactWords(text)), WORD_HELD_BY);
  const rng = seededRng(seed);
  return sample(words, count, rng).flatMap(([exact, stories]) => {
    const meant = written.get(exact) ?? exact;
    return WORD_SETS.flatMap((set) => {
      const query = TYPED_AS[set](meant, rng);
      return query ? [{ set, query, meant, stories }] : [];
    });
  });
}
