import { describe, expect, it } from "vitest";
import { readJsonLines } from "./jsonl.js";
import { chunked, collect, readAll, recordsOf, testOrigin } from "./testing.js";

const line = (fields: object) => JSON.stringify(fields);

describe("readJsonLines", () => {
  it("reads one record per line, numbering lines from 1 and skipping blank ones", async () => {
    const text = [
      line({ title: "افتتاح معرض الكتاب في الرياض", body: "افتتح المعرض أبوابه صباح اليوم.", source: "واس" }),
      "",
      line({ title: "ارتفاع أسعار النفط", body: "ارتفعت الأسعار بنسبة اثنين في المئة.", source: "رويترز" }),
    ].join("\r\n");
    const items = await readAll(readJsonLines, text);
    expect(items.map((item) => item.origin.line)).toEqual([1, 3]);
    expect(recordsOf(items)[1]).toEqual({
      title: "ارتفاع أسعار النفط",
      body: "ارتفعت الأسعار بنسبة اثنين في المئة.",
      source: "رويترز",
    });
  });

  it("refuses a line too large for one article without parsing it, then goes on", async () => {
    const huge = line({ title: "ضخم", body: "ن".repeat(8_000_001) });
    const text = `${huge}\n${line({ title: "ج", body: "د" })}\n`;
    // Chunks as a file stream gives them (64 KB), not the 7 characters the other tests use.
    const items = await collect(readJsonLines(chunked(text, 65_536), testOrigin, {}));
    expect(items.map((item) => item.kind)).toEqual(["failure", "record"]);
    const failure = items[0];
    expect(failure?.kind === "failure" && failure.reason).toMatch(
      /^line 1 is 8\.0 million characters, too large/,
    );
  });

  it("reports an invalid line with its number and the JSON error, then goes on", async () => {
    const text = `${line({ title: "أ", body: "ب" })}\n{"title": "خبر ناقص\n${line({ title: "ج", body: "د" })}\n`;
    const items = await readAll(readJsonLines, text);
    expect(items.map((item) => item.kind)).toEqual(["record", "failure", "record"]);
    const failure = items[1];
    expect(failure?.kind === "failure" && failure.reason).toMatch(/^line 2 is not valid JSON: .+/);
    expect(failure?.origin.line).toBe(2);
  });

  it("rejects a line that is JSON but not an object", async () => {
    const [item] = await readAll(readJsonLines, '["عنوان", "نص"]\n');
    expect(item?.kind === "failure" && item.reason).toBe("line 1 is JSON but not an object (an array)");
  });

  it("maps the SaudiNewsNet shape to canonical fields, in Saudi time", async () => {
    const saudi = {
      source: "okaz",
      url: "http://www.okaz.com.sa/article/1",
      date_extracted: "2015-07-22 14:05:09",
      title: "أمطار غزيرة على جدة",
      author: "جدة: محرر الصحيفة",
      content: "شهدت جدة أمطاراً غزيرة مساء أمس.",
    };
    const [fields] = recordsOf(await readAll(readJsonLines, line(saudi)));
    expect(fields).toEqual({
      source: "okaz",
      url: "http://www.okaz.com.sa/article/1",
      published_at: "2015-07-22T14:05:09+03:00",
      title: "أمطار غزيرة على جدة",
      author: "جدة: محرر الصحيفة",
      body: "شهدت جدة أمطاراً غزيرة مساء أمس.",
    });
  });

  it("applies --map, which wins over the recognised shape; unmapped canonical fields pass", async () => {
    const record = {
      headline: "قمة اقتصادية في أبوظبي",
      text: "انطلقت القمة اليوم.",
      date: "2024-03-01",
      source: "وام",
    };
    const fieldMap = { title: "headline", body: "text", published_at: "date" };
    const [fields] = recordsOf(await readAll(readJsonLines, line(record), { fieldMap }));
    expect(fields).toEqual({
      title: "قمة اقتصادية في أبوظبي",
      body: "انطلقت القمة اليوم.",
      published_at: "2024-03-01",
      source: "وام",
    });

    const saudi = {
      content: "نص المحتوى",
      date_extracted: "2015-07-22 14:05:09",
      scraped: "2016-01-01T00:00:00Z",
    };
    const [mapped] = recordsOf(
      await readAll(readJsonLines, line(saudi), { fieldMap: { published_at: "scraped" } }),
    );
    expect(mapped).toEqual({ body: "نص المحتوى", published_at: "2016-01-01T00:00:00Z" });
  });
});
