import { writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ArticleDocument, reprepareStored } from "../src/articles/document.js";
import { BulkBody, BulkWriter } from "../src/es/bulk-writer.js";
import { loadIndexDefinition } from "../src/es/index-definition.js";
import {
  aliasTargets,
  createPhysicalIndex,
  ensureIndex,
  listPhysicalIndices,
  swapAlias,
} from "../src/es/indices.js";
import { copyDocuments } from "../src/es/reindex.js";
import { FILLING_REFRESH_INTERVAL, runImport } from "../src/ingest/pipeline.js";
import { type ImportCounts, RejectsFile } from "../src/ingest/report.js";
import { removeTestIndices, testClient, uniqueAlias } from "./helpers/es.js";
import { articlesFile, indexCommand, writtenNewIndex } from "./helpers/index-command.js";

const client = testClient();
const alias = uniqueAlias("indexer");
const fixture = (name: string) => join(import.meta.dirname, "fixtures", name);
let workDir = "";

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "indexer-test-"));
  await ensureIndex(client, alias);
});
afterAll(async () => {
  await removeTestIndices(client, alias);
  await client.close();
});

async function importFiles(inputs: string[], fieldMap?: Record<string, string>): Promise<ImportCounts> {
  const rejects = new RejectsFile(join(workDir, `rejects-${Math.random()}.ndjson`));
  const counts = await runImport({ client, index: alias, inputs, rejects, readerOptions: { fieldMap } });
  await rejects.close();
  return counts;
}

async function search(query: string, field = "body"): Promise<string[]> {
  const response = await client.search<ArticleDocument>({
    index: alias,
    query: { match: { [field]: query } },
    size: 50,
  });
  return response.hits.hits.map((hit) => hit._id ?? "");
}

async function get(id: string): Promise<ArticleDocument | undefined> {
  return (await client.get<ArticleDocument>({ index: alias, id }))._source;
}

describe("importing every format", () => {
  it("reads canonical JSON Lines", async () => {
    const counts = await importFiles([fixture("articles.jsonl")]);
    expect(counts).toMatchObject({ read: 6, rejected: 0, failed: 0 });
    expect(counts.created + counts.updated).toBe(6);
    expect((await get("fx-china-1"))?.source).toBe("وكالة الخبر");
  });

  it("reads RSS 2.0 with HTML and CDATA, cleaned, the channel as source", async () => {
    await importFiles([fixture("feed.rss")]);
    const [id] = await search("المخزونات الأمريكية");
    const article = await get(id ?? "");
    expect(article?.source).toBe("نشرة الخليج");
    expect(article?.body).not.toContain("<p>");
    expect(article?.body).toContain("& ارتفاع الطلب");
    expect(article?.published_at).toBe("2024-03-05T05:15:00.000Z");
  });

  it("reads Atom entries", async () => {
    await importFiles([fixture("feed.atom")]);
    const [id] = await search("الأردن");
    expect((await get(id ?? ""))?.url).toBe("https://mashreq.example/sport/jordan-semifinal");
  });

  it("reads TREC documents with a bare & and DD/MM/YYYY dates", async () => {
    await importFiles([fixture("doc.trec")]);
    const article = await get("FX-culture-1-20160502");
    expect(article?.category).toBe("culture");
    expect(article?.published_at).toBe("2016-05-02T00:00:00.000Z");
    expect(article?.url).toContain("id=5&lang=ar");
  });

  it("reads a plain-text page: title, dateline, body and the المصدر line", async () => {
    await importFiles([fixture("page.txt")]);
    const [id] = await search("الأمن الغذائي", "title");
    const article = await get(id ?? "");
    expect(article?.title).toBe("قمة اقتصادية عربية في الرياض تبحث الأمن الغذائي");
    expect(article?.source).toBe("وكالة الأنباء السعودية");
    expect(article?.body).not.toContain("المصدر");
  });

  it("maps other field names with --map", async () => {
    const counts = await importFiles([fixture("mapped.json")], {
      title: "headline",
      body: "text",
      source: "paper",
      published_at: "date",
      url: "link",
    });
    expect(counts.rejected).toBe(0);
    const [id] = await search("جسر");
    expect((await get(id ?? ""))?.source).toBe("صحيفة المدينة");
  });

  it("reads a page carrying two stories into its two stories", async () => {
    const counts = await importFiles([fixture("wire-page.txt")]);
    expect(counts.created + counts.updated).toBe(2);
  });
});

describe("re-importing", () => {
  it("updates instead of duplicating", async () => {
    const before = (await client.count({ index: alias })).count;
    const counts = await importFiles([fixture("articles.jsonl"), fixture("feed.rss")]);
    expect(counts.created).toBe(0);
    expect(counts.updated).toBe(7);
    expect((await client.count({ index: alias })).count).toBe(before);
  });
});

describe("the seed page's spelling phenomena", () => {
  it("السيسي finds السيسى and the reverse", async () => {
    expect(await search("السيسي", "title")).toContain("fx-sisi-1");
    expect(await search("السيسى", "title")).toEqual(expect.arrayContaining(["fx-sisi-2", "fx-sisi-variant"]));
  });

  it("2023 finds ٢٠٢٣ and the reverse", async () => {
    expect(await search("2023")).toContain("fx-china-1");
    expect(await search("٢٠٢٣")).toContain("fx-trade-2023");
  });

  it("a diacritised query finds plain text, and a plain query finds diacritised text", async () => {
    expect(await search("الرَّئِيسُ الرُّوسِيُّ")).toContain("fx-china-1");
    expect(await search("معرض الكتاب", "title")).toContain("fx-diacritics");
  });

  it("الصين finds الصينية", async () => {
    expect(await search("الصين", "title")).toContain("fx-china-1");
  });

  it("the two wire copies of the phone call share a duplicate group", async () => {
    const [first, second, other] = await Promise.all(["fx-sisi-1", "fx-sisi-2", "fx-sisi-variant"].map(get));
    expect(first?.dup_group).toBe(second?.dup_group);
    expect(other?.dup_group).not.toBe(first?.dup_group);
  });
});

interface SeenRequest {
  method: string;
  path: string;
  /** Bytes of a request body the client was given as a Buffer (a `_bulk` batch). */
  bodyBytes: number | undefined;
}

/** An import into `target`, created (or found) as the CLI does, with every request it made. */
async function importWatched(target: string, inputs: string[], batchBytes?: number) {
  const watched = testClient();
  const requests: SeenRequest[] = [];
  watched.diagnostic.on("request", (_error, event) => {
    const params = event?.meta.request.params;
    if (params)
      requests.push({
        method: params.method,
        path: params.path,
        bodyBytes: Buffer.isBuffer(params.body) ? params.body.length : undefined,
      });
  });
  const rejects = new RejectsFile(join(workDir, `rejects-${Math.random()}.ndjson`));
  const counts = await runImport({
    client: watched,
    index: target,
    indexReady: ensureIndex(watched, target),
    inputs,
    rejects,
    batchBytes,
  });
  await rejects.close();
  await watched.close();
  return { counts, requests };
}

describe("setting up the index while reading", () => {
  it("reads and prepares while the index is created, and sends nothing before it exists", async () => {
    const late = `${alias}-late`;
    // Had a document been sent first, Elasticsearch would have made an index named like the alias,
    // and creating the alias afterwards would fail.
    const indexReady = new Promise((resolve) => setTimeout(resolve, 300)).then(() =>
      ensureIndex(client, late),
    );
    const rejects = new RejectsFile(join(workDir, "rejects-late.ndjson"));
    const counts = await runImport({
      client,
      index: late,
      indexReady,
      inputs: [fixture("articles.jsonl")],
      rejects,
    });
    await rejects.close();
    expect(counts.created).toBeGreaterThan(0);
    const [physical] = await aliasTargets(client, late);
    expect(physical).toMatch(new RegExp(`^${late}-v`));
    expect((await client.count({ index: late })).count).toBe(counts.created);
    await client.indices.delete({ index: physical ?? "" });
  });

  it("asks an index it created nothing about earlier articles, and one that existed whether it holds any", async () => {
    const target = `${alias}-asks`;
    const counted: boolean[] = [];
    for (const _run of ["created", "existing"]) {
      const { requests } = await importWatched(target, [fixture("articles.jsonl")]);
      counted.push(requests.some((request) => request.path.endsWith("/_count")));
    }
    expect(counted).toEqual([false, true]);
    await client.indices.delete({ index: await aliasTargets(client, target) });
  });

  it("fills an index it created refreshing seldom, then puts the mapping's refresh interval back", async () => {
    const target = `${alias}-refresh`;
    const mappingInterval = loadIndexDefinition().settings.refresh_interval;
    const intervalAfter = async (run: "created" | "existing" | "after a stopped import") => {
      const { requests } = await importWatched(target, [fixture("articles.jsonl")]);
      const [physical = ""] = await aliasTargets(client, target);
      const settings = await client.indices.getSettings({ index: physical, flat_settings: true });
      const changed = requests.some(
        (request) => request.method === "PUT" && request.path.endsWith("/_settings"),
      );
      return { run, changed, interval: settings[physical]?.settings?.["index.refresh_interval"] };
    };
    expect(await intervalAfter("created")).toMatchObject({ changed: true, interval: mappingInterval });
    // An index that held articles before the import keeps refreshing as its mapping says.
    expect(await intervalAfter("existing")).toMatchObject({ changed: false, interval: mappingInterval });
    // An import killed while filling leaves the filling interval behind: the next one mends it.
    await client.indices.putSettings({
      index: target,
      settings: { refresh_interval: FILLING_REFRESH_INTERVAL },
    });
    expect(await intervalAfter("after a stopped import")).toMatchObject({
      changed: true,
      interval: mappingInterval,
    });
    await client.indices.delete({ index: await aliasTargets(client, target) });
  });

  it("sends small batches first, each twice the last, up to the batch size", async () => {
    const sentences = [
      "أعلنت الهيئة العامة للإحصاء ارتفاع معدل التضخم السنوي إلى ٣٫٢ في المئة خلال الشهر الماضي",
      "وعزت الهيئة الزيادة إلى أسعار الغذاء والنقل، فيما تراجعت أسعار الملابس والأجهزة المنزلية",
      "وتوقع محللون أن يواصل البنك المركزي سياسته النقدية الحالية حتى نهاية العام",
    ];
    // Ids of one length: a copy regrouped under an earlier id keeps its size.
    const lines = Array.from({ length: 600 }, (_, n) =>
      JSON.stringify({
        id: `ramp-${String(n).padStart(3, "0")}`,
        title: `تقرير التضخم رقم ${n}`,
        body: Array.from({ length: 12 }, (_, k) => `${sentences[k % 3]} (${n}-${k}).`).join(" "),
        source: "وكالة الخبر",
        published_at: "2026-11-20",
      }),
    );
    const input = join(workDir, "ramp.jsonl");
    writeFileSync(input, `${lines.join("\n")}\n`);
    const target = `${alias}-ramp`;
    const { counts, requests } = await importWatched(target, [input], 512 * 1024);
    const bodies = requests.flatMap(({ path, bodyBytes }) =>
      path.endsWith("/_bulk") && bodyBytes !== undefined ? [bodyBytes] : [],
    );
    expect(counts.created).toBe(600);
    // Each batch ends with the document that takes it past its size, under two input lines' bytes.
    const slack = 2 * Math.max(...lines.map((line) => Buffer.byteLength(line)));
    const sizes = [128, 256, 512, 512].map((kb) => kb * 1024);
    expect(bodies.length).toBeGreaterThan(sizes.length);
    for (const [n, size] of sizes.entries()) {
      expect(bodies[n]).toBeGreaterThanOrEqual(size);
      expect(bodies[n]).toBeLessThan(size + slack);
    }
    await client.indices.delete({ index: await aliasTargets(client, target) });
  });

  it("fails with the index's error even when no record was sent", async () => {
    const indexReady = new Promise<{ created: boolean }>((_, reject) =>
      setTimeout(() => reject(new Error("no such cluster")), 50),
    );
    const rejects = new RejectsFile(join(workDir, "rejects-none.ndjson"));
    await expect(
      runImport({
        client,
        index: `${alias}-never`,
        indexReady,
        inputs: ["/nonexistent/file.jsonl"],
        rejects,
      }),
    ).rejects.toThrow("no such cluster");
    await rejects.close();
  });
});

describe("the alias lifecycle", () => {
  it("reindexes into a new physical index and swaps the alias with zero failed searches", async () => {
    const [before] = await aliasTargets(client, alias);
    const expected = (await client.count({ index: alias })).count;
    let searches = 0;
    const failures: unknown[] = [];
    let swapping = true;
    const searching = (async () => {
      while (swapping) {
        try {
          const response = await client.search({ index: alias, query: { match: { body: "الرئيس" } } });
          if (!response.hits.hits.length) failures.push("empty result during swap");
          searches++;
        } catch (error) {
          failures.push(error);
        }
      }
    })();
    const target = await createPhysicalIndex(client, alias);
    await copyDocuments(client, before ?? "", new BulkWriter({ client, index: target }));
    await swapAlias(client, alias, target);
    await new Promise((resolve) => setTimeout(resolve, 300));
    swapping = false;
    await searching;
    expect(failures).toEqual([]);
    expect(searches).toBeGreaterThan(5);
    expect(await aliasTargets(client, alias)).toEqual([target]);
    expect((await client.count({ index: alias })).count).toBe(expected);
    expect(await client.indices.exists({ index: before ?? "" })).toBe(true);
  });

  it("reports a document Elasticsearch refuses, with its reason, and writes the rest", async () => {
    const index = await createPhysicalIndex(client, `${alias}-refused`);
    const article = (id: string, published_at: string) => ({
      id,
      origin: { source: "refused.jsonl", line: Number(id) },
      json: JSON.stringify({ id, title: "خبر", body: "نص الخبر", source: "واس", published_at }),
    });
    const outcomes = await new BulkWriter({ client, index }).write(
      BulkBody.of([
        article("1", "2023-05-01T00:00:00Z"),
        article("2", "yesterday"),
        article("3", "2023-05-02T00:00:00Z"),
      ]),
    );
    expect(outcomes.map(({ id, outcome }) => [id, outcome])).toEqual([
      ["1", "created"],
      ["2", "failed"],
      ["3", "created"],
    ]);
    const refused = outcomes.find((outcome) => outcome.outcome === "failed");
    expect(refused).toMatchObject({ origin: { source: "refused.jsonl", line: 2 } });
    expect(refused?.outcome === "failed" && refused.reason).toMatch(
      /document_parsing_exception.*published_at/,
    );
    await client.indices.delete({ index });
  });

  it("gives documents from an older index the fields today's mapping derives", async () => {
    const old = await createPhysicalIndex(client, `${alias}-old`);
    const stored = { id: "old-1", title: "ابن خلدون", body: "مؤرخ تونسي.", source: "أرشيف" };
    const written = await new BulkWriter({ client, index: old }).write(
      BulkBody.of([{ id: "old-1", origin: { source: "test", entry: "1" }, json: JSON.stringify(stored) }]),
    );
    expect(written.map((outcome) => outcome.outcome)).toEqual(["created"]);
    await client.indices.refresh({ index: old });
    const target = await createPhysicalIndex(client, `${alias}-new`);
    await copyDocuments(client, old, new BulkWriter({ client, index: target }), {
      transformPage: async (page) => page.map((source) => reprepareStored(source).document),
    });
    const copied = await client.get<Record<string, unknown>>({ index: target, id: "old-1" });
    expect(copied._source).toEqual({ ...stored, title_words: 2 });
    await client.indices.delete({ index: [old, target] });
  });
});

/** Where the alias points, every physical index it has, and how many documents it shows. */
async function aliasState(target: string) {
  return {
    live: await aliasTargets(client, target),
    indices: await listPhysicalIndices(client, target),
    count: (await client.count({ index: target })).count,
  };
}

/**
 * A keyword longer than Lucene's 32,766-byte term limit: the importer lets it through, Elasticsearch
 * refuses the document (17,000 Arabic letters are 34,000 bytes of UTF-8).
 */
const immenseSource = {
  id: "immense-source",
  title: "خبر مصدره أطول مما يقبله الفهرس",
  body: "نص خبر عادي.",
  source: "ب".repeat(17_000),
  published_at: "2024-05-01T10:00:00+03:00",
};

describe("--fresh and --reindex move the alias only when the build succeeded", () => {
  const fresh = `${alias}-fresh`;

  beforeAll(async () => {
    const first = await indexCommand(workDir, fresh, [fixture("articles.jsonl")]);
    expect(first.code, first.stderr).toBe(0);
  });

  it("a --fresh import with a document Elasticsearch refuses keeps the alias and deletes its new index", async () => {
    const before = await aliasState(fresh);
    const run = await indexCommand(workDir, fresh, [
      articlesFile(workDir, "refused", 20, [immenseSource]),
      "--fresh",
    ]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/failed 1\b/);
    expect(run.stderr).toContain(`1 document(s) failed: deleted ${fresh}-v`);
    expect(run.stderr).toContain(`alias ${fresh} still points at ${before.live[0]}`);
    expect(await aliasState(fresh)).toEqual(before);
  });

  it("a --fresh import stopped by SIGINT keeps the alias and deletes its new index", async () => {
    const before = await aliasState(fresh);
    let started = "";
    const run = await indexCommand(
      workDir,
      fresh,
      [articlesFile(workDir, "stopped", 20_000), "--fresh", "--batch-mb", "0.2"],
      async (child) => {
        started = await writtenNewIndex(client, fresh, before.indices);
        child.kill("SIGINT");
      },
    );
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(
      `stopped by SIGINT: deleted ${started}; alias ${fresh} still points at ${before.live[0]}`,
    );
    expect(await client.indices.exists({ index: started })).toBe(false);
    expect(await aliasState(fresh)).toEqual(before);
  });

  it("a --reindex with a document today's mapping refuses keeps the alias and deletes its new index", async () => {
    // An index built when `source` was text holds a source today's keyword mapping cannot take.
    const reindexed = `${alias}-reindexed`;
    const old = `${reindexed}-v1-old`;
    await client.indices.create({
      index: old,
      mappings: { properties: { source: { type: "text" } } },
      aliases: { [reindexed]: { is_write_index: true } },
    });
    await client.index({ index: old, id: immenseSource.id, document: immenseSource });
    await client.index({
      index: old,
      id: "ordinary",
      document: { ...immenseSource, id: "ordinary", source: "واس" },
    });
    await client.indices.refresh({ index: old });
    const run = await indexCommand(workDir, reindexed, ["--reindex"]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(`reindex: 1 document(s) failed: deleted ${reindexed}-v`);
    expect(run.stderr).toContain(`alias ${reindexed} still points at ${old}`);
    expect(await aliasState(reindexed)).toEqual({ live: [old], indices: [old], count: 2 });
  });

  it("a --fresh import where everything landed moves the alias and keeps the old index", async () => {
    const before = await aliasState(fresh);
    const run = await indexCommand(workDir, fresh, [articlesFile(workDir, "landed", 20), "--fresh"]);
    expect(run.code, run.stderr).toBe(0);
    const after = await aliasState(fresh);
    expect(after.live).toHaveLength(1);
    expect(after.live).not.toEqual(before.live);
    expect(after.indices).toEqual([...after.live, ...before.indices]);
    expect(after.count).toBe(20);
  });
});
