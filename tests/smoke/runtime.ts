/**
 * The built commands as the Docker image runs them: dist/ and what it reads at run time copied into
 * a folder of their own, beside node_modules, and started with node. A bundle reaching for a file
 * the image does not hold fails here, not in production.
 */
import { execFile, spawn } from "node:child_process";
import { cp, mkdtemp, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { projectRoot } from "../../src/project-root.js";

/** What the Dockerfile's runtime stage holds besides node_modules. */
const RUNTIME_FILES = ["package.json", "dist", "public", "mappings"];

/** A folder laid out like the image's /app; fails when there is no build. */
export async function stageRuntime(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "built-"));
  for (const name of RUNTIME_FILES)
    await cp(join(projectRoot, name), join(dir, name), { recursive: true }).catch(() => {
      throw new Error(`${name} is missing: run npm run build first (npm run test:smoke does)`);
    });
  await symlink(join(projectRoot, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a built command to its end, with only `env` for configuration (not the test's own). */
export function runBuilt(
  dir: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(dir, "dist", command), ...args],
      { cwd: dir, env: { PATH: process.env.PATH, ...env }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

export interface BuiltServer {
  url: string;
  /** Every line the server logged, parsed. */
  logs: Array<Record<string, unknown>>;
  /** SIGTERM, then the exit code once it has drained. */
  stop: () => Promise<number | null>;
}

/** Starts `node dist/serve.js` and resolves once it logs where it listens. */
export function startBuiltServer(dir: string, env: NodeJS.ProcessEnv): Promise<BuiltServer> {
  const child = spawn(process.execPath, [join(dir, "dist/serve.js")], {
    cwd: dir,
    env: { PATH: process.env.PATH, ...env, HOST: "127.0.0.1", PORT: "0", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: Array<Record<string, unknown>> = [];
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    return exited;
  };
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on("line", (line) => {
      const entry = JSON.parse(line) as Record<string, unknown>;
      logs.push(entry);
      if (entry.msg === "listening") resolve({ url: String(entry.url), logs, stop });
    });
    exited.then((code) => reject(new Error(`node dist/serve.js exited with ${code}:\n${stderr}`)));
  });
}
