/**
 * The importer as an operator runs it (`npm run index -- input … --rejects file`), in its own
 * process: the child (to sample or kill), its exit, and what it wrote to stderr.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { projectRoot } from "../../../src/project-root.js";

export interface ImporterRun {
  child: ChildProcess;
  exited: Promise<number | null>;
  /** The end of its stderr (progress lines, the summary, why it failed). */
  stderr: () => string;
}

/** Keeps the whole of a normal run's progress and summary, bounded for one that loops. */
const STDERR_KEPT = 200_000;

export function startImporter(args: string[], rejects: string, env: NodeJS.ProcessEnv): ImporterRun {
  const child = spawn("npm", ["run", "-s", "index", "--", ...args, "--rejects", rejects], {
    cwd: projectRoot,
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr = `${stderr}${chunk}`.slice(-STDERR_KEPT);
  });
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  return { child, exited, stderr: () => stderr };
}
