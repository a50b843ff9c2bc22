/**
 * Where the local Elasticsearch lives: everything under one ignored folder (`.es/` in the repo,
 * or ES_LOCAL_DIR, chosen in src/es/local-cluster.ts), so a checkout can be cleaned by deleting it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { basePort, localDir, portSuffix } from "../../src/es/local-cluster.js";
import { projectRoot } from "../../src/project-root.js";

export { localDir };

/** The Elasticsearch version lives in the pom that fetches it; docker-compose.yml names the same one. */
export const esVersion: string = (() => {
  const pom = readFileSync(join(projectRoot, "scripts/es/pom.xml"), "utf8");
  const match = /<es\.version>([^<]+)<\/es\.version>/.exec(pom);
  if (!match?.[1]) throw new Error("scripts/es/pom.xml has no <es.version>");
  return match[1];
})();

export const distDir = join(localDir, "dist");
export const esHome = join(distDir, `elasticsearch-${esVersion}`);
/** Node n's transport listens on transportBasePort + n - 1 (its HTTP port: basePort + n - 1). */
export const transportBasePort = Number(process.env.ES_LOCAL_TRANSPORT_PORT ?? basePort + 100);
export const nodeUrl = (n: number) => `http://127.0.0.1:${basePort + n - 1}`;

/** A cluster of N nodes keeps its own folder, so switching between 1 and 3 nodes loses no data. */
export const clusterDir = (nodes: number) => join(localDir, `cluster-${nodes}${portSuffix}`);
export const nodeDir = (nodes: number, n: number) => join(clusterDir(nodes), `node-${n}`);
export const nodePidFile = (nodes: number, n: number) => join(nodeDir(nodes, n), "pid");
export const nodeLogFile = (nodes: number, n: number) =>
  join(nodeDir(nodes, n), "logs", `${clusterName(nodes)}.log`);
export const clusterName = (nodes: number) => `arabic-news-search-${nodes}${portSuffix}`;
