/**
 * @module cli/terminal-text
 * Arabic text for a terminal. Most terminals neither join Arabic letters nor reorder right-to-
 * left runs, so display mode shapes the letters (presentation forms) and lays each line out in
 * visual order with the Unicode bidi algorithm, wrapping in logical order first (a terminal
 * wrapping a reordered line would scramble the reading order). Raw mode keeps logical order for
 * pipes. Either way, control characters from article text never reach the terminal.
 */
import reshaper from "arabic-persian-reshaper";
import bidiModule from "bidi-js";
import { decodeHTML } from "entities";

// bidi-js is CommonJS whose types declare an ES default export: under NodeNext the default
// import is module.exports itself, which is the factory.
const bidiFactory = bidiModule as unknown as typeof bidiModule.default;
const bidi = bidiFactory();

/**
 * C0/C1 controls (ESC starts terminal escape sequences) and the bidi embedding, override and
 * isolate characters, which a hostile article could use to make text display as something else.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export const stripControls = (text: string) => text.replace(UNSAFE, " ").replace(/ {2,}/g, " ").trim();

export interface Run {
  text: string;
  marked: boolean;
}

/** An API highlight (escaped text with <mark>) as plain-text runs, controls removed. */
export function highlightRuns(highlighted: string): Run[] {
  return highlighted
    .split(/<mark>([\s\S]*?)<\/mark>/)
    .map((part, i) => ({ text: decodeHTML(part).replace(UNSAFE, " "), marked: i % 2 === 1 }))
    .filter((run) => run.text);
}

/** Splits runs into lines of at most `width` characters, breaking at spaces where it can. */
export function wrapRuns(runs: Run[], width: number): Run[][] {
  const chars = runs.flatMap((run) =>
    Array.from(run.text.replace(/\s+/g, " "), (char) => ({ char, marked: run.marked })),
  );
  const lines: Run[][] = [];
  let start = 0;
  while (start < chars.length) {
    while (chars[start]?.char === " ") start++;
    let end = Math.min(start + width, chars.length);
    if (end < chars.length) {
      let space = end;
      while (space > start && chars[space]?.char !== " ") space--;
      if (space > start) end = space;
    }
    if (start < end) lines.push(toRuns(chars.slice(start, end)));
    start = end;
  }
  return lines;
}

function toRuns(chars: Array<{ char: string; marked: boolean }>): Run[] {
  const runs: Run[] = [];
  for (const { char, marked } of chars) {
    const last = runs.at(-1);
    if (last && last.marked === marked) last.text += char;
    else runs.push({ text: char, marked });
  }
  return runs;
}

/** One line in visual order: shaped run by run (marks fall between words), then reordered. */
export function visualLine(line: Run[], width: number): Run[] {
  const shaped = line.map((run) => ({ ...run, text: reshaper.ArabicShaper.convertArabic(run.text) }));
  const text = shaped.map((run) => run.text).join("");
  const marks = shaped.flatMap((run) => Array.from({ length: run.text.length }, () => run.marked));
  const levels = bidi.getEmbeddingLevels(text, "auto");
  const mirrored = bidi.getMirroredCharactersMap(text, levels.levels);
  const order = bidi.getReorderedIndices(text, levels);
  const chars = order.map((index: number) => ({
    char: mirrored.get(index) ?? text[index] ?? "",
    marked: marks[index] ?? false,
  }));
  // A right-to-left paragraph reads from the right edge, so pad it there.
  const rtl = (levels.paragraphs[0]?.level ?? 0) % 2 === 1;
  const pad = rtl ? Math.max(0, width - chars.length) : 0;
  return toRuns([...Array.from({ length: pad }, () => ({ char: " ", marked: false })), ...chars]);
}

export interface PrintOptions {
  /** Shape and reorder for display (a terminal); false keeps logical order (pipes, --raw). */
  display: boolean;
  /** Bold-inverse around highlights. */
  ansi: boolean;
  width: number;
  indent?: string;
}

export function formatRuns(runs: Run[], options: PrintOptions): string {
  const paint = (line: Run[]) =>
    line.map((run) => (options.ansi && run.marked ? `\u001b[1;7m${run.text}\u001b[0m` : run.text)).join("");
  const indent = options.indent ?? "";
  const width = Math.max(20, options.width - indent.length);
  if (!options.display) return indent + paint(wrapRuns(runs, Number.MAX_SAFE_INTEGER).flat());
  return wrapRuns(runs, width)
    .map((line) => indent + paint(visualLine(line, width)))
    .join("\n");
}
