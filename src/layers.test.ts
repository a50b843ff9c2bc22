/**
 * The layers of src/ and which way their imports may point: from the commands and the API down to
 * search, ingest, es and text, never back up, and never out to scripts/ or tests/. Every import of
 * every file under src/ is read (type-only and dynamic ones too) and checked against LAYERS.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { projectRoot } from "./project-root.js";

interface Layer {
  /** Layers this one may import, besides itself and the root modules. */
  imports: string[];
  why: string;
}

/** Keyed by folder of src/; "root" is the modules directly in src/ (config, project-root, error-message). */
const LAYERS: Record<string, Layer> = {
  root: { imports: [], why: "the environment, the checkout and thrown messages: every layer leans on them" },
  text: {
    imports: [],
    why: "pure functions of strings (Arabic rules, cleaning, fingerprints, HTML escaping)",
  },
  types: { imports: [], why: "declarations for untyped packages" },
  es: {
    imports: ["text"],
    why: "the cluster (client, retries, _bulk, index lifecycle): documents are JSON to it, not articles",
  },
  articles: { imports: ["text"], why: "what an article is, as input and as stored; no I/O" },
  http: {
    imports: [],
    why: "the request context the API's middleware fills and its handlers and pages read",
  },
  eval: { imports: ["text"], why: "the evaluation's pure parts (metrics, typos), driven by scripts/eval" },
  ingest: {
    imports: ["articles", "es", "text"],
    why: "inputs read into the index; knows nothing of queries",
  },
  search: { imports: ["articles", "es", "text"], why: "queries to requests to answers; writes nothing" },
  indexing: {
    imports: ["ingest", "articles", "es", "text"],
    why: "whole index builds (import, reindex, delete old) that a command or a service runs",
  },
  web: {
    imports: ["search", "articles", "es", "http", "text"],
    why: "the pages the API app registers: importing the app back would be a cycle",
  },
  server: {
    imports: ["web", "search", "ingest", "indexing", "articles", "es", "http", "text"],
    why: "the API app: the top, nothing imports it but the commands that start it",
  },
  cli: {
    imports: ["indexing", "ingest", "search", "web", "articles", "es", "text"],
    why: "terminal commands: parse arguments, print, set exit codes; the work is below",
  },
};

const srcDir = join(projectRoot, "src");

function layerOf(file: string): string {
  const [first, ...rest] = relative(srcDir, file).split(sep);
  return rest.length ? (first ?? "root") : "root";
}

/** Every import in src/ that leaves its file's layer, paths relative to the checkout. */
function crossings(): Array<{ file: string; from: string; target: string; to: string }> {
  const files = readdirSync(srcDir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts"))
    .map((name) => join(srcDir, name));
  return files.flatMap((file) =>
    ts
      .preProcessFile(readFileSync(file, "utf8"), true, true)
      .importedFiles.map((imported) => imported.fileName)
      .filter((specifier) => specifier.startsWith("."))
      .map((specifier) => {
        const target = resolve(dirname(file), specifier);
        const inside = !relative(srcDir, target).startsWith("..");
        return {
          file: relative(projectRoot, file),
          from: layerOf(file),
          target: relative(projectRoot, target),
          to: inside ? layerOf(target) : "outside src/",
        };
      })
      .filter(({ from, to }) => from !== to),
  );
}

describe("layers of src/", () => {
  const found = crossings();

  it("reads the imports (the check is not vacuous)", () => {
    expect(found.some(({ from, to }) => from === "server" && to === "search")).toBe(true);
  });

  it("has a row for every folder of src/", () => {
    const folders = readdirSync(srcDir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(folders.map((folder) => folder.name).filter((name) => !LAYERS[name])).toEqual([]);
  });

  it("imports only point down, and never out of src/", () => {
    const wrong = found
      .filter(({ from, to }) => to !== "root" && !LAYERS[from]?.imports.includes(to))
      .map(
        ({ file, from, target, to }) =>
          `${file} imports ${target}: ${from} may not import ${to} (${from}: ${LAYERS[from]?.why ?? "not in the table"})`,
      );
    expect(wrong).toEqual([]);
  });
});
