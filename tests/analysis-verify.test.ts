/**
 * `npm run es -- verify` and /readyz's `analysis` line on a real node: both pass on an index built
 * from mappings/, and name the analyzer, the input and both token lists once a synonym line differs
 * from the one the golden tokens were taken with. The changed line lives in a synonyms file of the
 * test's own (the shared synonyms_ar.txt is never touched), reloaded as an operator would.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { nodeDir } from "../scripts/es/paths.js";
import { loadIndexDefinition } from "../src/es/index-definition.js";
import { createPhysicalIndex } from "../src/es/indices.js";
import { readState } from "../src/es/local-cluster.js";
import { analysisMatches, describeDifference, verifyAnalysis } from "../src/es/verify-analysis.js";
import { projectRoot } from "../src/project-root.js";
import { testApp } from "./helpers/api.js";
import { createTestIndex, removeTestIndices, testClient, uniqueAlias } from "./helpers/es.js";

const client = testClient();
const alias = uniqueAlias("analysis-verify");
const synonymsFile = `verify-${randomBytes(4).toString("hex")}.txt`;
let plainIndex = "";
let changedIndex = "";

const original = readFileSync(join(projectRoot, "mappings/synonyms_ar.txt"), "utf8");
const changed = original.replace("ترامب, ترمب", "ترامب, ترمپ");
const expectedDifference = "arabic_news_search «ترمب» (synonyms): expected [ترامب, ترمب], got [ترمب]";

/** The analysis folders of the local nodes the tests run on, when they are ours to write in. */
function localAnalysisDirs(): string[] | undefined {
  const state = readState();
  if (state?.mode !== "embedded" || state.urls.join() !== inject("esUrls").join()) return undefined;
  return Array.from({ length: state.nodes }, (_, i) => join(nodeDir(state.nodes, i + 1), "config/analysis"));
}
const dirs = localAnalysisDirs();
const writeSynonyms = (text: string) => {
  for (const dir of dirs ?? []) writeFileSync(join(dir, synonymsFile), text, { mode: 0o644 });
};

/** The project's definition with the synonyms from the test's file (local nodes) or inline (any other). */
function definitionWith(synonyms: string) {
  const definition = loadIndexDefinition();
  const filter = definition.settings.analysis?.filter?.arabic_news_synonyms as unknown as Record<
    string,
    unknown
  >;
  if (dirs) filter.synonyms_path = `analysis/${synonymsFile}`;
  else {
    delete filter.synonyms_path;
    filter.synonyms = synonyms.split("\n").filter((line) => line.trim() && !line.startsWith("#"));
  }
  return definition;
}

beforeAll(async () => {
  plainIndex = await createTestIndex(client, "analysis-verify-plain");
  writeSynonyms(original);
  changedIndex = await createPhysicalIndex(client, alias, {
    definition: definitionWith(dirs ? original : changed),
    withAlias: true,
  });
});
afterAll(async () => {
  for (const dir of dirs ?? []) rmSync(join(dir, synonymsFile), { force: true });
  await removeTestIndices(client, alias);
  await removeTestIndices(client, plainIndex);
  await client.close();
});

/** Changes the synonym line on the nodes: rewrite the file and reload, or (inline rules) it already is. */
async function changeSynonymLine(): Promise<void> {
  if (!dirs) return;
  writeSynonyms(changed);
  await client.indices.reloadSearchAnalyzers({ index: changedIndex });
}

function runVerify(...args: string[]): { status: number | null; stdout: string } {
  const run = spawnSync("npx", ["tsx", "scripts/es/cli.ts", "verify", ...args], {
    cwd: projectRoot,
    encoding: "utf8",
    env: { ...process.env, ES_URL: inject("esUrls").join(",") },
  });
  return { status: run.status, stdout: run.stdout };
}

describe("verify (real Elasticsearch)", () => {
  it("passes on an index from mappings/, and on the definition sent inline", async () => {
    expect((await verifyAnalysis(client, { index: plainIndex })).differences).toEqual([]);
    const inline = await verifyAnalysis(client, { definition: loadIndexDefinition() });
    expect(analysisMatches(inline), inline.failures.map((failure) => failure.message).join()).toBe(true);
    const cli = runVerify("--index", plainIndex);
    expect(cli.stdout).toContain("ok: every token matches the golden tokens");
    expect(cli.status).toBe(0);
  });

  it("names the analyzer, the input, expected and got when a synonym line changed on the node", async () => {
    if (dirs) expect(analysisMatches(await verifyAnalysis(client, { index: changedIndex }))).toBe(true);
    await changeSynonymLine();

    const report = await verifyAnalysis(client, { index: changedIndex });
    expect(report.differences.map(describeDifference)).toContain(expectedDifference);
    expect(new Set(report.differences.map((difference) => difference.analyzer))).toEqual(
      new Set(["arabic_news_search"]),
    );

    const cli = runVerify("--index", alias);
    expect(cli.stdout).toContain(expectedDifference);
    expect(cli.stdout).toMatch(/\d+ differences, 0 failing analyzers/);
    expect(cli.status).toBe(1);
  });

  it("reports it on /readyz without making the service unready", async () => {
    await changeSynonymLine();
    const { app, client: appClient } = testApp(alias);
    try {
      let body: { status?: string; analysis?: string } = {};
      for (let i = 0; i < 50 && !body.analysis?.includes("differences"); i++) {
        const answer = await app.request("/readyz");
        expect(answer.status).toBe(200);
        body = (await answer.json()) as typeof body;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(body.status).toBe("ready");
      expect(body.analysis).toContain("ترمب");
    } finally {
      await appClient.close();
    }
  });
});
