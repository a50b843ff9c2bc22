/**
 * @module ingest/readers/jsonl
 * JSON Lines: one object per line. Each line stands alone, so a broken line is one failure
 * naming its line number and the rest of the file is still read.
 */
import type { Reader, ReadItem } from "../types.js";
import { toCanonicalFields } from "./field-map.js";
import { excerptOf, messageOf, numberedLines } from "./text-lines.js";

export const readJsonLines: Reader = async function* (chunks, origin, options): AsyncGenerator<ReadItem> {
  for await (const line of numberedLines(chunks)) {
    if (line.text.trim() === "") continue;
    const lineOrigin = { ...origin, line: line.number };
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
