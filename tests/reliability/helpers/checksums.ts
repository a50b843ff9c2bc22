/**
 * What an import should leave in the index, and what it did: every valid article of the input by
 * id with a checksum of its stored text, compared with the index's documents (lost, duplicated,
 * changed). The fault scenarios that import (a crash, a rolling restart, a restore) judge by it.
 */
import { createHash } from "node:crypto";
import { type ArticleDocument, prepareArticle } from "../../../src/articles/document.js";
import type { EsClient } from "../../../src/es/client.js";
import { readInput } from "../../../src/ingest/open-input.js";
import { validateRecord } from "../../../src/ingest/validate.js";

type StoredText = Pick<ArticleDocument, "title" | "lead" | "body" | "source" | "published_at">;
const storedTextFields = ["title", "lead", "body", "source", "published_at"];

/** sha256 of the text fields, joined by NUL: the same for the input and what the index returns. */
function checksum(article: StoredText): string {
  const hash = createHash("sha256").update(article.title);
  for (const part of [article.lead ?? "", article.body, article.source, article.published_at])
    hash.update("\u0000").update(part);
  return hash.digest("hex");
}

/** What the input should leave in the index: id → checksum (a repeated id: the last wins). */
export async function expectedDocuments(input: string): Promise<Map<string, string>> {
  const expected = new Map<string, string>();
  for await (const item of readInput(input, {})) {
    if (item.kind !== "record") continue;
    const checked = validateRecord(item);
    if (checked.kind !== "article") continue;
    const { document } = prepareArticle(checked.article);
    expected.set(document.id, checksum(document));
  }
  return expected;
}

/** The index's documents: id → checksum, and how many documents there were (copies of an id too). */
export interface IndexedDocuments {
  documents: Map<string, string>;
  total: number;
}

export async function indexedDocuments(client: EsClient, index: string): Promise<IndexedDocuments> {
  await client.indices.refresh({ index });
  const documents = new Map<string, string>();
  let total = 0;
  for await (const hit of client.helpers.scrollDocuments<StoredText & { id: string }>({
    index,
    size: 5_000,
    _source: ["id", ...storedTextFields],
  })) {
    total++;
    documents.set(hit.id, checksum(hit));
  }
  return { documents, total };
}

/** Expected against indexed: ids missing, ids not in the input, extra copies of an id, changed text. */
export function compareDocuments(
  expected: Map<string, string>,
  { documents, total }: IndexedDocuments,
): { lost: number; unexpected: number; duplicated: number; mismatched: number } {
  return {
    lost: [...expected.keys()].filter((id) => !documents.has(id)).length,
    unexpected: [...documents.keys()].filter((id) => !expected.has(id)).length,
    duplicated: total - documents.size,
    mismatched: [...expected].filter(([id, hash]) => documents.has(id) && documents.get(id) !== hash).length,
  };
}
