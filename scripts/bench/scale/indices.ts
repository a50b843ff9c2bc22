/**
 * @module bench/scale/indices
 * The two indices the scale benchmark grows, and what it measures of them. The project index is
 * created from mappings/ and filled by the importer itself; the stock index holds the same
 * documents under Elasticsearch's `arabic` analyzer, loaded with plain `_bulk`. Each size reached
 * is cloned (hard links, no copy) under its own name, so later runs can query any size again.
 */
import { createHash } from "node:crypto";
import { articleId } from "../../../src/articles/identity.js";
import type { EsClient } from "../../../src/es/client.js";
import type { IndexDefinition } from "../../../src/es/index-definition.js";
import { aliasTargets, createPhysicalIndex, physicalIndexName } from "../../../src/es/indices.js";
import { sleep } from "../../../src/es/retry.js";
import { runImport } from "../../../src/ingest/pipeline.js";
import { RejectsFile } from "../../../src/ingest/report.js";
import { readArticleFile } from "./generate.js";

export type System = "project" | "stock";
export const SYSTEMS: readonly System[] = ["project", "stock"];

/** Bumped when the stock mapping below changes (part of the stock index's build key). */
const STOCK_MAPPING_VERSION = 1;

export const INDEX_NAMES = {
  /** The alias the importer writes to while the project index grows. */
  growingProject: "bench-scale-project",
  growingStock: "bench-scale-stock",
  /** The alias of the project index frozen at `size` articles: the API's ES_INDEX_ALIAS. */
  frozenProject: (size: number) => `bench-scale-${size}`,
  frozenStock: (size: number) => `bench-scale-stock-${size}`,
};

/** One step of growth of one index: the articles added and what adding them cost. */
export interface Increment {
  from: number;
  to: number;
  /** Until the import (or `_bulk` load) had returned and refreshed. */
  seconds: number;
  /** Elasticsearch process CPU over the load and the merges it left behind. */
  esCpuMs: number;
}

/** What an index says of how it was built, kept in its mapping's `_meta`. */
export interface BuildMeta {
  /** The generator, seed, corpora and mapping it was built with; anything else is not reused. */
  key: string;
  articles: number;
  increment?: Increment;
}

export function buildKeys(generatorKey: string, definition: IndexDefinition): Record<System, string> {
  const mapping = createHash("sha256").update(JSON.stringify(definition)).digest("hex").slice(0, 10);
  return {
    project: `${generatorKey}|mapping-${mapping}`,
    stock: `${generatorKey}|stock-${STOCK_MAPPING_VERSION}`,
  };
}

export async function readMeta(client: EsClient, index: string): Promise<BuildMeta | undefined> {
  const response = await client.indices.getMapping({ index });
  const mapping = Object.values(response)[0]?.mappings;
  return mapping?._meta?.bench_scale as BuildMeta | undefined;
}

export async function writeMeta(client: EsClient, index: string, meta: BuildMeta): Promise<void> {
  await client.indices.putMapping({ index, _meta: { bench_scale: meta } });
}

/** The physical index behind a name (an alias, or the index itself), if it exists. */
export async function resolveIndex(client: EsClient, name: string): Promise<string | undefined> {
  const [target] = await aliasTargets(client, name);
  if (target) return target;
  return (await client.indices.exists({ index: name })) ? name : undefined;
}

export async function createProjectIndex(client: EsClient, definition: IndexDefinition): Promise<string> {
  return createPhysicalIndex(client, INDEX_NAMES.growingProject, { definition, withAlias: true });
}

/** Title and body under the stock `arabic` analyzer; source and date for the filtered and sorted queries. */
export async function createStockIndex(client: EsClient): Promise<string> {
  const index = INDEX_NAMES.growingStock;
  await client.indices.create({
    index,
    settings: { number_of_shards: 1, number_of_replicas: 0, refresh_interval: "1s" },
    mappings: {
      dynamic: false,
      properties: {
        title: { type: "text", analyzer: "arabic" },
        body: { type: "text", analyzer: "arabic" },
        source: { type: "keyword" },
        published_at: { type: "date" },
      },
    },
    wait_for_active_shards: 1,
  });
  return index;
}

/** The project's importer, as `npm run index` runs it; returns the articles it refused or lost. */
export async function importProject(
  client: EsClient,
  file: string,
  rejectsPath: string,
  indexIsNew: boolean,
): Promise<number> {
  const rejects = new RejectsFile(rejectsPath);
  try {
    const counts = await runImport({
      client,
      index: INDEX_NAMES.growingProject,
      inputs: [file],
      rejects,
      ...(indexIsNew ? { indexReady: Promise.resolve({ created: true }) } : {}),
    });
    return counts.rejected + counts.failed;
  } finally {
    await rejects.close();
  }
}

/** The same articles through the client's bulk helper, under the ids the importer gives them. */
export async function loadStock(client: EsClient, file: string): Promise<number> {
  const index = INDEX_NAMES.growingStock;
  let dropped = 0;
  await client.helpers.bulk({
    datasource: readArticleFile(file),
    onDocument: (article) => ({ index: { _index: index, _id: articleId(article) } }),
    onDrop: () => {
      dropped++;
    },
    // As the importer sends: the same request size, two requests in flight.
    flushBytes: 2_000_000,
    concurrency: 2,
    refreshOnCompletion: index,
  });
  return dropped;
}

/** CPU the Elasticsearch processes have used since they started, in milliseconds. */
export async function elasticsearchCpuMs(client: EsClient): Promise<number> {
  const stats = await client.nodes.stats({ metric: "process" });
  return Object.values(stats.nodes).reduce((sum, node) => sum + (node.process?.cpu?.total_in_millis ?? 0), 0);
}

/** Until the index is flushed and no merge is running, so the next measurement starts quiet. */
export async function settle(client: EsClient, index: string, timeoutMs = 900_000): Promise<void> {
  await client.indices.refresh({ index });
  await client.indices.flush({ index, wait_if_ongoing: true });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const stats = await client.indices.stats({ index, metric: "merge" });
    if (!stats._all.total?.merges?.current) return;
    await sleep(500);
  }
}

export async function storeBytes(client: EsClient, index: string): Promise<number> {
  const stats = await client.indices.stats({ index, metric: "store" });
  return stats._all.primaries?.store?.size_in_bytes ?? 0;
}

/** Stories among the articles: near-duplicate groups, approximately counted beyond 40k. */
export async function storyCount(client: EsClient, index: string): Promise<number> {
  const response = await client.search({
    index,
    size: 0,
    aggs: { stories: { cardinality: { field: "dup_group", precision_threshold: 40_000 } } },
  });
  return (response.aggregations?.stories as { value?: number } | undefined)?.value ?? 0;
}

/**
 * A copy of `source` as it is now, under `target` (and `alias`). Clone refuses a writable source,
 * so writes are blocked for the moment it takes; the copy gets no replicas, like its source.
 */
export async function freeze(
  client: EsClient,
  source: string,
  target: string,
  alias?: string,
): Promise<void> {
  await client.indices.putSettings({ index: source, settings: { "index.blocks.write": true } });
  try {
    await client.indices.clone({
      index: source,
      target,
      settings: { "index.blocks.write": false, "index.number_of_replicas": 0 },
      ...(alias ? { aliases: { [alias]: {} } } : {}),
      wait_for_active_shards: 1,
    });
  } finally {
    await client.indices.putSettings({ index: source, settings: { "index.blocks.write": false } });
  }
}

export function frozenProjectIndexName(size: number, definition: IndexDefinition): string {
  return physicalIndexName(INDEX_NAMES.frozenProject(size), definition.version);
}

/** Every index this benchmark made, found by name (wildcard deletes may be refused). */
export async function benchIndices(client: EsClient): Promise<string[]> {
  const rows = await client.cat.indices({ index: "bench-scale-*", format: "json", h: ["index"] });
  return rows.map((row) => row.index ?? "").filter(Boolean);
}

export async function deleteIndices(client: EsClient, names: string[]): Promise<void> {
  if (names.length) await client.indices.delete({ index: names, ignore_unavailable: true });
}
