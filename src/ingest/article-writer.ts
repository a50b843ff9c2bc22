/**
 * @module ingest/article-writer
 * The write API's path into the index: the importer's own stages (validate, prepare, group
 * copies, bulk) for a handful of records, with a result per record.
 */
import { prepareArticle } from "../articles/document.js";
import { BulkBody, BulkWriter } from "../es/bulk-writer.js";
import type { EsClient } from "../es/client.js";
import { isRefusedRequest, NoWriteIndexError } from "../es/errors.js";
import { aliasTargets, aliasWriteIndex, indicesHolding } from "../es/indices.js";
import { DuplicateGrouper, fingerprintOf } from "./duplicates/grouper.js";
import type { RawRecord } from "./types.js";
import { validateRecord } from "./validate.js";

/** What became of one record: indexed, rejected (naming the field) or failed in Elasticsearch. */
export interface RecordResult {
  id?: string;
  /** The record's line, for a bulk load. */
  line?: number;
  status: "created" | "updated" | "rejected" | "failed";
  field?: string;
  reason?: string;
}

export class ArticleWriter {
  readonly #grouper: DuplicateGrouper;
  readonly #bulk: BulkWriter;

  constructor(
    private readonly client: EsClient,
    private readonly alias: string,
  ) {
    this.#grouper = new DuplicateGrouper(client, alias);
    // Short: a CMS call should fail fast rather than hang while the cluster is away.
    this.#bulk = new BulkWriter({ client, index: alias, retryForMs: 5_000 });
  }

  async write(records: RawRecord[], refresh = false): Promise<RecordResult[]> {
    const results: RecordResult[] = new Array(records.length);
    const prepared = [];
    for (const [i, record] of records.entries()) {
      const checked = validateRecord(record);
      if (checked.kind === "rejection")
        results[i] = {
          line: record.origin.line,
          status: "rejected",
          field: checked.field,
          reason: checked.reason,
        };
      else prepared.push({ i, ...prepareArticle(checked.article) });
    }
    if (prepared.length) {
      const groups = await this.#grouper.assign(prepared.map(fingerprintOf));
      const homes = await this.#homes(prepared.map(({ document }) => document.id));
      const outcomes = await this.#bulk.write(
        BulkBody.of(
          prepared.map(({ i, document }, position) => ({
            id: document.id,
            origin: { source: "api", line: i + 1 },
            json: JSON.stringify({ ...document, dup_group: groups[position] ?? document.id }),
            index: homes.get(document.id),
          })),
        ),
      );
      if (outcomes.some((outcome) => outcome.outcome === "failed")) await this.#writable();
      for (const outcome of outcomes) {
        const i = (outcome.origin.line ?? 1) - 1;
        results[i] =
          outcome.outcome === "failed"
            ? { id: outcome.id, status: "failed", reason: outcome.reason }
            : { id: outcome.id, status: outcome.outcome };
      }
      if (refresh) await this.client.indices.refresh({ index: this.alias });
    }
    return results;
  }

  /** True when the article existed. */
  async delete(id: string): Promise<boolean> {
    const index = (await this.#homes([id])).get(id) ?? this.alias;
    try {
      // From the index holding it; _delete_by_query lives in a module some clusters lack.
      const response = await this.client.delete({ index, id, refresh: true }, { ignore: [404] });
      return response.result === "deleted";
    } catch (error) {
      if (isRefusedRequest(error)) await this.#writable();
      throw error;
    }
  }

  /**
   * Where articles among `ids` already live, when the alias spans several indices (an archive split
   * by year): a new version replaces one there, and a delete removes it there, where through the
   * alias both would reach only its write index. Nothing to ask of an alias over one index.
   */
  async #homes(ids: readonly string[]): Promise<Map<string, string>> {
    const indices = await aliasTargets(this.client, this.alias);
    return indices.length < 2 ? new Map() : indicesHolding(this.client, indices, ids);
  }

  /**
   * Asked when Elasticsearch refused a write: whether the alias has an index to take it. An alias
   * an operator points at several indices (an archive split by year) needs one marked for writes;
   * without it every write fails the same way, which is no fault of the article.
   */
  async #writable(): Promise<void> {
    if ((await aliasWriteIndex(this.client, this.alias)) === undefined)
      throw new NoWriteIndexError(this.alias);
  }
}
