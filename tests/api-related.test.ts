/**
 * Related coverage through the HTTP app against a real Elasticsearch, on the project's own sample
 * plus a Russia–China summit told by a long wire article, a copy of it another outlet rewrote, and
 * headline-only briefs of the same event and of another (a Sisi–Putin phone call the same day).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../src/project-root.js";
import type { RelatedResponse } from "../src/search/responses.js";
import { appWithFixtures } from "./helpers/api.js";

const { app } = appWithFixtures("related", async () => [
  join(projectRoot, "samples/articles.jsonl"),
  join(import.meta.dirname, "fixtures", "related.jsonl"),
]);

const SUMMIT = "rel-summit-main";
/** The same agency text as another outlet ran it: new headline and dateline, ى for ي, end cut. */
const SUMMIT_COPY = "rel-summit-copy";
const SUMMIT_BRIEFS = ["rel-summit-brief-meeting", "rel-summit-brief-call"];
/** Coverage of Russia and China together: the summit's own, and earlier stories in the sample. */
const RUSSIA_CHINA = new Set([
  ...SUMMIT_BRIEFS,
  "rel-summit-arrival",
  "rel-summit-agreements",
  "rel-wider-libya",
  ...["011", "020", "021", "044", "090", "109", "144"].map((n) => `sample-${n}`),
]);
/** Egypt–Russia phone calls: another event, sharing the Russian president's name. */
const isEgyptRussiaCall = (id: string) =>
  id.startsWith("rel-call-") || ["038", "039", "040", "041", "101"].some((n) => id === `sample-${n}`);

async function relatedTo(id: string, size = 10): Promise<RelatedResponse["hits"]> {
  const response = await app.request(`/api/articles/${id}/related?size=${size}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as RelatedResponse).hits;
}

describe("related coverage that follows the story", () => {
  it("leads a long summit article's list with the summit's coverage, briefs included, before another event's", async () => {
    const ids = (await relatedTo(SUMMIT)).map((hit) => hit.id);
    expect(
      ids.slice(0, 4).every((id) => RUSSIA_CHINA.has(id)),
      ids.join(" "),
    ).toBe(true);
    // Headline-only briefs of the same meeting are matched on what they have, and outrank the
    // briefs about the Egyptian call that share only the Russian president with it.
    for (const brief of SUMMIT_BRIEFS) expect(ids, ids.join(" ")).toContain(brief);
    const firstCall = ids.findIndex(isEgyptRussiaCall);
    for (const brief of SUMMIT_BRIEFS)
      if (firstCall >= 0) expect(ids.indexOf(brief), ids.join(" ")).toBeLessThan(firstCall);
  });

  it("never lists the article or a copy of it, and each story once", async () => {
    const hits = await relatedTo(SUMMIT, 20);
    const ids = hits.map((hit) => hit.id);
    expect(ids).not.toContain(SUMMIT);
    expect(ids).not.toContain(SUMMIT_COPY);
    expect(new Set(hits.map((hit) => hit.story)).size).toBe(hits.length);
    // The sample's own pair: one agency text under two headlines (sample-039 and sample-041).
    const call = (await relatedTo("sample-039", 20)).map((hit) => hit.id);
    expect(call).not.toContain("sample-041");
    expect(call).not.toContain("sample-039");
  });

  it("excludes a draft's own story when the editor names it", async () => {
    const found = await app.request(`/api/articles/${SUMMIT}`);
    const article = (await found.json()) as { title: string; body: string; dup_group: string };
    const ask = async (extra: Record<string, string>) => {
      const response = await app.request("/api/related?size=20", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ title: article.title, body: article.body, ...extra }),
      });
      expect(response.status, await response.clone().text()).toBe(200);
      return ((await response.json()) as RelatedResponse).hits.map((hit) => hit.story);
    };
    const summitStory = article.dup_group;
    // Asked by its text alone, the summit's own story is what its text matches best.
    expect(await ask({})).toContain(summitStory);
    expect(await ask({ story: summitStory, id: SUMMIT })).not.toContain(summitStory);
  });
});
