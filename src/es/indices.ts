/**
 * @module es/indices
 * Index lifecycle: physical indices are versioned (`<alias>-v<n>-<timestamp>`) and every reader
 * goes through the alias, so a rebuild swaps the alias atomically and searches never see a gap.
 */
import { ElasticsearchConfigSchema, parseEnv } from "../config.js";
import type { EsClient } from "./client.js";
import { type IndexDefinition, loadIndexDefinition } from "./index-definition.js";

export function physicalIndexName(alias: string, version: number, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.(\d{3})Z$/, "$1")
    .toLowerCase();
  return `${alias}-v${version}-${stamp}`;
}

/** How a physical index is split (primary shards) and copied (replicas of each shard). */
export interface IndexLayout {
  shards: number;
  replicas: number;
}

/** What ES_SHARDS and ES_REPLICAS ask for; what they leave unset is the mapping file's. */
function configuredLayout(): Partial<IndexLayout> {
  const { ES_SHARDS: shards, ES_REPLICAS: replicas } = parseEnv(ElasticsearchConfigSchema, process.env);
  return { ...(shards === undefined ? {} : { shards }), ...(replicas === undefined ? {} : { replicas }) };
}

/**
 * A creation is answered within Elasticsearch's own acknowledgement timeouts (30 s by default);
 * the client waits that long whatever its per-request timeout, since a creation timed out and
 * retried would be refused as existing while the first still completes.
 */
const CREATE_INDEX_TIMEOUT_MS = 65_000;

export interface CreateIndexOptions {
  definition?: IndexDefinition;
  /** Primary shards (the importer's --shards); ES_SHARDS, else the mapping file's, otherwise. */
  shards?: number | undefined;
  /** Replicas (the importer's --replicas); ES_REPLICAS, else the mapping file's, otherwise. */
  replicas?: number | undefined;
  /** Point the alias at the new index in the same request (only when the alias is not in use). */
  withAlias?: boolean;
}

/**
 * Creates a new physical index for `alias` (without pointing the alias at it unless told), split
 * and copied as the options, else the environment, else the mapping file say: every index the
 * project creates (first start, --fresh, --reindex, tests, evaluation) follows ES_SHARDS and
 * ES_REPLICAS.
 */
export async function createPhysicalIndex(
  client: EsClient,
  alias: string,
  { definition = loadIndexDefinition(), shards, replicas, withAlias = false }: CreateIndexOptions = {},
): Promise<string> {
  const index = physicalIndexName(alias, definition.version);
  const configured = configuredLayout();
  const settings = {
    ...definition.settings,
    number_of_shards: shards ?? configured.shards ?? definition.settings.number_of_shards,
    number_of_replicas: replicas ?? configured.replicas ?? definition.settings.number_of_replicas,
  };
  await client.indices.create(
    {
      index,
      settings,
      mappings: definition.mappings,
      ...(withAlias ? { aliases: { [alias]: { is_write_index: true } } } : {}),
      wait_for_active_shards: 1,
    },
    { requestTimeout: CREATE_INDEX_TIMEOUT_MS },
  );
  return index;
}

/** The physical indices the alias points at now (normally one). */
export async function aliasTargets(client: EsClient, alias: string): Promise<string[]> {
  const exists = await client.indices.existsAlias({ name: alias });
  if (!exists) return [];
  return Object.keys(await client.indices.getAlias({ name: alias }));
}

/**
 * The index writes through the alias go to: the one it marks as its write index, or its only
 * index unless marked otherwise; undefined when it has none (several indices, none marked).
 */
export async function aliasWriteIndex(client: EsClient, alias: string): Promise<string | undefined> {
  const targets = Object.entries(await client.indices.getAlias({ name: alias })).map(
    ([index, { aliases }]) => ({ index, write: aliases[alias]?.is_write_index }),
  );
  const [only, ...more] = targets;
  if (only && !more.length) return only.write === false ? undefined : only.index;
  return targets.find(({ write }) => write)?.index;
}

/**
 * Which of `indices` holds each of `ids` they hold: a realtime lookup by id (`mget`), so an
 * article written a moment ago is found before the index refreshes, as a search would not.
 */
export async function indicesHolding(
  client: EsClient,
  indices: readonly string[],
  ids: readonly string[],
): Promise<Map<string, string>> {
  const { docs } = await client.mget({
    docs: indices.flatMap((index) => ids.map((id) => ({ _index: index, _id: id }))),
    _source: false,
  });
  return new Map(
    docs.flatMap((doc) => ("found" in doc && doc.found ? [[doc._id, doc._index] as const] : [])),
  );
}

/** The layout of the index the alias points at, as the cluster holds it. */
export async function aliasLayout(
  client: EsClient,
  alias: string,
): Promise<(IndexLayout & { index: string }) | undefined> {
  const [index] = await aliasTargets(client, alias);
  if (!index) return undefined;
  const response = await client.indices.getSettings({
    index,
    name: ["index.number_of_shards", "index.number_of_replicas"],
    flat_settings: true,
  });
  const settings = (response[index]?.settings ?? {}) as Record<string, string | undefined>;
  return {
    index,
    shards: Number(settings["index.number_of_shards"]),
    replicas: Number(settings["index.number_of_replicas"]),
  };
}

/** The index an alias writes to, and whether it was created just now (then it holds nothing yet). */
export interface AliasIndex {
  index: string;
  created: boolean;
}

/** Creates the first physical index and the alias when the alias does not exist yet. */
export async function ensureIndex(
  client: EsClient,
  alias: string,
  options: Omit<CreateIndexOptions, "withAlias"> = {},
): Promise<AliasIndex> {
  const [current] = await aliasTargets(client, alias);
  if (current) return { index: current, created: false };
  return { index: await createPhysicalIndex(client, alias, { ...options, withAlias: true }), created: true };
}

/** The mapping version a physical index was built with, from its name (`<alias>-v<n>-…`). */
export function indexVersion(index: string): number | undefined {
  const match = /-v(\d+)-[^-]+$/.exec(index);
  return match ? Number(match[1]) : undefined;
}

/** Points the alias at `index` and away from every other index, in one atomic request. */
export async function swapAlias(client: EsClient, alias: string, index: string): Promise<string[]> {
  const previous = (await aliasTargets(client, alias)).filter((name) => name !== index);
  await client.indices.updateAliases({
    actions: [
      ...previous.map((old) => ({ remove: { index: old, alias } })),
      { add: { index, alias, is_write_index: true } },
    ],
  });
  return previous;
}

/** Physical indices of this alias, newest first (names sort by version then time). */
export async function listPhysicalIndices(client: EsClient, alias: string): Promise<string[]> {
  const response = await client.cat.indices({ index: `${alias}-v*`, format: "json", h: ["index"] });
  return response
    .map((row) => row.index ?? "")
    .filter(Boolean)
    .sort()
    .reverse();
}

/** Each physical index's own refresh interval behind `index` (an index or alias); null when unset. */
export async function refreshIntervals(client: EsClient, index: string): Promise<Map<string, string | null>> {
  const response = await client.indices.getSettings({
    index,
    name: "index.refresh_interval",
    flat_settings: true,
  });
  return new Map(
    Object.entries(response).map(([name, { settings }]) => [
      name,
      ((settings ?? {}) as Record<string, string | undefined>)["index.refresh_interval"] ?? null,
    ]),
  );
}

/**
 * Sets the refresh interval of `index` (an index or alias) and returns what puts back each
 * physical index's own setting (unset ones back to Elasticsearch's default).
 */
export async function setRefreshInterval(
  client: EsClient,
  index: string,
  interval: string,
): Promise<() => Promise<void>> {
  const previous = await refreshIntervals(client, index);
  await client.indices.putSettings({ index, settings: { refresh_interval: interval } });
  return async () => {
    for (const [name, interval] of previous)
      await client.indices.putSettings({
        index: name,
        // null resets a setting to its default.
        settings: { refresh_interval: interval as string },
      });
  };
}
