/**
 * @module search/did-you-mean
 * "Did you mean", with a confidence check. The search request carries a term suggester that looks
 * only at rare words (a misspelling is rare; a word most articles use is spelt right) and proposes
 * a far more common word within a typo of each. The correction is shown only when the query as
 * typed finds no article holding every word and the corrected query does: `collateRequests`
 * asks that, and only for the few queries that got a correction at all.
 */
import type { estypes } from "@elastic/elasticsearch";
import { type ParsedQuery, plainWords } from "./query-parser.js";
import { RANKING } from "./ranking.js";
import { allowedEdits, articlePrefix, completable } from "./typos.js";

const { didYouMean, typos } = RANKING;
const FIELD = "body.exact";
const STEMMED = ["title", "lead", "body"];

/** One suggester per edit budget: a word's text and where each word starts in it. */
function suggesterText(words: string[], edits: 1 | 2): { text: string; starts: Map<number, number> } {
  const starts = new Map<number, number>();
  let text = "";
  words.forEach((word, i) => {
    if (allowedEdits(word) !== edits) return;
    if (text) text += " ";
    starts.set(text.length, i);
    text += word;
  });
  return { text, starts };
}

function termSuggester(text: string, edits: 1 | 2): estypes.SearchFieldSuggester {
  return {
    text,
    term: {
      field: FIELD,
      suggest_mode: "popular",
      max_edits: edits,
      prefix_length: typos.prefixLength,
      min_word_length: typos.oneEditFrom,
      max_term_freq: didYouMean.maxTermFreq,
      min_doc_freq: didYouMean.minSuggestionFreq,
      size: 1,
    },
  };
}

/**
 * The suggesters for the search request, or undefined when no word could be a typo. Plain queries
 * only: a reader who writes phrases, OR and exclusions is not guessing at spelling.
 */
export function didYouMeanSuggesters(parsed: ParsedQuery): estypes.SearchSuggester | undefined {
  const words = plainWords(parsed);
  if (parsed.phrases.length || parsed.excluded.length || words.length !== parsed.terms.length)
    return undefined;
  const suggest: Record<string, estypes.SearchFieldSuggester> = {};
  for (const edits of [1, 2] as const) {
    const { text } = suggesterText(words, edits);
    if (text) suggest[`typo_${edits}`] = termSuggester(text, edits);
  }
  return Object.keys(suggest).length ? suggest : undefined;
}

/** The query with each rare word the suggesters corrected replaced, or undefined when none was. */
export function correctedQuery(parsed: ParsedQuery, response: estypes.SearchResponse): string | undefined {
  const words = plainWords(parsed);
  const corrected = [...words];
  let changed = false;
  for (const edits of [1, 2] as const) {
    const { starts } = suggesterText(words, edits);
    for (const entry of response.suggest?.[`typo_${edits}`] ?? []) {
      const options = [entry.options].flat() as Array<{ text?: string }>;
      const at = starts.get(entry.offset);
      const best = options[0]?.text;
      if (at === undefined || !best) continue;
      corrected[at] = `${articlePrefix(words[at] as string)}${best}`;
      changed = true;
    }
  }
  return changed ? corrected.join(" ") : undefined;
}

/** Articles holding every word (stemmed; the last one possibly unfinished): does this query find any? */
function everyWord(words: string[], lastIsPrefix: boolean): estypes.QueryDslQueryContainer {
  return {
    bool: {
      must: words.map((word, i) => {
        const whole: estypes.QueryDslQueryContainer = { multi_match: { query: word, fields: STEMMED } };
        if (!(lastIsPrefix && i === words.length - 1 && completable(word))) return whole;
        return { bool: { should: [whole, { match: { "title.autocomplete": word } }] } };
      }),
    },
  };
}

/** Two existence checks, as typed and corrected, for one `msearch`; each stops at its first hit. */
export function collateRequests(
  parsed: ParsedQuery,
  corrected: string,
  index: string,
): estypes.MsearchRequestItem[] {
  const check = (query: estypes.QueryDslQueryContainer): estypes.MsearchRequestItem[] => [
    { index },
    { size: 0, terminate_after: 1, track_total_hits: true, query },
  ];
  return [
    ...check(everyWord(plainWords(parsed), parsed.lastWordIsPrefix)),
    ...check(everyWord(corrected.split(" "), false)),
  ];
}
