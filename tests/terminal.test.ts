/**
 * The terminal command (`npm run search`) as a reader runs it: a real process over a real index,
 * its help, its filters, related coverage, and what it says when a filter names nothing or the
 * results are for other words than typed.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { projectRoot } from "../src/project-root.js";
import { loadFixtures, writeFixture } from "./helpers/api.js";
import { removeTestIndices, testClient, uniqueAlias } from "./helpers/es.js";

const alias = uniqueAlias("terminal");
const client = testClient();

/** A page's worth of port bulletins, each its own story: الملاحة is held by enough articles to be searched for a slip. */
function portBulletins(): object[] {
  const ports = ["جدة", "الدمام", "ينبع", "جازان", "رابغ"];
  return Array.from({ length: 10 }, (_, i) => ({
    id: `tm-port-${i}`,
    title: `نشرة الملاحة في ميناء ${ports[i % ports.length]} رقم ${i + 1}`,
    body: `رست في ميناء ${ports[i % ports.length]} ${i + 3} سفن تحمل ${i * 40 + 120} حاوية، وغادرته ${i + 1} ناقلات نفط خلال ${i + 2} أيام.`,
    source: "وكالة الملاحة",
    published_at: new Date(Date.UTC(2025, 4, 1 + i)).toISOString(),
  }));
}

beforeAll(async () => {
  await loadFixtures(client, alias, [
    join(import.meta.dirname, "fixtures", "ranking.jsonl"),
    await writeFixture("terminal-ports", portBulletins()),
  ]);
});
afterAll(async () => {
  await removeTestIndices(client, alias);
  await client.close();
});

function search(...args: string[]) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "src/cli/search-command.ts", ...args], {
    cwd: projectRoot,
    encoding: "utf8",
    env: { ...process.env, ES_URL: inject("esUrls").join(","), ES_INDEX_ALIAS: alias, NO_COLOR: "1" },
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("npm run search", () => {
  it("lists every option with --help", () => {
    const { status, stdout } = search("--help");
    expect(status).toBe(0);
    for (const option of ["--size", "--source", "--category", "--related", "--raw", "--help"])
      expect(stdout).toContain(option);
  });

  it("refuses an unknown option with the usage, exit status 2", () => {
    const { status, stderr } = search("القهوة", "--colour");
    expect(status).toBe(2);
    expect(stderr).toContain("--colour");
    expect(stderr).toContain("--category");
  });

  it("filters by category", () => {
    const coffee = search("القهوة", "--category", "اقتصاد", "--raw");
    expect(coffee.status).toBe(0);
    expect(coffee.stdout).toContain("rk-title");
    const none = search("القهوة", "--category", "رياضة", "--raw");
    expect(none.status).toBe(1);
    expect(none.stderr).not.toContain("nothing is named");
  });

  it("says which sources exist when --source names none", () => {
    const { status, stderr } = search("القهوة", "--source", "مصدر س");
    expect(status).toBe(1);
    expect(stderr).toContain("--source: nothing is named مصدر س");
    expect(stderr).toContain("مصدر أ");
  });

  it("says when the results are for the correction of a word no article holds", () => {
    const { status, stdout, stderr } = search("الملاحهة", "--raw");
    expect(status).toBe(0);
    expect(stderr).toContain("no article holds the word as typed; results for: الملاحة");
    expect(stderr).not.toContain("did you mean");
    expect(stdout).toContain("tm-port-");
    // Quoted, the word is searched as its correction too, and said once.
    const quoted = search('"الملاحهة"', "--raw");
    expect(quoted.stderr).toContain("no article holds the word as typed; results for: الملاحة");
    expect(quoted.stderr).not.toContain("no article holds what is quoted");
  });

  it.each([
    ["did you mean beside the results for the words as typed", "نشرة الملاحهة", "did you mean: نشرة الملاحة"],
    [
      "when the results are for the Arabic the keys type on the Latin layout",
      "hglghpm",
      "typed on the Latin layout; results for: الملاحة",
    ],
    [
      "when the results are for a Latin name as Arabic news writes it",
      "jeddah",
      "written in Arabic letters; results for: جدة",
    ],
    [
      "when the results are for the words of a quoted phrase no article holds",
      '"ميناء الملاحة"',
      "no article holds what is quoted; results for: ميناء الملاحة",
    ],
  ])("says %s", (_, q, notice) => {
    const { status, stdout, stderr } = search(q, "--raw");
    expect(status).toBe(0);
    expect(stderr).toContain(notice);
    expect(stdout).toContain("tm-port-");
  });

  it("lists an article's related coverage, and says when no article has the id", () => {
    const related = search("--related", "tm-port-0", "--raw");
    expect(related.status).toBe(0);
    expect(related.stderr).toMatch(/^related to tm-port-0: [1-9]/);
    expect(related.stdout).toContain("tm-port-");
    expect(related.stdout).not.toContain("tm-port-0\n");
    const unknown = search("--related", "tm-port-none");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("no article with id tm-port-none");
  });
});
