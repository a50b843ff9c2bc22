/**
 * @module search/build-suggest
 * As-you-type completion of titles: every typed word must begin a title word (edge n-grams of the
 * normalised title), so أمريكا, امريكا and أمريكى complete alike, the last as it is being typed
 * (title-prefix.ts). One title per story. When nothing completes, the words may each be a typo
 * away from the start of a title word (`buildTolerantSuggestRequest`), as the search forgives them.
 */
import type { estypes } from "@elastic/elasticsearch";
import { cleanText } from "../text/clean.js";
import type { SuggestInput } from "./params.js";
import { RANKING } from "./ranking.js";
import { titlePrefixAsWritten, wholeWordAsWritten } from "./title-prefix.js";
import { allowedEdits, typoOptions } from "./typos.js";

const FIELD = "title.autocomplete";

/** The words typed: punctuation alone is no word (the analyzer would leave nothing of it). */
function typedWords(input: SuggestInput): string[] {
  const text = cleanText(input.q).slice(0, 100);
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/**
 * Whole words typed, preferred to completions: the last one with the article it was typed with,
 * if any (الهلا is الهلال begun rather than هلا).
 */
function wholeWords(words: string[]): estypes.QueryDslQueryContainer[] {
  const boost = RANKING.suggestWholeWordBoost;
  const last = words.at(-1);
  const asWritten = last === undefined ? undefined : wholeWordAsWritten(last, boost);
  const exact = asWritten ? words.slice(0, -1) : words;
  return [
    ...(exact.length ? [{ match: { "title.exact": { query: exact.join(" "), boost } } }] : []),
    ...(asWritten ? [asWritten] : []),
  ];
}

/** Titles whose words begin with `must`'s, whole-word matches and newer stories first. */
function completions(
  input: SuggestInput,
  index: string,
  words: string[],
  must: estypes.QueryDslQueryContainer[],
): estypes.SearchRequest {
  return {
    index,
    size: input.size,
    query: { bool: { must, should: wholeWords(words) } },
    sort: [{ _score: { order: "desc" } }, { published_at: { order: "desc" } }],
    collapse: { field: "dup_group" },
    _source: ["id", "title", "source", "published_at"],
  };
}

/** The typed starts of the title's words, marked. */
const MARKED_STARTS: estypes.SearchHighlight = {
  encoder: "html",
  pre_tags: ["<mark>"],
  post_tags: ["</mark>"],
  fields: { [FIELD]: { number_of_fragments: 0 } },
};

export function buildSuggestRequest(input: SuggestInput, index: string): estypes.SearchRequest {
  const words = typedWords(input);
  const before = words.slice(0, -1);
  const finished: estypes.QueryDslQueryContainer[] = before.length
    ? [{ match: { [FIELD]: { query: before.join(" "), operator: "and" } } }]
    : [];
  return {
    ...completions(input, index, words, [...finished, titlePrefixAsWritten(words.at(-1) ?? "")]),
    highlight: MARKED_STARTS,
  };
}

/**
 * The completion asked again when nothing completes: each word, the last included, may be as
 * many typos away from the start of a title word as the search allows it (typos.ts), past its
 * first letter. Undefined when no word could be a typo, or for more words than a reader recalls
 * a headline by. Unmarked: the letters typed are not the title's, and marking typo matches costs
 * several times the completion itself.
 */
export function buildTolerantSuggestRequest(
  input: SuggestInput,
  index: string,
): estypes.SearchRequest | undefined {
  const words = typedWords(input);
  const edits = words.map(allowedEdits);
  if (words.length > RANKING.typed.maxWords || !edits.some(Boolean)) return undefined;
  const must = words.map((word, i): estypes.QueryDslQueryContainer => {
    const allowed = edits[i] ?? 0;
    if (!allowed && i === words.length - 1) return titlePrefixAsWritten(word);
    const options = typoOptions(allowed, RANKING.typos.completionPrefixLength);
    return { match: { [FIELD]: { query: word, ...options } } };
  });
  return completions(input, index, words, must);
}
