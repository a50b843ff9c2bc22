/**
 * @module text/credit-lines
 * Where a story's own text starts and ends in an article body: the dateline and credit lines each
 * outlet writes around a wire text («القاهرة - بوابة الوادي», «الرياض (واس) -», «المصدر: وكالات»)
 * are not the story, and differ between copies of it.
 *
 * @example
 * stripCredits("الرياض - واس\nأعلنت الوزارة اليوم …\nالمصدر: وكالات") // "أعلنت الوزارة اليوم …"
 */

/** Words a dateline or credit holds at most: a place, an outlet, a reporter's name. */
const MAX_CREDIT_WORDS = 6;
/** Longer than six long words: a paragraph, known without counting its words. */
const MAX_CREDIT_LENGTH = 100;
/** A trailing line this short, without a sentence's end, is a signature rather than text. */
const MAX_TRAILING_WORDS = 3;
/** How far into the first line an inline dateline («سبق- الدمام:») may end. */
const INLINE_WINDOW = 80;

const NEWLINE = 0x0a;
/** Punctuation that ends or splits a sentence: a line holding it is text, not a credit. */
const SENTENCE_PUNCTUATION = /[.،؛؟?!]/;
const WORD = /[^\s\-–—:()[\]«»"'“”]+/g;
/** A dash or colon followed by a space, as a dateline ends: «القاهرة (رويترز) - », «سبق- أبها: ». */
const DATELINE_END = /[-–—:]\s/g;
/** A closing line that names where the text came from: «المصدر: وكالات», «(واس)». */
const TRAILING_CREDIT = /^(?:[([]|(?:ال)?مصدر)/;

const wordCount = (text: string) => text.match(WORD)?.length ?? 0;

/** A line that only names a place, an outlet, an author or a date. */
function isCreditLine(line: string, maxWords: number): boolean {
  if (line.length > MAX_CREDIT_LENGTH) return false;
  const words = wordCount(line);
  return words > 0 && words <= maxWords && !SENTENCE_PUNCTUATION.test(line);
}

const isSpace = (unit: number) =>
  unit === 0x20 || unit === NEWLINE || unit === 0x09 || unit === 0x0d || unit === 0xa0;

function skipSpace(body: string, from: number, end: number): number {
  let at = from;
  while (at < end && isSpace(body.charCodeAt(at))) at++;
  return at;
}

/** The end of the longest dateline («المدينة (الوكالة) -») that opens the line at `start`, or `start`. */
function inlineDatelineEnd(body: string, start: number, lineEnd: number): number {
  // A line that is a credit and nothing else is all the body has: it stays.
  if (isCreditLine(body.slice(start, lineEnd), MAX_CREDIT_WORDS)) return start;
  const window = body.slice(start, Math.min(lineEnd, start + INLINE_WINDOW));
  let end = start;
  for (const match of window.matchAll(DATELINE_END)) {
    const prefix = window.slice(0, match.index);
    if (!isCreditLine(prefix, MAX_CREDIT_WORDS)) break;
    end = start + match.index + match[0].length;
  }
  return end;
}

/**
 * The range [start, end) of `body` that is the story: without a leading dateline or credit line
 * (two at most), a dateline opening the first paragraph, or a trailing source line. The whole body
 * when nothing would be left.
 */
export function storyTextRange(body: string): { start: number; end: number } {
  let end = body.length;
  while (end > 0 && isSpace(body.charCodeAt(end - 1))) end--;
  let start = skipSpace(body, 0, end);
  for (let lines = 0; lines < 2; lines++) {
    const lineEnd = body.indexOf("\n", start);
    if (lineEnd < 0 || lineEnd >= end || !isCreditLine(body.slice(start, lineEnd), MAX_CREDIT_WORDS)) break;
    start = skipSpace(body, lineEnd + 1, end);
  }
  const firstLineEnd = body.indexOf("\n", start);
  start = skipSpace(body, inlineDatelineEnd(body, start, firstLineEnd < 0 ? end : firstLineEnd), end);
  const lastLineStart = body.lastIndexOf("\n", end - 1) + 1;
  if (lastLineStart > start) {
    const last = body.slice(lastLineStart, end);
    const credit = TRAILING_CREDIT.test(last)
      ? wordCount(last) <= MAX_CREDIT_WORDS
      : isCreditLine(last, MAX_TRAILING_WORDS);
    if (credit) end = lastLineStart;
    while (end > start && isSpace(body.charCodeAt(end - 1))) end--;
  }
  return start < end ? { start, end } : { start: 0, end: body.length };
}

/** The story's text alone (see storyTextRange). */
export function stripCredits(body: string): string {
  const { start, end } = storyTextRange(body);
  return body.slice(start, end);
}
