import type { estypes } from "@elastic/elasticsearch";
import { describe, expect, it } from "vitest";
import { firstOfEachStory } from "./stories.js";

const hit = (id: string, story?: string, score = 1): estypes.SearchHit => ({
  _index: "a",
  _id: id,
  _score: score,
  ...(story ? { fields: { dup_group: [story] } } : {}),
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
