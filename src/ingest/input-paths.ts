/**
 * @module ingest/input-paths
 * What one path spec names: a file, every file under a folder, or every file a pattern matches
 * (`*` within a folder name, `**` across folders, `?` one character). Patterns are expanded here,
 * not by the shell, whose joined command line a corpus of thousands of files would overflow.
 */
import { readdir, stat } from "node:fs/promises";
import { join, sep } from "node:path";

const GLOB = /[*?]/;

/** One path to open as it is, or the files a folder or pattern names (`empty` says why none). */
export type PathSpec = { kind: "single"; path: string } | { kind: "files"; paths: string[]; empty: string };

/** Files under a folder, at any depth, in name order; hidden ones (".git", ".DS_Store") left out. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => !entry.name.startsWith("."))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await filesUnder(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

/** The pattern as a regular expression over whole paths. */
export function globPattern(pattern: string): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    if (char === "*" && pattern[i + 1] === "*") {
      const slash = pattern[i + 2] === "/";
      source += slash ? "(?:[^/]*/)*" : ".*";
      i += slash ? 2 : 1;
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else source += char.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

/** What `spec` names. Anything that is neither a folder nor a pattern is opened as a file. */
export async function resolvePath(spec: string): Promise<PathSpec> {
  const info = await stat(spec).catch(() => undefined);
  if (info?.isDirectory())
    return { kind: "files", paths: await filesUnder(spec), empty: `${spec} holds no files` };
  if (info || !GLOB.test(spec)) return { kind: "single", path: spec };
  const segments = spec.split(sep);
  const base =
    segments
      .slice(
        0,
        segments.findIndex((segment) => GLOB.test(segment)),
      )
      .join(sep) || ".";
  const pattern = globPattern(spec.startsWith(`.${sep}`) ? spec.slice(2) : spec);
  const files = (await stat(base).catch(() => undefined))?.isDirectory() ? await filesUnder(base) : [];
  return {
    kind: "files",
    paths: files.filter((path) => pattern.test(path)),
    empty: `no file matches ${spec}`,
  };
}

/** Bytes of every file the path specs name (URLs and what cannot be read count nothing). */
export async function plannedBytes(specs: readonly string[]): Promise<number> {
  let total = 0;
  for (const spec of specs) {
    if (/^https?:\/\//i.test(spec)) continue;
    const named = await resolvePath(spec);
    for (const path of named.kind === "single" ? [named.path] : named.paths)
      total += (await stat(path).catch(() => undefined))?.size ?? 0;
  }
  return total;
}
