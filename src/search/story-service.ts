/**
 * @module search/story-service
 * A story's I/O: every article of it (who ran it when), and its timeline (the coverage of its
 * event over the days around it, from the search service's related coverage). Builders are pure
 * (stories.ts, build-timeline.ts); this sends them through the one client.
 */
import type { ArticleDocument } from "../articles/document.js";
import type { EsClient } from "../es/client.js";
import { MAX_WINDOW } from "./build-search.js";
import {
  buildTimeline,
  firstReportRequest,
  followedStories,
  storyDigests,
  TIMELINE_MAX_STORIES,
  timelineWindow,
} from "./build-timeline.js";
import { allFilters } from "./filters.js";
import type { StoryInput } from "./params.js";
import type { StoryResponse, TimelineResponse } from "./responses.js";
import type { SearchService } from "./service.js";
import { hitCount, storyArticle } from "./shape.js";
import { STORY_PAGES_MAX, storyArticlesRequest, storyCountsRequest } from "./stories.js";

/** Reads through the search service's client and alias: a story is of the archive it searches. */
export class StoryService {
  readonly client: EsClient;
  readonly alias: string;

  constructor(readonly search: SearchService) {
    this.client = search.client;
    this.alias = search.alias;
  }

  /** A page of the story's articles, oldest first; undefined for a story no article has. */
  async story(id: string, paging: StoryInput): Promise<StoryResponse | undefined> {
    const response = await this.client.search<Partial<ArticleDocument>>(
      storyArticlesRequest(id, paging, this.alias),
    );
    const total = hitCount(response.hits.total);
    if (!total) return undefined;
    const sources = (response.aggregations?.sources as { value?: number } | undefined)?.value ?? 1;
    const shown = paging.page * paging.size;
    const more = shown < Math.min(total, MAX_WINDOW) && paging.page < STORY_PAGES_MAX;
    return {
      story: id,
      total,
      sources,
      articles: response.hits.hits.map(storyArticle),
      next_page: more ? paging.page + 1 : null,
    };
  }

  /**
   * The story and the stories of its related coverage within the window around its first report,
   * each with its first report and counts there, oldest first; undefined for an unknown story.
   * Three requests: the first report, related coverage (the search service's), the counts.
   */
  async timeline(id: string): Promise<TimelineResponse | undefined> {
    const anchor = await this.client.search<ArticleDocument>(firstReportRequest(id, this.alias));
    const first = anchor.hits.hits[0];
    if (!first?._source) return undefined;
    const window = timelineWindow(first._source.published_at);
    const related = await this.search.relatedTo(
      { article: first._source, index: first._index },
      { ...window, size: TIMELINE_MAX_STORIES },
      { countStories: false },
    );
    const stories = [id, ...followedStories(id, related.hits)];
    const counted = await this.client.search(
      storyCountsRequest(stories, allFilters(window), this.alias, { first: true }),
    );
    return {
      story: id,
      took_ms: anchor.took + related.took_ms + counted.took,
      window,
      stories: buildTimeline(id, storyDigests(counted.aggregations?.stories)),
    };
  }
}
