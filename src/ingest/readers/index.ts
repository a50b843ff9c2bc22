/**
 * @module ingest/readers
 * The reader for each detected input format. Every reader yields records with canonical
 * article field names (see field-map), so the stages after reading never see a format.
 */
import type { InputFormat, Reader } from "../types.js";
import { feedReader } from "./feed.js";
import { readJsonDocument } from "./json-array.js";
import { readJsonLines } from "./jsonl.js";
import { readTextPage } from "./text-page.js";
import { readTrec } from "./trec.js";

const READERS: Record<Exclude<InputFormat, "tar">, Reader> = {
  jsonl: readJsonLines,
  json: readJsonDocument,
  trec: readTrec,
  rss: feedReader("rss"),
  atom: feedReader("atom"),
  text: readTextPage,
};

/** tar is not a text format: open-input unpacks it and reads every entry as its own input. */
export function readerFor(format: InputFormat): Reader {
  if (format === "tar") throw new Error("tar archives are unpacked by open-input, not read as text");
  return READERS[format];
}
