/**
 * @module es/index-definition
 * Reads the index settings and mappings from mappings/ (JSON and word lists), the one place they
 * are defined, and fills in what is generated from the word lists.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { estypes } from "@elastic/elasticsearch";
import { projectRoot } from "../project-root.js";
import { protectedNameRules } from "../text/arabic.js";

const mappingsDir = join(projectRoot, "mappings/");

export interface IndexDefinition {
  /** Bumped when a change needs a reindex; part of each physical index name. */
  version: number;
  settings: estypes.IndicesIndexSettings;
  mappings: estypes.MappingTypeMapping;
}

/** Lines of a word list in mappings/, without comments and blanks. */
export function readWordList(file: string): string[] {
  return readFileSync(`${mappingsDir}${file}`, "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
}

export function loadIndexDefinition(): IndexDefinition {
  const raw = JSON.parse(readFileSync(`${mappingsDir}articles.json`, "utf8")) as IndexDefinition & {
    settings: { analysis: { filter: Record<string, { rules?: string[] }> } };
  };
  const protectedNames = raw.settings.analysis.filter.arabic_protected_names;
  if (!protectedNames) throw new Error("mappings/articles.json lacks the arabic_protected_names filter");
  protectedNames.rules = protectedNameRules(readWordList("protected_names_ar.txt"));
  return { version: raw.version, settings: raw.settings, mappings: raw.mappings };
}

/** The words the analysis leaves out as too common to search (the arabic_news_stop filter), normalised. */
export function stopWords(definition = loadIndexDefinition()): string[] {
  const filters = definition.settings.analysis?.filter as
    | Record<string, { stopwords?: string[] }>
    | undefined;
  const words = filters?.arabic_news_stop?.stopwords;
  if (!words) throw new Error("mappings/articles.json lacks the arabic_news_stop filter's stopwords");
  return words;
}
