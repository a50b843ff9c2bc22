import { describe, expect, it } from "vitest";
import { buildSearchRequest, decodeCursor, encodeCursor } from "./build-search.js";
import { SearchParams } from "./params.js";

const input = (params: Record<string, unknown>) => SearchParams.parse(params);

describe("buildSearchRequest", () => {
  it("ranks by relevance with recency as a small additive signal and collapses copies", () => {
    const request = buildSearchRequest(input({ q: "السيسي بوتين" }), "articles");
    const text = JSON.stringify(request);
    expect(text).toContain('"function_score"');
    expect(text).toContain('"best_fields"');
    expect(request.collapse?.field).toBe("dup_group");
    expect(request.sort).toEqual([
      { _score: { order: "desc" } },
      { published_at: { order: "desc" } },
      { id: { order: "asc" } },
    ]);
    expect(request.from).toBe(0);
  });

  it("lifts an article whose whole title the query holds, by its title's exact words", () => {
    const text = JSON.stringify(buildSearchRequest(input({ q: "أين درس ابن خلدون؟" }), "articles"));
    expect(text).toContain(
      '"terms_set":{"title.exact":{"terms":["اين","درس","ابن","خلدون"],"minimum_should_match_field":"title_words"}}',
    );
    expect(JSON.stringify(buildSearchRequest(input({ q: "" }), "articles"))).not.toContain("terms_set");
  });

  it("never sends query_string or unbounded wildcards", () => {
    const text = JSON.stringify(buildSearchRequest(input({ q: "a* b? *:* title:x" }), "articles"));
    expect(text).not.toContain("query_string");
    expect(text).not.toContain("wildcard");
    expect(text).not.toContain("regexp");
  });

  it("sorts by date for newest and for an empty query", () => {
    expect(buildSearchRequest(input({ q: "" }), "articles").sort).toEqual([
      { published_at: { order: "desc" } },
      { _score: { order: "desc" } },
      { id: { order: "asc" } },
    ]);
    expect(buildSearchRequest(input({ q: "" }), "articles").highlight).toBeUndefined();
  });

  it("puts source and category in the post_filter and dates in the query", () => {
    const request = buildSearchRequest(
      input({ q: "x", source: ["أ", "ب"], category: "رياضة", from: "2025-01-01" }),
      "a",
    );
    expect(JSON.stringify(request.post_filter)).toContain('"source":["أ","ب"]');
    expect(JSON.stringify(request.query)).toContain('"gte":"2025-01-01T00:00:00.000Z"');
  });

  it("pages with the cursor using search_after and no collapse", () => {
    const cursor = encodeCursor([1.5, 1700000000000, "id-1"]);
    const request = buildSearchRequest(input({ q: "x", cursor }), "a");
    expect(request.search_after).toEqual([1.5, 1700000000000, "id-1"]);
    expect(request.from).toBeUndefined();
    expect(request.collapse).toBeUndefined();
    expect(decodeCursor("garbage")).toBeUndefined();
  });
});
