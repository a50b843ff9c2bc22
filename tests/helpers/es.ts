/** Per-file Elasticsearch helpers: a client for the shared test node and indices named for the file. */
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { ElasticsearchConfigSchema } from "../../src/config.js";
import { createEsClient, type EsClient } from "../../src/es/client.js";
import { createPhysicalIndex } from "../../src/es/indices.js";

export function testClient(): EsClient {
  const config = ElasticsearchConfigSchema.parse({});
  return createEsClient({ nodes: inject("esUrls"), config });
}

/** A unique alias prefix for one test file, so files never see each other's documents. */
export function uniqueAlias(label: string): string {
  return `test-${label}-${randomBytes(4).toString("hex")}`;
}

/** Creates a physical index with the project's definition; returns its name. */
export async function createTestIndex(client: EsClient, label: string): Promise<string> {
  return createPhysicalIndex(client, uniqueAlias(label));
}

/** Removes every index and alias a test file created under its prefix. */
export async function removeTestIndices(client: EsClient, prefix: string): Promise<void> {
  // Wildcard deletes are refused by default (action.destructive_requires_name), so name each index.
  const rows = await client.cat.indices({ index: `${prefix}*`, format: "json", h: ["index"] });
  const names = rows.map((row) => row.index).filter((name): name is string => Boolean(name));
  if (names.length) await client.indices.delete({ index: names, ignore_unavailable: true });
}
