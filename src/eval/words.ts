/**
 * @module eval/words
 * One word typed alone, the commonest news search (داعش, النفط, الهلال): a word of the headlines
 * that enough stories hold to fill a page, typed as written, with one typo, with a long vowel left
 * out, or cut short while the reader is still typing it. And two or three words naming a subject
 * that no headline holds together (البطالة السعودية), spelt right. Relevant is every story holding
 * the words meant, in its title, lead or body, compared as the exact sub-fields index them
 * (exactWords).
 */
import { exactWords, WORD_SEPARATORS } from "../text/arabic.js";
import { type Rng, sample, seededRng } from "./perturb.js";
import { heldByStories, type TopicText } from "./topics.js";
import { cutWord, isRecallable, LONG_VOWEL, mistype, TYPOS, typable } from "./typos.js";

/** How the word meant was typed. */
const ONE_WORD_SETS = ["spelt right", "one typo", "a long vowel left out", "cut short"] as const;
type OneWordSet = (typeof ONE_WORD_SETS)[number];
/** Two words no headline holds together, spelt right. */
export const TWO_WORDS = "two words no headline holds together";
/** Three words no headline holds together, spelt right. */
export const THREE_WORDS = "three words no headline holds together";
export const WORD_SETS = [...ONE_WORD_SETS, TWO_WORDS, THREE_WORDS] as const;
export type WordSet = (typeof WORD_SETS)[number];

export interface WordQuery {
  set: WordSet;
  /** The words as typed. */
  query: string;
  /** The words as the headline and article they were drawn from wrote them. */
  meant: string;
  /** The stories of every article holding the words meant. */
  stories: Set<string>;
}

/** Stories holding a word, for it to be drawn: a page of them at least, and not a function word's many. */
export const WORD_HELD_BY = { min: 10, max: 300 } as const;
/** Letters of a word drawn: long enough for a typo (typos.ts), short enough to be a common word. */
export const WORD_LETTERS = { min: 4, max: 9 } as const;

const TYPED_AS: Record<OneWordSet, (word: string, rng: Rng) => string | undefined> = {
  "spelt right": (word) => word,
  "one typo": (word, rng) => mistype(word, rng, TYPOS)?.typed,
  "a long vowel left out": (word, rng) => mistype(word, rng, [LONG_VOWEL])?.typed,
  "cut short": (word) => {
    const cut = cutWord(word);
    return cut === word ? undefined : cut;
  },
};

/** Stories holding every word of a pair or triple: a page of them at least. */
export const PAIR_HELD_BY = { min: 10 } as const;
/** Draws tried per pair (or triple) wanted before giving up on a corpus with too few. */
const DRAWS_PER_PAIR = 200;

/** A word a reader could type for a subject (recallable, of WORD_LETTERS): its exact form and the word. */
function drawable(written: string): [exact: string, word: string] | undefined {
  const word = typable(written);
  const exact = exactWords(word)[0];
  const letters = [...word].length;
  const fits = isRecallable(word) && letters >= WORD_LETTERS.min && letters <= WORD_LETTERS.max;
  return fits && exact ? [exact, word] : undefined;
}

/** The text's drawable words: each exact form and the first way the text wrote it. */
function drawableWords(text: string): Map<string, string> {
  const words = new Map<string, string>();
  for (const written of text.split(WORD_SEPARATORS)) {
    const drawn = drawable(written);
    if (drawn && !words.has(drawn[0])) words.set(...drawn);
  }
  return words;
}

/**
 * `count` words of the headlines held by WORD_HELD_BY stories (title, lead or body), drawn with the
 * seed, each typed in every way of the one-word sets it allows (a word with no long vowel after its
 * first letter has no third query); then `count` pairs and `count` triples (wordsTogether).
 */
export function wordQueries(
  texts: readonly TopicText[],
  { seed, count }: { seed: number; count: number },
): WordQuery[] {
  const written = new Map<string, string>();
  for (const { title } of texts)
    for (const [exact, word] of drawableWords(title)) if (!written.has(exact)) written.set(exact, word);
  const words = heldByStories(texts, written, (text) => new Set(exactWords(text)), WORD_HELD_BY);
  const rng = seededRng(seed);
  const typed = sample(words, count, rng).flatMap(([exact, stories]) => {
    const meant = written.get(exact) ?? exact;
    return ONE_WORD_SETS.flatMap((set) => {
      const query = TYPED_AS[set](meant, rng);
      return query ? [{ set, query, meant, stories }] : [];
    });
  });
  const held = new Set(words.map(([exact]) => exact));
  return [
    ...typed,
    ...wordsTogether(texts, held, { rng, count, set: TWO_WORDS }),
    ...wordsTogether(texts, held, { rng, count, set: THREE_WORDS }),
  ];
}

/**
 * Pairs (or triples) of words an article holds, the first from its headline, the others from its
 * text but not its headline, all among `held` (words WORD_HELD_BY stories hold), that no headline
 * holds together and PAIR_HELD_BY stories do: a subject typed in two (or three) words.
 */
function wordsTogether(
  texts: readonly TopicText[],
  held: ReadonlySet<string>,
  { rng, count, set }: { rng: Rng; count: number; set: typeof TWO_WORDS | typeof THREE_WORDS },
): WordQuery[] {
  const size = set === TWO_WORDS ? 2 : 3;
  const inTitles = holders(
    texts.map(({ title }) => exactWords(title)),
    held,
  );
  const inTexts = holders(
    texts.map(({ text }) => exactWords(text)),
    held,
  );
  const pick = <T>(items: readonly T[]) => items[Math.floor(rng() * items.length)];
  const queries: WordQuery[] = [];
  const asked = new Set<string>();
  for (let draw = 0; queries.length < count && draw < count * DRAWS_PER_PAIR; draw++) {
    const { title, text } = pick(texts) as TopicText;
    const titleWords = drawableWords(title);
    const first = pick([...titleWords].filter(([exact]) => held.has(exact)));
    const fromText = [...drawableWords(text)].filter(([exact]) => held.has(exact) && !titleWords.has(exact));
    const others = Array.from({ length: size - 1 }, () => pick(fromText));
    const drawn = [first, ...others];
    const exact = drawn.map((word) => word?.[0] ?? "");
    if (exact.includes("") || new Set(exact).size < size || asked.has(exact.join(" "))) continue;
    asked.add(exact.join(" "));
    if (allOf(inTitles, exact).length) continue;
    const stories = new Set(allOf(inTexts, exact).map((at) => (texts[at] as TopicText).story));
    if (stories.size < PAIR_HELD_BY.min) continue;
    const meant = drawn.map((word) => word?.[1]).join(" ");
    queries.push({ set, query: meant, meant, stories });
  }
  return queries;
}

/** For each of the `words`, the positions of the texts holding it. */
function holders(texts: readonly string[][], words: ReadonlySet<string>): Map<string, Set<number>> {
  const holding = new Map<string, Set<number>>();
  texts.forEach((text, at) => {
    for (const word of text) if (words.has(word)) holding.set(word, (holding.get(word) ?? new Set()).add(at));
  });
  return holding;
}

/** The positions of the texts holding every one of the words. */
function allOf(holding: ReadonlyMap<string, ReadonlySet<number>>, words: readonly string[]): number[] {
  const [first = "", ...rest] = words;
  const others = rest.map((word) => holding.get(word) ?? new Set<number>());
  return [...(holding.get(first) ?? [])].filter((at) => others.every((texts) => texts.has(at)));
}
