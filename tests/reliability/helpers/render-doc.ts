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
  const scenarioOf = (row: string) => row.split(" | ")[0]?.replace(/^\| /, "") ?? "";
  const rerun = new Map(records.map((entry, i) => [entry.scenario, rows[i] ?? ""]));
  const kept = earlier
    .split("\n")
    .filter((line) => line.startsWith("| ") && !line.startsWith("| scenario |") && !line.startsWith("| ---"));
  // Fewer records than rows: a run of some scenarios only (one file, a filter).
  if (records.length < kept.length) {
    // Their rows are replaced in place (new ones added at the end); the others and the header kept.
    const names = records.map((entry) => `"${entry.scenario}"`).join(", ");
    const note = `\n\nRe-run ${ran} (${scale}; ${commit()}), for these scenarios only: ${names}.`;
    const header = earlier.slice(0, earlier.indexOf("\n\n", earlier.indexOf("Last run:")));
    const replaced = earlier
      .split("\n")
      .map((line) =>
        line.startsWith("| ") && rerun.has(scenarioOf(line)) ? rerun.get(scenarioOf(line)) : line,
      );
    const added = records.filter((entry) => !kept.some((row) => scenarioOf(row) === entry.scenario));
    const body = replaced.join("\n").slice(header.length).trimEnd();
    const extra = added.map((entry) => rerun.get(entry.scenario) ?? "").join("\n");
    writeFileSync(doc, `${header}${note}${body}${extra ? `\n${extra}` : ""}\n`);
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
