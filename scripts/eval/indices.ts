/**
 * @module eval/indices
 * The indices a corpus is loaded into: the project's own, filled by the real importer, and the
 * baselines, copied from it (so ids and duplicate groups are identical) with only title and body,
 * analysed by stock analyzers.
 */
import type { estypes } from "@elastic/elasticsearch";
import { BulkWriter } from "../../src/es/bulk-writer.js";
import type { EsClient } from "../../src/es/client.js";
import { createPhysicalIndex } from "../../src/es/indices.js";
import { copyDocuments } from "../../src/es/reindex.js";

/**
 * `arabic-and-standard` holds title and body under the stock `arabic` analyzer with a `std`
 * sub-field under `standard`, for the hand-tuned baseline.
 */
export const INDEX_KINDS = ["project", "standard", "arabic", "arabic-and-standard"] as const;
export type IndexKind = (typeof INDEX_KINDS)[number];
export type BaselineKind = Exclude<IndexKind, "project">;

/** The physical index of each kind for one corpus (only those a run needs exist). */
export type CorpusIndices = Record<IndexKind, string>;

/** Fields copied into baseline indices: text to search, and the labels judging reads back. */
const BASELINE_SOURCE = ["id", "title", "body", "dup_group", "category", "published_at"];

export async function createProjectIndex(client: EsClient, prefix: string): Promise<string> {
  return createPhysicalIndex(client, prefix);
}

function textField(kind: BaselineKind): estypes.MappingProperty {
  if (kind !== "arabic-and-standard") return { type: "text", analyzer: kind };
  return { type: "text", analyzer: "arabic", fields: { std: { type: "text", analyzer: "standard" } } };
}

/** A baseline index with the same documents as the project index, title and body only. */
export async function createBaselineIndex(
  client: EsClient,
  name: string,
  kind: BaselineKind,
  projectIndex: string,
): Promise<void> {
  await client.indices.create({
    index: name,
    settings: { number_of_shards: 1, number_of_replicas: 0, refresh_interval: "-1" },
    mappings: {
      dynamic: "strict",
      properties: {
        id: { type: "keyword" },
        title: textField(kind),
        body: textField(kind),
        dup_group: { type: "keyword" },
        category: { type: "keyword" },
        published_at: { type: "date" },
      },
    },
  });
  const writer = new BulkWriter({ client, index: name });
  const { failed } = await copyDocuments(client, projectIndex, writer, {
    pageSize: 2_000,
    fields: BASELINE_SOURCE,
  });
  if (failed) throw new Error(`copying into ${name}: ${failed} documents failed`);
  // copyDocuments refreshed the index once at the end; readers of the baseline get the usual 1 s.
  await client.indices.putSettings({ index: name, settings: { refresh_interval: "1s" } });
}
