import type { estypes } from "@elastic/elasticsearch";
import { describe, expect, it } from "vitest";
import { firstOfEachStory, storyArticlesRequest, storyCounts, storyCountsRequest } from "./stories.js";

// A candidate as the ranking request returns it: doc values, no _id.
const hit = (id: string, story?: string, score = 1): estypes.SearchHit => ({
  _index: "a",
  _score: score,
  fields: { id: [id], ...(story ? { dup_group: [story] } : {}) },
});

describe("firstOfEachStory", () => {
  it("keeps the best-ranked article of each story, in rank order", () => {
    const leaders = firstOfEachStory([
      hit("a1", "A", 9),
      hit("b1", "B", 8),
      hit("a2", "A", 7),
      hit("c1", "C", 6),
    ]);
    expect(leaders.map((leader) => leader.id)).toEqual(["a1", "b1", "c1"]);
    expect(leaders[0]).toMatchObject({ story: "A", score: 9 });
  });

  it("takes an article without a group for a story of its own", () => {
    expect(firstOfEachStory([hit("x"), hit("y"), hit("z", "x")]).map((leader) => leader.id)).toEqual([
      "x",
      "y",
      "z",
    ]);
  });
});

describe("story counts", () => {
  it("counts each story's matching articles and outlets in one bucket per story asked", () => {
    const request = storyCountsRequest(["s1", "s2"], [{ term: { source: "مصدر أ" } }], "i");
    expect(request).toMatchObject({
      size: 0,
      query: { bool: { filter: [{ terms: { dup_group: ["s1", "s2"] } }, { term: { source: "مصدر أ" } }] } },
      aggs: { stories: { terms: { field: "dup_group", size: 2, include: ["s1", "s2"] } } },
    });
    expect(request.aggs?.stories?.aggs?.first).toBeUndefined();
    const counts = storyCounts({
      buckets: [
        { key: "s1", doc_count: 3, sources: { value: 2 } },
        { key: "s2", doc_count: 1, sources: { value: 0 } },
      ],
    });
    expect(counts.get("s1")).toEqual({ articles: 3, sources: 2 });
    expect(counts.get("s2")).toEqual({ articles: 1, sources: 1 });
  });

  it("lists a story's articles oldest first, a page at a time", () => {
    expect(storyArticlesRequest("s1", { size: 50, page: 3 }, "i")).toMatchObject({
      from: 100,
      size: 50,
      query: { term: { dup_group: "s1" } },
      sort: [{ published_at: { order: "asc" } }, { id: { order: "asc" } }],
    });
  });
});
