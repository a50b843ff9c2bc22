/**
 * @module indexing/reindex-alias
 * Rebuilds the alias's index with today's mappings: every document copied into a new index, with
 * the fields today's mapping derives, and the alias moved to it only when none failed.
 */
import { withDerivedFields } from "../articles/document.js";
import { BulkWriter } from "../es/bulk-writer.js";
import { aliasTargets } from "../es/indices.js";
import { copyDocuments } from "../es/reindex.js";
import { type BuildOptions, NewIndex } from "./new-index.js";

/** There is no index to rebuild: the alias does not exist. */
export class MissingAlias extends Error {
  constructor(alias: string) {
    super(`alias ${alias} does not exist; nothing to reindex`);
  }
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
    const result = await copyDocuments(client, current, writer, { transform: withDerivedFields });
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
