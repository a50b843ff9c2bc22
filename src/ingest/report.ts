/**
 * @module ingest/report
 * What the importer tells its user: a live progress line (a bar-like line on a terminal, plain
 * periodic lines otherwise), the rejects file (NDJSON: record, origin, reason), and the summary.
 */
import { createWriteStream, type WriteStream } from "node:fs";
import type { Origin } from "./types.js";

export interface ImportCounts {
  read: number;
  created: number;
  updated: number;
  rejected: number;
  failed: number;
  /** Bytes of `_bulk` request body (documents and their action lines) sent to Elasticsearch. */
  bytes: number;
}

export const emptyCounts = (): ImportCounts => ({
  read: 0,
  created: 0,
  updated: 0,
  rejected: 0,
  failed: 0,
  bytes: 0,
});

export interface RejectEntry {
  stage: "parse" | "validate" | "index";
  origin: Origin;
  field?: string | undefined;
  reason: string;
  record?: unknown;
}

/** Appends rejections to an NDJSON file, created only when the first one arrives. */
export class RejectsFile {
  #stream: WriteStream | undefined;
  count = 0;

  constructor(readonly path: string) {}

  add(entry: RejectEntry): void {
    this.#stream ??= createWriteStream(this.path, { flags: "w" });
    this.count++;
    const { origin, ...rest } = entry;
    this.#stream.write(
      `${JSON.stringify({ source: origin.source, line: origin.line, entry: origin.entry, ...rest })}\n`,
    );
  }

  async close(): Promise<void> {
    const stream = this.#stream;
    if (stream)
      await new Promise<void>((resolve, reject) =>
        stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
  }
}

const rate = (count: number, ms: number) => (ms > 0 ? (count * 1000) / ms : 0);
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

export function summaryLine(counts: ImportCounts, elapsedMs: number): string {
  const indexed = counts.created + counts.updated;
  return [
    `read ${fmt(counts.read)}`,
    `indexed ${fmt(counts.created)}`,
    `updated ${fmt(counts.updated)}`,
    `rejected ${fmt(counts.rejected)}`,
    `failed ${fmt(counts.failed)}`,
    `in ${(elapsedMs / 1000).toFixed(1)} s`,
    `${fmt(rate(indexed, elapsedMs))} docs/s`,
    `${(rate(counts.bytes, elapsedMs) / 1e6).toFixed(1)} MB/s`,
  ].join(", ");
}

/** Redraws one line on a terminal every 200 ms; elsewhere prints a plain line every 5 s. */
export class Progress {
  readonly #started = Date.now();
  readonly #timer: NodeJS.Timeout;
  readonly #tty: boolean;

  constructor(
    private readonly counts: ImportCounts,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {
    this.#tty = Boolean(out.isTTY);
    this.#timer = setInterval(() => this.#draw(), this.#tty ? 200 : 5_000);
    this.#timer.unref();
  }

  note(message: string): void {
    this.out.write(`${this.#tty ? "\r\x1b[2K" : ""}${message}\n`);
  }

  #draw(): void {
    const elapsed = Date.now() - this.#started;
    const line = summaryLine(this.counts, elapsed);
    this.out.write(this.#tty ? `\r\x1b[2K${spinner(elapsed)} ${line}` : `${line}\n`);
  }

  stop(): number {
    clearInterval(this.#timer);
    if (this.#tty) this.out.write("\r\x1b[2K");
    return Date.now() - this.#started;
  }
}

const spinner = (ms: number) => "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"[Math.floor(ms / 200) % 10];
