/**
 * node [flags] scripts/run-cli.mjs <entry.ts> [args…] — runs a command as plain JavaScript: bundled
 * with its dependencies into .build/<name>.mjs by esbuild, then imported in this same process, so
 * the flags given to node are the command's. No TypeScript loader thread, and one file to load
 * instead of the hundreds behind @elastic/elasticsearch and zod; building and running in one
 * process saves starting a second node (docs/performance.md, Importer, has what each saves).
 * Nothing is rebuilt while the bundle is newer than every file under src/, the lockfile and this
 * script; esbuild is loaded only to build. Plain JavaScript itself, so it needs no loader either.
 * The bundle is written under a temporary name and renamed: commands started at the same moment
 * never load a half-written file.
 */
import { readdirSync, renameSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const entry = process.argv[2];
if (!entry) {
  console.error("usage: node scripts/run-cli.mjs <entry.ts> [args…]");
  process.exit(2);
}
const outfile = join(".build", `${basename(entry, ".ts")}.mjs`);

/** A missing file counts as never modified: a missing bundle is older than any source. */
const modifiedMs = (path) => statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0;

const inputs = [
  "package-lock.json",
  "scripts/run-cli.mjs",
  ...readdirSync("src", { recursive: true }).map((file) => join("src", String(file))),
];
if (modifiedMs(outfile) < Math.max(...inputs.map(modifiedMs))) {
  const { buildSync } = await import("esbuild");
  const partial = `${outfile}.${process.pid}.partial`;
  buildSync({
    entryPoints: [entry],
    outfile: partial,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // CommonJS dependencies inside an ES module bundle still call require() for Node's built-ins.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    logLevel: "warning",
  });
  renameSync(partial, outfile);
}
// The command reads its own arguments from process.argv, as if it had been started directly.
process.argv.splice(2, 1);
await import(pathToFileURL(resolve(outfile)).href);
