import { describe, expect, it } from "vitest";
import { buildTimeline, followedStories, storyDigests, timelineWindow } from "./build-timeline.js";

const bucket = (key: string, published_at: string, articles = 1, sources = 1) => ({
  key,
  doc_count: articles,
  sources: { value: sources },
  first: {
    hits: {
      hits: [
        {
          _index: "i",
          _id: `${key}-first`,
          _source: { title: `عنوان ${key}`, source: "مصدر", published_at, url: "https://news.example/a" },
        },
      ],
    },
  },
});

describe("timelineWindow", () => {
  it("reaches the given days either side of the first report", () => {
    expect(timelineWindow("2025-03-10T12:00:00.000Z", 3)).toEqual({
      from: "2025-03-07T12:00:00.000Z",
      to: "2025-03-13T12:00:00.000Z",
    });
  });
});

describe("followedStories", () => {
  it("keeps the stories scoring close to the best, once each, in rank order, without the current one", () => {
    const related = [
      { story: "a", score: 100 },
      { story: "cur", score: 90 },
      { story: "b", score: 40 },
      { story: "a", score: 30 },
      { story: "c", score: 10 },
    ];
    expect(followedStories("cur", related, 0.25)).toEqual(["a", "b"]);
    expect(followedStories("cur", [], 0.25)).toEqual([]);
  });
});

describe("buildTimeline", () => {
  it("lists each story at its first report, oldest first, with its counts, the current one marked", () => {
    const digests = storyDigests({
      buckets: [
        bucket("later", "2025-03-12T08:00:00.000Z"),
        bucket("cur", "2025-03-10T08:00:00.000Z", 4, 3),
        bucket("earlier", "2025-03-08T08:00:00.000Z", 2, 2),
      ],
    });
    const timeline = buildTimeline("cur", digests);
    expect(timeline.map((entry) => entry.story)).toEqual(["earlier", "cur", "later"]);
    expect(timeline[1]).toMatchObject({
      current: true,
      articles: 4,
      sources: 3,
      first_report: { id: "cur-first", title: "عنوان cur", published_at: "2025-03-10T08:00:00.000Z" },
    });
    expect(timeline.filter((entry) => entry.current)).toHaveLength(1);
  });

  it("leaves out a story whose first report did not come back", () => {
    expect(storyDigests({ buckets: [{ key: "x", doc_count: 1 }] })).toEqual([]);
    expect(storyDigests(undefined)).toEqual([]);
  });
});
