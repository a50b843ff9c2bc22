/**
 * @module es/indices
 * Index lifecycle: physical indices are versioned (`<alias>-v<n>-<timestamp>`) and every reader
 * goes through the alias, so a rebuild swaps the alias atomically and searches never see a gap.
 */
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

export interface CreateIndexOptions {
  definition?: IndexDefinition;
  /** Replicas for a multi-node cluster; the mapping file's value otherwise. */
  replicas?: number;
  /** Point the alias at the new index in the same request (only when the alias is not in use). */
  withAlias?: boolean;
}

/** Creates a new physical index for `alias` (without pointing the alias at it unless told). */
export async function createPhysicalIndex(
  client: EsClient,
  alias: string,
  { definition = loadIndexDefinition(), replicas, withAlias = false }: CreateIndexOptions = {},
): Promise<string> {
  const index = physicalIndexName(alias, definition.version);
  const settings =
    replicas === undefined ? definition.settings : { ...definition.settings, number_of_replicas: replicas };
  await client.indices.create({
    index,
    settings,
    mappings: definition.mappings,
    ...(withAlias ? { aliases: { [alias]: { is_write_index: true } } } : {}),
    wait_for_active_shards: 1,
  });
  return index;
}

/** The physical indices the alias points at now (normally one). */
export async function aliasTargets(client: EsClient, alias: string): Promise<string[]> {
  const exists = await client.indices.existsAlias({ name: alias });
  if (!exists) return [];
  return Object.keys(await client.indices.getAlias({ name: alias }));
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
