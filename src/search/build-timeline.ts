/**
 * @module search/build-timeline
 * A story's timeline: how the coverage of one event developed over days. The story and the
 * stories of its related coverage published around its first report, each with its own first
 * report and how many articles and outlets carried it, oldest first. Pure: the service sends the
 * three requests (the story's first report, related coverage in the window, the stories' counts).
 */
import type { estypes } from "@elastic/elasticsearch";
import { type ArticleDocument, INDEX_ONLY_FIELDS } from "../articles/document.js";
import { RANKING } from "./ranking.js";
import type { TimelineEntry } from "./responses.js";
import { storyArticle } from "./shape.js";
import { OLDEST_FIRST, STORY_FIELD, storyBuckets } from "./stories.js";

/** Other stories a timeline shows at most: the most related of the window's coverage. */
export const TIMELINE_MAX_STORIES = 12;

const DAY_MS = 86_400_000;

/** The earliest article of a story, whole (related coverage reads its text), with its index. */
export function firstReportRequest(story: string, index: string): estypes.SearchRequest {
  return {
    index,
    size: 1,
    query: { term: { [STORY_FIELD]: story } },
    sort: OLDEST_FIRST,
    _source: { excludes: INDEX_ONLY_FIELDS },
  };
}

/** The days either side of a story's first report whose coverage its timeline considers. */
export function timelineWindow(
  firstReport: string,
  days: number = RANKING.timelineWindowDays,
): { from: string; to: string } {
  const at = Date.parse(firstReport);
  return {
    from: new Date(at - days * DAY_MS).toISOString(),
    to: new Date(at + days * DAY_MS).toISOString(),
  };
}

/**
 * The stories of related coverage (ranked hits, one per story) a timeline follows: those scoring
 * close enough to the best to be about the same event, in rank order, without `current`.
 */
export function followedStories(
  current: string,
  related: ReadonlyArray<{ story: string; score: number | null }>,
  minShareOfBest: number = RANKING.timelineMinShareOfBest,
): string[] {
  const best = Math.max(0, ...related.map((hit) => hit.score ?? 0));
  const kept = related.filter((hit) => hit.story !== current && (hit.score ?? 0) >= best * minShareOfBest);
  return [...new Set(kept.map((hit) => hit.story))];
}

type Digest = Omit<TimelineEntry, "current">;

/** A storyCountsAggregation asked `first`: each story's first report and counts. */
export function storyDigests(aggregation: unknown): Digest[] {
  return storyBuckets(aggregation).flatMap((bucket) => {
    const first = bucket.first?.hits?.hits?.[0];
    if (!first) return [];
    return [
      {
        story: bucket.key,
        first_report: storyArticle(first as estypes.SearchHit<Partial<ArticleDocument>>),
        articles: bucket.doc_count,
        sources: Math.max(1, bucket.sources?.value ?? 1),
      },
    ];
  });
}

/** The timeline's entries: every story counted, the one asked for marked, by first report. */
export function buildTimeline(current: string, digests: readonly Digest[]): TimelineEntry[] {
  return digests
    .map((digest) => ({ ...digest, current: digest.story === current }))
    .sort(
      (a, b) =>
        Date.parse(a.first_report.published_at) - Date.parse(b.first_report.published_at) ||
        a.story.localeCompare(b.story),
    );
}
