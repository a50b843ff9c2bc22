/**
 * @module indexing/delete-old
 * Deletes the physical indices the alias no longer points at, but the `keep` newest.
 */
import { aliasTargets, listPhysicalIndices } from "../es/indices.js";
import type { BuildOptions } from "./new-index.js";

export async function deleteOldIndices(
  { client, alias, out }: Pick<BuildOptions, "client" | "alias" | "out">,
  keep: number,
): Promise<void> {
  const live = new Set(await aliasTargets(client, alias));
  const old = (await listPhysicalIndices(client, alias)).filter((index) => !live.has(index));
  const doomed = old.slice(keep);
  if (doomed.length) await client.indices.delete({ index: doomed });
  out.write(doomed.length ? `deleted ${doomed.join(", ")}\n` : "no old indices to delete\n");
}
