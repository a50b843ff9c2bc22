/**
 * @module eval/datasets/keys
 * Queries typed with the keyboard left on the Latin layout: headline words recalled as in the
 * typed dataset (no typo, the last word cut half the time), written as the same keys type them on
 * the US layout (السيسي: hgsdsd). Beside them, the Latin words titles hold, searched as written:
 * a reader who means them must not be sent to Arabic.
 */
import { seededRng, shuffled } from "../../../src/eval/perturb.js";
import { ARABIC_FOR_LATIN_KEY } from "../../../src/text/keyboard.js";
import type { StoredDoc } from "../corpus.js";
import { type TypedItem, typedItems } from "./typed.js";

// Each Arabic character's key on the US layout (lam-alef typed as its two letters).
const LATIN_KEY_FOR: ReadonlyMap<string, string> = new Map(
  [...ARABIC_FOR_LATIN_KEY]
    .filter(([, typed]) => [...typed].length === 1)
    .map(([key, typed]) => [typed, key]),
);

const ARABIC = /[\u0600-\u06FF]/;

/** The keys that type `text` on the Arabic keyboard, as the Latin layout shows them; undefined when some have none. */
export function onLatinKeys(text: string): string | undefined {
  const keys = [...text].map((char) => LATIN_KEY_FOR.get(char) ?? char).join("");
  return ARABIC.test(keys) ? undefined : keys;
}

export interface KeysItem extends TypedItem {
  /** The query as the reader meant it, in Arabic letters. */
  arabic: string;
}

/** `count` recalled headlines, typed on the Latin layout; with `typo`, one typo each as in `typed`. */
export function keysItems(
  docs: readonly StoredDoc[],
  { seed, count, typo = false }: { seed: number; count: number; typo?: boolean },
): KeysItem[] {
  return typedItems(docs, { seed, count, typo, cutChance: 0.5 }).flatMap((item) => {
    const query = onLatinKeys(item.query);
    return query ? [{ ...item, arabic: item.query, query }] : [];
  });
}

export interface LatinWordQuery {
  query: string;
  /** The stories whose titles hold the word (any case). */
  stories: ReadonlySet<string>;
}

const LATIN_WORD = /\b[A-Za-z][A-Za-z]{2,}\b/g;

/** Up to `count` Latin words of three letters or more that titles hold, each with the stories holding it. */
export function latinTitleWords(
  docs: readonly StoredDoc[],
  { seed, count }: { seed: number; count: number },
): LatinWordQuery[] {
  const byWord = new Map<string, { query: string; stories: Set<string> }>();
  for (const doc of docs)
    for (const word of doc.title.match(LATIN_WORD) ?? []) {
      const found = byWord.get(word.toLowerCase()) ?? { query: word, stories: new Set<string>() };
      found.stories.add(doc.dup_group);
      byWord.set(word.toLowerCase(), found);
    }
  const words = [...byWord.values()].sort((a, b) => a.query.localeCompare(b.query));
  return shuffled(words, seededRng(seed), count);
}

/** The Latin words of five letters or more, their middle letter left out (Galaxy: Galxy). */
export function withLetterDropped(words: readonly LatinWordQuery[]): LatinWordQuery[] {
  return words
    .filter((word) => word.query.length >= 5)
    .map((word) => {
      const at = Math.floor(word.query.length / 2);
      return { ...word, query: word.query.slice(0, at) + word.query.slice(at + 1) };
    });
}
