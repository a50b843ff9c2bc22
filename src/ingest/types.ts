/**
 * @module ingest/types
 * The contract between the importer's stages: readers turn bytes into raw records (or parse
 * failures), every one carrying where it came from, so a rejection can name its file and line.
 */
import type { InputMeter } from "./report.js";

/** Where a record came from: the file or URL, and the line (JSONL) or entry (tar, feed item). */
export interface Origin {
  source: string;
  line?: number;
  entry?: string;
}

/** A record as read, before cleaning and validation, with the canonical field names. */
export interface RawRecord {
  kind: "record";
  origin: Origin;
  fields: Record<string, unknown>;
}

/** A piece of input that could not be parsed into a record; it is reported, the rest goes on. */
export interface ParseFailure {
  kind: "failure";
  origin: Origin;
  reason: string;
  /** A short excerpt of the offending input, for the rejects file. */
  excerpt?: string;
}

export type ReadItem = RawRecord | ParseFailure;

/** The formats the importer understands, detected from content. */
export type InputFormat = "jsonl" | "json" | "trec" | "rss" | "atom" | "text" | "tar";

export interface ReaderOptions {
  /** `--map title=headline,body=text`: the input's field names for the canonical ones. */
  fieldMap?: Record<string, string> | undefined;
  /** Date for records that carry none (plain-text pages): the file's mtime or Last-Modified. */
  fallbackDate?: string | undefined;
  /** Told of each input opened and how much of it is read, for the progress line. */
  meter?: InputMeter | undefined;
}

/** A reader consumes decoded text chunks of one input and yields records in order. */
export type Reader = (
  chunks: AsyncIterable<string>,
  origin: Origin,
  options: ReaderOptions,
) => AsyncIterable<ReadItem>;
