import { describe, expect, it } from "vitest";
import { buildSearchRequest, decodeCursor, encodeCursor } from "./build-search.js";
import { SearchParams } from "./params.js";
import { RANKING } from "./ranking.js";

const input = (params: Record<string, unknown>) => SearchParams.parse(params);

describe("buildSearchRequest", () => {
  it("finds candidates in a first stage and reorders the top window in a second", () => {
    const request = buildSearchRequest(input({ q: "السيسي بوتين" }), "articles");
    const recall = JSON.stringify(request.query);
    expect(recall).toContain('"cross_fields"');
    expect(recall).toContain("terms_set");
    // Phrase, word pairs, exact forms and recency are paid for on the window only.
    expect(recall).not.toContain('"phrase"');
    expect(recall).not.toContain('"function_score"');
    const second = JSON.stringify(request.rescore);
    expect(second).toContain('"phrase"');
    expect(second).toContain('"most_fields"');
    expect(second).toContain('"function_score"');
    expect(request.rescore).toMatchObject({ window_size: RANKING.rescore.windowSize });
    expect(request.collapse?.field).toBe("dup_group");
    // A sort of its own cannot go with a rescore: relevance is the score alone.
    expect(request.sort).toBeUndefined();
    expect(request.from).toBe(0);
    expect(request.timeout).toBe(RANKING.timeout);
  });

  it("matches a misspelt word within the edits its length allows, and never a long one", () => {
    const fuzziness = (q: string) => {
      const text = JSON.stringify(buildSearchRequest(input({ q: `${q} ` }), "a").query);
      return [...new Set([...text.matchAll(/"fuzziness":(\d)/g)].map((match) => Number(match[1])))];
    };
    expect(fuzziness("السيسو")).toEqual([1]);
    expect(fuzziness("الاستسمارات")).toEqual([2]);
    expect(fuzziness("بوت")).toEqual([]);
    expect(fuzziness("اب".repeat(240))).toEqual([]);
  });

  it("asks a question's words of the whole text, not of titles as typed", () => {
    const question = JSON.stringify(buildSearchRequest(input({ q: "ما هي عاصمة العراق؟" }), "a").query);
    expect(question).not.toContain("title.words");
    const recalled = JSON.stringify(buildSearchRequest(input({ q: "عاصمة العراق" }), "a").query);
    expect(recalled).toContain("title.words");
  });

  it("completes the last word from the title's prefixes while the reader types, not after a space", () => {
    const typing = JSON.stringify(buildSearchRequest(input({ q: "السيسي بوت" }), "a").query);
    expect(typing).toContain('"title.autocomplete":{"query":"بوت"');
    const done = JSON.stringify(buildSearchRequest(input({ q: "السيسي بوت " }), "a").query);
    expect(done).not.toContain("title.autocomplete");
  });

  it("counts facets only when asked", () => {
    expect(buildSearchRequest(input({ q: "x" }), "a").aggs).toBeUndefined();
    expect(Object.keys(buildSearchRequest(input({ q: "x", facets: "true" }), "a").aggs ?? {})).toEqual([
      "sources",
      "categories",
      "dates",
      "stories",
    ]);
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

  it("sorts by date for newest and for an empty query, without a rescore", () => {
    expect(buildSearchRequest(input({ q: "" }), "articles").sort).toEqual([
      { published_at: { order: "desc" } },
      { _score: { order: "desc" } },
      { id: { order: "asc" } },
    ]);
    expect(buildSearchRequest(input({ q: "" }), "articles").highlight).toBeUndefined();
    expect(buildSearchRequest(input({ q: "x", sort: "newest" }), "articles").rescore).toBeUndefined();
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
    expect(request.rescore).toBeUndefined();
    expect(request.sort).toEqual([
      { _score: { order: "desc" } },
      { published_at: { order: "desc" } },
      { id: { order: "asc" } },
    ]);
    expect(decodeCursor("garbage")).toBeUndefined();
  });
});
