/**
 * @module server/routes/stories
 * Stories: every article of one (who ran it, when, under which headline), and its timeline (how
 * the coverage of its event developed over the days around it).
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/app-env.js";
import { StoryParams } from "../../search/params.js";
import { StoryResponseSchema, TimelineResponseSchema } from "../../search/responses.js";
import type { StoryService } from "../../search/story-service.js";
import { notFound } from "../problem.js";
import { json, problem, readableQuery, readerProblems } from "./openapi.js";

const StoryIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({
      param: { name: "id", in: "path" },
      description: "A story id: the `story` of a search or related hit.",
      example: "sample-039",
    }),
});

const problems = { ...readerProblems, 404: problem("No article belongs to this story.") };

const storyRoute = createRoute({
  method: "get",
  path: "/api/stories/{id}",
  middleware: [readableQuery],
  operationId: "getStory",
  summary: "Every article of a story (source, headline, time, URL), oldest first",
  request: { params: StoryIdParam, query: StoryParams },
  responses: { 200: json(StoryResponseSchema, "The story's articles."), ...problems },
});

const timelineRoute = createRoute({
  method: "get",
  path: "/api/stories/{id}/timeline",
  operationId: "getStoryTimeline",
  summary: "How a story's coverage developed: related stories around it, each with its first report",
  request: { params: StoryIdParam },
  responses: { 200: json(TimelineResponseSchema, "The story's timeline."), ...problems },
});

const unknownStory = (id: string) => notFound(`No story with id "${id}".`);

export function registerStoryRoutes(app: OpenAPIHono<AppEnv>, stories: StoryService): void {
  app.openapi(storyRoute, async (c) => {
    const { id } = c.req.valid("param");
    const story = await c.var.timeEs("story", () => stories.story(id, c.req.valid("query")));
    if (!story) throw unknownStory(id);
    c.header("Cache-Control", "public, max-age=60");
    return c.json(story, 200);
  });

  app.openapi(timelineRoute, async (c) => {
    const { id } = c.req.valid("param");
    const timeline = await c.var.timeEs("timeline", () => stories.timeline(id));
    if (!timeline) throw unknownStory(id);
    c.header("Cache-Control", "public, max-age=300");
    return c.json(timeline, 200);
  });
}
