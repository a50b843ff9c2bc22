/**
 * @module search/finished-word
 * Whether a word typed alone with no space after it is one the reader has finished (ظهرا, a word
 * news writes) rather than one still being typed (ظهر… for ظهران, بوت… for بوتين): read from the
 * index's term statistics for the word, one `termvectors` request of the word as a document (no
 * search), before anything is asked of its completions. A finished word is searched as if a space
 * followed it, so articles holding it come before titles holding a longer word it begins.
 */
import type { estypes } from "@elastic/elasticsearch";
import { typingWord } from "./build-search.js";
import type { ParsedQuery } from "./query-parser.js";
import { RANKING } from "./ranking.js";

/**
 * The word to read, when the query is that one word being typed. Not the last of several: the
 * words before it narrow its completions to those a headline holds with them (الملك سلم: سلمان),
 * which statistics of the word alone cannot tell.
 */
export function wordTypedAlone(parsed: ParsedQuery): string | undefined {
  const alone = parsed.terms.length === 1 && !parsed.phrases.length && !parsed.excluded.length;
  return alone ? typingWord(parsed) : undefined;
}

/** Bodies holding the word whole, in its exact form (article aside). */
const WHOLE = "body.exact";
/** Titles with a word beginning as typed (article aside): the longest start the field holds of it. */
const BEGUN = "title.autocomplete";

/**
 * The word's statistics in one shard (the one `routing` names, so that every query reads the same
 * shard): the fields analyse the word as they analyse an article's text.
 */
export function finishedWordRequest(word: string, index: string): estypes.TermvectorsRequest {
  return {
    index,
    doc: { title: word, body: word },
    fields: [WHOLE, BEGUN],
    term_statistics: true,
    field_statistics: false,
    positions: false,
    offsets: false,
    payloads: false,
    routing: "0",
  };
}

/** The document frequency of the field's one term, or of its longest (edge n-grams); 0 when none. */
function documentFrequency(response: estypes.TermvectorsResponse, field: string, longest = false): number {
  const terms = Object.entries(response.term_vectors?.[field]?.terms ?? {});
  if (!terms.length || (!longest && terms.length > 1)) return 0;
  const [, term] = terms.reduce((a, b) => ([...b[0]].length > [...a[0]].length ? b : a));
  return term.doc_freq ?? 0;
}

/**
 * Finished: at least as many bodies (RANKING.typed.finished.bodiesPerTitleBegun times as many) hold
 * the word whole as titles begin with it, and enough to fill a page do across the index's `shards`.
 */
export function finishedWord(response: estypes.TermvectorsResponse, shards: number): boolean {
  const { bodiesPerTitleBegun, minBodies } = RANKING.typed.finished;
  const whole = documentFrequency(response, WHOLE);
  const begun = documentFrequency(response, BEGUN, true);
  return whole * shards >= minBodies && whole >= bodiesPerTitleBegun * begun;
}
