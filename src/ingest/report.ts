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
/**
 * How much of the inputs has been read, in bytes of the inputs as stored (a .gz counts compressed).
 * Files are sized before the import (planFiles) or when opened; a URL when it sends
 * Content-Length, else the total is unknown.
 */
export class InputMeter {
  #total = 0;
  #known = true;
  #filesPlanned = false;
  #finished = 0;
  #current: (() => number) | undefined;

  /** The files' bytes, summed before the import starts, so the share is of everything to read. */
  planFiles(bytes: number): void {
    this.#filesPlanned = true;
    this.#total += bytes;
  }

  /** An input opened: its size when known, and how to ask how much of it has been read. */
  open(kind: "file" | "url", size: number | undefined, bytesRead: () => number): void {
    this.close();
    if (size === undefined) this.#known = false;
    else if (kind === "url" || !this.#filesPlanned) this.#total += size;
    this.#current = bytesRead;
  }

  close(): void {
    if (this.#current) this.#finished += this.#current();
    this.#current = undefined;
  }

  get read(): number {
    return this.#finished + (this.#current?.() ?? 0);
  }

  /** Inputs opened so far, or undefined while one of them has no known size. */
  get total(): number | undefined {
    return this.#known ? this.#total : undefined;
  }
}

/** "37% of 1.0 GB read, 2 min 10 s left", or "" with nothing known to measure against. */
export function shareLine(meter: InputMeter | undefined, elapsedMs: number): string {
  const total = meter?.total;
  if (!meter || !total) return "";
  const read = Math.min(meter.read, total);
  const share = `${Math.floor((read / total) * 100)}% of ${megabytes(total)} read`;
  if (read === 0 || elapsedMs < 1_000) return share;
  const left = ((total - read) * elapsedMs) / read;
  return `${share}, ${duration(left)} left`;
}

const megabytes = (bytes: number) =>
  bytes >= 1e9
    ? `${(bytes / 1e9).toFixed(1)} GB`
    : bytes >= 1e6
      ? `${(bytes / 1e6).toFixed(1)} MB`
      : `${(bytes / 1e3).toFixed(1)} kB`;

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60
    ? `${minutes} min ${seconds % 60} s`
    : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export class Progress {
  readonly #started = Date.now();
  readonly #timer: NodeJS.Timeout;
  readonly #tty: boolean;

  /** On a terminal, one line redrawn in place; piped or in CI (`CI` set), a plain line every 5 s. */
  constructor(
    private readonly counts: ImportCounts,
    private readonly out: NodeJS.WriteStream = process.stderr,
    private readonly meter?: InputMeter,
  ) {
    this.#tty = Boolean(out.isTTY) && !process.env.CI;
    this.#timer = setInterval(() => this.#draw(), this.#tty ? 200 : 5_000);
    this.#timer.unref();
  }

  note(message: string): void {
    this.out.write(`${this.#tty ? "\r\x1b[2K" : ""}${message}\n`);
  }

  #draw(): void {
    const elapsed = Date.now() - this.#started;
    const share = shareLine(this.meter, elapsed);
    const line = share ? `${share}; ${summaryLine(this.counts, elapsed)}` : summaryLine(this.counts, elapsed);
    this.out.write(this.#tty ? `\r\x1b[2K${spinner(elapsed)} ${line}` : `${line}\n`);
  }

  stop(): number {
    clearInterval(this.#timer);
    if (this.#tty) this.out.write("\r\x1b[2K");
    return Date.now() - this.#started;
  }
}

const spinner = (ms: number) => "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"[Math.floor(ms / 200) % 10];
