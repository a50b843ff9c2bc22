/**
 * @module search/marks
 * Marks put on titles here rather than by Elasticsearch: the words a typed start begins, and the
 * words a typo away that the tolerant recall found for a typed word. The highlighter would expand
 * the start or the typo against the index for every hit it marks; here it is a comparison of a few
 * words.
 */
import { decodeHTML } from "entities";
import { exactWords } from "../text/arabic.js";
import { escapeHtml } from "../text/html.js";
import { listedSpellings } from "./listed-spellings.js";
import { isLoneArticle, prefixForms } from "./title-prefix.js";
import {
  indexedForm,
  type TitleWordForms,
  titleWordForms,
  typoAlternativeTest,
  typoStartTest,
} from "./typos.js";

/** A run of a word's letters, marks and digits, as the tokenizer cuts words. */
const WORD_RUN = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * A typed word as the title's words are compared with it: normalised, unstemmed, article aside;
 * with its other listed spellings (listed-spellings.ts), which the search and completion take as it.
 * None for an article alone: it begins no word in particular (الى and الله are no likelier).
 */
export function startForms(word: string): string[] {
  if (isLoneArticle(word)) return [];
  return [...prefixForms(word), ...listedSpellings(word)].flatMap((form) => exactWords(form).slice(0, 1));
}

/** Title words as their fields read them, remembered: a few thousand words make most titles. */
const formsOf = new Map<string, TitleWordForms>();
const REMEMBERED_WORDS = 20_000;

function rememberedForms(word: string): TitleWordForms {
  let forms = formsOf.get(word);
  if (forms === undefined) {
    if (formsOf.size >= REMEMBERED_WORDS) formsOf.clear();
    forms = titleWordForms(word);
    formsOf.set(word, forms);
  }
  return forms;
}

/** Whether a title word (as `exactWords` gives it) begins with one of the typed forms. */
export const begunBy = (word: string, forms: readonly string[]) =>
  forms.some((form) => word.startsWith(form));

/**
 * A typed word the tolerant recall looked for a typo away: whether a title word holds it as typed
 * (its exact form, or begun by it when it is the word being typed), and whether a title word is one
 * of its typo alternatives.
 */
export interface TypoMark {
  heldBy: (exactWord: string) => boolean;
  isAlternative: (titleWord: TitleWordForms) => boolean;
}

/**
 * The typo marks of words, each tested by `alternativeTest` (typos.ts); `startsOf(i)`: the forms of
 * a word matched as a start (startForms), which a title holds when one of its words begins so.
 * None for a word without typos.
 */
function typoMarksOf(
  words: readonly string[],
  alternativeTest: (word: string, i: number) => TypoMark["isAlternative"] | undefined,
  startsOf: (i: number) => readonly string[] | undefined,
): TypoMark[] {
  return words.flatMap((word, i) => {
    const isAlternative = alternativeTest(word, i);
    if (!isAlternative) return [];
    const starts = startsOf(i);
    const exact = indexedForm(word);
    const heldBy = starts ? (form: string) => begunBy(form, starts) : (form: string) => form === exact;
    return [{ heldBy, isAlternative }];
  });
}

/** A search's typo marks: whole words, the last matched as a start when it is being typed (`typingStarts`). */
export function typoMarks(words: readonly string[], typingStarts?: readonly string[]): TypoMark[] {
  return typoMarksOf(words, typoAlternativeTest, (i) => (i === words.length - 1 ? typingStarts : undefined));
}

/**
 * A suggestion's typo marks: every word a start (`startsByWord`, each word's startForms) but the
 * last when it is finished (not `lastBegun`), a whole word as the search reads it.
 */
export function typoStartMarks(
  words: readonly string[],
  startsByWord: readonly string[][],
  lastBegun: boolean,
): TypoMark[] {
  const whole = (i: number) => !lastBegun && i === words.length - 1;
  return typoMarksOf(
    words,
    (word, i) => (whole(i) ? typoAlternativeTest(word) : typoStartTest(word)),
    (i) => (whole(i) ? undefined : startsByWord[i]),
  );
}

/** What is marked in a title on top of the highlighter's marks. */
export interface TitleMarks {
  /** The forms of the start being typed (startForms): each title word one of them begins. */
  starts: readonly string[];
  /** Typed words found a typo away: their alternatives, in a title that does not hold the word as typed. */
  typos?: readonly TypoMark[];
}

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
 * The title, HTML-safe, with each word `marks` asks for in <mark>, added to the marks of
 * `highlighted` (the highlighter's HTML of the same title) when given. Undefined when nothing is
 * marked.
 */
export function markTitle(title: string, marks: TitleMarks, highlighted?: string): string | undefined {
  const read = highlighted === undefined ? undefined : readMarks(highlighted);
  // A highlight of other text than the title (never expected) is kept as the highlighter wrote it.
  if (read && read.text !== title) return highlighted;
  const marked = read?.marked ?? new Array<boolean>(title.length).fill(false);
  const runs = [...title.matchAll(WORD_RUN)];
  const words = runs.map((run) => rememberedForms(run[0]));
  // A title holding the word as typed shows where it matched: the words a typo away are others.
  const typos = (marks.typos ?? []).filter((typo) => !words.some(({ exact }) => typo.heldBy(exact)));
  runs.forEach((run, i) => {
    const word = words[i] as TitleWordForms;
    if (begunBy(word.exact, marks.starts) || typos.some((typo) => typo.isAlternative(word)))
      marked.fill(true, run.index, run.index + run[0].length);
  });
  return marked.includes(true) ? renderMarks(title, marked) : undefined;
}

interface HighlightedHit {
  _source?: { title?: string };
  highlight?: Record<string, string[]>;
}

/** The hit with the words `marks` asks for marked in its title's highlight too. */
export function withTitleMarks<T extends HighlightedHit>(hit: T, marks: TitleMarks): T {
  const title = hit._source?.title;
  if ((!marks.starts.length && !marks.typos?.length) || !title) return hit;
  const marked = markTitle(title, marks, hit.highlight?.title?.[0]);
  return marked ? { ...hit, highlight: { ...hit.highlight, title: [marked] } } : hit;
}
