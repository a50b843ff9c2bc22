import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import tar from "tar-stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../project-root.js";
import { readInput } from "./open-input.js";
import { collect } from "./readers/testing.js";
import { InputMeter } from "./report.js";
import type { ReadItem } from "./types.js";

const dir = mkdtempSync(join(tmpdir(), "open-input-"));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const read = (spec: string) => collect(readInput(spec, {}));
const reasons = (items: ReadItem[]) =>
  items.flatMap((item) => (item.kind === "failure" ? [item.reason] : []));

const titles = (items: ReadItem[]) =>
  items.map((item) => (item.kind === "record" ? item.fields.title : `failure: ${item.reason}`));
const feedFixture = (name: string) => readFileSync(join(projectRoot, "tests/fixtures/feeds", name));
/** A feed of one item titled `title` (bytes, in whatever encoding), its other text in ASCII. */
const oneItemFeed = (declaration: string, title: Buffer | string) =>
  Buffer.concat([
    Buffer.from(`${declaration}<rss version="2.0"><channel><title>wire</title><item><title>`),
    Buffer.from(title),
    Buffer.from("</title><description>text</description></item></channel></rss>"),
  ]);
/** "خبر" in windows-1256, one byte a letter. */
const KHABAR_1256 = Buffer.from([0xce, 0xc8, 0xd1]);

const JSONL = Array.from({ length: 200 }, (_, n) =>
  JSON.stringify({ title: `خبر رقم ${n}`, body: `نص الخبر رقم ${n} عن الطقس في مكة.`, source: "واس" }),
).join("\n");
const trecDoc = (docno: string, title: string) =>
  `<DOC>\n<DOCNO>${docno}</DOCNO>\n<TITLE>${title}</TITLE>\n<TEXT>نص ${title}</TEXT>\n</DOC>\n`;

async function tarGz(entries: Record<string, string>): Promise<Buffer> {
  const pack = tar.pack();
  for (const [name, content] of Object.entries(entries)) pack.entry({ name }, content);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  return gzipSync(Buffer.concat(chunks));
}

describe("readInput", () => {
  it("reads a gzipped file as if it were plain", async () => {
    const items = await read(file("news.jsonl.gz", gzipSync(`\uFEFF${JSONL}`)));
    expect(items).toHaveLength(200);
    expect(items[0]).toMatchObject({ kind: "record", origin: { line: 1 }, fields: { title: "خبر رقم 0" } });
  });

  it("yields the records before a truncation, then one gzip failure", async () => {
    const gz = gzipSync(JSONL);
    const items = await read(file("cut.jsonl.gz", gz.subarray(0, gz.length / 2)));
    const records = items.filter((item) => item.kind === "record");
    expect(records.length).toBeGreaterThan(10);
    expect(records.length).toBeLessThan(200);
    expect(reasons(items)).toEqual([expect.stringMatching(/^gzip stream is truncated or corrupt: /)]);
    expect(items.at(-1)?.kind).toBe("failure");
  });

  it("reports a gzip that is corrupt from the start as corrupt, not as empty", async () => {
    const garbage = Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0]), Buffer.alloc(64, 0x41)]);
    expect(reasons(await read(file("bad.gz", garbage)))).toEqual([
      expect.stringMatching(/^gzip stream is truncated or corrupt: /),
    ]);
  });

  it("reads every entry of a tar.gz as its own input, named by its path", async () => {
    const archive = await tarGz({
      // A page whose reader stops early (at the related list): the archive must still go on.
      "pages/p.txt": `عنوان الصفحة\nنص الصفحة.\n\nمقالات مشابهة\n${"رابط\n".repeat(5000)}`,
      "sport/a.txt": trecDoc("a-1", "فوز الهلال"),
      "economy/b.txt": trecDoc("b-1", "ارتفاع الذهب") + trecDoc("b-2", "هبوط النفط"),
      README: "ملف توثيق وليس خبرا",
    });
    const path = file("docs.tar.gz", archive);
    const items = await read(path);
    const records = items.filter((item) => item.kind === "record");
    expect(records.map((item) => [item.origin.entry, item.kind === "record" && item.fields.id])).toEqual([
      ["pages/p.txt", undefined],
      ["sport/a.txt", "a-1"],
      ["economy/b.txt", "b-1"],
      ["economy/b.txt", "b-2"],
    ]);
    expect(records[0]?.origin.source).toBe(path);
    expect(reasons(items)).toEqual(["skipped README: the archive's documentation, not news"]);
  });

  it("reads every file under a folder, and every file a pattern matches, in name order", async () => {
    const corpus = join(dir, "corpus");
    mkdirSync(join(corpus, "sport"), { recursive: true });
    mkdirSync(join(corpus, "economy"), { recursive: true });
    const line = (id: string) =>
      `${JSON.stringify({ id, title: `خبر ${id}`, body: "نص الخبر", source: "س", published_at: "2025-01-01" })}\n`;
    writeFileSync(join(corpus, "sport", "a.jsonl"), line("a"));
    writeFileSync(join(corpus, "economy", "b.jsonl"), line("b"));
    writeFileSync(join(corpus, "README.md"), "# corpus");
    writeFileSync(join(corpus, ".hidden.jsonl"), line("hidden"));
    const ids = (items: ReadItem[]) =>
      items.flatMap((item) => (item.kind === "record" ? [item.fields.id] : []));
    const folder = await read(corpus);
    expect(ids(folder)).toEqual(["b", "a"]);
    expect(reasons(folder)).toEqual([expect.stringMatching(/^skipped .*README\.md/)]);
    expect(ids(await read(join(corpus, "**", "*.jsonl")))).toEqual(["b", "a"]);
    expect(ids(await read(join(corpus, "sport", "*.jsonl")))).toEqual(["a"]);
    expect(reasons(await read(join(corpus, "*", "*.xml")))).toEqual([
      `no file matches ${join(corpus, "*", "*.xml")}`,
    ]);
    mkdirSync(join(corpus, "empty"));
    expect(reasons(await read(join(corpus, "empty")))).toEqual([`${join(corpus, "empty")} holds no files`]);
  });

  it("tells the progress meter each file's size and how much of it was read", async () => {
    const path = file("metered.jsonl", JSONL);
    const meter = new InputMeter();
    await collect(readInput(path, { meter }));
    expect(meter.total).toBe(Buffer.byteLength(JSONL));
    expect(meter.read).toBe(Buffer.byteLength(JSONL));
  });

  it("names missing files, binary files and unknown formats", async () => {
    expect(reasons(await read(join(dir, "absent.jsonl")))).toEqual([
      `file not found: ${join(dir, "absent.jsonl")}`,
    ]);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(reasons(await read(file("image.png", png)))).toEqual([
      expect.stringMatching(/^binary file, not text/),
    ]);
    const latin = Buffer.alloc(2000, 0xe9);
    expect(reasons(await read(file("latin1.txt", latin)))).toEqual([
      expect.stringMatching(/^binary file, not text/),
    ]);
    expect(reasons(await read(file("page.html", "<html><body>صفحة</body></html>")))).toEqual([
      expect.stringMatching(/^unrecognised format/),
    ]);
  });

  describe("over HTTP", () => {
    const server = createServer((request, response) => {
      if (request.url === "/feed.jsonl") response.end(JSONL);
      else response.writeHead(404, "Not Found").end();
    });
    let base = "";
    beforeAll(async () => {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("streams a URL's body and reports an error status", async () => {
      expect(await read(`${base}/feed.jsonl`)).toHaveLength(200);
      expect(reasons(await read(`${base}/missing`))).toEqual([`HTTP 404 Not Found from ${base}/missing`]);
    });
  });

  describe("text encodings", () => {
    it("reads a windows-1256 feed in the encoding its XML declaration names, gzipped or not", async () => {
      const bytes = feedFixture("windows-1256.rss");
      const expected = [
        "افتتاح معرض الكتاب السنوي في مدينة الواحة",
        "أمطار غزيرة تعيد الحياة إلى وادي النخيل",
      ];
      expect(titles(await read(file("oasis.rss", bytes)))).toEqual(expected);
      expect(titles(await read(file("oasis.rss.gz", gzipSync(bytes))))).toEqual(expected);
    });

    it("reads UTF-16 by its byte-order mark, little- and big-endian", async () => {
      const little = feedFixture("utf-16le-bom.atom");
      const big = Buffer.from(little).swap16();
      const expected = ["انطلاق موسم الصيد في موانئ الساحل", "مهرجان للتراث البحري يجذب آلاف الزوار"];
      expect(titles(await read(file("coast-le.atom", little)))).toEqual(expected);
      expect(titles(await read(file("coast-be.atom", big)))).toEqual(expected);
    });

    it("names an encoding it cannot read, and reads no garbled text", async () => {
      const path = file(
        "klingon.rss",
        oneItemFeed('<?xml version="1.0" encoding="x-klingon"?>', KHABAR_1256),
      );
      expect(reasons(await read(path))).toEqual([
        'unsupported text encoding "x-klingon" named by the XML declaration',
      ]);
    });
  });

  describe("text encodings over HTTP", () => {
    const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
    const responses: Record<string, [contentType: string, body: Buffer]> = {
      // The declaration says UTF-8; the server knows better.
      "/charset": [
        "application/rss+xml; charset=windows-1256",
        oneItemFeed('<?xml version="1.0" encoding="utf-8"?>', KHABAR_1256),
      ],
      // A byte-order mark outranks any charset.
      "/bom": ["text/xml; charset=windows-1256", Buffer.concat([UTF8_BOM, oneItemFeed("", "خبر")])],
      "/unknown": ['text/xml; charset="x-unknown"', oneItemFeed("", "خبر")],
    };
    const server = createServer((request, response) => {
      const [contentType, body] = responses[request.url ?? ""] ?? [];
      response.writeHead(body ? 200 : 404, { "content-type": contentType ?? "text/plain" }).end(body);
    });
    let base = "";
    beforeAll(async () => {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("takes the byte-order mark first, then the HTTP charset, then the XML declaration", async () => {
      expect(titles(await read(`${base}/charset`))).toEqual(["خبر"]);
      expect(titles(await read(`${base}/bom`))).toEqual(["خبر"]);
      expect(reasons(await read(`${base}/unknown`))).toEqual([
        'unsupported text encoding "x-unknown" named by the HTTP Content-Type charset',
      ]);
    });
  });
});
