/**
 * @module ingest/readers/jsonl
 * JSON Lines: one object per line. Each line stands alone, so a broken line is one failure
 * naming its line number and the rest of the file is still read.
 */
import { messageOf } from "../../error-message.js";
import type { Reader, ReadItem } from "../types.js";
import { toCanonicalFields } from "./field-map.js";
import { excerptOf, numberedLines } from "./text-lines.js";

/** A line longer than this is not one article; parsing it would only exhaust the bounded heap. */
const MAX_LINE_CHARS = 8_000_000;

export const readJsonLines: Reader = async function* (chunks, origin, options): AsyncGenerator<ReadItem> {
  for await (const line of numberedLines(chunks)) {
    if (line.text.trim() === "") continue;
    const lineOrigin = { ...origin, line: line.number };
    if (line.text.length > MAX_LINE_CHARS) {
      const size = `${(line.text.length / 1e6).toFixed(1)} million characters`;
      yield {
        kind: "failure",
        origin: lineOrigin,
        reason: `line ${line.number} is ${size}, too large for one article`,
        excerpt: excerptOf(line.text),
      };
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch (error) {
      yield {
        kind: "failure",
        origin: lineOrigin,
        reason: `line ${line.number} is not valid JSON: ${messageOf(error)}`,
        excerpt: excerptOf(line.text),
      };
      continue;
    }
    if (!isPlainObject(value)) {
      yield {
        kind: "failure",
        origin: lineOrigin,
        reason: `line ${line.number} is JSON but not an object (${describe(value)})`,
        excerpt: excerptOf(line.text),
      };
      continue;
    }
    yield { kind: "record", origin: lineOrigin, fields: toCanonicalFields(value, options.fieldMap) };
  }
};

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function describe(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  return value === null ? "null" : `a ${typeof value}`;
}
