import { describe, expect, it } from "vitest";
import {
  analysisMatches,
  compareTokens,
  describeDifference,
  type GoldenTokens,
  loadGoldenTokens,
  summarizeReport,
} from "./verify-analysis.js";

const golden: GoldenTokens = {
  generatedWith: "Elasticsearch 8.19.21",
  analyzers: ["stemmed", "exact"],
  cases: [
    { rule: "synonyms", text: "ترمب", tokens: { stemmed: ["ترامب", "ترمب"], exact: ["ترمب"] } },
    { rule: "stop words", text: "في", tokens: { stemmed: [], exact: ["في"] } },
  ],
};

describe("compareTokens", () => {
  it("finds nothing when every list matches", () => {
    const report = compareTokens(golden, { stemmed: [["ترامب", "ترمب"], []], exact: [["ترمب"], ["في"]] });
    expect(analysisMatches(report)).toBe(true);
    expect(summarizeReport(report)).toBe("matches the golden tokens (2 inputs × 2 analyzers)");
  });

  it("names the analyzer, the input, its rule, expected and got; order counts", () => {
    const report = compareTokens(golden, { stemmed: [["ترمب"], []], exact: [["ترمب"], ["في", "x"]] });
    expect(report.differences.map(describeDifference)).toEqual([
      "stemmed «ترمب» (synonyms): expected [ترامب, ترمب], got [ترمب]",
      "exact «في» (stop words): expected [في], got [في, x]",
    ]);
    const reordered = compareTokens(golden, { stemmed: [["ترمب", "ترامب"], []], exact: [["ترمب"], ["في"]] });
    expect(reordered.differences).toHaveLength(1);
  });

  it("reports an analyzer that could not run, and one never asked", () => {
    const report = compareTokens(golden, { stemmed: { error: "failed to find analyzer [stemmed]" } });
    expect(report.failures).toEqual([
      { analyzer: "stemmed", message: "failed to find analyzer [stemmed]" },
      { analyzer: "exact", message: "not analysed" },
    ]);
    expect(summarizeReport(report)).toContain("first: stemmed: failed to find analyzer [stemmed]");
  });
});

describe("mappings/golden-tokens.json", () => {
  it("has tokens for each of its analyzers on every input, every input once", () => {
    const fixture = loadGoldenTokens();
    for (const item of fixture.cases)
      expect(Object.keys(item.tokens).sort()).toEqual([...fixture.analyzers].sort());
    expect(new Set(fixture.cases.map((item) => item.text)).size).toBe(fixture.cases.length);
  });
});
