import { describe, expect, it } from "vitest";
import { judge, mean, ndcgAt, percentile, precisionAt, recallAt, reciprocalRank } from "./metrics.js";

describe("judge", () => {
  it("flags relevant keys by rank and credits a repeated key once", () => {
    expect(judge(["a", "b", "b", "c"], new Set(["b", "c"]))).toEqual([false, true, false, true]);
  });
});

describe("reciprocalRank", () => {
  it("is 1/rank of the first relevant result", () => {
    expect(reciprocalRank([false, false, true, true])).toBeCloseTo(1 / 3);
    expect(reciprocalRank([true])).toBe(1);
  });
  it("is 0 when the first relevant result is past the cut-off or absent", () => {
    expect(reciprocalRank([...Array(10).fill(false), true])).toBe(0);
    expect(reciprocalRank([])).toBe(0);
  });
});

describe("recallAt / precisionAt", () => {
  const flags = [true, false, true, false, false, false, false, false, false, false, true];
  it("counts relevant results within k", () => {
    expect(recallAt(flags, 4)).toBe(0.5); // 2 of 4 in the top 10
    expect(recallAt(flags, 4, 11)).toBe(0.75);
    expect(precisionAt(flags)).toBe(0.2);
    expect(precisionAt(flags, 3)).toBeCloseTo(2 / 3);
  });
  it("keeps k as the precision denominator when fewer results came back", () => {
    expect(precisionAt([true, true])).toBe(0.2);
    expect(recallAt([], 0)).toBe(0);
  });
});

describe("ndcgAt", () => {
  it("matches a hand computation", () => {
    // Relevant at ranks 1 and 3, two relevant in all: (1 + 1/log2 4) / (1 + 1/log2 3) = 1.5 / 1.6309
    expect(ndcgAt([true, false, true], 2)).toBeCloseTo(1.5 / (1 + 1 / Math.log2(3)), 10);
    // One relevant document at rank 2: 1/log2(3)
    expect(ndcgAt([false, true], 1)).toBeCloseTo(0.63093, 5);
  });
  it("is 1 for an ideal ranking and 0 with nothing relevant", () => {
    expect(ndcgAt([true, true, false], 2)).toBe(1);
    expect(ndcgAt([false, false], 0)).toBe(0);
  });
  it("caps the ideal at k relevant documents", () => {
    expect(ndcgAt(Array(10).fill(true), 25)).toBe(1);
  });
});

describe("mean / percentile", () => {
  it("uses the nearest rank", () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 100)).toBe(4);
    expect(percentile([], 50)).toBe(0);
    expect(mean([1, 2, 3, 6])).toBe(3);
  });
});
