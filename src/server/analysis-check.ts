/**
 * @module server/analysis-check
 * The golden-token check (es/verify-analysis) for /readyz: it runs in the background the first
 * time it is asked for, and again when its answer is older than a few minutes, so a probe only
 * ever reads a line and never waits for a few dozen `_analyze` calls.
 */
import type { EsClient } from "../es/client.js";
import { summarizeReport, verifyAnalysis } from "../es/verify-analysis.js";

/** Long enough to cost nothing, short enough to see a reloaded synonyms file the same hour. */
const MAX_AGE_MS = 10 * 60_000;

export function analysisCheck(client: EsClient, index: string): () => string {
  let line = "not checked yet";
  let checkedAt = Number.NEGATIVE_INFINITY;
  let running = false;
  return () => {
    if (!running && Date.now() - checkedAt > MAX_AGE_MS) {
      running = true;
      verifyAnalysis(client, { index })
        .then(
          (report) => {
            line = summarizeReport(report);
            checkedAt = Date.now();
          },
          // Not counted as checked: the next probe tries again.
          (error: unknown) => {
            line = `not checked: ${error instanceof Error ? error.message : String(error)}`;
          },
        )
        .finally(() => {
          running = false;
        });
    }
    return line;
  };
}
