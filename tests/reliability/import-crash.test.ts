/**
 * Elasticsearch dies during an import: kill -9 the node in the middle of a SaudiNewsNet import,
 * start it again; the importer waits and retries, and ends with every valid article indexed
 * exactly once (ids and a checksum of the stored fields compared with the input).
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ArticleDocument, prepareArticle } from "../../src/articles/document.js";
import { ElasticsearchConfigSchema } from "../../src/config.js";
import { createEsClient } from "../../src/es/client.js";
import { readInput } from "../../src/ingest/open-input.js";
import { validateRecord } from "../../src/ingest/validate.js";
import { projectRoot } from "../../src/project-root.js";
import { faultEnv, killNode, restartNode, startFaultCluster, stopFaultCluster } from "./helpers/cluster.js";
import { corpusSlice, requireCorpus, saudiNewsNet } from "./helpers/corpus.js";
import { record, short } from "./helpers/record.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type StoredText = Pick<ArticleDocument, "title" | "lead" | "body" | "source" | "published_at">;
const storedTextFields = ["title", "lead", "body", "source", "published_at"];

/** sha256 of the text fields, joined by NUL: the same for the input and what the index returns. */
function checksum(article: StoredText): string {
  const hash = createHash("sha256").update(article.title);
  for (const part of [article.lead ?? "", article.body, article.source, article.published_at])
    hash.update("\u0000").update(part);
  return hash.digest("hex");
}

/** What the input should leave in the index: id → checksum (a repeated id: the last wins). */
async function expectedDocuments(input: string): Promise<Map<string, string>> {
  const expected = new Map<string, string>();
  for await (const item of readInput(input, {})) {
    if (item.kind !== "record") continue;
    const checked = validateRecord(item);
    if (checked.kind !== "article") continue;
    const { document } = prepareArticle(checked.article);
    expected.set(document.id, checksum(document));
  }
  return expected;
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
    const importer = spawn(
      "npm",
      [
        "run",
        "-s",
        "index",
        "--",
        input,
        "--allow-rejects",
        "--rejects",
        join(projectRoot, "test-results/crash-rejects.ndjson"),
        "--batch-mb",
        "2",
      ],
      {
        cwd: projectRoot,
        env: { ...faultEnv, ES_URL: urls.join(","), ES_INDEX_ALIAS: alias },
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    let stderr = "";
    importer.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const exited = new Promise<number | null>((resolve) => importer.on("close", resolve));

    // Wait until a good part is in, then kill -9 the node.
    let before = 0;
    while (before < expected.size * 0.3) {
      await sleep(300);
      before = await client.count({ index: alias }).then(
        (r) => r.count,
        () => before,
      );
    }
    await killNode(1);
    const killedAt = Date.now();
    await sleep(3_000);
    await restartNode(1);
    const backAt = Date.now();
    let progressAt = 0;
    while (!progressAt && Date.now() - backAt < 300_000) {
      const count = await client.count({ index: alias }).then(
        (r) => r.count,
        () => 0,
      );
      if (count > before) progressAt = Date.now();
      else await sleep(250);
    }
    const code = await exited;
    const seconds = (Date.now() - started) / 1000;

    await client.indices.refresh({ index: alias });
    const actual = new Map<string, string>();
    let total = 0;
    for await (const hit of client.helpers.scrollDocuments<StoredText & { id: string }>({
      index: alias,
      size: 5_000,
      _source: ["id", ...storedTextFields],
    })) {
      total++;
      actual.set(hit.id, checksum(hit));
    }
    const lost = [...expected.keys()].filter((id) => !actual.has(id)).length;
    const unexpected = [...actual.keys()].filter((id) => !expected.has(id)).length;
    const duplicated = total - actual.size + unexpected;
    const mismatched = [...expected].filter(([id, hash]) => actual.has(id) && actual.get(id) !== hash).length;
    const recoverySeconds = progressAt ? (progressAt - backAt) / 1000 : Number.NaN;
    const pass = code === 0 && lost === 0 && duplicated === 0 && mismatched === 0;
    record({
      scenario: "Elasticsearch killed (kill -9) during an import",
      done: `imported ${short ? "8,000" : "all 31,030"} SaudiNewsNet articles; killed the node at ${before} indexed, restarted it 3 s later`,
      figures: {
        "valid articles in input": expected.size,
        indexed: actual.size,
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
    expect(stderr).toMatch(/waiting/);
    expect({ code, lost, duplicated, mismatched }).toEqual({
      code: 0,
      lost: 0,
      duplicated: 0,
      mismatched: 0,
    });
  }, 900_000);
});
