/**
 * The importer's command run as a reader runs it, for tests of what it leaves behind: a child
 * process (node itself, so a signal reaches the importer), a generated input, and a wait for the
 * physical index an import is writing into.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
import type { EsClient } from "../../src/es/client.js";
import { listPhysicalIndices } from "../../src/es/indices.js";
import { projectRoot } from "../../src/project-root.js";

export interface CommandRun {
  code: number | null;
  stderr: string;
}

/**
 * `npm run index` for `alias`, its rejects in `workDir`; `whileRunning` acts on the running child
 * before its end is awaited.
 */
export async function indexCommand(
  workDir: string,
  alias: string,
  args: string[],
  whileRunning?: (child: ChildProcess) => Promise<void>,
): Promise<CommandRun> {
  const rejects = join(workDir, `rejects-${Math.random()}.ndjson`);
  const child = spawn(
    process.execPath,
    ["scripts/run-cli.mjs", "src/cli/index-command.ts", ...args, "--rejects", rejects],
    {
      cwd: projectRoot,
      env: { ...process.env, ES_URL: inject("esUrls").join(","), ES_INDEX_ALIAS: alias },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  await whileRunning?.(child);
  return { code: await exited, stderr };
}

/** A JSON Lines file in `workDir` of `count` shipping bulletins named for `name`, then the `extra` records. */
export function articlesFile(workDir: string, name: string, count: number, extra: object[] = []): string {
  const lines = Array.from({ length: count }, (_, n) =>
    JSON.stringify({
      id: `${name}-${n}`,
      title: `نشرة الملاحة رقم ${n} في ميناء جدة`,
      body: `وصلت إلى الميناء ${n} سفينة تحمل القمح والأسمدة، وأعلنت الهيئة العامة للموانئ ارتفاع الحركة خلال الشهر الماضي.`,
      source: "وكالة الملاحة",
      published_at: "2024-05-01T10:00:00+03:00",
    }),
  );
  const path = join(workDir, `${name}.jsonl`);
  writeFileSync(path, `${[...lines, ...extra.map((line) => JSON.stringify(line))].join("\n")}\n`);
  return path;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The physical index an import started for `alias`, once Elasticsearch has taken writes into it. */
export async function writtenNewIndex(client: EsClient, alias: string, known: string[]): Promise<string> {
  for (;;) {
    const [index] = (await listPhysicalIndices(client, alias)).filter((name) => !known.includes(name));
    if (index) {
      const stats = await client.indices.stats({ index, metric: "indexing" }).catch(() => undefined);
      if ((stats?._all.primaries?.indexing?.index_total ?? 0) > 0) return index;
    }
    await sleep(50);
  }
}
