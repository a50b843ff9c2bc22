/**
 * A real Elasticsearch in a JVM from Maven Central artifacts, for machines without Docker:
 * Elastic's own distribution (the integ-test-zip) fetched by scripts/es/pom.xml, plus this
 * project's es-plugin/ which supplies the analysis filters that zip leaves out (see its README).
 * Nodes bind to 127.0.0.1 only; data, logs and pid files stay under .es/.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { projectRoot } from "../../src/project-root.js";
import {
  clusterDir,
  clusterName,
  distDir,
  esHome,
  esVersion,
  localDir,
  nodeDir,
  nodePidFile,
  nodeUrl,
  transportBasePort,
} from "./paths.js";

const PLUGIN_NAME = "arabic-news-dev-analysis";
const RUN_AS_USER = "esnode";
const log = (message: string) => process.stderr.write(`[es] ${message}\n`);
/** Where `fs` snapshot repositories may live: one folder per cluster, shared by its nodes (all on this machine). */
const snapshotDir = (nodes: number) => join(clusterDir(nodes), "snapshots");

export function hasJavaAndMaven(): boolean {
  const ok = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: "ignore" }).status === 0;
  return ok("java", ["-version"]) && ok("mvn", ["-v"]);
}

/** JAVA_HOME for the node: ES_JAVA_HOME, JAVA_HOME, or the `java` on PATH; must be 17 or newer. */
export function javaHome(): string {
  const fromPath = () => dirname(dirname(realpathSync(execFileSync("which", ["java"]).toString().trim())));
  const home = process.env.ES_JAVA_HOME ?? process.env.JAVA_HOME ?? fromPath();
  const version = spawnSync(join(home, "bin/java"), ["-version"], { encoding: "utf8" }).stderr ?? "";
  const major = Number(/version "(\d+)/.exec(version)?.[1] ?? 0);
  if (major < 17)
    throw new Error(`Elasticsearch ${esVersion} needs Java 17 or newer; ${home} has ${major || "none"}`);
  return home;
}

/** Fetch and unpack the distribution once; Maven caches the download in ~/.m2. */
export function ensureDistribution(): void {
  if (existsSync(join(esHome, "bin/elasticsearch"))) return;
  log(`fetching Elasticsearch ${esVersion} from Maven Central (cached in ~/.m2)…`);
  mkdirSync(distDir, { recursive: true });
  execFileSync(
    "mvn",
    [
      "-q",
      "-B",
      "-f",
      join(projectRoot, "scripts/es/pom.xml"),
      "dependency:unpack-dependencies",
      `-DoutputDirectory=${distDir}`,
      // Markers live beside the unpacked files, so deleting .es/ makes the next start unpack again.
      `-DmarkersDirectory=${join(localDir, "maven-markers")}`,
    ],
    { stdio: ["ignore", "inherit", "inherit"] },
  );
  execFileSync("chmod", ["-R", "a+rX", localDir]);
  execFileSync("chmod", ["-R", "a+x", join(esHome, "bin")]);
}

function pluginSourceHash(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(path).update(readFileSync(path));
    }
  };
  walk(join(projectRoot, "es-plugin/src"));
  hash.update(readFileSync(join(projectRoot, "es-plugin/build.sh")));
  return hash.digest("hex");
}

const pluginStamp = join(esHome, "plugins", PLUGIN_NAME, ".source-hash");
/** The plugin build node n started with: a running JVM keeps the classes it loaded. */
const nodePluginStamp = (nodes: number, n: number) => join(nodeDir(nodes, n), "plugin-source-hash");
const readStamp = (file: string) => (existsSync(file) ? readFileSync(file, "utf8") : undefined);

/** Build and install es-plugin/ into the distribution when its sources changed. */
export function ensurePlugin(): void {
  const installed = join(esHome, "plugins", PLUGIN_NAME);
  const want = pluginSourceHash();
  if (readStamp(pluginStamp) === want) return;
  log("building the analysis plugin for the embedded node…");
  rmSync(installed, { recursive: true, force: true });
  execFileSync("bash", [join(projectRoot, "es-plugin/build.sh"), esHome, join(esHome, "plugins")], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, JAVA_HOME: javaHome() },
  });
  writeFileSync(pluginStamp, want);
  execFileSync("chmod", ["-R", "a+rX", join(esHome, "plugins")]);
}

/** Stops node n when it runs an older build of the plugin than the installed one, so `start` restarts it. */
export async function stopIfPluginChanged(nodes: number, n: number): Promise<void> {
  if (!readPid(nodes, n) || readStamp(nodePluginStamp(nodes, n)) === readStamp(pluginStamp)) return;
  log(`restarting node-${n}: it runs an older build of the analysis plugin`);
  await stopNode(nodes, n);
}

/** Elasticsearch refuses to run as root: as root, run the node as an unprivileged system user. */
function runAsPrefix(): string[] {
  if (process.getuid?.() !== 0) return [];
  if (spawnSync("id", [RUN_AS_USER], { stdio: "ignore" }).status !== 0) {
    execFileSync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", RUN_AS_USER]);
  }
  const readable = spawnSync("runuser", [
    "-u",
    RUN_AS_USER,
    "--",
    "test",
    "-x",
    join(esHome, "bin/elasticsearch"),
  ]);
  if (readable.status !== 0) {
    throw new Error(
      `user ${RUN_AS_USER} cannot reach ${esHome}; set ES_LOCAL_DIR to a folder every user can read (e.g. /var/tmp/es)`,
    );
  }
  return ["runuser", "-u", RUN_AS_USER, "--"];
}

function nodeSettings(nodes: number, n: number): string {
  const masters = Array.from({ length: nodes }, (_, i) => `node-${i + 1}`);
  const seeds = Array.from({ length: nodes }, (_, i) => `127.0.0.1:${transportBasePort + i}`);
  const port = new URL(nodeUrl(n)).port;
  const lines = [
    `cluster.name: ${clusterName(nodes)}`,
    `node.name: node-${n}`,
    "network.host: 127.0.0.1",
    `http.port: ${port}`,
    `transport.port: ${transportBasePort + n - 1}`,
    `path.data: ${join(nodeDir(nodes, n), "data")}`,
    `path.logs: ${join(nodeDir(nodes, n), "logs")}`,
    `path.repo: ${snapshotDir(nodes)}`,
    // Local development only: no TLS or authentication on a loopback-bound node.
    "xpack.security.enabled: false",
    // A nearly full developer disk should not silently stop shard allocation.
    "cluster.routing.allocation.disk.threshold_enabled: false",
    "action.auto_create_index: false",
  ];
  if (nodes === 1) lines.push("discovery.type: single-node");
  else
    lines.push(
      `discovery.seed_hosts: [${seeds.join(", ")}]`,
      `cluster.initial_master_nodes: [${masters.join(", ")}]`,
    );
  return `${lines.join("\n")}\n`;
}

/** Lay out node n's config folder: the distribution's defaults, our settings, the analysis files. */
function prepareNode(nodes: number, n: number): string {
  const config = join(nodeDir(nodes, n), "config");
  if (!existsSync(join(config, "jvm.options"))) cpSync(join(esHome, "config"), config, { recursive: true });
  mkdirSync(join(nodeDir(nodes, n), "data"), { recursive: true });
  mkdirSync(join(nodeDir(nodes, n), "logs"), { recursive: true });
  mkdirSync(snapshotDir(nodes), { recursive: true });
  writeFileSync(join(config, "elasticsearch.yml"), nodeSettings(nodes, n));
  syncAnalysisFiles(config);
  return config;
}

/** Files the analyzers read (synonyms) go into each node's config/analysis/. */
export function syncAnalysisFiles(configDir: string): void {
  const target = join(configDir, "analysis");
  mkdirSync(target, { recursive: true });
  for (const file of readdirSync(join(projectRoot, "mappings")).filter((name) => name.endsWith(".txt"))) {
    cpSync(join(projectRoot, "mappings", file), join(target, file));
  }
}

export function readPid(nodes: number, n: number): number | undefined {
  try {
    const pid = Number(readFileSync(nodePidFile(nodes, n), "utf8").trim());
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

/** Start node n as a daemon (`-d -p pidfile`), returning when its process is up. */
export async function startNode(nodes: number, n: number): Promise<void> {
  if (readPid(nodes, n)) return;
  const config = prepareNode(nodes, n);
  const prefix = runAsPrefix();
  if (prefix.length) execFileSync("chown", ["-R", `${RUN_AS_USER}:`, nodeDir(nodes, n), snapshotDir(nodes)]);
  rmSync(nodePidFile(nodes, n), { force: true });
  writeFileSync(nodePluginStamp(nodes, n), readStamp(pluginStamp) ?? "");
  const heap = process.env.ES_HEAP ?? "1g";
  const env = [
    `ES_JAVA_HOME=${javaHome()}`,
    `ES_PATH_CONF=${config}`,
    `ES_JAVA_OPTS=-Xms${heap} -Xmx${heap}`,
    `PATH=${process.env.PATH}`,
  ];
  const command = [
    ...prefix,
    "env",
    "-i",
    ...env,
    join(esHome, "bin/elasticsearch"),
    "-d",
    "-p",
    nodePidFile(nodes, n),
  ];
  const [cmd, ...args] = command as [string, ...string[]];
  const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr.on("data", (chunk) => {
    output += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (code !== 0) throw new Error(`node-${n} failed to start (exit ${code}):\n${output.slice(-4000)}`);
}

/** SIGTERM (or SIGKILL) only the processes whose pid files we wrote; wait for them to go. */
export async function stopNode(
  nodes: number,
  n: number,
  signal: NodeJS.Signals = "SIGTERM",
): Promise<boolean> {
  const pid = readPid(nodes, n);
  if (!pid) return false;
  process.kill(pid, signal);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
      await new Promise((resolve) => setTimeout(resolve, 250));
    } catch {
      rmSync(nodePidFile(nodes, n), { force: true });
      return true;
    }
  }
  process.kill(pid, "SIGKILL");
  rmSync(nodePidFile(nodes, n), { force: true });
  return true;
}
