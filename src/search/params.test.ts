import { describe, expect, it } from "vitest";
import { encodeCursor } from "./build-search.js";
import { enoughToSuggest, SearchParams, SuggestParams, unreadableParameters } from "./params.js";

const issues = (params: Record<string, unknown>) =>
  SearchParams.safeParse(params).error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);

describe("whole numbers", () => {
  it.each(["0x10", "1e2", "+5", "0b11", "5.0", " 5", "-1", ""])("refuse %j", (size) => {
    expect(issues({ size })).toEqual(["size: must be a whole number in decimal digits"]);
  });

  it("read decimal digits, within bounds", () => {
    expect(SearchParams.parse({ size: "25", page: "007" })).toMatchObject({ size: 25, page: 7 });
    expect(issues({ size: "101" })).toEqual(["size: must be at most 100"]);
    expect(SuggestParams.safeParse({ q: "مص", size: "0x5" }).success).toBe(false);
  });
});

describe("cursors", () => {
  const newest = encodeCursor(["2025-04-12T13:05:00.000Z", 0.9, "sample-127"]);
  const relevance = encodeCursor([0.9, "2025-04-12T13:05:00.000Z", "sample-127"]);

  it("page on in the order they came from", () => {
    expect(issues({ q: "مصر", sort: "newest", cursor: newest })).toBeUndefined();
    expect(issues({ q: "", cursor: newest })).toBeUndefined();
    expect(issues({ q: "مصر", cursor: relevance })).toBeUndefined();
  });

  it("are refused in another order, naming cursor", () => {
    expect(issues({ q: "مصر", sort: "newest", cursor: relevance })).toEqual([
      expect.stringMatching(/^cursor: continues a page sorted by relevance, not by newest/),
    ]);
    expect(issues({ q: "مصر", cursor: newest })).toEqual([
      expect.stringMatching(/^cursor: continues a page sorted by newest, not by relevance/),
    ]);
    // No query is ranked newest first, whatever sort says.
    expect(issues({ q: "", cursor: relevance })?.[0]).toMatch(/^cursor: .* not by newest/);
  });
});

describe("unreadableParameters", () => {
  it("passes plain names and well-formed values", () => {
    expect(unreadableParameters("?q=%D9%85%D8%B5%D8%B1+%D8%A7&size=5&source=a&source=b&flag")).toEqual([]);
    expect(unreadableParameters("")).toEqual([]);
  });

  it("names bracketed names and broken percent-encoding", () => {
    expect(unreadableParameters("?q[]=x&source%5Ba%5D=y&size=5").map((item) => item.parameter)).toEqual([
      "q[]",
      "source[a]",
    ]);
    expect(unreadableParameters("?q=%E0%A4%A&size=5")).toEqual([
      { parameter: "q", message: "is not valid percent-encoded UTF-8" },
    ]);
    expect(unreadableParameters("?q=%ED%A0%80")).toHaveLength(1);
    expect(unreadableParameters("?%E0=x")[0]?.parameter).toBe("%E0");
  });
});

describe("enoughToSuggest", () => {
  it("wants two letters or digits", () => {
    for (const q of ["", " ", "م", "م.", "«م»", "1"]) expect(enoughToSuggest(q), q).toBe(false);
    for (const q of ["مص", "م ص", "20", "ab"]) expect(enoughToSuggest(q), q).toBe(true);
  });
});
