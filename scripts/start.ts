/**
 * The main command (`npm start`): makes Elasticsearch reachable (starting a local one when ES_URL
 * is not set) and creates the articles index behind its alias when it does not exist.
 */
import { ElasticsearchConfigSchema, parseEnv } from "../src/config.js";
import { createEsClient } from "../src/es/client.js";
import { ensureIndex } from "../src/es/indices.js";
import { startElasticsearch } from "./es/provision.js";

async function main(): Promise<void> {
  const config = parseEnv(ElasticsearchConfigSchema);
  const target = await startElasticsearch();
  const client = createEsClient({ nodes: target.urls, config });
  try {
    const index = await ensureIndex(client, config.ES_INDEX_ALIAS);
    process.stdout.write(`Elasticsearch: ${target.urls.join(", ")} (${target.mode})\n`);
    process.stdout.write(`Index: ${config.ES_INDEX_ALIAS} -> ${index}\n`);
  } finally {
    await client.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
