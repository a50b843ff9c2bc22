/**
 * @module server/serve
 * The production entry, `node dist/serve.js` (`npm run build` writes it): the environment
 * validated, the cluster ES_URL names (nothing is started here; `npm start` provisions a local
 * node for development), the alias made to exist, then the API and the pages on one port until
 * SIGTERM or SIGINT drains them.
 */
import pino from "pino";
import { ConfigError, parseEnv, ServerConfigSchema } from "../config.js";
import { createEsClient } from "../es/client.js";
import { loadIndexDefinition } from "../es/index-definition.js";
import { ensureIndex, indexVersion } from "../es/indices.js";
import { closeOnSignals, startServer } from "./main.js";

async function main(): Promise<void> {
  const config = parseEnv(ServerConfigSchema);
  const nodes = config.ES_URL;
  if (!nodes) throw new ConfigError("Invalid configuration:\n  ES_URL: required: the cluster to serve from");
  const logger = pino({ level: config.LOG_LEVEL, base: undefined });
  const client = createEsClient({ nodes, config });
  try {
    // A fresh cluster gets an empty index, so /readyz and the pages answer before the first import.
    const definition = loadIndexDefinition();
    const { index, created } = await ensureIndex(client, config.ES_INDEX_ALIAS, { definition });
    logger.info({ alias: config.ES_INDEX_ALIAS, index, created }, "index");
    if ((indexVersion(index) ?? 0) < definition.version)
      logger.warn(
        { index, mappings: definition.version },
        "index has older mappings: run the importer with --reindex",
      );
  } finally {
    await client.close();
  }
  closeOnSignals(await startServer(nodes, config, logger));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
