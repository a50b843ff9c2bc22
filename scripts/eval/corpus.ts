/**
 * @module eval/corpus
 * One corpus in every system's index: the project index is filled by the real importer (so
 * analysis, cleaning and near-duplicate groups are exactly production's), and the baselines are
 * copied from it, so every system searches the same documents under the same ids.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EsClient } from "../../src/es/client.js";
import { loadIndexDefinition } from "../../src/es/index-definition.js";
import { runImport } from "../../src/ingest/pipeline.js";
import { RejectsFile } from "../../src/ingest/report.js";
import {
  type CorpusIndices,
  createBaselineIndex,
  createProjectIndex,
  INDEX_KINDS,
  type IndexKind,
} from "./indices.js";

export interface LoadedCorpus {
  name: string;
  indices: CorpusIndices;
  /** The indices actually built (a run needs only some baselines). */
  created: string[];
  documents: number;
  rejected: number;
  loadSeconds: number;
}

export async function loadCorpus(
  client: EsClient,
  prefix: string,
  inputs: string[],
  kinds: readonly IndexKind[],
): Promise<LoadedCorpus> {
  const started = Date.now();
  // The project index is always built: judging reads duplicate groups and categories from it.
  const project = await createProjectIndex(client, prefix);
  const indices = Object.fromEntries(
    INDEX_KINDS.map((kind) => [kind, kind === "project" ? project : `${prefix}-${kind}`]),
  ) as CorpusIndices;
  const rejects = new RejectsFile(join(tmpdir(), `${prefix}-rejects.ndjson`));
  let rejected = 0;
  try {
    rejected = (await runImport({ client, index: project, inputs, rejects, concurrency: 2 })).rejected;
    for (const kind of new Set(kinds))
      if (kind !== "project") await createBaselineIndex(client, indices[kind], kind, project);
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
    created: [
      project,
      ...[...new Set(kinds)].filter((kind) => kind !== "project").map((kind) => indices[kind]),
    ],
    documents: count,
    rejected,
    loadSeconds: (Date.now() - started) / 1000,
  };
}

/**
 * A corpus an earlier run kept (`--keep`), found by its name: nothing is loaded, so a ranking change
 * is measured in seconds. The project index must be of the mapping version the code expects.
 */
export async function openCorpus(
  client: EsClient,
  prefix: string,
  kinds: readonly IndexKind[],
): Promise<LoadedCorpus> {
  const version = loadIndexDefinition().version;
  const rows = await client.cat.indices({ index: `${prefix}-*`, format: "json", h: "index" });
  const names = rows.flatMap((row) => (row.index ? [row.index] : []));
  const project = names.find((name) => name.startsWith(`${prefix}-v${version}-`));
  if (!project)
    throw new Error(`no ${prefix}-v${version}-* index to reuse (found: ${names.join(", ") || "none"})`);
  const indices = Object.fromEntries(
    INDEX_KINDS.map((kind) => [kind, kind === "project" ? project : `${prefix}-${kind}`]),
  ) as CorpusIndices;
  const missing = [...new Set(kinds)].filter((kind) => !names.includes(indices[kind]));
  if (missing.length)
    throw new Error(`${prefix}: no ${missing.map((kind) => indices[kind]).join(", ")} to reuse`);
  const { count } = await client.count({ index: project });
  return { name: prefix, indices, created: [], documents: count, rejected: 0, loadSeconds: 0 };
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
