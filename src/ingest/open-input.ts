/**
 * @module ingest/open-input
 * The importer's entry point for one input spec (a path, a folder, a pattern or an http(s) URL): open it, unwrap
 * gzip and tar by their magic bytes, find each text's encoding and format and hand it to its reader.
 * Every problem becomes a ParseFailure naming the input, never an exception, so one bad file
 * does not stop the others.
 */
import { once } from "node:events";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import tar from "tar-stream";
import { messageOf } from "../error-message.js";
import { detectFormat } from "./detect.js";
import {
  binaryReason,
  decodeText,
  drainedOnExit,
  gunzip,
  InputError,
  isGzip,
  isTar,
  PeekableBytes,
  textEncoding,
} from "./input-bytes.js";
import { resolvePath } from "./input-paths.js";
import { readerFor } from "./readers/index.js";
import { excerptOf } from "./readers/text-lines.js";
import type { InputMeter } from "./report.js";
import type { Origin, ParseFailure, ReaderOptions, ReadItem } from "./types.js";

/**
 * Corpus archives and folders ship their README and LICENSE beside the documents; read as text
 * pages they would become "articles". They are reported as skipped instead.
 */
const ARCHIVE_DOCUMENTATION = /(^|\/)(readme|licen[cs]e|copying|notice|changelog|authors)(\.[a-z]+)?$|\.md$/i;

/** Enough to see gzip and tar magic, sniff 8 KB for binary, and detect the format. */
const HEAD_BYTES = 16 * 1024;
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i;

/** What is known of an input besides its bytes. */
interface InputFacts {
  /** When a story with no date of its own was published, at the latest: mtime or Last-Modified. */
  fallbackDate: string;
  /** The charset of an HTTP response's Content-Type, which outranks an XML declaration. */
  charset?: string | undefined;
}

interface OpenedInput extends InputFacts {
  bytes: Readable;
}

export async function* readInput(spec: string, options: ReaderOptions): AsyncGenerator<ReadItem> {
  const { meter } = options;
  if (/^https?:\/\//i.test(spec)) return yield* readOpened(spec, await openUrl(spec, meter), options);
  const named = await resolvePath(spec);
  if (named.kind === "single") return yield* readOpened(spec, await openFile(spec, meter), options);
  if (!named.paths.length) yield { kind: "failure", origin: { source: spec }, reason: named.empty };
  for (const path of named.paths)
    if (ARCHIVE_DOCUMENTATION.test(path))
      yield {
        kind: "failure",
        origin: { source: path },
        reason: `skipped ${path}: the corpus's documentation, not news`,
      };
    else yield* readOpened(path, await openFile(path, meter), options);
}

async function* readOpened(
  spec: string,
  opened: OpenedInput | ParseFailure,
  options: ReaderOptions,
): AsyncGenerator<ReadItem> {
  const origin: Origin = { source: spec };
  if ("reason" in opened) {
    yield opened;
    return;
  }
  yield* readBytes(new PeekableBytes(opened.bytes), origin, opened, options);
}

async function openFile(path: string, meter?: InputMeter): Promise<OpenedInput | ParseFailure> {
  const failure = (reason: string): ParseFailure => ({ kind: "failure", origin: { source: path }, reason });
  try {
    const info = await stat(path);
    if (!info.isFile()) return failure(`${path} is not a regular file`);
    const bytes = createReadStream(path);
    meter?.open("file", info.size, () => bytes.bytesRead);
    return { bytes, fallbackDate: info.mtime.toISOString() };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return failure(
      code === "ENOENT" ? `file not found: ${path}` : `cannot open ${path}: ${messageOf(error)}`,
    );
  }
}

async function openUrl(url: string, meter?: InputMeter): Promise<OpenedInput | ParseFailure> {
  const failure = (reason: string): ParseFailure => ({ kind: "failure", origin: { source: url }, reason });
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return failure(`cannot fetch ${url}: ${messageOf(cause ?? error)}`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    return failure(`HTTP ${response.status} ${response.statusText} from ${url}`.replace("  ", " "));
  }
  const lastModified = Date.parse(response.headers.get("last-modified") ?? "");
  const length = Number(response.headers.get("content-length") ?? Number.NaN);
  let received = 0;
  meter?.open("url", Number.isFinite(length) ? length : undefined, () => received);
  const counted = response.body?.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        controller.enqueue(chunk);
      },
    }),
  );
  return {
    bytes: counted ? Readable.fromWeb(counted as NodeReadableStream<Uint8Array>) : Readable.from([]),
    fallbackDate: new Date(Number.isNaN(lastModified) ? Date.now() : lastModified).toISOString(),
    charset: CHARSET.exec(response.headers.get("content-type") ?? "")?.[1],
  };
}

/** One input's bytes, whatever they hold: gzip, tar, or text in some encoding and format. */
async function* readBytes(
  input: PeekableBytes,
  origin: Origin,
  { fallbackDate, charset }: InputFacts,
  options: ReaderOptions,
): AsyncGenerator<ReadItem> {
  const failure = (reason: string, excerpt?: string): ParseFailure => ({
    kind: "failure",
    origin,
    reason,
    excerpt,
  });
  try {
    let bytes = input;
    let head = await bytes.peek(HEAD_BYTES);
    if (isGzip(head)) {
      bytes = new PeekableBytes(gunzip(bytes));
      head = await bytes.peek(HEAD_BYTES);
    }
    if (isTar(head)) {
      yield* readTar(bytes, origin, fallbackDate, options);
      return;
    }
    const encoding = textEncoding(head, charset);
    const binary = binaryReason(head, encoding);
    if (binary) {
      bytes.raiseDeferredError();
      yield failure(binary);
      return;
    }
    const headText = new TextDecoder(encoding).decode(head, { stream: true });
    const format = detectFormat(headText);
    if (!format) {
      bytes.raiseDeferredError();
      yield headText.trim() === ""
        ? failure("empty input: no text to read")
        : failure(
            "unrecognised format: not JSON, JSON Lines, TREC, RSS, Atom or plain text",
            excerptOf(headText, 80),
          );
      return;
    }
    const readerOptions: ReaderOptions = { ...options, fallbackDate };
    yield* readerFor(format)(decodeText(bytes, encoding), origin, readerOptions);
  } catch (error) {
    // Records read before the error have been yielded already; this names what stopped the rest.
    yield failure(error instanceof InputError ? error.message : `read error: ${messageOf(error)}`);
  } finally {
    await input.close();
  }
}

/** Every regular file in the archive is read as an input of its own, named by its path. */
async function* readTar(
  bytes: AsyncIterable<Buffer>,
  origin: Origin,
  fallbackDate: string,
  options: ReaderOptions,
): AsyncGenerator<ReadItem> {
  const extract = tar.extract();
  const stopFeeding = new AbortController();
  const feeding = (async () => {
    try {
      for await (const chunk of bytes) {
        if (!extract.write(chunk)) await once(extract, "drain", { signal: stopFeeding.signal });
      }
      extract.end(undefined); // streamx's end takes an optional last chunk
    } catch (error) {
      if (!stopFeeding.signal.aborted) extract.destroy(error as Error);
    }
  })();
  try {
    for await (const entry of extract) {
      const { name, type, mtime } = entry.header;
      if ((type === "file" || type === "contiguous-file") && ARCHIVE_DOCUMENTATION.test(name)) {
        const reason = `skipped ${name}: the archive's documentation, not news`;
        yield { kind: "failure", origin: { ...origin, entry: name }, reason };
      } else if (type === "file" || type === "contiguous-file") {
        const entryOrigin = { ...origin, entry: name };
        const entryDate = mtime && !Number.isNaN(mtime.getTime()) ? mtime.toISOString() : fallbackDate;
        yield* readBytes(
          new PeekableBytes(drainedOnExit(entry as AsyncIterable<Buffer>)),
          entryOrigin,
          { fallbackDate: entryDate },
          options,
        );
      }
      entry.resume(); // skip what was not read (directories, links), or the archive stalls
    }
    await feeding;
  } finally {
    stopFeeding.abort();
    extract.destroy();
  }
}
