/**
 * @module indexing/reindex-alias
 * Rebuilds the alias's index with today's mappings: every document copied into a new index, with
 * the fields today's mapping derives and its copies grouped again by today's copy detection, and
 * the alias moved to it only when none failed.
 */
import { reprepareStored } from "../articles/document.js";
import { BulkWriter } from "../es/bulk-writer.js";
import { aliasTargets } from "../es/indices.js";
import { copyDocuments } from "../es/reindex.js";
import { DuplicateGrouper, fingerprintOf } from "../ingest/duplicates/grouper.js";
import { type BuildOptions, NewIndex } from "./new-index.js";

/** There is no index to rebuild: the alias does not exist. */
export class MissingAlias extends Error {
  constructor(alias: string) {
    super(`alias ${alias} does not exist; nothing to reindex`);
  }
}

/**
 * Each page's documents with their derived fields recomputed and their groups assigned anew, as an
 * import into the new index would: the grouper is its sole writer and it starts empty.
 */
function regroup(target: NewIndex) {
  const grouper = new DuplicateGrouper(target.writer, target.index, { soleWriter: true });
  grouper.indexStartsEmpty();
  return async (sources: Record<string, unknown>[]) => {
    const prepared = sources.map(reprepareStored);
    const groups = await grouper.assign(prepared.map(fingerprintOf));
    return prepared.map(({ document }, i) => ({ ...document, dup_group: groups[i] ?? document.id }));
  };
}

/** True when every document was copied and the alias moved to the new index. */
export async function reindexAlias(options: BuildOptions): Promise<boolean> {
  const { client, alias, out } = options;
  const [current] = await aliasTargets(client, alias);
  if (!current) throw new MissingAlias(alias);
  const target = await NewIndex.create(options);
  const writer = new BulkWriter({ client: target.writer, index: target.index });
  const started = Date.now();
  try {
    const result = await copyDocuments(client, current, writer, { transformPage: regroup(target) });
    const moved = result.failed
      ? await target.discard(`reindex: ${result.failed} document(s) failed`)
      : await target.swap();
    if (!moved) return false;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    out.write(`reindexed ${result.copied} documents ${current} -> ${target.index} in ${seconds} s\n`);
    return true;
  } catch (error) {
    await target.discard("reindex stopped");
    throw error;
  }
}
