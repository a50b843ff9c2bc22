/**
 * /readyz and /metrics tell the truth about Elasticsearch, on a real node: a yellow index is ready
 * with a warning, a red one or a missing alias is not ready, each said distinctly; /metrics times
 * the client's requests per Elasticsearch operation, with labels that never carry index names.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { EsClient } from "../src/es/client.js";
import { ensureIndex } from "../src/es/indices.js";
import { testApp } from "./helpers/api.js";
import { removeTestIndices, testClient, uniqueAlias } from "./helpers/es.js";

const prefix = uniqueAlias("ops");
const es = testClient();

afterAll(async () => {
  await removeTestIndices(es, prefix);
  await es.close();
});

/** A bare index behind `alias`: readiness reads health and settings only, never the mapping. */
async function aliasedIndex(client: EsClient, alias: string, settings: Record<string, unknown>) {
  const index = `${alias}-v1-0`;
  await client.indices.create({
    index,
    settings: { number_of_shards: 1, number_of_replicas: 0, ...settings },
    aliases: { [alias]: {} },
    // A shard that can never be placed must not make the creation wait for it.
    wait_for_active_shards: 0,
  });
  return index;
}

async function readyz(alias: string) {
  const { app, client } = testApp(alias);
  try {
    const response = await app.request("/readyz");
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  } finally {
    await client.close();
  }
}

describe("/readyz", () => {
  it("is ready without a warning on a green index, and names its index, shards and replicas", async () => {
    const alias = `${prefix}-green`;
    const index = await aliasedIndex(es, alias, { number_of_shards: 2 });
    await es.cluster.health({ index, wait_for_status: "green", timeout: "30s" });
    const { status, body } = await readyz(alias);
    expect(status).toBe(200);
    // Other test files share the node and may leave it yellow for a moment: only a warning about
    // this index would be wrong.
    if (body.warning) expect(body.warning).toMatch(/^the cluster is \w+ \(another index\)/);
    expect(body.elasticsearch).toMatchObject({
      index,
      status: "green",
      shards: 2,
      replicas: 0,
      unassigned_shards: 0,
    });
  });

  it("is ready with a warning on a yellow index (replicas that no node can hold)", async () => {
    const alias = `${prefix}-yellow`;
    // One replica more than there are nodes: never placed, on one node or on a cluster.
    const { number_of_nodes: nodes } = await es.cluster.health();
    const index = await aliasedIndex(es, alias, { number_of_replicas: nodes });
    await es.cluster.health({ index, wait_for_status: "yellow", timeout: "30s" });
    const { status, body } = await readyz(alias);
    expect(status).toBe(200);
    expect(body.status).toBe("ready");
    expect(body.warning).toMatch(/yellow: \d+ replica shard\(s\) unassigned/);
    expect(body.elasticsearch).toMatchObject({ index, status: "yellow", shards: 1, replicas: nodes });
    expect((body.elasticsearch as { unassigned_shards: number }).unassigned_shards).toBeGreaterThan(0);
  });

  it("is not ready (503) when the alias's index is red, and says which primaries are unassigned", async () => {
    const alias = `${prefix}-red`;
    // A primary required on a node that does not exist: red at once, on any cluster.
    const index = await aliasedIndex(es, alias, { "index.routing.allocation.require._name": "no-such-node" });
    try {
      const { status, body } = await readyz(alias);
      expect(status).toBe(503);
      expect(body.reason).toBe("index_red");
      expect(body.detail).toMatch(/red: 1 of 1 primary shard\(s\) unassigned/);
      expect(body.elasticsearch).toMatchObject({ index, status: "red", unassigned_primaries: 1 });
    } finally {
      // A red index makes the whole shared node red: gone as soon as it has been seen.
      await es.indices.delete({ index });
    }
  });

  it("is not ready (503) when the alias does not exist, distinct from Elasticsearch being down", async () => {
    const { status, body } = await readyz(`${prefix}-missing`);
    expect(status).toBe(503);
    expect(body.reason).toBe("alias_missing");
    expect(body.detail).toMatch(/alias ".*-missing" does not exist/);
  });
});

describe("/metrics", () => {
  it("times each Elasticsearch request by operation, with bounded labels", async () => {
    const alias = `${prefix}-metrics`;
    const { app, client } = testApp(alias);
    await ensureIndex(client, alias);
    expect((await app.request("/api/search?q=النفط")).status).toBe(200);
    expect((await app.request("/readyz")).status).toBe(200);
    const text = await (await app.request("/metrics")).text();
    await client.close();

    const count = (operation: string) =>
      Number(
        new RegExp(
          `^elasticsearch_client_request_duration_seconds_count\\{operation="${operation}"\\} (\\d+)`,
          "m",
        ).exec(text)?.[1] ?? 0,
      );
    expect(count("search")).toBeGreaterThan(0);
    expect(count("cluster.health")).toBeGreaterThan(0);
    expect(count("alias")).toBeGreaterThan(0);
    const labels = text.split("\n").filter((line) => line.startsWith("elasticsearch_client_"));
    expect(labels.some((line) => line.includes(alias))).toBe(false);
  });

  it("counts failed requests by operation and error", async () => {
    // A node that refuses connections: every request fails with a connection error.
    const alias = `${prefix}-down`;
    const { app, client } = testApp(alias, {}, ["http://127.0.0.1:9"]);
    expect((await app.request("/api/search?q=النفط")).status).toBe(503);
    const text = await (await app.request("/metrics")).text();
    await client.close();
    // The search's first request (the alias's count or indices, termvectors or search, as the
    // service orders them) is the one that fails.
    expect(text).toMatch(
      /^elasticsearch_client_errors_total\{operation="(count|alias|termvectors|search)",error="connection"\} [1-9]/m,
    );
  });
});
