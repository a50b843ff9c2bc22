/**
 * @module text/clean
 * Cleaning before indexing: markup out, entities decoded, presentation forms back to letters,
 * invisible controls dropped, whitespace and Unicode normalised. The orthography itself (hamza,
 * diacritics, ى/ي) is kept as written: the analyzers absorb it, and readers see the original.
 */
import reshaper from "arabic-persian-reshaper";
import { decodeHTML } from "entities";
import { INVISIBLE_CONTROLS } from "./arabic.js";

/** Elements whose content is never article text. */
const NON_TEXT_ELEMENTS = /<(script|style|noscript|template|iframe|svg)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const BLOCK_BREAKS =
  /<\/?(p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|blockquote|figure|figcaption)\b[^>]*>/gi;
const TAGS = /<\/?[a-zA-Z][^<>]*>|<!--[\s\S]*?-->|<!\[CDATA\[|\]\]>/g;
/** Arabic presentation forms A and B: shaped glyphs that PDFs and old sites carry instead of letters. */
const PRESENTATION_FORM_RUNS = /[\uFB50-\uFDFF\uFE70-\uFEFE]+/g;
/** C0/C1 controls other than tab and newline; NUL and friends break JSON and terminals. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

export function stripHtml(text: string): string {
  if (!text.includes("<")) return text;
  return text.replace(NON_TEXT_ELEMENTS, " ").replace(BLOCK_BREAKS, "\n").replace(TAGS, "");
}

/** Spaces other than the plain one, as the inside of a character class. */
const ODD_SPACES = "\\t\\f\\v\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000";
/** Whitespace other than a single plain space: runs of it, or any odd space character alone. */
const SPACE_RUNS = new RegExp(`[${ODD_SPACES} ]{2,}|[${ODD_SPACES}]`, "g");
const SPACES_AROUND_NEWLINES = / +\n *|\n +/g;
const NEWLINE_RUNS = /\n{3,}/g;

// Spacing that normaliseWhitespace rewrites, as bits: needsCleaning reports which it found (a \r is
// a changed unit, so only the full chain asks for CARRIAGE_RETURN).
const SPACE_RUN = 1;
const SPACE_AT_NEWLINE = 2;
const NEWLINE_RUN = 4;
const CARRIAGE_RETURN = 8;
const ANY_SPACING = SPACE_RUN | SPACE_AT_NEWLINE | NEWLINE_RUN | CARRIAGE_RETURN;

/**
 * Collapse runs of spaces inside lines, keep paragraph breaks (at most one blank line). Each
 * pattern matches only what it changes: every article passes through here, and a replace that
 * matches every plain space rebuilds the whole text for nothing. `found` names the spacing the
 * text is known to hold; the steps for the rest are skipped.
 */
function normaliseWhitespace(text: string, found = ANY_SPACING): string {
  let clean = found & CARRIAGE_RETURN ? text.replace(/\r\n?/g, "\n") : text;
  if (found & SPACE_RUN) clean = clean.replace(SPACE_RUNS, " ");
  if (found & SPACE_AT_NEWLINE) clean = clean.replace(SPACES_AROUND_NEWLINES, "\n");
  // Dropping the spaces of "\n \n \n", or the \r of "\n\r\n\n", makes a run of newlines.
  if (found & (SPACE_AT_NEWLINE | NEWLINE_RUN | CARRIAGE_RETURN)) clean = clean.replace(NEWLINE_RUNS, "\n\n");
  return clean.trim();
}

/** Invisible and control characters, dropped in one pass. */
const DROPPED_CHARACTERS = new RegExp(`${INVISIBLE_CONTROLS.source}|${CONTROL_CHARS.source}`, "g");

export function cleanText(text: string): string {
  // Most articles need at most their spacing fixed: one pass tells what, where the full chain
  // scans the text eight times. A unit some step changes takes every step.
  const trimmed = text.trim();
  const found = needsCleaning(trimmed);
  return found & CHANGED_UNITS ? cleanInFull(text) : normaliseWhitespace(trimmed.normalize("NFC"), found);
}

/** Every step in turn: what cleanText returns for any text (its shortcut is tested against this). */
export function cleanInFull(text: string): string {
  let clean = stripHtml(text);
  if (clean.includes("&")) clean = decodeHTML(clean);
  // Decoding can reveal markup that was escaped once (&lt;p&gt;); strip that too.
  if (clean.includes("<")) clean = stripHtml(clean);
  // Only the runs of shaped glyphs: convertArabicBack maps one character at a time, but compares
  // each against its whole table and rebuilds the text: 12 ms for a 30,000-character article.
  clean = clean.replace(PRESENTATION_FORM_RUNS, (run) => reshaper.ArabicShaper.convertArabicBack(run));
  return normaliseWhitespace(clean.normalize("NFC").replace(DROPPED_CHARACTERS, ""));
}

/** A unit that some step of cleanText changes, whatever surrounds it. */
const CHANGED_UNIT = new RegExp(
  `[<&\\r${ODD_SPACES}]|${PRESENTATION_FORM_RUNS.source}|${DROPPED_CHARACTERS.source}`,
);
const [UNLEARNT, KEPT, CHANGED] = [0, 1, 2];
/** Each UTF-16 unit's verdict, learnt from CHANGED_UNIT the first time it is met. */
const unitVerdicts = new Uint8Array(0x10000);
const [SPACE, NEWLINE] = [0x20, 0x0a];

/** needsCleaning's answer for a text that holds a changed unit, besides the spacing bits. */
const CHANGED_UNITS = 16;

/**
 * What in `text` (trimmed) some step of cleanText would change: a unit a step changes, which takes
 * every step (NFC aside), or spacing that normaliseWhitespace rewrites.
 */
function needsCleaning(text: string): number {
  let found = 0;
  let previous = -1;
  let beforePrevious = -1;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let verdict = unitVerdicts[unit];
    if (verdict === UNLEARNT) {
      verdict = CHANGED_UNIT.test(String.fromCharCode(unit)) ? CHANGED : KEPT;
      unitVerdicts[unit] = verdict;
    }
    if (verdict === CHANGED) return CHANGED_UNITS;
    if (unit === SPACE) {
      if (previous === SPACE) found |= SPACE_RUN;
      else if (previous === NEWLINE) found |= SPACE_AT_NEWLINE;
    } else if (unit === NEWLINE) {
      if (previous === SPACE) found |= SPACE_AT_NEWLINE;
      else if (previous === NEWLINE && beforePrevious === NEWLINE) found |= NEWLINE_RUN;
    }
    beforePrevious = previous;
    previous = unit;
  }
  return found;
}
