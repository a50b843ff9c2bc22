/**
 * @module es/local-cluster
 * Which nodes to talk to without starting anything: ES_URL when it is set, else the local cluster
 * that `npm run es -- start` recorded, else the default port. The record's place is decided here,
 * so the scripts that start clusters and the commands that only connect to one agree on it.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { ElasticsearchConfigSchema, parseEnv } from "../config.js";
import { projectRoot } from "../project-root.js";

export type EsMode = "external" | "docker" | "embedded";

/** A cluster made reachable, as `npm run es -- start` records it. */
export interface EsTarget {
  mode: EsMode;
  urls: string[];
  nodes: number;
  /** Headers for plain-fetch health checks against an external cluster. */
  headers?: Record<string, string>;
}

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

/** Everything local under one ignored folder (`.es/` in the repo, or ES_LOCAL_DIR). */
export const localDir = process.env.ES_LOCAL_DIR ?? defaultLocalDir;
/** First HTTP port; node n listens on basePort + n - 1. */
export const basePort = Number(process.env.ES_LOCAL_PORT ?? 9200);
/** Clusters on other ports (the reliability suite's) keep their own state and folders. */
export const portSuffix = basePort === 9200 ? "" : `-${basePort}`;
export const stateFile = join(localDir, `state${portSuffix}.json`);

/** The cluster `start` recorded, if any. */
export function readState(): EsTarget | undefined {
  if (!existsSync(stateFile)) return undefined;
  return JSON.parse(readFileSync(stateFile, "utf8")) as EsTarget;
}

/** Nodes to talk to without starting anything: ES_URL, else the local cluster `start` recorded. */
export function configuredOrLocalUrls(): string[] {
  return parseEnv(ElasticsearchConfigSchema).ES_URL ?? readState()?.urls ?? ["http://127.0.0.1:9200"];
}
