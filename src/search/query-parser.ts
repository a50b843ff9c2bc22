/**
 * @module search/query-parser
 * A reader's query → a small structure the builders turn into Elasticsearch clauses. Understands
 * "quoted phrases", -excluded words and OR (also |) between words; everything else is literal
 * text. It never fails: unbalanced quotes, stray operators and Lucene syntax are just text.
 */
import { normalizeArabic } from "../text/arabic.js";
import { cleanText } from "../text/clean.js";

export interface ParsedQuery {
  /** Groups of alternatives: each group must match; a group of one is a plain word. */
  terms: string[][];
  /** Phrases to match as written (orthography still normalised); a quoted word is a phrase of one. */
  phrases: string[];
  /** Words and phrases that must not occur. */
  excluded: string[];
  /**
   * The reader is still typing the last word: the query ends inside a plain word (no space or
   * punctuation after it), so that word may be unfinished and is also matched as a prefix.
   */
  lastWordIsPrefix: boolean;
  /** The query asks a question (a question word first, or a question mark last). */
  isQuestion: boolean;
  /**
   * The question word the query opens with, left out of `terms`: it says what kind of answer is
   * wanted, and a text holding it is not the answer (متى يبدأ الإصلاح؟! for متى يبدأ العام الدراسي).
   */
  questionWord?: string;
}

/** Bounds so no query, however long, becomes an expensive one. */
export const MAX_QUERY_CHARS = 500;
export const MAX_CLAUSES = 24;
/** Longer than any word of the language: a longer run of letters is cut to this. */
export const MAX_WORD_CHARS = 30;
const OVERLONG_WORD = new RegExp(`[\\p{L}\\p{N}\\p{M}]{${MAX_WORD_CHARS + 1},}`, "gu");

const OR_WORDS = new Set(["OR", "|", "او", "أو"]);

/** "and", which Arabic writes joined to the next word but readers often type apart (الهلال و النصر). */
const AND = "و";

/** The quotation marks a reader may quote with: each is read as `"`. */
export const QUOTATION_MARKS = /["“”«»„]/g;

/** Tokens: -"phrase", "phrase", -word, word. An unclosed quote runs to the end. */
function tokens(input: string): string[] {
  const text = cleanText(input.slice(0, MAX_QUERY_CHARS))
    .replace(QUOTATION_MARKS, '"')
    .replace(OVERLONG_WORD, (word) => word.slice(0, MAX_WORD_CHARS));
  return text.match(/-?"[^"]*"?|[^\s"]+/g) ?? [];
}

/** Words a question opens with (normalised): a reader asking one is not recalling a headline. */
const QUESTION_WORDS = new Set(
  "ما ماذا من متى متي اين كيف هل لماذا لمادا كم اي ماهو ماهي ممن بماذا باي بكم لمن".split(" "),
);

/** Ends in a letter, digit or mark: the last word may be unfinished. */
const ENDS_IN_WORD = /[\p{L}\p{N}\p{M}]$/u;

/** Whether the input ends inside a word: no space or punctuation after its last word says it is finished. */
export function endsInWord(input: string): boolean {
  return ENDS_IN_WORD.test(input.slice(0, MAX_QUERY_CHARS));
}

/**
 * Whether the input's last word may still be being typed: the input ends inside it, and it is no و
 * typed apart, which is left out and leaves the word before it finished.
 */
export function lastWordOpen(input: string, typed: readonly string[]): boolean {
  return endsInWord(input) && typed.at(-1) !== AND;
}

/**
 * The words with و typed apart joined to the word after it, as Arabic writes it (الهلال و النصر:
 * الهلال والنصر); before anything but a word, or last, it joins nothing and is left out.
 */
export function withAndJoined(words: readonly string[]): string[] {
  return words.flatMap((word, i) => {
    if (word === AND) return [];
    const joins = words[i - 1] === AND && /^[\p{L}\p{N}]/u.test(word) && !OR_WORDS.has(word);
    return [joins ? AND + word : word];
  });
}

export function parseQuery(input: string): ParsedQuery {
  const typed = tokens(input);
  const parsed = parseTokens(withAndJoined(typed));
  const last = typed.at(-1) ?? "";
  const typing =
    lastWordOpen(input, typed) &&
    !last.startsWith("-") &&
    !last.startsWith('"') &&
    !OR_WORDS.has(last) &&
    parsed.terms.at(-1)?.length === 1;
  const first = typed[0] ? normalizeArabic(typed[0]) : "";
  const opensQuestion = QUESTION_WORDS.has(first);
  const isQuestion = opensQuestion || /[?؟]\s*$/.test(input.slice(0, MAX_QUERY_CHARS));
  const [asked, ...rest] = parsed.terms;
  // A question word alone, or joined by OR, is what the reader asked for.
  const leftOut =
    opensQuestion && asked?.length === 1 && rest.length ? { terms: rest, questionWord: asked[0] } : {};
  return { ...parsed, ...leftOut, lastWordIsPrefix: typing, isQuestion };
}

/** What the tokens alone say; parseQuery adds what the whole input says. */
type ParsedTokens = Omit<ParsedQuery, "lastWordIsPrefix" | "isQuestion" | "questionWord">;

function parseTokens(tokens: string[]): ParsedTokens {
  const parsed: ParsedTokens = {
    terms: [],
    phrases: [],
    excluded: [],
  };
  let joinNext = false;
  for (const raw of tokens) {
    if (OR_WORDS.has(raw)) {
      // A dangling OR (first or last word) joins nothing and is dropped.
      joinNext = parsed.terms.length > 0;
      continue;
    }
    const negated = raw.startsWith("-") && raw.length > 1;
    const body = negated ? raw.slice(1) : raw;
    const isPhrase = body.startsWith('"');
    const value = stripSyntax(isPhrase ? body.replace(/^"|"$/g, "") : body);
    if (!value) continue;
    if (negated) parsed.excluded.push(value);
    else if (isPhrase) parsed.phrases.push(value);
    else if (joinNext) parsed.terms.at(-1)?.push(value);
    else parsed.terms.push([value]);
    joinNext = false;
  }
  return bound(parsed);
}

/** Operators and Lucene specials carry no meaning here; keep letters, digits and inner spaces. */
function stripSyntax(value: string): string {
  return value
    .replace(/[^\p{L}\p{N}\p{M}\s'-]/gu, " ")
    .replace(/\s+/g, " ")
    .replace(/^[-']+|[-']+$/g, "")
    .trim();
}

function bound(parsed: ParsedTokens): ParsedTokens {
  let budget = MAX_CLAUSES;
  const take = <T>(items: T[]) => {
    const kept = items.slice(0, Math.max(0, budget));
    budget -= kept.length;
    return kept;
  };
  return {
    terms: take(parsed.terms.map((group) => group.slice(0, 6))),
    phrases: take(parsed.phrases),
    excluded: take(parsed.excluded),
  };
}

/** The plain words of a query (not OR-groups, phrases or exclusions), in order. */
export function plainWords(parsed: ParsedQuery): string[] {
  return parsed.terms.filter((group) => group.length === 1).map((group) => group[0] as string);
}

/** The positive words of a query, in order: what highlighting and suggestions work from. */
export function positiveText(parsed: ParsedQuery): string {
  return [...parsed.terms.flat(), ...parsed.phrases].join(" ");
}

/**
 * The query with its quoted phrases as plain words (excluded ones stay quoted), or undefined when
 * it quotes nothing: what to search for when no article holds a phrase exactly as quoted. A quote
 * closed last leaves its last word finished (a space after it), not the start of a longer one.
 */
export function unquotedQuery(input: string): string | undefined {
  const found = tokens(input);
  if (!parseTokens(found).phrases.length) return undefined;
  const last = found.at(-1) ?? "";
  const closed = /^"[^"]*"$/.test(last);
  const words = found.map((token) => (token.startsWith('"') ? token.replace(/"/g, " ").trim() : token));
  return `${words.join(" ")}${closed ? " " : ""}`;
}

/** The query without what it quotes: a word quoted is wanted as typed, and read no other way. */
export function outsideQuotes(input: string): string {
  return tokens(input)
    .filter((token) => !token.replace(/^-/, "").startsWith('"'))
    .join(" ");
}

export function isEmptyQuery(parsed: ParsedQuery): boolean {
  return !parsed.terms.length && !parsed.phrases.length;
}
