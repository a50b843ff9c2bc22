/**
 * @module text/clean
 * Cleaning before indexing: markup out, entities decoded, presentation forms back to letters,
 * invisible controls dropped, whitespace and Unicode normalised. The orthography itself (hamza,
 * diacritics, ى/ي) is kept as written: the analyzers absorb it, and readers see the original.
 */
import reshaper from "arabic-persian-reshaper";
import { decodeHTML } from "entities";
import { Tokenizer } from "htmlparser2";
import { INVISIBLE_CONTROLS } from "./arabic.js";

/** Arabic presentation forms A and B: shaped glyphs that PDFs and old sites carry instead of letters. */
const PRESENTATION_FORM_RUNS = /[\uFB50-\uFDFF\uFE70-\uFEFE]+/g;
/** C0/C1 controls other than tab and newline; NUL and friends break JSON and terminals. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Elements whose content is never article text. */
const NON_TEXT_ELEMENTS = new Set(["script", "style", "noscript", "template", "iframe", "svg"]);
/** Elements that break a line: their text is not run into the text beside them. */
const BLOCK_ELEMENTS = new Set(
  "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table section article blockquote figure figcaption".split(" "),
);
/** A `<` that a browser reads as the start of a tag, a comment or a declaration. */
const TAG_START = /<[a-zA-Z/!?]/;
/** Each pass peels one layer of markup hidden in text; deeper nesting than this is an attack. */
const MAX_MARKUP_PASSES = 8;

/**
 * The text of HTML as a browser reads it: tags, comments and non-text elements out, entities
 * decoded (unless `decodeEntities` is false), a line break for each block. Text can hide markup
 * that one reading reveals (`&lt;p&gt;`, or `<scr<b>ipt>` once `<b>` is gone), so the text is
 * read again until no tag is left in it.
 */
export function markupToText(html: string, decodeEntities = true): string {
  let text = html;
  if (html.includes("<")) text = htmlText(html, decodeEntities);
  else if (decodeEntities && html.includes("&")) text = decodeHTML(html);
  for (let pass = 1; TAG_START.test(text); pass++) {
    if (pass === MAX_MARKUP_PASSES) return withoutTagStarts(text);
    // Entities were decoded once; decoding again would turn a written "&amp;lt;" into "<".
    text = htmlText(text, false);
  }
  return text;
}

/** What is left after every pass loses its `<`s: stored text never holds a tag. */
function withoutTagStarts(text: string): string {
  return text.replace(/<+(?=[a-zA-Z/!?])/g, "");
}

/**
 * One reading of `html` by htmlparser2's HTML tokenizer, its text joined up. No tree is built:
 * nothing here needs one, and a stack of open elements would cost time with every level a hostile
 * text nests.
 */
function htmlText(html: string, decodeEntities: boolean): string {
  let text = "";
  let hidden = 0; // depth inside non-text elements
  let tagName = "";
  const append = (piece: string) => {
    if (hidden === 0) text += piece;
  };
  // The tokenizer skips to the next `<` when it decodes nothing; a tag ends an entity, so each
  // piece of text is decoded whole, and faster, by `entities`.
  const tokenizer = new Tokenizer(
    { decodeEntities: false },
    {
      ontext(start, end) {
        const piece = html.slice(start, end);
        append(decodeEntities && piece.includes("&") ? decodeHTML(piece) : piece);
      },
      ontextentity() {},
      oncdata: (start, end, endOffset) => append(html.slice(start, end - endOffset)),
      onopentagname(start, end) {
        tagName = html.slice(start, end).toLowerCase();
        if (NON_TEXT_ELEMENTS.has(tagName)) {
          // A space where a script was, so the words around it stay apart.
          append(" ");
          hidden++;
        } else if (BLOCK_ELEMENTS.has(tagName)) append("\n");
      },
      onselfclosingtag() {
        // HTML honours `/>` on foreign elements only: <svg/> holds nothing, <script/> still does.
        if (tagName === "svg") hidden--;
      },
      onclosetag(start, end) {
        const name = html.slice(start, end).toLowerCase();
        if (NON_TEXT_ELEMENTS.has(name)) hidden = Math.max(0, hidden - 1);
        else if (BLOCK_ELEMENTS.has(name)) append("\n");
      },
      // Attributes, comments and declarations hold no text.
      onattribname() {},
      onattribdata() {},
      onattribentity() {},
      onattribend() {},
      onopentagend() {},
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return text;
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
/** Three newlines or more with nothing but spaces between them. */
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
  // Dropping the \r of "\n\r\n\n" makes a run of newlines (NEWLINE_RUN counts across spaces).
  if (found & (NEWLINE_RUN | CARRIAGE_RETURN)) clean = clean.replace(NEWLINE_RUNS, "\n\n");
  return clean.trim();
}

/** Invisible and control characters, dropped in one pass. */
const DROPPED_CHARACTERS = new RegExp(`${INVISIBLE_CONTROLS.source}|${CONTROL_CHARS.source}`, "g");

export function cleanText(text: string): string {
  // Most articles need at most their spacing fixed: one pass tells what, where the full chain
  // scans the text eight times. A unit some step changes takes every step.
  const trimmed = text.trim();
  const found = needsCleaning(trimmed);
  if (found & CHANGED_UNITS) return cleanInFull(text);
  return normaliseWhitespace(found & NFC_CANDIDATES ? trimmed.normalize("NFC") : trimmed, found);
}

/** Every step in turn: what cleanText returns for any text (its shortcut is tested against this). */
export function cleanInFull(text: string): string {
  let clean = normaliseCharacters(markupToText(text));
  // Dropping an invisible character, or composing one (U+212A KELVIN SIGN is a K), can bring a
  // `<` next to a letter: the markup is read again, its entities decoded already.
  for (let pass = 1; TAG_START.test(clean); pass++)
    clean =
      pass === MAX_MARKUP_PASSES ? withoutTagStarts(clean) : normaliseCharacters(markupToText(clean, false));
  return normaliseWhitespace(clean);
}

/** Presentation forms back to letters, NFC, invisible and control characters out. */
function normaliseCharacters(text: string): string {
  // Only the runs of shaped glyphs: convertArabicBack maps one character at a time, but compares
  // each against its whole table and rebuilds the text, slow on a long article.
  const letters = text.replace(PRESENTATION_FORM_RUNS, (run) => reshaper.ArabicShaper.convertArabicBack(run));
  return letters.normalize("NFC").replace(DROPPED_CHARACTERS, "");
}

/** A unit that some step of cleanText changes, whatever surrounds it. */
const CHANGED_UNIT = new RegExp(
  `[<&\\r${ODD_SPACES}]|${PRESENTATION_FORM_RUNS.source}|${DROPPED_CHARACTERS.source}`,
);
/**
 * Arabic vowel marks that never compose with the letter before them: NFC leaves one alone, but
 * reorders two in a row (shadda then fatha becomes fatha then shadda).
 */
const ARABIC_VOWEL_MARK = /[\u064B-\u0652\u0670]/;
/**
 * What else NFC may change: any other combining mark (one may compose with the letter before it,
 * as U+0654 hamza above with alef), Hangul vowels and final consonants (they compose with the
 * syllable before), surrogates (supplementary marks and singletons, not told apart here).
 */
const NFC_SENSITIVE = /[\p{M}\u1160-\u11FF\uD800-\uDFFF]/u;
const [UNLEARNT, KEPT, CHANGED, VOWEL_MARK, COMPOSING] = [0, 1, 2, 3, 4];
/** Each UTF-16 unit's verdict, learnt the first time it is met (learnVerdict). */
const unitVerdicts = new Uint8Array(0x10000);
const [SPACE, NEWLINE] = [0x20, 0x0a];

function learnVerdict(unit: number): number {
  const text = String.fromCharCode(unit);
  let verdict = KEPT;
  if (CHANGED_UNIT.test(text)) verdict = CHANGED;
  else if (ARABIC_VOWEL_MARK.test(text)) verdict = VOWEL_MARK;
  // A unit that NFC replaces on its own (U+2126 ohm → Ω) is composing too.
  else if (NFC_SENSITIVE.test(text) || text.normalize("NFC") !== text) verdict = COMPOSING;
  unitVerdicts[unit] = verdict;
  return verdict;
}

/** needsCleaning's answer for a text that holds a changed unit, besides the spacing bits. */
const CHANGED_UNITS = 16;
/** needsCleaning's bit for a text that NFC may change; without it, NFC is skipped. */
const NFC_CANDIDATES = 32;

/**
 * What in `text` (trimmed) some step of cleanText would change: a unit a step changes, which takes
 * every step; spacing that normaliseWhitespace rewrites; a unit NFC may change. For a text that
 * needs nothing else, NFC's own check was most of the cost of cleaning it, and this loop reads
 * every unit anyway.
 */
function needsCleaning(text: string): number {
  let found = 0;
  let previous = -1;
  let previousVerdict = KEPT;
  // Newlines since the last unit other than a space or a newline.
  let newlines = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let verdict = unitVerdicts[unit] ?? UNLEARNT;
    if (verdict === UNLEARNT) verdict = learnVerdict(unit);
    if (verdict === CHANGED) return CHANGED_UNITS;
    if (verdict === COMPOSING || (verdict === VOWEL_MARK && previousVerdict === VOWEL_MARK))
      found |= NFC_CANDIDATES;
    previousVerdict = verdict;
    if (unit === SPACE) {
      if (previous === SPACE) found |= SPACE_RUN;
      else if (previous === NEWLINE) found |= SPACE_AT_NEWLINE;
    } else if (unit === NEWLINE) {
      if (previous === SPACE) found |= SPACE_AT_NEWLINE;
      if (++newlines === 3) found |= NEWLINE_RUN;
    } else newlines = 0;
    previous = unit;
  }
  return found;
}
