/**
 * The reliability suite's setup: the shared test node (as for the integration tests) for the
 * hostile-input properties; at the end, docs/reliability.md rendered from the scenario records.
 */

import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { projectRoot } from "../../src/project-root.js";
import sharedSetup from "../global-setup.js";
import { stopFaultCluster } from "./helpers/cluster.js";
import { recordsDir, type ScenarioRecord, short } from "./helpers/record.js";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  rmSync(recordsDir, { recursive: true, force: true });
  const teardownShared = await sharedSetup(project);
  return async () => {
    await stopFaultCluster().catch(() => undefined);
    await teardownShared();
    if (!existsSync(recordsDir)) return;
    const records = readdirSync(recordsDir)
      .filter((name) => name.endsWith(".json"))
      .map((name) => JSON.parse(readFileSync(join(recordsDir, name), "utf8")) as ScenarioRecord);
    const rows = records.map((entry) => {
      const figures = Object.entries(entry.figures)
        .map(([key, value]) => `${key}: ${value}`)
        .join("<br>");
      return `| ${entry.scenario} | ${entry.done} | ${figures} | ${entry.target} | ${entry.pass ? "pass" : "**fail**"} |`;
    });
    const commit = (() => {
      try {
        return `commit ${execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: projectRoot }).toString().trim()}`;
      } catch {
        return "commit unknown";
      }
    })();
    writeFileSync(
      join(projectRoot, "docs/reliability.md"),
      `# Reliability: faults, load and hostile input\n\nLast run: ${new Date().toISOString()} (${short ? "short CI scale" : "full scale"}; ${commit}), by \`npm run test:reliability\`${short ? " with RELIABILITY_SHORT=1" : ""}. Every figure below was measured in that run on this machine (2 cores), against real Elasticsearch processes on 127.0.0.1.\n\n| scenario | what was done | measured | target | result |\n| --- | --- | --- | --- | --- |\n${rows.join("\n")}\n`,
    );
  };
}
