/**
 * docs/reliability.md, rendered from the scenario records of the last run: one table row each,
 * dated by the newest record. A run of fewer scenarios than the page holds (one file, a filter)
 * replaces their rows and keeps the others, naming what it re-ran under the header. Run by the
 * suite's teardown; `npx tsx` this file to render again.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { projectRoot } from "../../../src/project-root.js";
import { recordsDir, type ScenarioRecord, short } from "./record.js";

export function renderReliabilityDoc(): void {
  if (!existsSync(recordsDir)) return;
  const files = readdirSync(recordsDir)
    .filter((name) => name.endsWith(".json"))
    .map((name) => join(recordsDir, name));
  const records = files.map((file) => JSON.parse(readFileSync(file, "utf8")) as ScenarioRecord);
  const rows = records.map((entry) => {
    const figures = Object.entries(entry.figures)
      .map(([key, value]) => `${key}: ${value}`)
      .join("<br>");
    return `| ${entry.scenario} | ${entry.done} | ${figures} | ${entry.target} | ${entry.pass ? "pass" : "**fail**"} |`;
  });
  const ran = new Date(Math.max(...files.map((file) => statSync(file).mtimeMs))).toISOString();
  const scale = short ? "short CI scale" : "full scale";
  const how = `\`npm run test:reliability\`${short ? " with RELIABILITY_SHORT=1" : ""}`;
  const doc = join(projectRoot, "docs/reliability.md");
  const earlier = existsSync(doc) ? readFileSync(doc, "utf8") : "";
  const scenarioOf = (line: string) => (line.startsWith("| ") ? (line.slice(2).split(" | ")[0] ?? "") : "");
  const rerun = new Map(records.map((entry, i) => [entry.scenario, rows[i] ?? ""]));
  const earlierRows = earlier
    .split("\n")
    .filter((line) => scenarioOf(line) && !/^\| (scenario|---) /.test(line));
  // Fewer records than rows: a run of some scenarios only (one file, a filter). Their rows are
  // replaced in place (new ones added at the end); the others and the header are kept.
  if (records.length < earlierRows.length) {
    const names = records.map((entry) => `"${entry.scenario}"`).join(", ");
    const note = `\n\nRe-run ${ran} (${scale}; ${commit()}), for these scenarios only: ${names}.`;
    const headerEnd = earlier.indexOf("\n\n", earlier.indexOf("Last run:"));
    const body = earlier
      .slice(headerEnd)
      .trimEnd()
      .split("\n")
      .map((line) => rerun.get(scenarioOf(line)) ?? line);
    const shown = new Set(earlierRows.map(scenarioOf));
    const added = records
      .filter((entry) => !shown.has(entry.scenario))
      .map((entry) => rerun.get(entry.scenario));
    writeFileSync(doc, `${earlier.slice(0, headerEnd)}${note}${[...body, ...added].join("\n")}\n`);
    return;
  }
  writeFileSync(
    doc,
    `# Reliability: faults, load and hostile input

Last run: ${ran} (${scale}; ${commit()}), by ${how}. Every figure below was measured in that run on this machine (2 cores), against real Elasticsearch processes on 127.0.0.1.

Rows named "Hardening" are attacks and careless clients found in review, each sent through a real listener and asserted by the test that recorded the row (tests/reliability/hardening-*.test.ts, attack.test.ts). A prerequisite that is missing (the corpus, Chromium) fails the run rather than skipping it, and CI fails on any skipped test (scripts/ci/summary.ts).

| scenario | what was done | measured | target | result |
| --- | --- | --- | --- | --- |
${rows.join("\n")}
`,
  );
}

function commit(): string {
  try {
    return `commit ${execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: projectRoot }).toString().trim()}`;
  } catch {
    return "commit unknown";
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) renderReliabilityDoc();
