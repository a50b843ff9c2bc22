/**
 * @module bench/scale/generate
 * The synthetic archive of the scale benchmark: real articles (SaudiNewsNet, ANT) recombined
 * paragraph by paragraph into new ones, so words and term statistics stay those of real news while
 * the archive grows past what the corpora hold. Article n depends only on the seed, n and the
 * donor corpora, so any range of articles can be generated on its own and cached as a file.
 *
 * Article n: a title donor, drawn at random; its title with one or two words of another donor's
 * title put in (replacing a word or inserted); 2–8 paragraphs, the first from the title donor
 * (its lead more often than not), each next one from a different donor; the title donor's source,
 * author and category; a date drawn uniformly over ten years; a URL of its own, so a new id.
 */
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { type Rng, seededRng } from "../../../src/eval/perturb.js";
import { readInput } from "../../../src/ingest/open-input.js";
import { cleanText } from "../../../src/text/clean.js";

/** Bumped whenever a change to this module changes the articles it writes (part of cache keys). */
export const GENERATOR_VERSION = 1;

export interface GeneratedArticle {
  url: string;
  title: string;
  body: string;
  source: string;
  author?: string;
  category?: string;
  published_at: string;
}

interface Donor {
  title: string;
  /** Title words a borrowed word may replace or come from: Arabic letters only, three or more. */
  swappableWords: string[];
  paragraphs: string[];
  source: string;
  author?: string;
  category?: string;
}

export interface DonorPool {
  donors: Donor[];
  /** Names the corpora read (file name and size), so a cache never mixes two donor sets. */
  key: string;
}

const SWAPPABLE_WORD = /^[\u0621-\u064A]{3,}$/;
/** Lines shorter than this are bylines, captions and "read also" links rather than paragraphs. */
const MIN_PARAGRAPH_CHARS = 40;
/** Bodies written as one block are cut at sentence ends into paragraphs of about this length. */
const PARAGRAPH_TARGET_CHARS = 500;
const DATES_FROM = Date.UTC(2016, 0, 1);
const DATES_SPAN_MS = Date.UTC(2026, 0, 1) - DATES_FROM;

export function corporaKey(paths: string[]): string {
  const identity = paths.map((path) => `${basename(path)}:${statSync(path).size}`).join("|");
  return createHash("sha256").update(identity).digest("hex").slice(0, 10);
}

/** Every record of the corpora, cleaned as the importer cleans them, split into paragraphs. */
export async function loadDonors(paths: string[]): Promise<DonorPool> {
  const donors: Donor[] = [];
  for (const path of paths) {
    for await (const item of readInput(path, {})) {
      if (item.kind !== "record") continue;
      const text = (field: string) => {
        const value = item.fields[field];
        return typeof value === "string" ? cleanText(value) : "";
      };
      const title = text("title");
      const paragraphs = paragraphsOf(text("body"));
      const source = text("source");
      if (!title || !source || !paragraphs.length) continue;
      donors.push({
        title,
        swappableWords: title.split(" ").filter((word) => SWAPPABLE_WORD.test(word)),
        paragraphs,
        source,
        ...(text("author") ? { author: text("author") } : {}),
        ...(text("category") ? { category: text("category") } : {}),
      });
    }
  }
  if (donors.length < 100) throw new Error(`only ${donors.length} usable articles in ${paths.join(", ")}`);
  return { donors, key: corporaKey(paths) };
}

export function paragraphsOf(body: string): string[] {
  const paragraphs: string[] = [];
  for (const block of body.split(/\n+/)) {
    const text = block.trim();
    if (text.length <= 2 * PARAGRAPH_TARGET_CHARS) {
      if (text.length >= MIN_PARAGRAPH_CHARS) paragraphs.push(text);
      continue;
    }
    let current = "";
    for (const sentence of text.split(/(?<=[.!?؟])\s+/)) {
      if (current && current.length + sentence.length > PARAGRAPH_TARGET_CHARS) {
        paragraphs.push(current);
        current = "";
      }
      current = current ? `${current} ${sentence}` : sentence;
    }
    if (current.length >= MIN_PARAGRAPH_CHARS) paragraphs.push(current);
  }
  return paragraphs;
}

/** A 32-bit seed of its own for article n (murmur3's finaliser over seed and n). */
function articleSeed(seed: number, n: number): number {
  let hash = Math.imul(seed ^ 0x85ebca6b, 0x9e3779b1) ^ n;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

const below = (rng: Rng, n: number) => Math.floor(rng() * n);

function borrowedTitle(own: Donor, other: Donor, rng: Rng): string {
  const words = own.title.split(" ");
  const borrowed = other.swappableWords.length ? other.swappableWords : other.title.split(" ");
  const count = 1 + below(rng, 2);
  for (let i = 0; i < count; i++) {
    const word = borrowed[below(rng, borrowed.length)] ?? "";
    const swappable = words.flatMap((candidate, at) => (SWAPPABLE_WORD.test(candidate) ? [at] : []));
    if (swappable.length && rng() < 0.5) words[swappable[below(rng, swappable.length)] ?? 0] = word;
    else words.splice(below(rng, words.length + 1), 0, word);
  }
  return words.join(" ");
}

/** Article n's address, and so (through the importer's articleId) its id. */
export const articleUrl = (seed: number, n: number) => `https://archive.bench.example/${seed}/${n}`;

export function articleAt(pool: DonorPool, seed: number, n: number): GeneratedArticle {
  const rng = seededRng(articleSeed(seed, n));
  const { donors } = pool;
  const donorAt = () => donors[below(rng, donors.length)] as Donor;
  const titleDonor = donorAt();
  const used = new Set([titleDonor]);
  const leadAt = rng() < 0.6 ? 0 : below(rng, titleDonor.paragraphs.length);
  const paragraphs = [titleDonor.paragraphs[leadAt] ?? ""];
  const count = 2 + below(rng, 7);
  while (paragraphs.length < count) {
    const donor = donorAt();
    if (used.has(donor)) continue;
    used.add(donor);
    paragraphs.push(donor.paragraphs[below(rng, donor.paragraphs.length)] ?? "");
  }
  let titleSource = donorAt();
  while (titleSource === titleDonor) titleSource = donorAt();
  const minute = below(rng, DATES_SPAN_MS / 60_000);
  return {
    url: articleUrl(seed, n),
    title: borrowedTitle(titleDonor, titleSource, rng),
    body: paragraphs.join("\n\n"),
    source: titleDonor.source,
    ...(titleDonor.author ? { author: titleDonor.author } : {}),
    ...(titleDonor.category ? { category: titleDonor.category } : {}),
    published_at: new Date(DATES_FROM + minute * 60_000).toISOString(),
  };
}

/** Articles [from, to) as JSON lines, a few hundred to a chunk. */
async function* articleLines(
  pool: DonorPool,
  seed: number,
  from: number,
  to: number,
): AsyncGenerator<string> {
  let chunk: string[] = [];
  for (let n = from; n < to; n++) {
    chunk.push(JSON.stringify(articleAt(pool, seed, n)));
    if (chunk.length === 256) {
      yield `${chunk.join("\n")}\n`;
      chunk = [];
    }
  }
  if (chunk.length) yield `${chunk.join("\n")}\n`;
}

export function articleFilePath(dir: string, from: number, to: number): string {
  return join(dir, `articles-${from}-${to}.jsonl.gz`);
}

/** Writes articles [from, to) to the cache unless there already; the pool is loaded only if needed. */
export async function ensureArticleFile(
  dir: string,
  pool: () => Promise<DonorPool>,
  seed: number,
  from: number,
  to: number,
): Promise<{ path: string; generatedSeconds?: number }> {
  const path = articleFilePath(dir, from, to);
  if (existsSync(path)) return { path };
  const donors = await pool();
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const partial = `${path}.partial`;
  // Level 1: the file is read back once or twice, and the fastest level keeps generation short.
  await pipeline(
    Readable.from(articleLines(donors, seed, from, to)),
    createGzip({ level: 1 }),
    createWriteStream(partial),
  );
  renameSync(partial, path);
  return { path, generatedSeconds: (performance.now() - started) / 1000 };
}

/** The articles of a cached file, one at a time. */
export async function* readArticleFile(path: string): AsyncGenerator<GeneratedArticle> {
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield JSON.parse(line) as GeneratedArticle;
}
