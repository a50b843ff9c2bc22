/**
 * @module eval/corpus
 * One corpus in every system's index: the project index is filled by the real importer (so
 * analysis, cleaning and near-duplicate groups are exactly production's), and the baselines are
 * copied from it, so every system searches the same documents under the same ids.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EsClient } from "../../src/es/client.js";
import { runImport } from "../../src/ingest/pipeline.js";
import { RejectsFile } from "../../src/ingest/report.js";
import { type CorpusIndices, createBaselineIndex, createProjectIndex, type SystemName } from "./systems.js";

export interface LoadedCorpus {
  name: string;
  indices: CorpusIndices;
  documents: number;
  rejected: number;
  loadSeconds: number;
}

export async function loadCorpus(
  client: EsClient,
  prefix: string,
  inputs: string[],
  systems: readonly SystemName[],
): Promise<LoadedCorpus> {
  const started = Date.now();
  // The project index is always built: judging reads duplicate groups and categories from it.
  const project = await createProjectIndex(client, prefix);
  const indices: CorpusIndices = { project, standard: `${prefix}-standard`, arabic: `${prefix}-arabic` };
  const rejects = new RejectsFile(join(tmpdir(), `${prefix}-rejects.ndjson`));
  let rejected = 0;
  try {
    rejected = (await runImport({ client, index: project, inputs, rejects, concurrency: 2 })).rejected;
    for (const system of systems)
      if (system !== "project") await createBaselineIndex(client, indices[system], system, project);
  } catch (error) {
    // A half-built corpus is of no use to anyone: remove it before reporting the failure.
    await client.indices.delete({ index: Object.values(indices), ignore_unavailable: true });
    throw error;
  } finally {
    await rejects.close();
  }
  const { count } = await client.count({ index: project });
  return {
    name: prefix,
    indices,
    documents: count,
    rejected,
    loadSeconds: (Date.now() - started) / 1000,
  };
}

export async function deleteCorpus(client: EsClient, corpus: LoadedCorpus): Promise<void> {
  const names = Object.values(corpus.indices);
  await client.indices.delete({ index: names, ignore_unavailable: true });
}

export interface StoredDoc {
  id: string;
  title: string;
  source: string;
  dup_group: string;
  published_at: string;
  category?: string;
}

/** Every document's labels, in id order, so seeded samples do not depend on indexing order. */
export async function listDocuments(client: EsClient, index: string): Promise<StoredDoc[]> {
  const docs: StoredDoc[] = [];
  let after: (string | number)[] | undefined;
  for (;;) {
    const response = await client.search<StoredDoc>({
      index,
      size: 5_000,
      sort: [{ id: "asc" }],
      _source: ["id", "title", "source", "dup_group", "published_at", "category"],
      ...(after ? { search_after: after } : {}),
    });
    const hits = response.hits.hits;
    for (const hit of hits) if (hit._source) docs.push(hit._source);
    const last = hits.at(-1);
    if (!last?.sort || hits.length < 5_000) return docs;
    after = last.sort as (string | number)[];
  }
}
