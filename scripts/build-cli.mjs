/**
 * node scripts/build-cli.mjs <entry.ts> — bundles a command and its dependencies into
 * .build/<name>.mjs with esbuild, so it runs as plain JavaScript: no TypeScript loader thread
 * (about 30 MB of RSS and half a CPU-second a run), and one file to load instead of the hundreds
 * behind @elastic/elasticsearch and zod (0.19 s to start instead of 0.31 s).
 * Nothing is rebuilt while the bundle is newer than every file under src/, the lockfile and this
 * script; esbuild is loaded only to build. Plain JavaScript itself, so it needs no loader either.
 * The bundle is written under a temporary name and renamed: commands started at the same moment
 * never load a half-written file.
 */
import { readdirSync, renameSync, statSync } from "node:fs";
import { basename, join } from "node:path";

const entry = process.argv[2];
if (!entry) {
  console.error("usage: node scripts/build-cli.mjs <entry.ts>");
  process.exit(2);
}
const outfile = join(".build", `${basename(entry, ".ts")}.mjs`);

/** A missing file counts as never modified: a missing bundle is older than any source. */
const modifiedMs = (path) => statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0;

const inputs = [
  "package-lock.json",
  "scripts/build-cli.mjs",
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
