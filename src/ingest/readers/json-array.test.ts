import { describe, expect, it } from "vitest";
import { readJsonDocument } from "./json-array.js";
import { readAll, recordsOf } from "./testing.js";

describe("readJsonDocument", () => {
  it("streams an array of objects, naming each by its index", async () => {
    const text = JSON.stringify(
      [
        { title: "تدشين مشروع للطاقة الشمسية", body: "دشنت الوزارة المشروع في تبوك.", source: "واس" },
        { title: "فوز المنتخب في مباراة ودية", body: "فاز المنتخب بهدفين دون رد.", source: "الرياضية" },
      ],
      null,
      2,
    );
    const items = await readAll(readJsonDocument, text);
    expect(items.map((item) => item.origin.entry)).toEqual(["0", "1"]);
    expect(recordsOf(items)[1]?.title).toBe("فوز المنتخب في مباراة ودية");
  });

  it("keeps the elements before a syntax error, then reports one failure with its line", async () => {
    const text = '[\n  {"title": "أ", "body": "ب"},\n  {"title": "ج", "body": "د"}\n  {"title": "هـ"}\n]';
    const items = await readAll(readJsonDocument, text);
    expect(items.map((item) => item.kind)).toEqual(["record", "record", "failure"]);
    const failure = items[2];
    expect(failure?.kind === "failure" && failure.reason).toMatch(
      /^malformed JSON at line 4, .*after element 1.*expected ','/,
    );
  });

  it("reports a truncated array after the elements it did read", async () => {
    const items = await readAll(readJsonDocument, '[{"title": "أ", "body": "ب"}, {"title": "ج"');
    expect(items.map((item) => item.kind)).toEqual(["record", "failure"]);
  });

  it("reads a single pretty-printed object as one record", async () => {
    const text = '{\n  "title": "افتتاح مستشفى جديد",\n  "body": "افتتح المستشفى في الدمام."\n}\n';
    const [fields] = recordsOf(await readAll(readJsonDocument, text));
    expect(fields).toEqual({ title: "افتتاح مستشفى جديد", body: "افتتح المستشفى في الدمام." });
  });

  it("rejects array elements that are not objects", async () => {
    const items = await readAll(readJsonDocument, '[{"title": "أ"}, "نص", 3]');
    expect(items.map((item) => (item.kind === "failure" ? item.reason : "record"))).toEqual([
      "record",
      "array element 1 is a string, not an object",
      "array element 2 is a number, not an object",
    ]);
  });
});
