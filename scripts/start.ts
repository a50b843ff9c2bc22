/**
 * The main command (`npm start`): makes Elasticsearch reachable (starting a local one when ES_URL
 * is not set), creates the articles index behind its alias, indexes the project's sample when the
 * index is empty, and serves the API and the pages on one port, printing the URL.
 * `--serve-only` skips starting Elasticsearch and the sample (the docker-compose service).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parseEnv, type ServerConfig, ServerConfigSchema } from "../src/config.js";
import { createEsClient } from "../src/es/client.js";
import { loadIndexDefinition } from "../src/es/index-definition.js";
import { createPhysicalIndex, ensureIndex, indexVersion, swapAlias } from "../src/es/indices.js";
import { configuredOrLocalUrls } from "../src/es/local-cluster.js";
import { runImport } from "../src/ingest/pipeline.js";
import { RejectsFile, summaryLine } from "../src/ingest/report.js";
import { projectRoot } from "../src/project-root.js";
import { SearchParams } from "../src/search/params.js";
import { SearchService } from "../src/search/service.js";
import { closeOnSignals, startServer } from "../src/server/main.js";
import { startEmbedDemo } from "../src/web/embed-demo.js";
import { startElasticsearch } from "./es/provision.js";

const SAMPLE = join(projectRoot, "samples/articles.jsonl");

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { "serve-only": { type: "boolean", default: false } } });
  const config = parseEnv(ServerConfigSchema);
  const nodes = values["serve-only"] ? configuredOrLocalUrls() : (await startElasticsearch()).urls;
  const client = createEsClient({ nodes, config });
  try {
    const definition = loadIndexDefinition();
    let { index } = await ensureIndex(client, config.ES_INDEX_ALIAS, { definition });
    const { count } = await client.count({ index: config.ES_INDEX_ALIAS });
    const wanted = definition.version;
    if ((indexVersion(index) ?? 0) < wanted) {
      if (count === 0) {
        // Nothing to lose: rebuild the empty index with today's mappings.
        index = await createPhysicalIndex(client, config.ES_INDEX_ALIAS, { definition });
        await swapAlias(client, config.ES_INDEX_ALIAS, index);
      } else
        process.stderr.write(
          `warning: ${index} has mapping version ${indexVersion(index)}, mappings/ is at ${wanted}: run npm run index -- --reindex\n`,
        );
    }
    process.stderr.write(`index ${config.ES_INDEX_ALIAS} -> ${index}, ${count} articles\n`);
    if (count === 0 && !values["serve-only"] && existsSync(SAMPLE)) {
      const started = Date.now();
      const rejects = new RejectsFile(join(projectRoot, "rejects-sample.ndjson"));
      const counts = await runImport({ client, index: config.ES_INDEX_ALIAS, inputs: [SAMPLE], rejects });
      await rejects.close();
      process.stderr.write(`sample: ${summaryLine(counts, Date.now() - started)}\n`);
      if (rejects.count) process.stderr.write(`sample: reasons in ${rejects.path}\n`);
    }
  } finally {
    await client.close();
  }
  const server = await startServer(nodes, config);
  closeOnSignals(server);
  process.stdout.write(
    `Serving on ${server.url}  (search page ${server.url}/, API ${server.url}/api/docs)\n`,
  );
  if (!values["serve-only"]) {
    const demo = await startEmbedDemo({
      api: server.url,
      articleId: await newestArticle(nodes, config),
      host: config.HOST,
      port: config.EMBED_DEMO_PORT,
    }).catch((error: unknown) => {
      process.stderr.write(
        `embed demo not started: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    });
    if (demo) process.stdout.write(`Widgets embedded on another origin: ${demo.url}/  (docs/embedding.md)\n`);
  }
}

/** The newest article's id, for the demo page's related block. */
async function newestArticle(nodes: string[], config: ServerConfig): Promise<string | undefined> {
  const client = createEsClient({ nodes, config });
  try {
    const service = new SearchService(client, config.ES_INDEX_ALIAS);
    return (await service.search(SearchParams.parse({ size: "1", highlight: "false" }))).hits[0]?.id;
  } finally {
    await client.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
