/**
 * The SaudiNewsNet corpus from ../shared, which the full-scale scenarios import. A missing corpus
 * fails the scenario that needs it, loudly: its evidence is a real archive's worth of articles.
 */
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { projectRoot } from "../../../src/project-root.js";

export const saudiNewsNet = join(projectRoot, "../shared/corpora/saudinewsnet.jsonl.gz");

export function requireCorpus(scenario: string): void {
  if (!existsSync(saudiNewsNet))
    throw new Error(`${saudiNewsNet} is missing: ${scenario} imports SaudiNewsNet from ../shared/corpora`);
}

/** The corpus's first `lines` articles, as a smaller gzip (for the short run) named `name`. */
export async function corpusSlice(lines: number, name: string): Promise<string> {
  const out = join(projectRoot, `test-results/${name}.jsonl.gz`);
  const reader = createInterface({ input: createReadStream(saudiNewsNet).pipe(createGunzip()) });
  const gzip = createGzip();
  const writing = pipeline(gzip, createWriteStream(out));
  let n = 0;
  for await (const line of reader) {
    if (n++ >= lines) break;
    gzip.write(`${line}\n`);
  }
  gzip.end();
  await writing;
  return out;
}
