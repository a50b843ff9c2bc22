/**
 * @module es/health
 * The health of the index behind an alias, as a readiness probe needs it: its status, how many
 * shards and replicas it has and how many copies are unassigned, beside the cluster's own status
 * (which other indices may colour).
 */
import type { EsClient } from "./client.js";

export type HealthStatus = "green" | "yellow" | "red";

export interface AliasHealth {
  alias: string;
  /** The physical index the alias points at. */
  index: string;
  status: HealthStatus;
  shards: number;
  replicas: number;
  /** Shard copies with no node; primaries among them make the index red. */
  unassigned_shards: number;
  unassigned_primaries: number;
  /** The whole cluster's status: red or yellow here may come from another index. */
  cluster: HealthStatus;
}

/** A probe answers in a moment or not at all: one short try, no retries. */
const PROBE = { requestTimeout: 2_000, maxRetries: 0 };

const asStatus = (status: string): HealthStatus =>
  status.toLowerCase() === "green" ? "green" : status.toLowerCase() === "yellow" ? "yellow" : "red";

/** The alias's index health, or undefined when the alias does not exist. */
export async function aliasHealth(client: EsClient, alias: string): Promise<AliasHealth | undefined> {
  if (!(await client.indices.existsAlias({ name: alias }, PROBE))) return undefined;
  const [byIndex, cluster] = await Promise.all([
    // Without wait_for_* parameters health answers at once, whatever the status.
    client.cluster.health({ index: alias, level: "indices" }, PROBE),
    client.cluster.health({}, PROBE),
  ]);
  const [entry] = Object.entries(byIndex.indices ?? {});
  if (!entry) return undefined;
  const [index, health] = entry;
  return {
    alias,
    index,
    status: asStatus(health.status),
    shards: health.number_of_shards,
    replicas: health.number_of_replicas,
    unassigned_shards: health.unassigned_shards,
    unassigned_primaries: health.number_of_shards - health.active_primary_shards,
    cluster: asStatus(cluster.status),
  };
}
