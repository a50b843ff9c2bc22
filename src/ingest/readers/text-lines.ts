/**
 * @module ingest/readers/text-lines
 * Helpers every text reader shares: splitting a stream of decoded chunks into numbered lines
 * without holding more than one line, and naming a sub-entry (array index, feed item) of an input.
 */
import type { Origin } from "../types.js";

export interface NumberedLine {
  /** The line without its terminator (\n, \r\n or \r\n split across chunks). */
  text: string;
  /** 1-based, as editors count, so a rejects file can point at the line. */
  number: number;
}

/** Lines of a chunk stream; memory is bounded by the longest line, not by the input. */
export async function* numberedLines(chunks: AsyncIterable<string>): AsyncGenerator<NumberedLine> {
  // The start of a line that a later chunk ends. Line ends are looked for in each chunk alone, and
  // a line within a chunk is a slice of it: joining every chunk to the remainder of the previous
  // one copied the whole input once more.
  let pending = "";
  let number = 0;
  for await (const chunk of chunks) {
    let start = 0;
    for (let newline = chunk.indexOf("\n"); newline !== -1; newline = chunk.indexOf("\n", start)) {
      number++;
      const piece = chunk.slice(start, newline);
      yield { text: stripCarriageReturn(pending ? pending + piece : piece), number };
      pending = "";
      start = newline + 1;
    }
    pending += start ? chunk.slice(start) : chunk;
  }
  // A last line without a trailing newline is still a line.
  if (pending.length > 0) yield { text: stripCarriageReturn(pending), number: number + 1 };
}

function stripCarriageReturn(line: string): string {
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}

/**
 * The origin of one part of an input. An input that is itself a tar entry already has an
 * `entry`, so the part is appended to it ("2024/a.json[3]") rather than replacing it.
 */
export function partOrigin(origin: Origin, part: string | number): Origin {
  const entry = origin.entry === undefined ? String(part) : `${origin.entry}[${part}]`;
  return { ...origin, entry };
}

/** A short excerpt of offending input for the rejects file. */
export function excerptOf(text: string, maxChars = 200): string {
  const trimmed = text.trim();
  return trimmed.length > maxChars ? `${trimmed.slice(0, maxChars)}…` : trimmed;
}
