/**
 * @module search/stories
 * One result per story: of the ranked candidates, the first (best-ranked) article of each
 * near-duplicate group, in rank order. Its copies are counted (pageRequest), not shown.
 */
import type { estypes } from "@elastic/elasticsearch";

/** The near-duplicate group: one story's copies share it. */
export const STORY_FIELD = "dup_group";

/** A ranked candidate as the first request returns it: no text, only what picks and orders it. */
export interface Candidate {
  id: string;
  /** Undefined for an article without a group (indexed by hand): a story of its own. */
  story: string | undefined;
  score: number | null;
  sort: estypes.SortResults | undefined;
}

function storyOf(hit: estypes.SearchHit): string | undefined {
  const value = hit.fields?.[STORY_FIELD];
  const story: unknown = Array.isArray(value) ? value[0] : undefined;
  return typeof story === "string" && story ? story : undefined;
}

export function firstOfEachStory(hits: estypes.SearchHit[]): Candidate[] {
  const seen = new Set<string>();
  const leaders: Candidate[] = [];
  for (const hit of hits) {
    const story = storyOf(hit);
    const key = story ?? `article ${hit._id}`;
    if (!hit._id || seen.has(key)) continue;
    seen.add(key);
    leaders.push({ id: hit._id, story, score: hit._score ?? null, sort: hit.sort });
  }
  return leaders;
}
