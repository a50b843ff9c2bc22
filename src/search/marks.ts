/**
 * @module search/marks
 * Marks put on titles here rather than by Elasticsearch: the words a typed start begins. The
 * highlighter would expand the start against the index for every hit it marks; here it is a
 * comparison of a few words.
 */
import { decodeHTML } from "entities";
import { exactWords } from "../text/arabic.js";
import { escapeHtml } from "../text/html.js";
import { listedSpellings } from "./listed-spellings.js";
import { prefixForms } from "./title-prefix.js";

/** A run of a word's letters, marks and digits, as the tokenizer cuts words. */
const WORD_RUN = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * A typed word as the title's words are compared with it: normalised, unstemmed, article aside;
 * with its other listed spellings (listed-spellings.ts), which the search and completion take as it.
 */
export function startForms(word: string): string[] {
  return [...prefixForms(word), ...listedSpellings(word)].flatMap((form) => exactWords(form).slice(0, 1));
}

/** Title words as `exactWords` reads them, remembered: a few thousand words make most titles. */
const exactFormOf = new Map<string, string>();
const REMEMBERED_WORDS = 20_000;

function exactForm(word: string): string {
  let form = exactFormOf.get(word);
  if (form === undefined) {
    if (exactFormOf.size >= REMEMBERED_WORDS) exactFormOf.clear();
    form = exactWords(word)[0] ?? "";
    exactFormOf.set(word, form);
  }
  return form;
}

/** Whether a title word (as `exactWords` gives it) begins with one of the typed forms. */
export const begunBy = (word: string, forms: readonly string[]) =>
  forms.some((form) => word.startsWith(form));

/** The text of highlighted HTML and, for each of its characters, whether it is inside a <mark>. */
function readMarks(html: string): { text: string; marked: boolean[] } {
  let text = "";
  const marked: boolean[] = [];
  let inside = false;
  for (const part of html.split(/(<\/?mark>)/)) {
    if (part === "<mark>" || part === "</mark>") {
      inside = part === "<mark>";
      continue;
    }
    const decoded = decodeHTML(part);
    text += decoded;
    for (let i = 0; i < decoded.length; i++) marked.push(inside);
  }
  return { text, marked };
}

/** The text, HTML-safe, with each run of marked characters in one <mark>. */
function renderMarks(text: string, marked: readonly boolean[]): string {
  let html = "";
  let from = 0;
  while (from < text.length) {
    let to = from + 1;
    while (to < text.length && marked[to] === marked[from]) to++;
    const run = escapeHtml(text.slice(from, to));
    html += marked[from] ? `<mark>${run}</mark>` : run;
    from = to;
  }
  return html;
}

/**
 * The title, HTML-safe, with each word that one of `forms` begins in <mark>, added to the marks of
 * `highlighted` (the highlighter's HTML of the same title) when given. Undefined when nothing is
 * marked.
 */
export function markTypedStarts(
  title: string,
  forms: readonly string[],
  highlighted?: string,
): string | undefined {
  const read = highlighted === undefined ? undefined : readMarks(highlighted);
  // A highlight of other text than the title (never expected) is kept as the highlighter wrote it.
  if (read && read.text !== title) return highlighted;
  const marked = read?.marked ?? new Array<boolean>(title.length).fill(false);
  for (const run of title.matchAll(WORD_RUN))
    if (begunBy(exactForm(run[0]), forms)) marked.fill(true, run.index, run.index + run[0].length);
  return marked.includes(true) ? renderMarks(title, marked) : undefined;
}

interface HighlightedHit {
  _source?: { title?: string };
  highlight?: Record<string, string[]>;
}

/** The hit with the words `forms` begin marked in its title's highlight too. */
export function withTypedStartsMarked<T extends HighlightedHit>(hit: T, forms: readonly string[]): T {
  const title = hit._source?.title;
  if (!forms.length || !title) return hit;
  const marked = markTypedStarts(title, forms, hit.highlight?.title?.[0]);
  return marked ? { ...hit, highlight: { ...hit.highlight, title: [marked] } } : hit;
}
