/**
 * node scripts/build-cli.mjs <entry.ts> — bundles a command into .build/<name>.mjs with esbuild
 * (~30 ms), so it runs as plain JavaScript: no TypeScript loader thread, which costs the importer
 * about 30 MB of RSS and half a CPU-second a run. Dependencies stay in node_modules.
 * Plain JavaScript itself, so it needs no loader either. The bundle is written under a temporary
 * name and renamed: commands started at the same moment never load a half-written file.
 */
import { renameSync } from "node:fs";
import { basename, join } from "node:path";
import { buildSync } from "esbuild";

const entry = process.argv[2];
if (!entry) {
  console.error("usage: node scripts/build-cli.mjs <entry.ts>");
  process.exit(2);
}
const outfile = join(".build", `${basename(entry, ".ts")}.mjs`);
const partial = `${outfile}.${process.pid}.partial`;
buildSync({
  entryPoints: [entry],
  outfile: partial,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
renameSync(partial, outfile);
