/**
 * Elasticsearch dies during an import: kill -9 the node in the middle of a SaudiNewsNet import,
 * start it again; the importer waits and retries, and ends with every valid article indexed
 * exactly once (ids and a checksum of the stored fields compared with the input).
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ElasticsearchConfigSchema } from "../../src/config.js";
import { createEsClient, type EsClient } from "../../src/es/client.js";
import { projectRoot } from "../../src/project-root.js";
import { compareDocuments, expectedDocuments, indexedDocuments } from "./helpers/checksums.js";
import { faultEnv, killNode, restartNode, startFaultCluster, stopFaultCluster } from "./helpers/cluster.js";
import { corpusSlice, requireCorpus, saudiNewsNet } from "./helpers/corpus.js";
import { startImporter } from "./helpers/importer.js";
import { record, short } from "./helpers/record.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Documents the node has indexed into the alias's index since it started, refreshed or not. */
async function indexedSinceStart(client: EsClient, alias: string): Promise<number> {
  const stats = await client.indices.stats({ index: alias, metric: "indexing" });
  return stats._all.primaries?.indexing?.index_total ?? 0;
}

describe("Elasticsearch killed during an import", () => {
  let urls: string[] = [];
  beforeAll(async () => {
    requireCorpus("the crash test");
    urls = await startFaultCluster(1);
  }, 300_000);
  afterAll(async () => {
    await stopFaultCluster();
  }, 120_000);

  it("ends with every valid article indexed exactly once", async () => {
    const input = short ? await corpusSlice(8_000, "crash-slice") : saudiNewsNet;
    const expected = await expectedDocuments(input);
    const client = createEsClient({ nodes: urls, config: ElasticsearchConfigSchema.parse({}) });
    const alias = `crash-${Date.now()}`;
    const started = Date.now();
    const importer = startImporter(
      [input, "--allow-rejects", "--batch-mb", "2"],
      join(projectRoot, "test-results/crash-rejects.ndjson"),
      { ...faultEnv, ES_URL: urls.join(","), ES_INDEX_ALIAS: alias },
    );

    // Wait until a good part is in, then kill -9 the node. Counted as the node indexed them, not as
    // searches see them: an import refreshes the index it created only now and then.
    let before = 0;
    while (before < expected.size * 0.3) {
      await sleep(300);
      before = await indexedSinceStart(client, alias).catch(() => before);
    }
    await killNode(1);
    const killedAt = Date.now();
    await sleep(3_000);
    await restartNode(1);
    const backAt = Date.now();
    let progressAt = 0;
    // The restarted node counts what it indexes from zero.
    while (!progressAt && Date.now() - backAt < 300_000) {
      if ((await indexedSinceStart(client, alias).catch(() => 0)) > 0) progressAt = Date.now();
      else await sleep(250);
    }
    const code = await importer.exited;
    const seconds = (Date.now() - started) / 1000;

    const indexed = await indexedDocuments(client, alias);
    const { lost, unexpected, mismatched, ...copies } = compareDocuments(expected, indexed);
    const duplicated = copies.duplicated + unexpected;
    const recoverySeconds = progressAt ? (progressAt - backAt) / 1000 : Number.NaN;
    const pass = code === 0 && lost === 0 && duplicated === 0 && mismatched === 0;
    record({
      scenario: "Elasticsearch killed (kill -9) during an import",
      done: `imported ${short ? "8,000" : "all 31,030"} SaudiNewsNet articles; killed the node at ${before} indexed, restarted it 3 s later`,
      figures: {
        "valid articles in input": expected.size,
        indexed: indexed.documents.size,
        lost,
        duplicated,
        "checksum mismatches": mismatched,
        "node down, kill to restarted process (s)": ((backAt - killedAt) / 1000).toFixed(1),
        "importer progress again after restart (s)": recoverySeconds.toFixed(1),
        "whole import (s)": seconds.toFixed(1),
        "importer exit": String(code),
      },
      target: "0 lost, 0 duplicated, importer exits 0 without a re-run",
      pass,
    });
    await client.close();
    expect(importer.stderr()).toMatch(/waiting/);
    expect({ code, lost, duplicated, mismatched }).toEqual({
      code: 0,
      lost: 0,
      duplicated: 0,
      mismatched: 0,
    });
  }, 900_000);
});
