/**
 * The API in its own process (as in production), so a load generator measures the server and not
 * its own event loop. Used by the search benchmark and the reliability suite.
 */
import { spawn } from "node:child_process";
import { projectRoot } from "../../src/project-root.js";
import { rssOfLargest } from "./rss.js";

let nextPort = 3990;

export interface ApiProcess {
  url: string;
  rssMb: () => number;
  stop: () => Promise<void>;
  /** The end of what the server wrote (its log lines), for a test to show why a request failed. */
  logTail: () => string;
}

export async function startApiProcess(urls: string[], env: Record<string, string>): Promise<ApiProcess> {
  const port = nextPort++;
  // node itself, not an npx/tsx wrapper, so SIGTERM reaches the server's graceful shutdown.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--serve-only"], {
    cwd: projectRoot,
    env: { ...process.env, ES_URL: urls.join(","), PORT: String(port), LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: unknown) => {
    output = (output + String(chunk)).slice(-20_000);
  };
  child.stderr.on("data", keep);
  child.stdout.on("data", keep);
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk) => String(chunk).includes("Serving") && resolve());
    child.on("close", (code) => reject(new Error(`API exited ${code}: ${output.slice(-2000)}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    rssMb: () => rssOfLargest(child.pid ?? 0),
    logTail: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const closed = new Promise((resolve) => child.on("close", resolve));
      child.kill("SIGTERM");
      const forced = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await closed;
      clearTimeout(forced);
    },
  };
}
