/**
 * @module es/restore
 * Restores a snapshot behind the alias without readers ever seeing it half done: the snapshot's
 * index is restored under a new versioned name, beside the live one; only once every shard has
 * recovered and its count equals the snapshot's does one `_aliases` request move the alias to it.
 * Any failure before that deletes the new index and leaves the alias where it was.
 */
import { messageOf } from "../error-message.js";
import type { EsClient } from "./client.js";
import { indexVersion, physicalIndexName, swapAlias } from "./indices.js";
import { getSnapshot, SNAPSHOT_TIMEOUT_MS, SnapshotError } from "./snapshots.js";

/** How long a restored index may take to get its replicas once its primaries are back. */
const GREEN_TIMEOUT = "60s";

export interface RestoreOptions {
  repository: string;
  snapshot: string;
  alias: string;
  /** Swap even when the restored count differs from the one the snapshot recorded. */
  acceptCount?: boolean;
  /** Progress lines (the command's standard error). */
  log?: (line: string) => void;
}

export interface RestoreResult {
  index: string;
  documents: number;
  health: string;
  /** Indices the alias pointed at before; they are kept, as after an import with --fresh. */
  previous: string[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export async function restoreSnapshot(client: EsClient, options: RestoreOptions): Promise<RestoreResult> {
  const { repository, snapshot, alias, log = () => {} } = options;
  const found = await getSnapshot(client, repository, snapshot);
  if (found.state !== "SUCCESS")
    throw new SnapshotError(`snapshot ${snapshot} is ${found.state}; only a complete snapshot is restored`);
  const source = found.metadata.index ?? found.indices[0];
  if (!source || !found.indices.includes(source))
    throw new SnapshotError(
      `snapshot ${snapshot} holds no index to restore (${found.indices.join(", ") || "none"})`,
    );
  // Same naming scheme as a build (`<alias>-v<n>-<time>`), keeping the snapshot's mapping version.
  const target = physicalIndexName(alias, indexVersion(source) ?? 0);
  log(`restoring ${source} from ${repository}/${snapshot} as ${target}`);
  try {
    await client.snapshot.restore(
      {
        repository,
        snapshot,
        indices: source,
        rename_pattern: `^${escapeRegExp(source)}$`,
        rename_replacement: target,
        // The snapshot's own alias would put the index behind it before it is complete.
        include_aliases: false,
        include_global_state: false,
        wait_for_completion: true,
      },
      { requestTimeout: SNAPSHOT_TIMEOUT_MS, maxRetries: 0 },
    );
    const health = await client.cluster.health(
      { index: target, wait_for_status: "green", timeout: GREEN_TIMEOUT },
      { requestTimeout: 90_000 },
    );
    // Yellow (replicas the cluster cannot place yet) still answers every search; red does not.
    if (health.status === "red")
      throw new SnapshotError(
        `${target} is red after the restore: ${health.unassigned_shards} shard(s) unassigned`,
      );
    await client.indices.refresh({ index: target });
    const documents = (await client.count({ index: target })).count;
    const expected = found.metadata.documents;
    if (expected !== undefined && documents !== expected && !options.acceptCount)
      throw new SnapshotError(
        `${target} holds ${documents} documents, the snapshot recorded ${expected} as it began (written to meanwhile?); --accept-count swaps anyway`,
      );
    const previous = await swapAlias(client, alias, target);
    return { index: target, documents, health: health.status, previous };
  } catch (error) {
    // Deleting also cancels a restore still under way.
    await client.indices.delete({ index: target }).catch((cleanup: unknown) => {
      log(`${target} could not be deleted (${messageOf(cleanup)}); --delete-old removes it`);
    });
    log(`alias ${alias} not moved; ${target} deleted`);
    throw error;
  }
}
