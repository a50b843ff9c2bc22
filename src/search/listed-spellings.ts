/**
 * @module search/listed-spellings
 * The spellings mappings/synonyms_ar.txt lists as one word, by the exact form of each: a word typed
 * in one listed spelling is a word as typed wherever a title holds another (كوفيد in a title that
 * says كورونا), not a typo to expand.
 */
import { readWordList } from "../es/index-definition.js";
import { exactWords } from "../text/arabic.js";

/**
 * For each single-word spelling, the other single-word spellings its rule lets it find, as written
 * in the rules (Elasticsearch normalises them as it does the typed word). Solr format: "a, b, c"
 * finds each from each; "a => b, c" finds b and c from a only.
 */
export function spellingsFromRules(rules: string[]): Map<string, string[]> {
  const spellings = new Map<string, Set<string>>();
  for (const rule of rules) {
    const [left = "", right] = rule.split("=>");
    const from = oneWordItems(left);
    const to = right === undefined ? from : oneWordItems(right);
    for (const form of from.keys())
      for (const [otherForm, other] of to)
        if (otherForm !== form) spellings.set(form, (spellings.get(form) ?? new Set()).add(other));
  }
  return new Map([...spellings].map(([form, others]) => [form, [...others]]));
}

/** A rule side's items that are one word, keyed by exact form. */
function oneWordItems(side: string): Map<string, string> {
  const items = new Map<string, string>();
  for (const item of side.split(",").map((text) => text.trim())) {
    const form = oneWordForm(item);
    if (form) items.set(form, item);
  }
  return items;
}

/** The exact form of a text that is one word, else undefined. */
function oneWordForm(text: string): string | undefined {
  const [form, ...more] = exactWords(text);
  return more.length ? undefined : form;
}

const LISTED = spellingsFromRules(readWordList("synonyms_ar.txt"));

/** The word's other listed spellings (none for most words). */
export function listedSpellings(word: string): string[] {
  const form = oneWordForm(word);
  return (form && LISTED.get(form)) || [];
}
