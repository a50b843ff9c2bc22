/** Elasticsearch in a testcontainers container, for machines with a Docker engine. */
import { join } from "node:path";
import { ElasticsearchContainer } from "@testcontainers/elasticsearch";
import { esVersion } from "../../scripts/es/paths.js";
import { projectRoot } from "../../src/project-root.js";

export async function startContainer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const container = await new ElasticsearchContainer(
    `docker.elastic.co/elasticsearch/elasticsearch:${esVersion}`,
  )
    .withEnvironment({ "xpack.security.enabled": "false", "action.auto_create_index": "false" })
    .withCopyFilesToContainer([
      {
        source: join(projectRoot, "mappings/synonyms_ar.txt"),
        target: "/usr/share/elasticsearch/config/analysis/synonyms_ar.txt",
      },
    ])
    .start();
  return {
    url: container.getHttpUrl(),
    stop: async () => {
      await container.stop();
    },
  };
}
