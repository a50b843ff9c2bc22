/**
 * @module es/snapshots
 * Backups of the alias's index as Elasticsearch snapshots. The repository is the operator's (any
 * type the cluster has: S3, GCS, Azure, a shared filesystem) or, when none is named, a filesystem
 * repository under the node's `path.repo`, registered on first use. A snapshot holds one physical
 * index and says in its metadata which alias it served and how many documents it held.
 */
import { errors } from "@elastic/elasticsearch";
import type { EsClient } from "./client.js";
import { aliasTargets } from "./indices.js";

/** The repository used when ES_SNAPSHOT_REPOSITORY names none. */
export const DEFAULT_REPOSITORY = "arabic-news-backups";

/** Snapshots and restores of a large archive take minutes; past this the command gives up waiting. */
export const SNAPSHOT_TIMEOUT_MS = 60 * 60_000;

export class SnapshotError extends Error {
  override readonly name = "SnapshotError";
}

/** What a snapshot made by this project records beside the index. */
export interface SnapshotMetadata {
  alias: string;
  index: string;
  /** Documents counted as the snapshot began: what a restore must give back. */
  documents: number;
}

export interface SnapshotSummary {
  name: string;
  state: string;
  startedAt: string;
  indices: string[];
  metadata: Partial<SnapshotMetadata>;
  /** For a snapshot just taken: the index's count when it ended (differs if written to meanwhile). */
  documentsAfter?: number;
}

const isStatus = (error: unknown, status: number) =>
  error instanceof errors.ResponseError && error.statusCode === status;

/**
 * The repository to use: `configured` when given (it must exist: registering it is the operator's
 * choice of storage and credentials), else the default one, registered as `fs` if missing.
 */
export async function ensureRepository(client: EsClient, configured?: string): Promise<string> {
  const name = configured ?? DEFAULT_REPOSITORY;
  try {
    await client.snapshot.getRepository({ name });
    return name;
  } catch (error) {
    if (!isStatus(error, 404)) throw error;
  }
  if (configured)
    throw new SnapshotError(
      `snapshot repository "${name}" (ES_SNAPSHOT_REPOSITORY) is not registered on the cluster; register it first (PUT _snapshot/${name})`,
    );
  try {
    // A relative location resolves under the node's first path.repo folder.
    await client.snapshot.createRepository({
      name,
      repository: { type: "fs", settings: { location: name } },
    });
  } catch (error) {
    if (/path\.repo/.test(JSON.stringify((error as errors.ResponseError).body ?? "")))
      throw new SnapshotError(
        "the cluster has no path.repo for a filesystem repository; set ES_SNAPSHOT_REPOSITORY to a repository registered on it",
      );
    throw error;
  }
  return name;
}

/** A snapshot name for now: `<alias>-<UTC timestamp>`, lowercase as Elasticsearch requires. */
export function defaultSnapshotName(alias: string, now = new Date()): string {
  return `${alias}-${now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "z")
    .toLowerCase()}`;
}

async function countDocuments(client: EsClient, index: string): Promise<number> {
  await client.indices.refresh({ index });
  return (await client.count({ index })).count;
}

/** Snapshots the index the alias points at, waiting until the snapshot is complete. */
export async function snapshotAlias(
  client: EsClient,
  { repository, alias, name }: { repository: string; alias: string; name: string },
): Promise<SnapshotSummary> {
  const [index, ...more] = await aliasTargets(client, alias);
  if (!index) throw new SnapshotError(`alias ${alias} does not exist; nothing to snapshot`);
  if (more.length)
    throw new SnapshotError(`alias ${alias} points at several indices: ${[index, ...more].join(", ")}`);
  const documents = await countDocuments(client, index);
  const response = await client.snapshot.create(
    {
      repository,
      snapshot: name,
      indices: index,
      include_global_state: false,
      metadata: { alias, index, documents } satisfies SnapshotMetadata,
      wait_for_completion: true,
    },
    // Retrying a snapshot that is under way would only be refused as a duplicate name.
    { requestTimeout: SNAPSHOT_TIMEOUT_MS, maxRetries: 0 },
  );
  const info = response.snapshot;
  if (info?.state !== "SUCCESS")
    throw new SnapshotError(
      `snapshot ${name} ended ${info?.state ?? "without a state"}: ${JSON.stringify(info?.failures ?? [])}`,
    );
  const after = await countDocuments(client, index);
  return {
    name,
    state: info.state,
    startedAt: info.start_time ? String(info.start_time) : "",
    indices: info.indices ?? [index],
    metadata: { alias, index, documents },
    documentsAfter: after,
  };
}

function summary(info: {
  snapshot: string;
  state?: string;
  start_time?: unknown;
  indices?: string[];
  metadata?: Record<string, unknown>;
}): SnapshotSummary {
  return {
    name: info.snapshot,
    state: info.state ?? "UNKNOWN",
    startedAt: info.start_time ? String(info.start_time) : "",
    indices: info.indices ?? [],
    metadata: (info.metadata ?? {}) as Partial<SnapshotMetadata>,
  };
}

/** Every snapshot in the repository, oldest first. */
export async function listSnapshots(client: EsClient, repository: string): Promise<SnapshotSummary[]> {
  const response = await client.snapshot.get({ repository, snapshot: "_all", sort: "start_time" });
  return (response.snapshots ?? []).map(summary);
}

/** One snapshot; an unknown name is an error that lists the names there are. */
export async function getSnapshot(
  client: EsClient,
  repository: string,
  name: string,
): Promise<SnapshotSummary> {
  try {
    const [info] = (await client.snapshot.get({ repository, snapshot: name })).snapshots ?? [];
    if (info) return summary(info);
  } catch (error) {
    if (!isStatus(error, 404)) throw error;
  }
  const available = (await listSnapshots(client, repository)).map((snapshot) => snapshot.name);
  throw new SnapshotError(
    `no snapshot "${name}" in repository ${repository}; ${available.length ? `available: ${available.join(", ")}` : "it holds none"}`,
  );
}
