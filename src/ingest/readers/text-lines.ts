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
  let pending = "";
  let number = 0;
  for await (const chunk of chunks) {
    // Look for line ends only in the new text: rescanning a long line per chunk is quadratic.
    const searchFrom = pending.length;
    pending += chunk;
    let start = 0;
    for (
      let newline = pending.indexOf("\n", searchFrom);
      newline !== -1;
      newline = pending.indexOf("\n", start)
    ) {
      number++;
      yield { text: stripCarriageReturn(pending.slice(start, newline)), number };
      start = newline + 1;
    }
    if (start > 0) pending = pending.slice(start);
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

/** The message of anything thrown, for a failure reason. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
