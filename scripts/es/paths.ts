/**
 * Where the local Elasticsearch lives: everything under one ignored folder (`.es/` in the repo,
 * or ES_LOCAL_DIR), so a checkout can be cleaned by deleting it.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { projectRoot } from "../../src/project-root.js";

/** The Elasticsearch version lives in the pom that fetches it; docker-compose.yml names the same one. */
export const esVersion: string = (() => {
  const pom = readFileSync(join(projectRoot, "scripts/es/pom.xml"), "utf8");
  const match = /<es\.version>([^<]+)<\/es\.version>/.exec(pom);
  if (!match?.[1]) throw new Error("scripts/es/pom.xml has no <es.version>");
  return match[1];
})();

/** True when every folder above `path` lets other users through (the node runs as another user under root). */
function traversableByOthers(path: string): boolean {
  for (let dir = path; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) return false;
  }
  return true;
}

const defaultLocalDir =
  process.getuid?.() === 0 && !traversableByOthers(projectRoot)
    ? join(
        "/var/tmp/arabic-news-search",
        createHash("sha256").update(projectRoot).digest("hex").slice(0, 12),
        ".es",
      )
    : join(projectRoot, ".es");

export const localDir = process.env.ES_LOCAL_DIR ?? defaultLocalDir;
export const distDir = join(localDir, "dist");
export const esHome = join(distDir, `elasticsearch-${esVersion}`);
/** First HTTP port; node n listens on basePort + n - 1 and transport on 9300 + n - 1. */
export const basePort = Number(process.env.ES_LOCAL_PORT ?? 9200);
export const transportBasePort = Number(process.env.ES_LOCAL_TRANSPORT_PORT ?? basePort + 100);
export const nodeUrl = (n: number) => `http://127.0.0.1:${basePort + n - 1}`;

/** Clusters on other ports (the reliability suite's) keep their own state and folders. */
const portSuffix = basePort === 9200 ? "" : `-${basePort}`;
export const stateFile = join(localDir, `state${portSuffix}.json`);

/** A cluster of N nodes keeps its own folder, so switching between 1 and 3 nodes loses no data. */
export const clusterDir = (nodes: number) => join(localDir, `cluster-${nodes}${portSuffix}`);
export const nodeDir = (nodes: number, n: number) => join(clusterDir(nodes), `node-${n}`);
export const nodePidFile = (nodes: number, n: number) => join(nodeDir(nodes, n), "pid");
export const nodeLogFile = (nodes: number, n: number) =>
  join(nodeDir(nodes, n), "logs", `${clusterName(nodes)}.log`);
export const clusterName = (nodes: number) => `arabic-news-search-${nodes}${portSuffix}`;
