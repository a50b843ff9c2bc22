import { describe, expect, it } from "vitest";
import { BufferPool, BulkBody } from "./bulk-writer.js";

const documents = [
  {
    id: "a-1",
    origin: { source: "feed.jsonl", line: 1 },
    json: JSON.stringify({ title: "أمطار غزيرة على جدة" }),
  },
  { id: 'b"2', origin: { source: "feed.jsonl", line: 2 }, json: JSON.stringify({ title: "Café ☕ ١٢٣" }) },
  { id: "c-3", origin: { source: "feed.jsonl", line: 3 }, json: JSON.stringify({ title: "الرياض" }) },
];

describe("BulkBody", () => {
  it("encodes an action line and a source line per document, as UTF-8 NDJSON", () => {
    const body = BulkBody.of(documents);
    const lines = body.bytes.toString("utf8").split("\n");
    expect(lines.at(-1)).toBe("");
    expect(lines.slice(0, -1).map((line) => JSON.parse(line))).toEqual([
      { index: { _id: "a-1" } },
      { title: "أمطار غزيرة على جدة" },
      { index: { _id: 'b"2' } },
      { title: "Café ☕ ١٢٣" },
      { index: { _id: "c-3" } },
      { title: "الرياض" },
    ]);
    expect(body.byteLength).toBe(body.bytes.length);
    expect(body.documents.map((d) => d.id)).toEqual(["a-1", 'b"2', "c-3"]);
  });

  it("names the index of a document written elsewhere than the request's, and keeps it in a retry", () => {
    const body = BulkBody.of(
      documents.slice(0, 2).map((document, i) => (i === 0 ? { ...document, index: "news-2016" } : document)),
    );
    const actions = (encoded: BulkBody<unknown>) =>
      encoded.bytes
        .toString("utf8")
        .split("\n")
        .filter((line, i) => i % 2 === 0 && line)
        .map((line) => JSON.parse(line));
    expect(actions(body)).toEqual([
      { index: { _index: "news-2016", _id: "a-1" } },
      { index: { _id: 'b"2' } },
    ]);
    expect(actions(body.pick([0]))).toEqual([{ index: { _index: "news-2016", _id: "a-1" } }]);
  });

  it("grows past the size it was given", () => {
    const body = new BulkBody(8);
    for (const document of documents) body.add(document.id, document.origin, document.json);
    expect(body.bytes.equals(BulkBody.of(documents).bytes)).toBe(true);
  });

  it("picks documents by position into a body of their own, for a retry", () => {
    const picked = BulkBody.of(documents).pick([0, 2]);
    const firstAndThird = documents.filter((_, position) => position !== 1);
    expect(picked.bytes.equals(BulkBody.of(firstAndThird).bytes)).toBe(true);
    expect(picked.documents).toEqual([
      { id: "a-1", origin: documents[0]?.origin },
      { id: "c-3", origin: documents[2]?.origin },
    ]);
    expect(BulkBody.of(documents).pick([]).byteLength).toBe(0);
  });

  it("sets another value in the first field of some documents, leaving the rest byte for byte", () => {
    const grouped = (group: string, title: string) => JSON.stringify({ dup_group: group, title });
    const encoded = BulkBody.of([
      { id: "a", origin: { source: "f" }, json: grouped("a", 'أمطار "غزيرة" على جدة') },
      { id: "b", origin: { source: "f" }, json: grouped("b", "Café ☕ ١٢٣") },
      { id: 'c"3', origin: { source: "f" }, json: grouped('c"3', "الرياض") },
    ]);
    const regrouped = encoded.withFirstField(
      "dup_group",
      new Map([
        [0, "خبر-١"],
        [2, 'a"\\x'],
      ]),
    );
    const expected = BulkBody.of([
      { id: "a", origin: { source: "f" }, json: grouped("خبر-١", 'أمطار "غزيرة" على جدة') },
      { id: "b", origin: { source: "f" }, json: grouped("b", "Café ☕ ١٢٣") },
      { id: 'c"3', origin: { source: "f" }, json: grouped('a"\\x', "الرياض") },
    ]);
    expect(regrouped.bytes.toString()).toBe(expected.bytes.toString());
    expect(regrouped.documents).toEqual(encoded.documents);
    expect(regrouped.pick([2]).bytes.equals(expected.pick([2]).bytes)).toBe(true);
    expect(encoded.withFirstField("dup_group", new Map())).toBe(encoded);
    expect(() => encoded.withFirstField("title", new Map([[1, "x"]]))).toThrow(/does not start with/);
  });

  it("lends the bytes of a released body to the next one from its pool", () => {
    const pool = new BufferPool();
    const first = new BulkBody(1000, pool);
    for (const document of documents) first.add(document.id, document.origin, document.json);
    const storage = first.bytes;
    first.release();
    expect(first.byteLength).toBe(0);
    expect(first.documents).toEqual([]);

    const [third] = documents.slice(2);
    const second = new BulkBody(1000, pool);
    if (third) second.add(third.id, third.origin, third.json);
    // The same memory, holding the new document only.
    expect(second.bytes.buffer).toBe(storage.buffer);
    expect(second.bytes.byteOffset).toBe(storage.byteOffset);
    expect(second.bytes.equals(BulkBody.of(documents.slice(2)).bytes)).toBe(true);
  });

  it("keeps only as many unused buffers as it was told", () => {
    const pool = new BufferPool(1);
    const [a, b] = [Buffer.alloc(16), Buffer.alloc(16)];
    pool.give(a);
    pool.give(b);
    expect(pool.take(16)).toBe(a);
    expect(pool.take(16)).not.toBe(b);
    pool.give(a);
    expect(pool.take(32)).not.toBe(a);
  });
});
