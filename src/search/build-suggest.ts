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
import { titlePrefixAsWritten } from "./title-prefix.js";
import { allowedEdits, typoOptions } from "./typos.js";

const FIELD = "title.autocomplete";

/** The text typed and its words: punctuation alone is no word (the analyzer would leave nothing of it). */
function typedText(input: SuggestInput): { text: string; words: string[] } {
  const text = cleanText(input.q).slice(0, 100);
  return { text, words: text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)) };
}

/** Titles whose words begin with `must`'s, whole-word matches and newer stories first. */
function completions(
  input: SuggestInput,
  index: string,
  text: string,
  must: estypes.QueryDslQueryContainer[],
): estypes.SearchRequest {
  return {
    index,
    size: input.size,
    query: { bool: { must, should: [{ match: { "title.exact": { query: text, boost: 2 } } }] } },
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
  const { text, words } = typedText(input);
  const last = words.pop() ?? "";
  const before: estypes.QueryDslQueryContainer[] = words.length
    ? [{ match: { [FIELD]: { query: words.join(" "), operator: "and" } } }]
    : [];
  return {
    ...completions(input, index, text, [...before, titlePrefixAsWritten(last)]),
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
  const { text, words } = typedText(input);
  const edits = words.map(allowedEdits);
  if (words.length > RANKING.typed.maxWords || !edits.some(Boolean)) return undefined;
  const must = words.map((word, i): estypes.QueryDslQueryContainer => {
    const allowed = edits[i] ?? 0;
    if (!allowed && i === words.length - 1) return titlePrefixAsWritten(word);
    const options = typoOptions(allowed, RANKING.typos.completionPrefixLength);
    return { match: { [FIELD]: { query: word, ...options } } };
  });
  return completions(input, index, text, must);
}
