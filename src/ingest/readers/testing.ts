/**
 * @module ingest/readers/testing
 * Test helpers for readers: feed inline text in small chunks (so every boundary case of the
 * chunk splitting is exercised) and collect what a reader yields.
 */
import type { Origin, Reader, ReaderOptions, ReadItem } from "../types.js";

export async function* chunked(text: string, size = 7): AsyncGenerator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

export const testOrigin: Origin = { source: "sample" };

export function readAll(reader: Reader, text: string, options: ReaderOptions = {}): Promise<ReadItem[]> {
  return collect(reader(chunked(text), testOrigin, options));
}

/** The fields of the records, failing loudly if an item is a failure where none was expected. */
export function recordsOf(items: ReadItem[]): Record<string, unknown>[] {
  return items.map((item) => {
    if (item.kind !== "record") throw new Error(`expected a record, got failure: ${item.reason}`);
    return item.fields;
  });
}
