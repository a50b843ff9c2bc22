/**
 * npm run synonyms:reload
 * Applies an edited mappings/synonyms_ar.txt without reindexing: synonyms are expanded at search
 * time only, so reloading the search analyzers is enough. On the local node (npm run es) the file
 * is copied into each node's config first; on a Docker or production cluster it must already be in
 * every node's config/analysis/ (docker-compose mounts it).
 */
import { join } from "node:path";
import { ElasticsearchConfigSchema, parseEnv, ServerConfigSchema } from "../../src/config.js";
import { createEsClient } from "../../src/es/client.js";
import { configuredOrLocalUrls, readState } from "../../src/es/local-cluster.js";
import { syncAnalysisFiles } from "./embedded.js";
import { nodeDir } from "./paths.js";

const state = parseEnv(ElasticsearchConfigSchema).ES_URL ? undefined : readState();
if (state?.mode === "embedded")
  for (let n = 1; n <= state.nodes; n++) syncAnalysisFiles(join(nodeDir(state.nodes, n), "config"));
else
  process.stderr.write(
    "synonyms: reloading what the cluster's nodes hold; copy mappings/synonyms_ar.txt to config/analysis/ on each first\n",
  );

const alias = parseEnv(ServerConfigSchema).ES_INDEX_ALIAS;
const client = createEsClient({
  nodes: configuredOrLocalUrls(),
  config: parseEnv(ElasticsearchConfigSchema),
});
try {
  if (!(await client.indices.exists({ index: alias }))) {
    // Nothing to reload: an index created later reads the file as it is on the nodes.
    process.stderr.write(
      `synonyms: no index behind ${alias} yet (npm run index creates it); nothing reloaded\n`,
    );
    process.exitCode = 1;
  } else {
    const answer = await client.indices.reloadSearchAnalyzers({ index: alias });
    for (const detail of answer.reload_details)
      process.stdout.write(`${detail.index}: reloaded ${detail.reloaded_analyzers.join(", ")}\n`);
  }
} finally {
  await client.close();
}
