import { describe, expect, it } from "vitest";
import { toIsoDate } from "./schema.js";

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

  it("takes a Date as it is and refuses an invalid one", () => {
    expect(toIsoDate(new Date("2024-03-01T10:00:00Z"))).toBe("2024-03-01T10:00:00.000Z");
    expect(toIsoDate(new Date(Number.NaN))).toBeUndefined();
  });
});
