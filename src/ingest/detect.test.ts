import { describe, expect, it } from "vitest";
import { detectFormat } from "./detect.js";

describe("detectFormat", () => {
  it.each([
    ['[{"title": "خبر"}]', "json"],
    ['{"title": "خبر", "body": "نص"}\n{"title": "خبر آخر"}\n', "jsonl"],
    ['{"title": "سطر أول طويل لم يكتمل في الرأس', "jsonl"],
    ['{\n  "title": "كائن منسق",\n  "body": "نص"\n}\n', "json"],
    ["\uFEFF<DOC>\n<DOCNO>a-1</DOCNO>", "trec"],
    ['<?xml version="1.0"?>\n<!-- خلاصة -->\n<rss version="2.0"><channel>', "rss"],
    ["<rss><channel><title>قناة</title>", "rss"],
    ['<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">', "atom"],
    ['<atom:feed xmlns:atom="http://www.w3.org/2005/Atom">', "atom"],
    ["بكين-سانا\n\nأكد الرئيس أن العلاقات قوية.", "text"],
  ])("%j → %s", (head, format) => {
    expect(detectFormat(head)).toBe(format);
  });

  it("recognises nothing in blank text or unknown markup", () => {
    expect(detectFormat(" \n\t")).toBeUndefined();
    expect(detectFormat("<!DOCTYPE html><html><body>صفحة</body></html>")).toBeUndefined();
  });
});
