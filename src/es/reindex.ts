/**
 * @module es/reindex
 * Copies every document of one index into another through a point in time and `_bulk`, so a new
 * mapping can be applied without the `reindex` module (absent from some distributions) and with
 * the importer's retry and reporting behaviour.
 */
import type { estypes } from "@elastic/elasticsearch";
import { BulkBody, type BulkWriter } from "./bulk-writer.js";
import type { EsClient } from "./client.js";

export interface CopyResult {
  copied: number;
  failed: number;
}

export interface CopyOptions {
  pageSize?: number;
  /** Copy only these fields of each document (all when absent). */
  fields?: string[];
  /**
   * Rewrites each page of documents on its way, in order (e.g. fields today's mapping derives, and
   * groups, which depend on the documents before).
   */
  transformPage?: (sources: Record<string, unknown>[]) => Promise<Record<string, unknown>[]>;
}

export async function copyDocuments(
  client: EsClient,
  from: string,
  writer: BulkWriter,
  { pageSize = 1_000, fields, transformPage }: CopyOptions = {},
): Promise<CopyResult> {
  // A point in time sees what the last refresh made visible: refresh first, so a document written
  // a moment before the copy starts is copied too.
  await client.indices.refresh({ index: from });
  const pit = await client.openPointInTime({ index: from, keep_alive: "2m" });
  let pitId = pit.id;
  let searchAfter: estypes.SortResults | undefined;
  const result: CopyResult = { copied: 0, failed: 0 };
  try {
    for (;;) {
      const page = await client.search<Record<string, unknown>>({
        size: pageSize,
        pit: { id: pitId, keep_alive: "2m" },
        sort: ["_shard_doc"],
        ...(fields ? { _source: fields } : {}),
        ...(searchAfter ? { search_after: searchAfter } : {}),
      });
      pitId = page.pit_id ?? pitId;
      const hits = page.hits.hits;
      if (!hits.length) break;
      const raw = hits.map((hit) => hit._source ?? {});
      const sources = transformPage ? await transformPage(raw) : raw;
      const outcomes = await writer.write(
        BulkBody.of(
          hits.map((hit, i) => ({
            id: hit._id ?? "",
            origin: { source: from, entry: hit._id ?? "" },
            json: JSON.stringify(sources[i]),
          })),
        ),
      );
      for (const outcome of outcomes) outcome.outcome === "failed" ? result.failed++ : result.copied++;
      searchAfter = hits.at(-1)?.sort;
    }
  } finally {
    await client.closePointInTime({ id: pitId }).catch(() => undefined);
  }
  await client.indices.refresh({ index: writer.index });
  return result;
}
