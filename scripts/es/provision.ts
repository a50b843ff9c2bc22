/**
 * Makes an Elasticsearch 8.x reachable, three ways, in this order:
 *   1. ES_URL is set: use that cluster, check it answers, never start anything;
 *   2. a Docker engine answers: `docker compose up -d elasticsearch`;
 *   3. java 17+ and mvn exist: the embedded node(s) from Maven Central (embedded.ts).
 * Used by `npm run es`, the main command and the test setup alike.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { ElasticsearchConfigSchema, parseEnv } from "../../src/config.js";
import { type EsTarget, readState, stateFile } from "../../src/es/local-cluster.js";
import { projectRoot } from "../../src/project-root.js";
import {
  ensureDistribution,
  ensurePlugin,
  hasJavaAndMaven,
  readPid,
  startNode,
  stopIfPluginChanged,
  stopNode,
} from "./embedded.js";
import { type ClusterHealth, fetchHealth, waitForHealth } from "./health.js";
import { esVersion, nodeUrl } from "./paths.js";

const log = (message: string) => process.stderr.write(`[es] ${message}\n`);

function writeState(target: EsTarget): void {
  mkdirSync(dirname(stateFile), { recursive: true });
  writeFileSync(stateFile, `${JSON.stringify(target, null, 2)}\n`);
}

function externalTarget(): EsTarget | undefined {
  const config = parseEnv(ElasticsearchConfigSchema);
  if (!config.ES_URL) return undefined;
  const headers: Record<string, string> = {};
  if (config.ES_API_KEY) headers.authorization = `ApiKey ${config.ES_API_KEY}`;
  else if (config.ES_USERNAME)
    headers.authorization = `Basic ${Buffer.from(`${config.ES_USERNAME}:${config.ES_PASSWORD}`).toString("base64")}`;
  return { mode: "external", urls: config.ES_URL, nodes: config.ES_URL.length, headers };
}

export function dockerAnswers(): boolean {
  return spawnSync("docker", ["info"], { stdio: "ignore", timeout: 10_000 }).status === 0;
}

function chooseRunner(): "docker" | "embedded" | undefined {
  const forced = process.env.ES_LOCAL_RUNNER;
  if (forced === "docker" || forced === "embedded") return forced;
  if (dockerAnswers()) return "docker";
  if (hasJavaAndMaven()) return "embedded";
  return undefined;
}

const NO_WAY = `No Elasticsearch could be reached or started. Any one of these works:
  1. set ES_URL to a running Elasticsearch 8.x cluster (with ES_API_KEY or ES_USERNAME/ES_PASSWORD, ES_CA_CERT if needed);
  2. run a Docker engine, so that \`docker compose up -d elasticsearch\` can start one;
  3. install Java 17+ and Maven, so that Elasticsearch ${esVersion} can run from Maven Central artifacts.`;

export interface StartOptions {
  nodes?: number;
}

export async function startElasticsearch({ nodes = 1 }: StartOptions = {}): Promise<EsTarget> {
  const external = externalTarget();
  if (external) {
    const health = await waitForHealth({ urls: external.urls, headers: external.headers, timeoutMs: 30_000 });
    log(`using ES_URL (${health.cluster_name}, ${health.status})`);
    return external;
  }

  const running = readState();
  if (running && running.mode !== "external" && running.nodes !== nodes && (await anyAnswers(running))) {
    throw new Error(
      `a ${running.nodes}-node local cluster is running; stop it first (npm run es -- stop) to start ${nodes}`,
    );
  }

  const runner = chooseRunner();
  if (!runner) throw new Error(NO_WAY);

  let target: EsTarget;
  if (runner === "docker") {
    if (nodes !== 1)
      throw new Error("docker-compose runs one node; use ES_LOCAL_RUNNER=embedded for --nodes > 1");
    const up = spawnSync("docker", ["compose", "up", "-d", "elasticsearch"], {
      cwd: projectRoot,
      stdio: "inherit",
    });
    if (up.status !== 0) throw new Error("docker compose up -d elasticsearch failed");
    target = { mode: "docker", urls: ["http://127.0.0.1:9200"], nodes: 1 };
  } else {
    ensureDistribution();
    ensurePlugin();
    const numbers = Array.from({ length: nodes }, (_, i) => i + 1);
    await Promise.all(numbers.map((n) => stopIfPluginChanged(nodes, n)));
    await Promise.all(numbers.map((n) => startNode(nodes, n)));
    target = { mode: "embedded", urls: numbers.map(nodeUrl), nodes };
  }
  writeState(target);
  const health = await waitForHealth({ urls: target.urls, nodes, status: nodes > 1 ? "green" : "yellow" });
  log(`${target.mode} Elasticsearch ${esVersion}: ${health.status}, ${health.number_of_nodes} node(s)`);
  return target;
}

async function anyAnswers(target: EsTarget): Promise<boolean> {
  for (const url of target.urls) if (await fetchHealth(url, target.headers)) return true;
  return false;
}

/** Stops only what `start` started: the pids it recorded, or the compose service. */
export async function stopElasticsearch(): Promise<void> {
  const state = readState();
  if (!state) {
    log("nothing was started by this project");
    return;
  }
  if (state.mode === "docker") {
    spawnSync("docker", ["compose", "stop", "elasticsearch"], { cwd: projectRoot, stdio: "inherit" });
  } else if (state.mode === "embedded") {
    const numbers = Array.from({ length: state.nodes }, (_, i) => i + 1);
    await Promise.all(numbers.map((n) => stopNode(state.nodes, n)));
  }
  rmSync(stateFile, { force: true });
  log(`stopped ${state.mode} Elasticsearch`);
}

export interface NodeStatus {
  url: string;
  pid?: number;
  health?: ClusterHealth;
}

export async function elasticsearchStatus(): Promise<{ target?: EsTarget; nodes: NodeStatus[] }> {
  const target = externalTarget() ?? readState();
  if (!target) return { nodes: [] };
  const nodes = await Promise.all(
    target.urls.map(async (url, i) => ({
      url,
      pid: target.mode === "embedded" ? readPid(target.nodes, i + 1) : undefined,
      health: await fetchHealth(url, target.headers),
    })),
  );
  return { target, nodes };
}
