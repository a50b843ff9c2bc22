/** The terminal's header line: each way the search read the query, and a search cut short. */
import { describe, expect, it } from "vitest";
import { searchHeader } from "./search-header.js";

const answered = {
  total: { value: 12, exact: true },
  took_ms: 9,
  corrected_query: null,
  unquoted_query: null,
  arabic_keys_query: null,
  arabic_name_query: null,
  partial: false,
  suggestion: null,
};

describe("searchHeader", () => {
  it("counts the results and the time", () => {
    expect(searchHeader(answered)).toBe("12 results, 9 ms");
    expect(searchHeader({ ...answered, total: { value: 10000, exact: false } })).toBe("≥10000 results, 9 ms");
  });

  it("says when the search ran out of time, beside what it read the query as", () => {
    expect(searchHeader({ ...answered, partial: true, suggestion: "أسعار النفط" })).toBe(
      "12 results, 9 ms · partial: the search ran out of time · did you mean: أسعار النفط",
    );
  });

  it("keeps control characters of a reading out of the terminal", () => {
    expect(searchHeader({ ...answered, unquoted_query: "ميناء\u001b[2J الملاحة" })).toBe(
      "12 results, 9 ms · no article holds what is quoted; results for: ميناء [2J الملاحة",
    );
  });
});
