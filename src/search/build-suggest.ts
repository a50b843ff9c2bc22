/**
 * @module search/build-suggest
 * As-you-type completion of titles: every typed word must begin a title word (edge n-grams of the
 * normalised title), so أمريكا, امريكا and أمريكى complete alike, the last as it is being typed
 * (title-prefix.ts). One title per story.
 */
import type { estypes } from "@elastic/elasticsearch";
import { cleanText } from "../text/clean.js";
import type { SuggestInput } from "./params.js";
import { titlePrefixQuery } from "./title-prefix.js";

export function buildSuggestRequest(input: SuggestInput, index: string): estypes.SearchRequest {
  const text = cleanText(input.q).slice(0, 100);
  // Punctuation alone is no word: the analyzer would leave nothing of it to match.
  const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  const last = words.pop() ?? "";
  const before: estypes.QueryDslQueryContainer[] = words.length
    ? [{ match: { "title.autocomplete": { query: words.join(" "), operator: "and" } } }]
    : [];
  return {
    index,
    size: input.size,
    query: {
      bool: {
        must: [...before, titlePrefixQuery(last)],
        // Among completions, whole-word matches and newer stories come first.
        should: [{ match: { "title.exact": { query: text, boost: 2 } } }],
      },
    },
    sort: [{ _score: { order: "desc" } }, { published_at: { order: "desc" } }],
    collapse: { field: "dup_group" },
    _source: ["id", "title", "source", "published_at"],
    highlight: {
      encoder: "html",
      pre_tags: ["<mark>"],
      post_tags: ["</mark>"],
      fields: { "title.autocomplete": { number_of_fragments: 0 } },
    },
  };
}
