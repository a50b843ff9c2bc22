/**
 * `npm run index` on bad input, through the real command: each case gives a clear rejection that
 * names the record and the reason, every good record beside it still lands, and the exit status
 * says something was rejected.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ensureIndex } from "../src/es/indices.js";
import { removeTestIndices, testClient, uniqueAlias } from "./helpers/es.js";

const run = promisify(execFile);
const client = testClient();
const alias = uniqueAlias("badinput");
let dir = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "bad-input-"));
  await ensureIndex(client, alias);
});
afterAll(async () => {
  await removeTestIndices(client, alias);
  await client.close();
});

let sequence = 0;
const good = (id: string) =>
  JSON.stringify({
    id,
    title: `خبر سليم رقم ${id}`,
    body: "نص خبر سليم يصل إلى الفهرس مهما كانت السجلات المجاورة له.",
    source: "وكالة الاختبار",
    published_at: "2024-05-01T10:00:00+03:00",
  });

interface RunResult {
  code: number;
  stderr: string;
  rejects: Array<Record<string, unknown>>;
}

async function indexCommand(...inputs: string[]): Promise<RunResult> {
  return indexWith(inputs, []);
}

async function indexWith(inputs: string[], options: string[]): Promise<RunResult> {
  const rejectsPath = join(dir, `rejects-${++sequence}.ndjson`);
  const env = { ...process.env, ES_URL: inject("esUrls").join(","), ES_INDEX_ALIAS: alias };
  let code = 0;
  let stderr = "";
  try {
    ({ stderr } = await run(
      "npm",
      ["run", "-s", "index", "--", ...inputs, ...options, "--rejects", rejectsPath],
      {
        env,
      },
    ));
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    code = failed.code;
    stderr = failed.stderr;
  }
  const text = await readFile(rejectsPath, "utf8").catch(() => "");
  const rejects = text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { code, stderr, rejects };
}

async function exists(id: string): Promise<boolean> {
  await client.indices.refresh({ index: alias });
  return client.exists({ index: alias, id });
}

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

function record(fields: Record<string, unknown>): string {
  return JSON.stringify({ source: "وكالة الاختبار", published_at: "2024-05-01", ...fields });
}

describe("bad input to the importer", () => {
  it.each([
    ["an empty body", record({ id: "bad-body", title: "عنوان", body: "  <p> </p> " }), "body", /empty/],
    ["a missing title", record({ id: "bad-title", body: "نص" }), "title", /missing/],
    [
      "an invalid date",
      record({ id: "bad-date", title: "عنوان", body: "نص", published_at: "2024-02-31" }),
      "published_at",
      /not a date/,
    ],
    [
      "an article of 5 MB",
      record({ id: "bad-size", title: "عنوان", body: "كلمة ".repeat(1_000_000) }),
      "body",
      /MB limit/,
    ],
  ])("rejects %s, naming the field and the line", async (_, line, field, reason) => {
    const path = await file(`${field}-${sequence}.jsonl`, `${good("ok-a")}\n${line}\n${good("ok-b")}\n`);
    const result = await indexCommand(path);
    expect(result.code).toBe(1);
    expect(result.rejects).toHaveLength(1);
    expect(result.rejects[0]).toMatchObject({ source: path, line: 2, field, stage: "validate" });
    expect(String(result.rejects[0]?.reason)).toMatch(reason);
    expect(await exists("ok-a")).toBe(true);
    expect(await exists("ok-b")).toBe(true);
  });

  it("rejects an invalid JSON line by its line number", async () => {
    const path = await file("broken.jsonl", `${good("json-a")}\n{"title": "نصف سطر\n${good("json-b")}\n`);
    const result = await indexCommand(path);
    expect(result.code).toBe(1);
    expect(result.rejects[0]).toMatchObject({ source: path, line: 2, stage: "parse" });
    expect(await exists("json-a")).toBe(true);
    expect(await exists("json-b")).toBe(true);
  });

  it("keeps what a truncated gzip held before the cut, and says it was cut", async () => {
    const lines = Array.from({ length: 400 }, (_, i) => good(`gz-${i}`)).join("\n");
    const gz = gzipSync(lines);
    const path = await file("cut.jsonl.gz", gz.subarray(0, Math.floor(gz.length * 0.6)));
    const result = await indexCommand(path);
    expect(result.code).toBe(1);
    expect(result.rejects.some((entry) => /gzip/i.test(String(entry.reason)))).toBe(true);
    expect(await exists("gz-0")).toBe(true);
  });

  it("rejects a malformed XML document and keeps the well-formed one", async () => {
    const ok =
      "<DOC>\n<DOCNO>xml-ok</DOCNO>\n<SRC>راديو</SRC>\n<TITLE>عنوان سليم</TITLE>\n<TIME>01/02/2016</TIME>\n<TEXT>نص سليم</TEXT>\n</DOC>\n";
    const broken = "<DOC>\n<DOCNO>xml-broken</DOCNO>\n<TITLE>عنوان بلا نهاية\n<TEXT>نص";
    const result = await indexCommand(await file("docs.trec", ok + broken));
    expect(result.code).toBe(1);
    expect(result.rejects.length).toBeGreaterThan(0);
    expect(JSON.stringify(result.rejects)).toContain("xml-broken");
    expect(await exists("xml-ok")).toBe(true);
  });

  it("rejects a binary file and a file that does not exist, and imports the rest", async () => {
    const binary = await file(
      "image.jpg",
      Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x10, 0x4a, 0x46, 0x00, 0x00, 0x01]),
    );
    const okFile = await file("fine.jsonl", `${good("after-bad-files")}\n`);
    const missing = join(dir, "no-such-file.jsonl");
    const result = await indexCommand(binary, missing, okFile);
    expect(result.code).toBe(1);
    expect(result.rejects.find((entry) => entry.source === binary)?.reason).toMatch(/binary/i);
    expect(result.rejects.find((entry) => entry.source === missing)?.reason).toMatch(/not found/i);
    expect(await exists("after-bad-files")).toBe(true);
    expect(result.stderr).toMatch(/rejected 2/);
  });

  it("exits 0 with --allow-rejects when only rejections happened", async () => {
    const path = await file("allow.jsonl", `${good("allow-a")}\n${record({ id: "allow-bad", body: "x" })}\n`);
    const env = { ...process.env, ES_URL: inject("esUrls").join(","), ES_INDEX_ALIAS: alias };
    const { stderr } = await run(
      "npm",
      ["run", "-s", "index", "--", path, "--allow-rejects", "--rejects", join(dir, "allow.ndjson")],
      { env },
    );
    expect(stderr).toMatch(/rejected 1/);
  });
});

describe("dates as sources write them", () => {
  it("reads a local time (no zone) in --timezone, and rejects it without one", async () => {
    const local = record({ id: "local-time", title: "عنوان", body: "نص", published_at: "2017-01-22T185600" });
    const path = await file(`local-${sequence}.jsonl`, `${local}\n`);
    const refused = await indexCommand(path);
    expect(refused.code).toBe(1);
    expect(refused.rejects[0]).toMatchObject({ field: "published_at" });
    const read = await indexWith([path], ["--timezone", "Africa/Tunis"]);
    expect(read.code, read.stderr).toBe(0);
    await client.indices.refresh({ index: alias });
    const stored = await client.get<{ published_at: string }>({ index: alias, id: "local-time" });
    expect(stored._source?.published_at).toBe("2017-01-22T17:56:00.000Z");
  });

  it("refuses a zone it does not know before importing anything", async () => {
    const path = await file(`zone-${sequence}.jsonl`, `${good("zone-never")}\n`);
    const result = await indexWith([path], ["--timezone", "Tunis"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--timezone: "Tunis"/);
    expect(await exists("zone-never")).toBe(false);
  });
});

describe("folders and patterns", () => {
  it("imports every file under a folder, and the files a quoted pattern matches", async () => {
    const folder = join(dir, `corpus-${sequence}`);
    await mkdir(join(folder, "sport"), { recursive: true });
    await writeFile(join(folder, "sport", "one.jsonl"), `${good("folder-a")}\n`);
    await writeFile(join(folder, "sport", "two.jsonl"), `${good("folder-b")}\n`);
    const result = await indexCommand(folder);
    expect(result.code, result.stderr).toBe(0);
    expect(await exists("folder-a")).toBe(true);
    expect(await exists("folder-b")).toBe(true);
    await writeFile(join(folder, "sport", "three.jsonl"), `${good("pattern-c")}\n`);
    expect((await indexCommand(join(folder, "**", "three.*"))).code).toBe(0);
    expect(await exists("pattern-c")).toBe(true);
  });

  it("exits 1 when nothing at all could be imported, --allow-rejects or not", async () => {
    const empty = join(dir, `unusable-${sequence}`);
    await mkdir(empty);
    await writeFile(join(empty, "photo.jpg"), Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x10, 0x4a, 0x46]));
    const result = await indexWith([empty, join(dir, "nothing-*.jsonl")], ["--allow-rejects"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/nothing was imported/);
    expect(result.rejects.map((entry) => String(entry.reason))).toEqual(
      expect.arrayContaining([expect.stringMatching(/binary/i), expect.stringMatching(/no file matches/)]),
    );
  });
});

describe("bad arguments to the importer", () => {
  const env = { ...process.env, ES_URL: inject("esUrls").join(","), ES_INDEX_ALIAS: `${alias}-args` };
  const index = (...args: string[]) =>
    run("npm", ["run", "-s", "index", "--", ...args], { env }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it("names the option and its fault, prints the usage, exits 2, and creates nothing", async () => {
    const path = await file("args.jsonl", `${good("args-a")}\n`);
    for (const [args, fault] of [
      [["--concurrency", "two", path], /--concurrency: "two" is not a whole number/],
      [["--batch-mb", "0", path], /--batch-mb: "0" is not a number of at least/],
      [["--map", "title", path], /--map: "title" is not canonical=field/],
      [["--colour", path], /Unknown option '--colour'/],
    ] as const) {
      const result = await index(...args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(fault);
      expect(result.stderr).toMatch(/usage: npm run index/);
    }
    expect(await client.indices.existsAlias({ name: `${alias}-args` })).toBe(false);
  });

  it("prints the usage for --help and exits 0", async () => {
    const result = await index("--help");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /usage: npm run index -- <files, folders, 'patterns' or URLs…> \[options\]/,
    );
  });
});
