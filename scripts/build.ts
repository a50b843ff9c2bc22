/**
 * npm run build — the server, the importer and the terminal command as plain JavaScript in dist/:
 * `node dist/serve.js`, `node dist/index-command.js`, `node dist/search-command.js`.
 * Our code is bundled, packages stay imports resolved from node_modules at run time, so a
 * production install (`npm ci --omit=dev`) must hold every one: the build fails when a bundle
 * imports a package that is not among package.json's dependencies. Files read at run time
 * (public/, mappings/) are found from the nearest package.json, as from src/.
 * Source maps sit beside each bundle; `node --enable-source-maps` points stack traces at src/.
 */
import { readFileSync, rmSync, statSync } from "node:fs";
import { isBuiltin } from "node:module";
import { join } from "node:path";
import { build } from "esbuild";
import { projectRoot } from "../src/project-root.js";

const ENTRIES = {
  serve: "src/server/serve.ts",
  "index-command": "src/cli/index-command.ts",
  "search-command": "src/cli/search-command.ts",
};

const outdir = join(projectRoot, "dist");
const { dependencies = {} } = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as {
  dependencies?: Record<string, string>;
};

/** "@scope/name/sub/path" → "@scope/name", "name/sub" → "name". */
const packageOf = (specifier: string) =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");

// A clean folder: a bundle that is no longer built must not linger and be shipped.
rmSync(outdir, { recursive: true, force: true });
const { metafile } = await build({
  absWorkingDir: projectRoot,
  entryPoints: ENTRIES,
  outdir,
  bundle: true,
  packages: "external",
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  sourcesContent: false,
  metafile: true,
  logLevel: "warning",
}).catch(() => process.exit(1)); // esbuild has printed the errors

const problems: string[] = [];
for (const [file, output] of Object.entries(metafile.outputs)) {
  if (!file.endsWith(".js")) continue;
  const missing = new Set(
    output.imports
      .filter((item) => item.external && !isBuiltin(item.path))
      .map((item) => packageOf(item.path))
      .filter((name) => !(name in dependencies)),
  );
  if (missing.size) problems.push(`${file} imports ${[...missing].join(", ")}, not in dependencies`);
  process.stdout.write(`${file}  ${Math.round(statSync(join(projectRoot, file)).size / 1024)} kB\n`);
}
if (problems.length) {
  process.stderr.write(
    `build: a production install would lack what these need:\n  ${problems.join("\n  ")}\n`,
  );
  process.exit(1);
}
