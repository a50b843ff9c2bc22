/**
 * npm run es -- snapshot [NAME] | snapshots | restore NAME [--accept-count]
 * Backups of the alias's index on the configured cluster (ES_URL, else the local one), in the
 * repository ES_SNAPSHOT_REPOSITORY names, else a filesystem one under the node's path.repo.
 * `restore` brings a snapshot back as a new index and moves the alias only once it is complete.
 */
import { ElasticsearchConfigSchema, parseEnv } from "../../src/config.js";
import { createEsClient, type EsClient } from "../../src/es/client.js";
import { configuredOrLocalUrls } from "../../src/es/local-cluster.js";
import { restoreSnapshot } from "../../src/es/restore.js";
import {
  defaultSnapshotName,
  ensureRepository,
  listSnapshots,
  snapshotAlias,
} from "../../src/es/snapshots.js";

const say = (line: string) => process.stdout.write(`${line}\n`);
const note = (line: string) => process.stderr.write(`[es] ${line}\n`);

async function withCluster(work: (client: EsClient, repository: string, alias: string) => Promise<number>) {
  const config = parseEnv(ElasticsearchConfigSchema);
  const client = createEsClient({ nodes: configuredOrLocalUrls(), config });
  try {
    const repository = await ensureRepository(client, config.ES_SNAPSHOT_REPOSITORY);
    return await work(client, repository, config.ES_INDEX_ALIAS);
  } finally {
    await client.close();
  }
}

export function snapshotCommand(name: string | undefined): Promise<number> {
  return withCluster(async (client, repository, alias) => {
    const snapshot = name ?? defaultSnapshotName(alias);
    note(`snapshotting alias ${alias} into ${repository}/${snapshot}…`);
    const started = Date.now();
    const taken = await snapshotAlias(client, { repository, alias, name: snapshot });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const { index, documents } = taken.metadata;
    note(`${snapshot}: ${index}, ${documents} documents, in ${seconds} s`);
    if (taken.documentsAfter !== documents)
      note(
        `${index} was written to during the snapshot (${taken.documentsAfter} documents now); a restore gives back what the snapshot holds`,
      );
    say(snapshot);
    return 0;
  });
}

export function listCommand(): Promise<number> {
  return withCluster(async (client, repository) => {
    const snapshots = await listSnapshots(client, repository);
    if (!snapshots.length) note(`no snapshots in ${repository}`);
    for (const snapshot of snapshots) {
      const { alias = "?", documents = "?" } = snapshot.metadata;
      say(
        `${snapshot.name}\t${snapshot.state}\t${snapshot.startedAt}\t${snapshot.indices.join(",")}\talias ${alias}\t${documents} documents`,
      );
    }
    return 0;
  });
}

export async function restoreCommand(name: string | undefined, acceptCount: boolean): Promise<number> {
  if (!name) {
    note("usage: npm run es -- restore NAME [--accept-count] (npm run es -- snapshots lists the names)");
    return 2;
  }
  return withCluster(async (client, repository, alias) => {
    const started = Date.now();
    const restored = await restoreSnapshot(client, {
      repository,
      snapshot: name,
      alias,
      acceptCount,
      log: note,
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const kept = restored.previous.length
      ? ` (kept ${restored.previous.join(", ")}; --delete-old removes it)`
      : "";
    note(`restored ${restored.documents} documents in ${seconds} s, ${restored.health}`);
    note(`alias ${alias} -> ${restored.index}${kept}`);
    say(restored.index);
    return 0;
  });
}
