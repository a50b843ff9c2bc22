/**
 * Stories through the real app against a real Elasticsearch: every hit names its story and counts
 * its copies within the filters in force; a story lists its versions oldest first; its timeline
 * groups the event's coverage over days into stories, by first report.
 *
 * The fixture (tests/fixtures/stories.jsonl): a sandstorm carried by three outlets (the latest
 * version first in the file), the next day's reopening of the airport by two, a damage report by
 * one, a sandstorm two months later, and a football and a market report in the same days.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type {
  RelatedResponse,
  SearchHit,
  SearchResponse,
  StoryResponse,
  TimelineResponse,
} from "../src/search/responses.js";
import { appWithFixtures } from "./helpers/api.js";

const { app } = appWithFixtures("stories", async () => [
  join(import.meta.dirname, "fixtures", "stories.jsonl"),
]);

async function get<T>(path: string): Promise<T> {
  const response = await app.request(path);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
}

function search(params: Record<string, string>): Promise<SearchResponse> {
  return get(`/api/search?${new URLSearchParams({ facets: "true", ...params })}`);
}

const STORM = ["st-storm-a", "st-storm-b", "st-storm-c"];
const byId = (result: { hits: SearchHit[] }, ids: string[]) =>
  result.hits.find((hit) => ids.includes(hit.id));
const facetCount = (values: Array<{ value: string; count: number }>, value: string) =>
  values.find((facet) => facet.value === value)?.count ?? 0;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Every count on a page of all the matches tells the same story: one hit per story, each hit
 * standing for itself and its copies, the selected facet values adding up to the results.
 */
function expectCountsAgree(result: SearchResponse, filters: { source?: string; category?: string }) {
  expect(result.hits.length).toBe(result.stories);
  expect(sum(result.hits.map((hit) => hit.copies + 1))).toBe(result.total.value);
  for (const hit of result.hits) {
    expect(hit.sources).toBeLessThanOrEqual(hit.copies + 1);
    expect(hit.duplicates).toBe(hit.copies);
  }
  const sources = filters.source
    ? facetCount(result.facets.source, filters.source)
    : sum(result.facets.source.map((facet) => facet.count));
  const categories = filters.category
    ? facetCount(result.facets.category, filters.category)
    : sum(result.facets.category.map((facet) => facet.count));
  expect(sources).toBe(result.total.value);
  expect(categories).toBe(result.total.value);
  expect(sum(result.facets.published.map((facet) => facet.count))).toBe(result.total.value);
}

describe("hits carry their story", () => {
  it("names each hit's story and counts the copies and outlets collapsed behind it", async () => {
    const result = await search({ q: "العاصفة" });
    expect(result.total.value).toBe(7);
    expect(result.stories).toBe(4);
    const storm = byId(result, STORM);
    expect(storm).toMatchObject({ copies: 2, sources: 3 });
    expect(byId(result, ["st-flights-a", "st-flights-b"])).toMatchObject({ copies: 1, sources: 2 });
    expect(byId(result, ["st-damage"])).toMatchObject({ story: "st-damage", copies: 0, sources: 1 });
    // The storm's versions share one story, whichever of them leads.
    const story = await get<StoryResponse>(`/api/stories/${encodeURIComponent(storm?.story ?? "")}`);
    expect(story.articles.map((article) => article.id)).toContain(storm?.id);
    expectCountsAgree(result, {});
  });

  it("counts within a source filter: results, stories, facets and copies agree", async () => {
    const source = "صحيفة الرأي الجديد";
    const result = await search({ q: "العاصفة", source });
    expect(result.total.value).toBe(2);
    expect(result.stories).toBe(2);
    // The storm ran in three outlets, one of them this one: no copy of it within the filter.
    expect(byId(result, STORM)).toMatchObject({ id: "st-storm-b", copies: 0, sources: 1 });
    expectCountsAgree(result, { source });
    // The source facet still offers the other outlets, counted within the query.
    expect(facetCount(result.facets.source, "وكالة الخليج للأنباء")).toBe(3);
  });

  it("counts within a category filter: results, stories, facets and copies agree", async () => {
    const category = "طقس";
    const result = await search({ q: "العاصفة", category });
    expect(result.total.value).toBe(4);
    expect(result.stories).toBe(3);
    // Two of the storm's three versions are filed under weather.
    expect(byId(result, STORM)).toMatchObject({ copies: 1, sources: 2 });
    expect(byId(result, ["st-flights-a", "st-flights-b"])).toMatchObject({ id: "st-flights-a", copies: 0 });
    expectCountsAgree(result, { category });
    expect(facetCount(result.facets.category, "محليات")).toBe(3);
  });

  it("counts the copies that match the query, not every copy of the story", async () => {
    // Of the storm's versions only one headline says حركة; the reopening's two texts both do.
    const result = await search({ q: "حركة" });
    expect(byId(result, STORM)).toMatchObject({ id: "st-storm-b", copies: 0, sources: 1 });
    expect(byId(result, ["st-flights-a", "st-flights-b"])).toMatchObject({ copies: 1, sources: 2 });
    expectCountsAgree(result, {});
    const early = await search({ q: "الربو", to: "2025-04-10T07:00:00Z" });
    expect(early.total.value).toBe(1);
    expect(early.hits[0]).toMatchObject({ id: "st-storm-a", copies: 0, sources: 1 });
  });

  it("carries the story in related coverage and the editor's view, counted within their filters", async () => {
    const related = await get<RelatedResponse>("/api/articles/st-damage/related?size=5");
    expect(byId(related, STORM)).toMatchObject({ copies: 2, sources: 3 });
    const oneSource = await get<RelatedResponse>(
      `/api/articles/st-damage/related?size=5&source=${encodeURIComponent("إذاعة الساحل")}`,
    );
    expect(byId(oneSource, STORM)).toMatchObject({ id: "st-storm-c", copies: 0, sources: 1 });
    const draft = await app.request("/api/related?size=5", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "عاصفة رملية تعلق الرحلات في مطار الكويت" }),
    });
    expect(draft.status).toBe(200);
    const drafted = (await draft.json()) as RelatedResponse;
    expect(byId(drafted, STORM)).toMatchObject({ copies: 2, sources: 3 });
    expect(drafted.hits.every((hit) => typeof hit.story === "string" && hit.story)).toBe(true);
  });
});

describe("GET /api/stories/{id}", () => {
  it("lists every version of a story, oldest first, with who ran it and when", async () => {
    const { hits } = await search({ q: "عاصفة رملية تضرب الكويت" });
    const story = byId({ hits }, STORM)?.story ?? "";
    const result = await get<StoryResponse>(`/api/stories/${encodeURIComponent(story)}`);
    expect(result).toMatchObject({ story, total: 3, sources: 3, next_page: null });
    expect(result.articles.map((article) => article.id)).toEqual(STORM);
    expect(result.articles[0]).toEqual({
      id: "st-storm-a",
      title: "عاصفة رملية تضرب الكويت وتعلق الرحلات في المطار",
      source: "وكالة الخليج للأنباء",
      published_at: "2025-04-10T06:00:00.000Z",
      url: "https://gulf-agency.example/2025/04/10/sandstorm",
      category: "طقس",
    });
  });

  it("pages a story too long for one answer, and says where the next page is", async () => {
    const story = "st-storm-c";
    const first = await get<StoryResponse>(`/api/stories/${story}?size=2`);
    expect(first.articles.map((article) => article.id)).toEqual(STORM.slice(0, 2));
    expect(first).toMatchObject({ total: 3, next_page: 2 });
    const second = await get<StoryResponse>(`/api/stories/${story}?size=2&page=${first.next_page}`);
    expect(second.articles.map((article) => article.id)).toEqual(STORM.slice(2));
    expect(second.next_page).toBeNull();
    expect((await app.request(`/api/stories/${story}?size=201`)).status).toBe(400);
    // Read as sent, as the search routes read theirs: not a default in place of what Hono drops.
    for (const query of ["size=%E0%A4%A", "page[]=2", "size=2&size=3"]) {
      expect((await app.request(`/api/stories/${story}?${query}`)).status, query).toBe(400);
    }
  });

  it("answers an unknown story with 404 problem+json, for the story and its timeline", async () => {
    for (const path of ["/api/stories/no-such-story", "/api/stories/no-such-story/timeline"]) {
      const response = await app.request(path);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect(((await response.json()) as { detail: string }).detail).toContain("no-such-story");
    }
  });
});

describe("GET /api/stories/{id}/timeline", () => {
  it("groups the event's coverage over days into stories, by first report, oldest first", async () => {
    const timeline = await get<TimelineResponse>("/api/stories/st-storm-c/timeline");
    const entries = timeline.stories.map((entry) => [
      entry.first_report.id,
      entry.articles,
      entry.sources,
      entry.current,
    ]);
    expect(entries).toEqual([
      ["st-storm-a", 3, 3, true],
      ["st-flights-a", 2, 2, false],
      ["st-damage", 1, 1, false],
    ]);
    // Two months later is another event; the football and market reports of those days, another topic.
    const ids = timeline.stories.map((entry) => entry.first_report.id);
    for (const other of ["st-storm-june", "st-football", "st-market"]) expect(ids).not.toContain(other);
    expect(Date.parse(timeline.window.from)).toBeLessThan(Date.parse("2025-04-10T06:00:00Z"));
    expect(Date.parse(timeline.window.to)).toBeGreaterThan(Date.parse("2025-04-13T12:00:00Z"));
    expect(Date.parse(timeline.window.to)).toBeLessThan(Date.parse("2025-06-20T13:00:00Z"));
  });

  it("is in the OpenAPI document, named and described like every route", async () => {
    const document = await get<{ paths: Record<string, Record<string, { operationId?: string }>> }>(
      "/api/openapi.json",
    );
    expect(document.paths["/api/stories/{id}"]?.get?.operationId).toBe("getStory");
    expect(document.paths["/api/stories/{id}/timeline"]?.get?.operationId).toBe("getStoryTimeline");
  });
});

describe("the reader pages", () => {
  it("links a collapsed story as «N sources» to its page, which lists its versions and timeline", async () => {
    const results = await (await app.request(`/?q=${encodeURIComponent("العاصفة")}`)).text();
    expect(results).toContain('href="/stories/st-storm-c"');
    expect(results).toContain("٣ مصادر");
    expect(results).toContain("مصدران");
    const response = await app.request("/stories/st-storm-c");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('dir="rtl"');
    const order = STORM.map((id) => html.indexOf(`href="/articles/${id}"`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain("تطور القصة");
    expect((await app.request("/stories/no-such-story")).status).toBe(404);
  });

  it("shows the story's timeline on the article page", async () => {
    const html = await (await app.request("/articles/st-damage")).text();
    const section = html.slice(html.indexOf("تطور القصة"));
    expect(section).toContain('href="/articles/st-storm-a"');
    expect(section.indexOf("st-storm-a")).toBeLessThan(section.indexOf("st-flights-a"));
  });
});
