/**
 * The reliability suite's setup: the shared test node (as for the integration tests) for the
 * scenarios that need no cluster of their own; at the end, docs/reliability.md rendered from the
 * scenario records.
 */
import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import sharedSetup from "../global-setup.js";
import { stopFaultCluster } from "./helpers/cluster.js";
import { recordsDir } from "./helpers/record.js";
import { renderReliabilityDoc } from "./helpers/render-doc.js";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  rmSync(recordsDir, { recursive: true, force: true });
  const teardownShared = await sharedSetup(project);
  return async () => {
    await stopFaultCluster().catch(() => undefined);
    await teardownShared();
    renderReliabilityDoc();
  };
}
