/**
 * @module ingest/input-bytes
 * Byte-level handling of one input before any format is known: looking at the first bytes
 * without losing them, gunzipping, finding the text's encoding, telling text from binary, and
 * decoding, all as streams so a multi-GB dump never sits in memory.
 */
import { pipeline, Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { messageOf } from "../error-message.js";

/** An error whose message is already a reason fit for the rejects file. */
export class InputError extends Error {}

/** A byte stream whose first bytes can be inspected and are then still read in order. */
export class PeekableBytes implements AsyncIterable<Buffer> {
  private readonly iterator: AsyncIterator<Uint8Array>;
  private head = Buffer.alloc(0);
  private finished = false;
  /** An error met while peeking is raised only when the reader gets there, after the head. */
  private deferredError: unknown;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  /** Up to `size` first bytes (fewer if the input is shorter). */
  async peek(size: number): Promise<Buffer> {
    while (!this.finished && this.head.length < size) {
      try {
        const next = await this.iterator.next();
        if (next.done) this.finished = true;
        else this.head = Buffer.concat([this.head, next.value]);
      } catch (error) {
        this.finished = true;
        this.deferredError = error;
      }
    }
    return this.head.subarray(0, size);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
    try {
      if (this.head.length > 0) yield this.head;
      this.head = Buffer.alloc(0);
      if (this.deferredError !== undefined) throw this.deferredError;
      while (!this.finished) {
        const next = await this.iterator.next();
        if (next.done) this.finished = true;
        else yield Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
      }
    } finally {
      await this.close();
    }
  }

  /** For a caller that will not read on: an error met while peeking explains more than the head. */
  raiseDeferredError(): void {
    if (this.deferredError !== undefined) throw this.deferredError;
  }

  /** Release the file or socket underneath, also when nobody read past the peek. */
  async close(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    await this.iterator.return?.();
  }
}

export const isGzip = (head: Buffer) => head[0] === 0x1f && head[1] === 0x8b;
/** POSIX and GNU tar headers both carry "ustar" at offset 257. */
export const isTar = (head: Buffer) => head.length >= 262 && head.toString("latin1", 257, 262) === "ustar";

/** The decompressed stream; a damaged gzip ends it with an InputError after what was readable. */
export async function* gunzip(compressed: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  // 64 KB out at a time rather than zlib's 16 KB: a quarter of the chunks to pass down the readers.
  const decompressed = pipeline(Readable.from(compressed), createGunzip({ chunkSize: 64 * 1024 }), () => {
    // Errors reach the loop below through the destroyed stream.
  });
  try {
    for await (const chunk of decompressed) yield chunk as Buffer;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("Z_"))
      throw new InputError(`gzip stream is truncated or corrupt: ${messageOf(error)}`);
    throw error;
  }
}

const BYTE_ORDER_MARKS: Array<[bytes: number[], encoding: string]> = [
  [[0xef, 0xbb, 0xbf], "utf-8"],
  [[0xff, 0xfe], "utf-16le"],
  [[0xfe, 0xff], "utf-16be"],
];
/** The encoding an XML declaration names; only ASCII-compatible bytes can spell it out this way. */
const XML_DECLARED_ENCODING = /^<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']*)["']/;

/**
 * The encoding of a text input: its byte-order mark, else the charset HTTP sent, else its XML
 * declaration's, else UTF-8 (the precedence of XML media types, RFC 7303). A label TextDecoder
 * does not know is an InputError: guessing would garble every record.
 */
export function textEncoding(head: Buffer, httpCharset?: string): string {
  const marked = BYTE_ORDER_MARKS.find(([bytes]) => bytes.every((byte, at) => head[at] === byte));
  if (marked) return marked[1];
  if (httpCharset) return knownEncoding(httpCharset, "the HTTP Content-Type charset");
  const declared = XML_DECLARED_ENCODING.exec(head.toString("latin1", 0, 1024))?.[1];
  if (declared === undefined) return "utf-8";
  const encoding = knownEncoding(declared, "the XML declaration");
  // A declaration read as ASCII is not in UTF-16, whatever it says.
  return encoding.startsWith("utf-16") ? "utf-8" : encoding;
}

function knownEncoding(label: string, where: string): string {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    throw new InputError(`unsupported text encoding "${label}" named by ${where}`);
  }
}

const SNIFF_BYTES = 8 * 1024;

/** Why the first 8 KB are not text in `encoding`, or undefined when they are. */
export function binaryReason(head: Buffer, encoding: string): string | undefined {
  // stream: true, so a character cut by the 8 KB boundary is not counted as invalid.
  const decoded = new TextDecoder(encoding).decode(head.subarray(0, SNIFF_BYTES), { stream: true });
  if (decoded.includes("\0")) return "binary file, not text (NUL bytes in the first 8 KB)";
  const invalid = decoded.match(/\uFFFD/g)?.length ?? 0;
  if (invalid > decoded.length * 0.3)
    return `binary file, not text (mostly invalid ${encoding.toUpperCase()} in the first 8 KB)`;
  return undefined;
}

/** Text chunks; a byte-order mark is dropped, a character split between chunks is kept whole. */
export async function* decodeText(bytes: AsyncIterable<Buffer>, encoding: string): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding); // ignoreBOM is false: the BOM is stripped
  for await (const chunk of bytes) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/**
 * Reads a tar entry for a consumer that may stop early (binary, a related-links footer): the
 * rest of the entry is still read off, because the archive's next entry starts only after it.
 */
export async function* drainedOnExit(entry: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const iterator = entry[Symbol.asyncIterator]();
  let done = false;
  try {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    done = true;
  } finally {
    if (!done) while (!(await iterator.next()).done) {}
  }
}
