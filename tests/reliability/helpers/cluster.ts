/**
 * A separate Elasticsearch for fault tests, on ports 9400+ (so killing it never disturbs the
 * node the other tests use; RELIABILITY_FAULT_PORT moves it, so two runs on one machine do not
 * share it), driven through the same `npm run es` command a person would use.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { projectRoot } from "../../../src/project-root.js";

const run = promisify(execFile);
export const FAULT_PORT = Number(process.env.RELIABILITY_FAULT_PORT ?? 9400);
export const faultEnv = { ...process.env, ES_LOCAL_PORT: String(FAULT_PORT), ES_HEAP: "512m", ES_URL: "" };

async function es(...args: string[]): Promise<string> {
  const { stdout } = await run("npx", ["tsx", "scripts/es/cli.ts", ...args], {
    cwd: projectRoot,
    env: faultEnv,
    timeout: 300_000,
  });
  return stdout.trim();
}

export const faultUrls = (nodes: number) =>
  Array.from({ length: nodes }, (_, i) => `http://127.0.0.1:${FAULT_PORT + i}`);

export async function startFaultCluster(nodes: number): Promise<string[]> {
  await es("start", "--nodes", String(nodes));
  return faultUrls(nodes);
}
export const stopFaultCluster = () => es("stop");
export const killNode = (n: number) => es("kill", "--node", String(n));
/** A graceful stop (SIGTERM), as a rolling restart does. */
export const stopNode = (n: number) => es("stop-node", "--node", String(n));
export const restartNode = (n: number) => es("start-node", "--node", String(n));
