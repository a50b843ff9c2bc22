/** Waiting for a cluster to answer, shared by every way of getting one. */

export interface HealthWait {
  urls: string[];
  /** Headers for an external cluster (authentication). */
  headers?: Record<string, string>;
  status?: "yellow" | "green";
  nodes?: number;
  timeoutMs?: number;
}

export interface ClusterHealth {
  status: string;
  number_of_nodes: number;
  cluster_name: string;
}

/** One GET of `_cluster/health`; undefined when the node does not answer. */
export async function fetchHealth(
  url: string,
  headers: Record<string, string> = {},
  query = "",
): Promise<ClusterHealth | undefined> {
  try {
    const response = await fetch(`${url}/_cluster/health${query}`, {
      headers,
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) return undefined;
    return (await response.json()) as ClusterHealth;
  } catch {
    return undefined;
  }
}

const rank = { red: 0, yellow: 1, green: 2 } as Record<string, number>;

export async function waitForHealth({
  urls,
  headers,
  status = "yellow",
  nodes = 1,
  timeoutMs = 180_000,
}: HealthWait): Promise<ClusterHealth> {
  const deadline = Date.now() + timeoutMs;
  let last: ClusterHealth | undefined;
  while (Date.now() < deadline) {
    for (const url of urls) {
      last = await fetchHealth(url, headers, `?wait_for_status=${status}&timeout=5s`);
      if (last && (rank[last.status] ?? 0) >= (rank[status] ?? 1) && last.number_of_nodes >= nodes)
        return last;
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  const seen = last ? `${last.status} with ${last.number_of_nodes} node(s)` : "no answer";
  throw new Error(
    `Elasticsearch at ${urls.join(", ")} not ${status} with ${nodes} node(s) in time (${seen})`,
  );
}
