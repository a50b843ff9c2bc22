/**
 * Feeds through the real importer into a real Elasticsearch: what an XML tokenizer reads where
 * patterns did not (comments, CDATA, prefixed Atom), the encoding a feed declares or marks, and
 * markup built to hide a tag from one pass of cleaning. Fixtures: tests/fixtures/feeds.
 */
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ArticleDocument } from "../src/articles/document.js";
import { ensureIndex } from "../src/es/indices.js";
import { runImport } from "../src/ingest/pipeline.js";
import { type ImportCounts, RejectsFile } from "../src/ingest/report.js";
import { removeTestIndices, testClient, uniqueAlias } from "./helpers/es.js";

const client = testClient();
const alias = uniqueAlias("feeds");
const feed = (name: string) => join(import.meta.dirname, "fixtures", "feeds", name);
/** The stored fields the cleaning stage writes: none may hold a tag. */
const CLEANED_FIELDS = ["title", "lead", "body", "source", "author", "category"] as const;
/** A `<` that a browser reads as the start of a tag, a comment or a declaration. */
const TAG_START = /<[a-zA-Z/!?]/;
let workDir = "";

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "feeds-test-"));
  await ensureIndex(client, alias);
});
afterAll(async () => {
  await removeTestIndices(client, alias);
  await client.close();
});

async function importFeed(name: string): Promise<{ counts: ImportCounts; rejects: string }> {
  const path = join(workDir, `${name}.rejects.ndjson`);
  const rejects = new RejectsFile(path);
  const counts = await runImport({ client, index: alias, inputs: [feed(name)], rejects });
  await rejects.close();
  await client.indices.refresh({ index: alias });
  return { counts, rejects: await readFile(path, "utf8").catch(() => "") };
}

async function stored(url: string): Promise<ArticleDocument | undefined> {
  const response = await client.search<ArticleDocument>({ index: alias, query: { term: { url } } });
  return response.hits.hits[0]?._source;
}

describe("feeds through the importer", () => {
  it("leaves a commented-out item out and keeps a CDATA section holding </item> whole", async () => {
    const { counts, rejects } = await importFeed("commented-and-cdata.rss");
    expect(rejects).toBe("");
    expect(counts).toMatchObject({ read: 2, created: 2, rejected: 0, failed: 0 });
    expect(await stored("https://city.example/news/withdrawn")).toBeUndefined();
    const course = await stored("https://city.example/news/coding-course");
    expect(course?.body).toContain("ثم يكتبون أول صفحة لهم على الشبكة");
    expect(course).toMatchObject({ category: "تعليم", source: "نشرة المدينة" });
    expect(await stored("https://city.example/news/farmers-market")).toBeDefined();
  });

  it("imports Atom whose elements carry a namespace prefix, and only Atom's elements", async () => {
    const { counts } = await importFeed("prefixed.atom");
    expect(counts).toMatchObject({ read: 2, created: 2, rejected: 0, failed: 0 });
    expect(await stored("https://plateau.example/news/fast-train")).toMatchObject({
      title: "تدشين خط القطار السريع بين العاصمة والميناء",
      author: "محرر شؤون النقل",
      source: "وكالة أنباء الهضبة",
      category: "نقل",
    });
    expect((await stored("https://plateau.example/news/date-exports"))?.body).toBe(
      "ارتفعت صادرات التمور بنسبة كبيرة في الربع الأول من العام مقارنة بالعام الماضي.",
    );
  });

  it("stores a windows-1256 feed, named in its XML declaration, as the Arabic it is", async () => {
    const { counts } = await importFeed("windows-1256.rss");
    expect(counts).toMatchObject({ read: 2, created: 2, rejected: 0, failed: 0 });
    expect(await stored("https://oasis.example/news/book-fair")).toMatchObject({
      title: "افتتاح معرض الكتاب السنوي في مدينة الواحة",
      body: "افتتح وزير الثقافة صباح اليوم معرض الكتاب السنوي بمشاركة مئتي دار نشر من عشرين دولة، ويستمر المعرض عشرة أيام.",
      source: "صحيفة الواحة",
      category: "ثقافة",
    });
    expect((await stored("https://oasis.example/news/valley-rain"))?.title).toBe(
      "أمطار غزيرة تعيد الحياة إلى وادي النخيل",
    );
  });

  it("stores a UTF-16 feed by its byte-order mark", async () => {
    const { counts } = await importFeed("utf-16le-bom.atom");
    expect(counts).toMatchObject({ read: 2, created: 2, rejected: 0, failed: 0 });
    expect(await stored("https://coast.example/news/fishing-season")).toMatchObject({
      title: "انطلاق موسم الصيد في موانئ الساحل",
      author: "قسم الأخبار المحلية",
      source: "إذاعة الساحل",
    });
    expect((await stored("https://coast.example/news/heritage-festival"))?.title).toBe(
      "مهرجان للتراث البحري يجذب آلاف الزوار",
    );
  });

  it("stores no tag from markup built to survive one pass of cleaning, and keeps text comparisons", async () => {
    const { counts } = await importFeed("markup-bypass.rss");
    expect(counts).toMatchObject({ read: 2, created: 2, rejected: 0, failed: 0 });
    const scam = await stored("https://check.example/news/scam-warning");
    const app = await stored("https://check.example/news/reports-app");
    for (const document of [scam, app])
      for (const field of CLEANED_FIELDS) expect(document?.[field] ?? "", field).not.toMatch(TAG_START);
    expect(scam?.title).toContain("الشرطة تحذر من رسائل احتيال");
    expect(scam?.source).toBe("نشرة التحقق");
    expect(app?.title).toBe("بلدية العاصمة تطلق تطبيقا للبلاغات");
    expect(app?.body).toContain("ويقول المسؤولون إن 5 > 3 و a < b تبقى نصا.");
  });
});
