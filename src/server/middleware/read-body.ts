/**
 * @module server/middleware/read-body
 * Reads a request's body whole, bounded, before the request takes a search slot: a client that
 * trickles its body holds only its own connection (closed by the server's request timeout),
 * never capacity other readers need. JSON nested deeper than any schema here is refused before
 * it is parsed, since parsing deep nesting blocks the event loop.
 */
import type { Context, MiddlewareHandler } from "hono";
import { ApiError, badRequest } from "../problem.js";

export interface ReadBodyOptions {
  /** The most bytes this request's route accepts. */
  maxBytes: (c: Context) => number;
  /** Deepest JSON nesting any route's schema needs. */
  maxDepth: number;
}

export const payloadTooLarge = (maxBytes: number) =>
  new ApiError(413, "Payload too large", `The body is over ${maxBytes} bytes, this endpoint's limit.`);

/** The client went away before its body arrived: nobody reads the answer, and it is no server fault. */
export const clientClosed = () =>
  new ApiError(499 as 400, "Client closed request", "The request body ended before it was complete.");

export function readBody({ maxBytes, maxDepth }: ReadBodyOptions): MiddlewareHandler {
  return async (c, next) => {
    // Reading `body` makes the adapter build a full Request: GET and HEAD have none to read.
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const stream = c.req.raw.body;
    if (!stream) return next();
    const limit = maxBytes(c);
    if (Number(c.req.header("content-length")) > limit) throw payloadTooLarge(limit);
    const bytes = await readAtMost(stream, limit);
    if (/json/i.test(c.req.header("content-type") ?? "") && nestingDepth(bytes) > maxDepth)
      throw badRequest(`body: JSON nested deeper than ${maxDepth} levels`);
    c.req.raw = new Request(c.req.raw, { body: bytes });
    await next();
  };
}

async function readAtMost(
  stream: ReadableStream<Uint8Array>,
  limit: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      throw clientClosed();
    }
    if (chunk.done) break;
    size += chunk.value.length;
    if (size > limit) {
      reader.cancel().catch(() => undefined);
      throw payloadTooLarge(limit);
    }
    chunks.push(chunk.value);
  }
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.length;
  }
  return whole;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const OPENERS = new Set([0x5b, 0x7b]);
const CLOSERS = new Set([0x5d, 0x7d]);

/**
 * The deepest bracket nesting in a JSON text (or NDJSON: a line break outside a string starts
 * over), read byte by byte without parsing. Malformed text gets a number too; the parser that
 * follows reports what is wrong with it.
 */
export function nestingDepth(bytes: Uint8Array): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (OPENERS.has(byte)) deepest = Math.max(deepest, ++depth);
    else if (CLOSERS.has(byte)) depth--;
    else if (byte === NEWLINE) depth = 0;
  }
  return deepest;
}
