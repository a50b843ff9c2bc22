import { describe, expect, it } from "vitest";
import { ArticleInputSchema, isKnownZone, toIsoDate } from "./schema.js";

describe("toIsoDate", () => {
  it.each([
    ["2024-03-01", "2024-03-01T00:00:00.000Z"],
    ["2015-07-22 14:05:09+03:00", "2015-07-22T11:05:09.000Z"],
    ["2015-07-22T14:05:09.250Z", "2015-07-22T14:05:09.250Z"],
    ["  2024-02-29T23:30+0130 ", "2024-02-29T22:00:00.000Z"],
    ["2000-02-29", "2000-02-29T00:00:00.000Z"],
  ])("reads %s as %s", (text, iso) => {
    expect(toIsoDate(text)).toBe(iso);
  });

  it.each([
    ["a day the month lacks", "2023-02-31"],
    ["29 February outside a leap year", "2023-02-29"],
    ["29 February in a century year", "1900-02-29T10:00:00Z"],
    ["month 13", "2023-13-01"],
    ["day 0", "2023-01-00"],
    ["a placeholder year", "0001-01-01"],
    ["before 1900", "1899-12-31T23:59:59Z"],
    ["more than a year ahead", `${new Date().getUTCFullYear() + 2}-01-01`],
    ["no zone", "2024-03-01T10:00:00"],
    ["day first", "01/03/2024"],
    ["words", "yesterday"],
  ])("refuses %s (%s)", (_what, text) => {
    expect(toIsoDate(text)).toBeUndefined();
  });

  it("reads ISO basic forms, and a date-time without a zone only in a zone it is given", () => {
    expect(toIsoDate("20170122T185600Z")).toBe("2017-01-22T18:56:00.000Z");
    expect(toIsoDate("20170122T1856+0100")).toBe("2017-01-22T17:56:00.000Z");
    expect(toIsoDate("20170122")).toBe("2017-01-22T00:00:00.000Z");
    expect(toIsoDate("2017-01-22T185600")).toBeUndefined();
    expect(toIsoDate("2017-01-22T185600", "+01:00")).toBe("2017-01-22T17:56:00.000Z");
    expect(toIsoDate("2017-01-22T185600", "Z")).toBe("2017-01-22T18:56:00.000Z");
    // An IANA zone, daylight saving time included: Berlin is +1 in January and +2 in July.
    expect(toIsoDate("2024-01-15T12:00:00", "Europe/Berlin")).toBe("2024-01-15T11:00:00.000Z");
    expect(toIsoDate("2024-07-15T12:00:00", "Europe/Berlin")).toBe("2024-07-15T10:00:00.000Z");
    expect(toIsoDate("2024-07-15T12:00:00", "Asia/Riyadh")).toBe("2024-07-15T09:00:00.000Z");
    expect(toIsoDate("2024-07-15T12:00:00", "Mars/Olympus")).toBeUndefined();
    // Still refused: ambiguous orders and impossible days, with a zone or not.
    expect(toIsoDate("01/03/2024", "Z")).toBeUndefined();
    expect(toIsoDate("2023-02-31T10:00:00", "Z")).toBeUndefined();
    expect(isKnownZone("Asia/Riyadh")).toBe(true);
    expect(isKnownZone("+03:00")).toBe(true);
    expect(isKnownZone("Riyadh")).toBe(false);
  });

  it("takes a Date as it is and refuses an invalid one", () => {
    expect(toIsoDate(new Date("2024-03-01T10:00:00Z"))).toBe("2024-03-01T10:00:00.000Z");
    expect(toIsoDate(new Date(Number.NaN))).toBeUndefined();
  });
});

describe("ArticleInputSchema", () => {
  it("cleans markup out of tags as out of every other text field, and drops tags left empty", () => {
    const article = ArticleInputSchema.parse({
      title: "عنوان",
      body: "نص",
      source: "مصدر",
      published_at: "2025-03-01",
      tags: ["<scr<scr<b>ipt>ipt>أمن", "<b></b>", "اقتصاد"],
    });
    expect(article.tags).toHaveLength(2);
    expect(article.tags?.[0]).toMatch(/^[^<]*أمن$/);
    expect(article.tags?.[1]).toBe("اقتصاد");
  });
});
