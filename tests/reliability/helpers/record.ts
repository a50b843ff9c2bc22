/**
 * Each scenario records what it measured; the suite's teardown renders docs/reliability.md from
 * the records of the last run.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../../src/project-root.js";

export const recordsDir = join(projectRoot, "test-results/reliability");

export interface ScenarioRecord {
  scenario: string;
  done: string;
  figures: Record<string, string | number>;
  target: string;
  pass: boolean;
}

export function record(entry: Omit<ScenarioRecord, "done"> & { done: string }): void {
  mkdirSync(recordsDir, { recursive: true });
  const file = entry.scenario.replace(/[^a-z0-9]+/gi, "-").toLowerCase();
  writeFileSync(join(recordsDir, `${file}.json`), `${JSON.stringify(entry, null, 2)}\n`);
}

/** The scale of the run: RELIABILITY_SHORT=1 (CI) makes every scenario smaller and quicker. */
export const short = process.env.RELIABILITY_SHORT === "1";
