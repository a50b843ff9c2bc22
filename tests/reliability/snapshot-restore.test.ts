/**
 * Backups: import SaudiNewsNet, snapshot it with `npm run es -- snapshot`, delete the index,
 * restore with `npm run es -- restore`; every article comes back (ids and checksums), searches
 * through the API give the same pages, and a reader polling the alias throughout never sees a
 * partial archive: before the swap, no alias (or the old index, whole); after it, the new, whole.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ElasticsearchConfigSchema } from "../../src/config.js";
import { createEsClient, type EsClient } from "../../src/es/client.js";
import { aliasTargets } from "../../src/es/indices.js";
import { DEFAULT_REPOSITORY } from "../../src/es/snapshots.js";
import { projectRoot } from "../../src/project-root.js";
import { testApp } from "../helpers/api.js";
import { compareDocuments, expectedDocuments, indexedDocuments } from "./helpers/checksums.js";
import { faultEnv, startFaultCluster, stopFaultCluster } from "./helpers/cluster.js";
import { corpusSlice, requireCorpus, saudiNewsNet } from "./helpers/corpus.js";
import { startImporter } from "./helpers/importer.js";
import { record, short } from "./helpers/record.js";

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const QUERIES = ["المملكة", "وزارة الصحة", "أمير منطقة الرياض", "أسعار النفط", "مجلس الشورى"];

/** `npm run es -- <args>` as an operator runs it; its exit code and output, failure included. */
async function esCommand(env: NodeJS.ProcessEnv, ...args: string[]) {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "scripts/es/cli.ts", ...args], {
      cwd: projectRoot,
      env,
      timeout: 900_000,
    });
    return { code: 0, stdout: stdout.trim(), stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout?.trim() ?? "", stderr: failed.stderr ?? "" };
  }
}

function importCorpus(env: NodeJS.ProcessEnv, input: string) {
  return startImporter(
    [input, "--allow-rejects"],
    join(projectRoot, "test-results/snapshot-rejects.ndjson"),
    env,
  );
}

/** What a reader of the alias saw, poll by poll: no alias, or a total and the index that answered. */
interface ReaderTally {
  polls: number;
  missing: number;
  whole: number;
  partial: number[];
  errors: number;
  indices: Set<string>;
}

function pollAlias(client: EsClient, alias: string, whole: number) {
  const tally: ReaderTally = { polls: 0, missing: 0, whole: 0, partial: [], errors: 0, indices: new Set() };
  let running = true;
  const polling = (async () => {
    while (running) {
      tally.polls++;
      try {
        const response = await client.search(
          { index: alias, size: 1, track_total_hits: true, _source: false },
          { maxRetries: 0, requestTimeout: 10_000 },
        );
        const total =
          typeof response.hits.total === "number" ? response.hits.total : response.hits.total?.value;
        if (total === whole) tally.whole++;
        else tally.partial.push(total ?? -1);
        const index = response.hits.hits[0]?._index;
        if (index) tally.indices.add(index);
      } catch (error) {
        if (/index_not_found/.test(String((error as Error).message))) tally.missing++;
        else tally.errors++;
      }
      await sleep(20);
    }
  })();
  return async () => {
    running = false;
    await polling;
    return tally;
  };
}

async function searchPages(app: ReturnType<typeof testApp>["app"]): Promise<string[][]> {
  const pages: string[][] = [];
  for (const query of QUERIES) {
    const response = await app.request(`/api/search?q=${encodeURIComponent(query)}&size=10`);
    const body = (await response.json()) as { hits: { id: string }[] };
    pages.push(body.hits.map((hit) => hit.id));
  }
  return pages;
}

describe("Snapshot, delete the index, restore", () => {
  let urls: string[] = [];
  beforeAll(async () => {
    requireCorpus("the backup scenario");
    urls = await startFaultCluster(1);
  }, 300_000);
  afterAll(async () => {
    await stopFaultCluster();
  }, 120_000);

  it("brings back every article and moves the alias only once the restore is whole", async () => {
    const input = short ? await corpusSlice(5_000, "snapshot-slice") : saudiNewsNet;
    const expected = await expectedDocuments(input);
    const alias = `backup-${Date.now()}`;
    const env = { ...faultEnv, ES_URL: urls.join(","), ES_INDEX_ALIAS: alias };
    const client = createEsClient({ nodes: urls, config: ElasticsearchConfigSchema.parse({}) });
    const { app, client: appClient } = testApp(alias, {}, urls);

    const importer = importCorpus(env, input);
    expect(await importer.exited, importer.stderr().slice(-4_000)).toBe(0);
    const [original] = await aliasTargets(client, alias);
    if (!original) throw new Error(`the import left no index behind ${alias}`);
    const imported = await indexedDocuments(client, alias);
    const pagesBefore = await searchPages(app);

    let started = Date.now();
    const snapshot = await esCommand(env, "snapshot", `${alias}-nightly`);
    const snapshotSeconds = (Date.now() - started) / 1000;
    expect(snapshot, snapshot.stderr).toMatchObject({ code: 0, stdout: `${alias}-nightly` });
    const status = await client.snapshot.status({
      repository: DEFAULT_REPOSITORY,
      snapshot: `${alias}-nightly`,
    });
    const snapshotBytes = status.snapshots[0]?.stats.total.size_in_bytes ?? 0;

    // The archive is lost: the index goes, and the alias with it.
    await client.indices.delete({ index: original });
    const readerDuringRestore = pollAlias(client, alias, expected.size);
    started = Date.now();
    const restore = await esCommand(env, "restore", `${alias}-nightly`);
    const restoreSeconds = (Date.now() - started) / 1000;
    // A few more polls, so the reader is seen to read the restored archive.
    await sleep(500);
    const duringRestore = await readerDuringRestore();
    expect(restore, restore.stderr).toMatchObject({ code: 0 });
    const restoredIndex = restore.stdout;

    const restored = compareDocuments(expected, await indexedDocuments(client, alias));
    const pagesAfter = await searchPages(app);
    const samePages = pagesAfter.filter(
      (page, i) => JSON.stringify(page) === JSON.stringify(pagesBefore[i]),
    ).length;

    // Restoring again over a live alias: readers keep the whole old index until the one swap.
    const readerOverLive = pollAlias(client, alias, expected.size);
    const again = await esCommand(env, "restore", `${alias}-nightly`);
    await sleep(500);
    const overLive = await readerOverLive();
    expect(again, again.stderr).toMatchObject({ code: 0 });

    // An operator's mistakes: no name, an unknown one (the available names are listed).
    const noName = await esCommand(env, "restore");
    const unknown = await esCommand(env, "restore", "no-such-snapshot");
    // The repository outlives the run: leave no snapshot behind for the next.
    await client.snapshot.delete({ repository: DEFAULT_REPOSITORY, snapshot: `${alias}-nightly` });

    await appClient.close();
    await client.close();
    const pass =
      imported.documents.size === expected.size &&
      restored.lost === 0 &&
      restored.unexpected === 0 &&
      restored.duplicated === 0 &&
      restored.mismatched === 0 &&
      samePages === QUERIES.length &&
      pagesBefore.every((page) => page.length > 0) &&
      duringRestore.partial.length === 0 &&
      duringRestore.errors === 0 &&
      overLive.partial.length === 0 &&
      overLive.missing === 0 &&
      overLive.errors === 0;
    const scale = short ? "5,000" : "all 31,030";
    record({
      scenario: "Backup: snapshot, index deleted, restore",
      done: `imported ${scale} SaudiNewsNet articles; \`npm run es -- snapshot\`; deleted the index; \`npm run es -- restore\` while a reader polled the alias every 20 ms; then restored again over the live alias`,
      figures: {
        "articles in the index before": imported.documents.size,
        "snapshot (s)": snapshotSeconds.toFixed(1),
        "snapshot size (MB)": (snapshotBytes / 1e6).toFixed(1),
        "restore, command start to alias swapped (s)": restoreSeconds.toFixed(1),
        "articles lost": restored.lost,
        "articles duplicated or unexpected": restored.duplicated + restored.unexpected,
        "checksum mismatches": restored.mismatched,
        "search pages equal before and after": `${samePages} of ${QUERIES.length}`,
        "reader during restore: polls, no alias, whole, partial, errors": `${duringRestore.polls}, ${duringRestore.missing}, ${duringRestore.whole}, ${duringRestore.partial.length}, ${duringRestore.errors}`,
        "reader during restore over the live alias: polls, whole, partial, indices seen": `${overLive.polls}, ${overLive.whole}, ${overLive.partial.length}, ${overLive.indices.size}`,
        "restore with no name, unknown name: exit": `${noName.code}, ${unknown.code}`,
      },
      target:
        "100% of articles back, checksums equal, same search pages; readers see no alias or a whole archive, never a partial one",
      pass,
    });
    expect(restored).toEqual({ lost: 0, unexpected: 0, duplicated: 0, mismatched: 0 });
    expect(restoredIndex).not.toBe(original);
    expect(pagesBefore.every((page) => page.length > 0)).toBe(true);
    expect(pagesAfter).toEqual(pagesBefore);
    expect(duringRestore).toMatchObject({ partial: [], errors: 0 });
    expect(duringRestore.whole).toBeGreaterThan(0);
    expect(overLive).toMatchObject({ partial: [], missing: 0, errors: 0 });
    expect(overLive.indices).toEqual(new Set([restoredIndex, again.stdout]));
    expect(noName.code).toBe(2);
    expect(noName.stderr).toMatch(/usage: npm run es -- restore NAME/);
    expect(unknown.code).toBe(1);
    // The repository may hold other runs' snapshots too: this one is among those listed.
    expect(unknown.stderr).toMatch(new RegExp(`available: .*${alias}-nightly`));
  }, 1_800_000);
});
