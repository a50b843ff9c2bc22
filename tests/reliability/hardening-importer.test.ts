/**
 * A --fresh import that does not succeed leaves the live index alone: a document Elasticsearch
 * refuses, SIGTERM in the middle, and an error in the middle (the new index closed under the
 * import) each end with the alias where it was and the new physical index deleted.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aliasTargets, listPhysicalIndices } from "../../src/es/indices.js";
import { removeTestIndices, testClient, uniqueAlias } from "../helpers/es.js";
import { articlesFile, indexCommand, writtenNewIndex } from "../helpers/index-command.js";
import { record, short } from "./helpers/record.js";

const client = testClient();
const alias = uniqueAlias("hardening-importer");
const articles = short ? 20_000 : 60_000;
let workDir = "";

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "hardening-importer-"));
});
afterAll(async () => {
  await removeTestIndices(client, alias);
  await client.close();
});

interface Case {
  name: string;
  input: () => string;
  during?: (child: ChildProcess, known: string[]) => Promise<void>;
}

const cases: Case[] = [
  {
    // A keyword over Lucene's 32,766-byte term limit: past the importer's validation, refused by
    // Elasticsearch (17,000 Arabic letters are 34,000 bytes of UTF-8).
    name: "a refused document",
    input: () =>
      articlesFile(workDir, "refused", 200, [
        {
          id: "immense-source",
          title: "خبر مصدره أطول مما يقبله الفهرس",
          body: "نص خبر عادي.",
          source: "ب".repeat(17_000),
          published_at: "2024-05-01T10:00:00+03:00",
        },
      ]),
  },
  {
    name: "SIGTERM mid-import",
    input: () => articlesFile(workDir, "stopped", articles),
    during: async (child, known) => {
      await writtenNewIndex(client, alias, known);
      child.kill("SIGTERM");
    },
  },
  {
    name: "an error mid-import (its index closed)",
    input: () => articlesFile(workDir, "broken", articles),
    during: async (_child, known) => {
      await client.indices.close({ index: await writtenNewIndex(client, alias, known) });
    },
  },
];

describe("Hardening: a failed --fresh import keeps the old index", () => {
  it("leaves the alias on the old index and deletes the new one, however the import ends", async () => {
    const first = await indexCommand(workDir, alias, [articlesFile(workDir, "live", 50)]);
    expect(first.code, first.stderr).toBe(0);
    const [live] = await aliasTargets(client, alias);
    const figures: Record<string, string | number> = {};
    const outcomes = [];
    // Index names without the alias in front: v<version>-<time>.
    const named = (index: string | undefined) => index?.slice(alias.length + 1) ?? "none";
    for (const { name, input, during } of cases) {
      const known = await listPhysicalIndices(client, alias);
      let faultAt = 0;
      const run = await indexCommand(
        workDir,
        alias,
        [input(), "--fresh", "--batch-mb", "0.2"],
        during &&
          (async (child) => {
            await during(child, known);
            faultAt = Date.now();
          }),
      );
      const exitedAt = Date.now();
      const after = await aliasTargets(client, alias);
      const leftover = (await listPhysicalIndices(client, alias)).filter((index) => !known.includes(index));
      const count = (await client.count({ index: alias })).count;
      figures[`${name}: importer exit`] = String(run.code);
      figures[`${name}: alias before → after`] = `${named(live)} → ${after.map(named).join(", ")}`;
      figures[`${name}: leftover new indices`] = leftover.length;
      if (faultAt) figures[`${name}: fault to exit (s)`] = ((exitedAt - faultAt) / 1000).toFixed(1);
      outcomes.push({
        name,
        code: run.code,
        after,
        leftover,
        count,
        said: /deleted .*still points at/.test(run.stderr),
      });
    }
    const expected = cases.map(({ name }) => ({
      name,
      code: 1,
      after: [live],
      leftover: [],
      count: 50,
      said: true,
    }));
    record({
      scenario: "Hardening: a failed --fresh import keeps the old index",
      done: `three \`npm run index -- file --fresh\` runs against a live alias: one with a document Elasticsearch refuses (a 34 KB keyword), one stopped by SIGTERM and one whose new index was closed, both once writes had reached it (${articles.toLocaleString("en-US")}-article input)`,
      figures,
      target: "exit 1, alias unchanged, new index deleted, a message saying where the alias points",
      pass: JSON.stringify(outcomes) === JSON.stringify(expected),
    });
    expect(outcomes).toEqual(expected);
  });
});
