/**
 * @module project-root
 * The checkout's root folder (the nearest one above this module holding package.json), for files
 * read at run time: mappings/, public/, scripts/es/. Found by walking up rather than by a fixed
 * `../..`, so the paths hold both from src/ and from a bundle in .build/.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dir === dirname(dir)) throw new Error(`no package.json above ${from}`);
  }
}

export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)));
