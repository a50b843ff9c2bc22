/**
 * @module ingest/readers/json-array
 * A JSON document: an array of article objects, streamed element by element with stream-json
 * so a large dump is never held whole; or a single (pretty-printed) article object. A syntax
 * error ends the input with one failure naming where it is; the elements before it are kept.
 */
import { once } from "node:events";
import Parser from "stream-json/Parser.js";
import StreamArray from "stream-json/streamers/StreamArray.js";
import { messageOf } from "../../error-message.js";
import type { Origin, Reader, ReaderOptions, ReadItem } from "../types.js";
import { toCanonicalFields } from "./field-map.js";
import { describe, isPlainObject } from "./jsonl.js";
import { excerptOf, partOrigin } from "./text-lines.js";

interface Position {
  line: number;
  column: number;
}

/** Slices are cut at newlines (and at most this long) so a syntax error can be placed on a line. */
const MAX_SLICE_CHARS = 64 * 1024;
/** A lone top-level object is parsed in one piece; past this it is not an article. */
const MAX_SINGLE_OBJECT_CHARS = 64 * 1024 * 1024;

/**
 * stream-json's parser reports a syntax error by destroying the stream, which drops the tokens
 * of elements already parsed but not yet assembled. This one records the first error instead,
 * ignores the rest of the input and ends normally, so every complete element still comes out.
 */
class StoppingParser extends Parser {
  failure: { message: string; at: Position } | undefined;
  /** Where each written slice starts, in write order; `_write` takes them one by one. */
  readonly slicePositions: Position[] = [];
  private current: Position = { line: 1, column: 1 };

  override _write(chunk: unknown, encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.current = this.slicePositions.shift() ?? this.current;
    super._write(chunk, encoding, callback);
  }

  _processBuffer(callback: (error?: Error | null) => void): void {
    if (this.failure) {
      callback(null);
      return;
    }
    const base = Parser.prototype as unknown as { _processBuffer(cb: (error?: Error | null) => void): void };
    base._processBuffer.call(this, (error) => {
      if (error) this.failure = { message: error.message, at: this.current };
      callback(null);
    });
  }
}

export const readJsonDocument: Reader = async function* (chunks, origin, options): AsyncGenerator<ReadItem> {
  const iterator = chunks[Symbol.asyncIterator]();
  // Skip leading whitespace to see whether this is an array or a lone object.
  let first = await iterator.next();
  while (!first.done && first.value.trim() === "") first = await iterator.next();
  if (first.done) return;
  const rest = prepend(first.value.trimStart(), iterator);
  if (first.value.trimStart().startsWith("{")) yield* readSingleObject(rest, origin, options);
  else yield* readArray(rest, origin, options);
};

async function* readArray(
  chunks: AsyncIterable<string>,
  origin: Origin,
  options: ReaderOptions,
): AsyncGenerator<ReadItem> {
  const parser = new StoppingParser({ decodeStrings: false });
  const elements = new StreamArray();
  parser.pipe(elements);
  const stopFeeding = new AbortController();
  let sourceError: unknown;
  const feeding = (async () => {
    for await (const slice of slicesWithPositions(chunks)) {
      parser.slicePositions.push(slice.at);
      if (!parser.write(slice.text)) await once(parser, "drain", { signal: stopFeeding.signal });
    }
  })()
    .catch((error) => {
      if (!stopFeeding.signal.aborted) sourceError = error;
    })
    .finally(() => parser.end());
  let lastIndex = -1;
  try {
    for await (const { key, value } of elements as AsyncIterable<{ key: number; value: unknown }>) {
      lastIndex = key;
      const elementOrigin = partOrigin(origin, key);
      if (isPlainObject(value))
        yield { kind: "record", origin: elementOrigin, fields: toCanonicalFields(value, options.fieldMap) };
      else
        yield {
          kind: "failure",
          origin: elementOrigin,
          reason: `array element ${key} is ${describe(value)}, not an object`,
        };
    }
    await feeding;
  } finally {
    stopFeeding.abort();
    parser.destroy();
    elements.destroy();
  }
  // A read error (a truncated gzip) is the caller's to report; only syntax errors are ours.
  if (sourceError) throw sourceError;
  if (parser.failure) {
    const { message, at } = parser.failure;
    const after = lastIndex >= 0 ? `after element ${lastIndex}` : "before the first element";
    yield {
      kind: "failure",
      origin: { ...origin, line: at.line },
      reason: `malformed JSON at line ${at.line}, column ${at.column} or just after (${after}): ${message}`,
    };
  }
}

async function* readSingleObject(
  chunks: AsyncIterable<string>,
  origin: Origin,
  options: ReaderOptions,
): AsyncGenerator<ReadItem> {
  let text = "";
  for await (const chunk of chunks) {
    text += chunk;
    if (text.length > MAX_SINGLE_OBJECT_CHARS) {
      yield { kind: "failure", origin, reason: "a single JSON object over 64 MB is not an article" };
      return;
    }
  }
  try {
    const value: unknown = JSON.parse(text);
    if (isPlainObject(value))
      yield { kind: "record", origin, fields: toCanonicalFields(value, options.fieldMap) };
    else yield { kind: "failure", origin, reason: `JSON document is ${describe(value)}` };
  } catch (error) {
    yield {
      kind: "failure",
      origin,
      reason: `malformed JSON: ${messageOf(error)}`,
      excerpt: excerptOf(text),
    };
  }
}

/** The input cut at newlines (or every 64 KB of a long line), each piece with where it starts. */
async function* slicesWithPositions(chunks: AsyncIterable<string>) {
  const at: Position = { line: 1, column: 1 };
  for await (const chunk of chunks) {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf("\n", start);
      let end = newline === -1 ? chunk.length : newline + 1;
      if (end - start > MAX_SLICE_CHARS) end = start + MAX_SLICE_CHARS;
      // Never split a surrogate pair between two writes.
      if (end < chunk.length && isHighSurrogate(chunk.charCodeAt(end - 1))) end++;
      yield { text: chunk.slice(start, end), at: { ...at } };
      if (chunk[end - 1] === "\n") Object.assign(at, { line: at.line + 1, column: 1 });
      else at.column += end - start;
      start = end;
    }
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

async function* prepend(head: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  try {
    yield head;
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
  } finally {
    // Stopping early must still close the file or socket underneath.
    await rest.return?.();
  }
}
