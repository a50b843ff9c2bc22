/**
 * @module cli/search-header
 * The line the terminal prints above a search's results.
 */
import type { SearchResponse } from "../search/responses.js";
import { stripControls } from "./terminal-text.js";

/** The line above a search's results: how many, how long, and what the search read the query as. */
export function searchHeader(
  result: Pick<
    SearchResponse,
    | "total"
    | "took_ms"
    | "corrected_query"
    | "unquoted_query"
    | "arabic_keys_query"
    | "arabic_name_query"
    | "partial"
    | "suggestion"
  >,
): string {
  const notices = [
    result.corrected_query && `no article holds the word as typed; results for: ${result.corrected_query}`,
    result.unquoted_query && `no article holds what is quoted; results for: ${result.unquoted_query}`,
    result.arabic_keys_query && `typed on the Latin layout; results for: ${result.arabic_keys_query}`,
    result.arabic_name_query && `written in Arabic letters; results for: ${result.arabic_name_query}`,
    result.partial && "partial: the search ran out of time",
    result.suggestion && `did you mean: ${result.suggestion}`,
  ].filter((notice): notice is string => Boolean(notice));
  const count = `${result.total.exact ? "" : "≥"}${result.total.value} results, ${result.took_ms} ms`;
  return [count, ...notices.map(stripControls)].join(" · ");
}
