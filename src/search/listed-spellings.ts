/**
 * @module search/listed-spellings
 * The spellings mappings/synonyms_ar.txt lists, by the exact forms of each: a word typed in one
 * listed spelling is a word as typed wherever a title holds another (كوفيد in a title that says
 * كورونا; أبو ظبي in one that says أبوظبي), not a typo to expand.
 */
import { readWordList } from "../es/index-definition.js";
import { exactWords } from "../text/arabic.js";
import { endsInWord } from "./query-parser.js";

/**
 * For each listed spelling, keyed by its exact forms (one word or more), the other spellings its
 * rule lets it find, as written in the rules (Elasticsearch normalises them as it does the typed
 * words). Solr format: "a, b, c" finds each from each; "a => b, c" finds b and c from a only.
 */
export function spellingsFromRules(rules: string[]): Map<string, string[]> {
  const spellings = new Map<string, Set<string>>();
  for (const rule of rules) {
    const [left = "", right] = rule.split("=>");
    const from = ruleItems(left);
    const to = right === undefined ? from : ruleItems(right);
    for (const key of from.keys())
      for (const [otherKey, other] of to)
        if (otherKey !== key) spellings.set(key, (spellings.get(key) ?? new Set()).add(other));
  }
  return new Map([...spellings].map(([key, others]) => [key, [...others]]));
}

/** A rule side's items, keyed by their exact forms. */
function ruleItems(side: string): Map<string, string> {
  const items = new Map<string, string>();
  for (const item of side.split(",").map((text) => text.trim())) {
    const key = exactKey(item);
    if (key) items.set(key, item);
  }
  return items;
}

/** A text's exact forms, one space between words. */
function exactKey(text: string): string {
  return exactWords(text).join(" ");
}

/** A listed spelling as written in the rules, with the exact forms of its words. */
export interface ListedSpelling {
  text: string;
  words: string[];
}

/** Per process: each key's other spellings, their words read once. */
const LISTED = new Map(
  [...spellingsFromRules(readWordList("synonyms_ar.txt"))].map(([key, others]) => [
    key,
    others.map((text): ListedSpelling => ({ text, words: exactWords(text) })),
  ]),
);

// The most words a listed spelling has: how far listedWordsIn looks from each word.
const LONGEST = Math.max(1, ...[...LISTED.keys()].map((key) => key.split(" ").length));

/** The exact forms of a text's words that make up a listed spelling (google; south korea). */
export function listedWordsIn(text: string): Set<string> {
  const words = exactWords(text);
  const listed = new Set<string>();
  for (let start = 0; start < words.length; start++)
    for (let end = start + 1; end <= Math.min(words.length, start + LONGEST); end++) {
      const run = words.slice(start, end);
      if (LISTED.has(run.join(" "))) for (const word of run) listed.add(word);
    }
  return listed;
}

// The listed spellings in Latin letters, by their words: the names a reader may be typing.
const LATIN_KEYS = [...LISTED.keys()].filter((key) => /^[a-z]/.test(key)).map((key) => key.split(" "));
// Fewer letters begin too many words to tell a name of one word (ger: germany, or german?).
const MIN_BEGUN_LETTERS = 4;
const LAST_LATIN_WORD = /[A-Za-z]+$/;

/**
 * The query with its last word, still being typed in Latin letters, completed to the one name in
 * Latin letters the list holds that it begins, after the same words (faceb: facebook; south k:
 * south korea), and a space after it, as a name typed whole; undefined when none or several do.
 * Read by its sounds, a name half typed finds other words (faceb as أصيب).
 */
export function completeListedName(q: string): string | undefined {
  const begun = LAST_LATIN_WORD.exec(q)?.[0];
  if (!begun || !endsInWord(q)) return undefined;
  const words = exactWords(q);
  const last = words.at(-1) ?? begun;
  const before = words.slice(0, -1);
  const names = LATIN_KEYS.filter(
    (name) =>
      name.length <= words.length &&
      (name.length > 1 || begun.length >= MIN_BEGUN_LETTERS) &&
      (name.at(-1) ?? "").startsWith(last) &&
      before.slice(before.length - (name.length - 1)).join(" ") === name.slice(0, -1).join(" "),
  );
  const [name] = names;
  if (!name || names.length > 1) return undefined;
  return `${q.slice(0, q.length - begun.length)}${name.at(-1)} `;
}

/** The other listed spellings of a text of one word or more, with their words (none for most). */
export function spellingsOf(text: string): ListedSpelling[] {
  return LISTED.get(exactKey(text)) ?? [];
}

/** The word's other listed spellings of one word (none for most words). */
export function listedSpellings(word: string): string[] {
  const words = exactWords(word);
  if (words.length !== 1) return [];
  return (LISTED.get(words.join(" ")) ?? []).flatMap((other) =>
    other.words.length === 1 ? [other.text] : [],
  );
}
