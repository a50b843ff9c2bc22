/** An API app over a real Elasticsearch with fixture articles, for in-process requests. */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterAll, beforeAll, inject } from "vitest";
import { parseEnv, type ServerConfig, ServerConfigSchema } from "../../src/config.js";
import { createEsClient, type EsClient } from "../../src/es/client.js";
import { ensureIndex } from "../../src/es/indices.js";
import { runImport } from "../../src/ingest/pipeline.js";
import { RejectsFile } from "../../src/ingest/report.js";
import { createApp } from "../../src/server/app.js";
import { removeTestIndices, uniqueAlias } from "./es.js";

export const TEST_API_KEY = "test-key-0123456789abcdef";

export function testConfig(alias: string, overrides: Record<string, string> = {}): ServerConfig {
  return parseEnv(ServerConfigSchema, {
    ES_INDEX_ALIAS: alias,
    API_KEYS: TEST_API_KEY,
    CORS_ORIGINS: "https://news.example",
    RATE_LIMIT_PER_MINUTE: "100000",
    ENGINE_MS_PER_MINUTE: "100000000",
    MAX_CONCURRENT_SEARCHES_PER_CLIENT: "10000",
    LOG_LEVEL: "silent",
    ...overrides,
  });
}

export function testApp(alias: string, overrides: Record<string, string> = {}, nodes = inject("esUrls")) {
  const config = testConfig(alias, overrides);
  const client = createEsClient({ nodes, config: { ...config, ES_REQUEST_TIMEOUT_MS: 5_000 } });
  return {
    app: createApp({ client, config, logger: pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }) }),
    client,
  };
}

/** Creates the alias's index and imports the given fixture files (paths) into it. */
export async function loadFixtures(client: EsClient, alias: string, files: string[]): Promise<void> {
  await ensureIndex(client, alias);
  const dir = await mkdtemp(join(tmpdir(), "fixtures-"));
  const rejects = new RejectsFile(join(dir, "rejects.ndjson"));
  const counts = await runImport({ client, index: alias, inputs: files, rejects });
  await rejects.close();
  if (counts.rejected || counts.failed)
    throw new Error(`fixtures did not load cleanly: ${JSON.stringify(counts)}`);
}

/** Articles written as a JSONL fixture file of their own; its path. */
export async function writeFixture(name: string, articles: readonly object[]): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), "fixture-")), `${name}.jsonl`);
  await writeFile(path, `${articles.map((article) => JSON.stringify(article)).join("\n")}\n`);
  return path;
}

/**
 * An app over an alias of its own, holding the fixture files `fixtures` gives before the tests of
 * the file or describe block that calls it, and removed after them.
 */
export function appWithFixtures(label: string, fixtures: () => Promise<string[]>) {
  const alias = uniqueAlias(label);
  const made = testApp(alias);
  beforeAll(async () => {
    await loadFixtures(made.client, alias, await fixtures());
  });
  afterAll(async () => {
    await removeTestIndices(made.client, alias);
    await made.client.close();
  });
  return made;
}
