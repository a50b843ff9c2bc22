/**
 * @module server/routes/search
 * The read side of the API: search, suggestions, one article, related coverage (of an article or
 * of an editor's draft). One createRoute per endpoint: validation, types and OpenAPI in one.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/app-env.js";
import { MAX_WINDOW } from "../../search/build-search.js";
import {
  DraftBody,
  enoughToSuggest,
  FilterParams,
  RelatedParams,
  SearchParams,
  SuggestParams,
} from "../../search/params.js";
import {
  RelatedResponseSchema,
  SearchResponseSchema,
  StoredArticleSchema,
  SuggestResponseSchema,
} from "../../search/responses.js";
import type { SearchService } from "../../search/service.js";
import { badRequest, notFound } from "../problem.js";
import { IdParam, json, problem, readableQuery, readerProblems } from "./openapi.js";

/** MAX_WINDOW as readers see it in an error: "10,000". */
const WINDOW = MAX_WINDOW.toLocaleString("en-US");

const searchRoute = createRoute({
  method: "get",
  path: "/api/search",
  middleware: [readableQuery],
  operationId: "searchArticles",
  summary: "Ranked search with highlights, facets and collapsed copies",
  request: { query: SearchParams },
  responses: { 200: json(SearchResponseSchema, "Ranked results."), ...readerProblems },
});

const suggestRoute = createRoute({
  method: "get",
  path: "/api/suggest",
  middleware: [readableQuery],
  operationId: "suggestTitles",
  summary: "As-you-type completion of titles",
  description:
    "Titles whose words start with the words typed, the last one perhaps unfinished: whole words typed first, then words typed side by side, then the completion most titles use, shorter and newer titles first; each headline once. When nothing completes, titles a typo away in the words no title holds.",
  request: { query: SuggestParams },
  responses: { 200: json(SuggestResponseSchema, "Completions."), ...readerProblems },
});

const articleRoute = createRoute({
  method: "get",
  path: "/api/articles/{id}",
  operationId: "getArticle",
  summary: "One article",
  request: { params: IdParam },
  responses: {
    200: json(StoredArticleSchema, "The article."),
    404: problem("No such article."),
    ...readerProblems,
  },
});

const relatedRoute = createRoute({
  method: "get",
  path: "/api/articles/{id}/related",
  middleware: [readableQuery],
  operationId: "relatedToArticle",
  summary: "Related coverage of an article (its own copies excluded)",
  request: { params: IdParam, query: RelatedParams },
  responses: {
    200: json(RelatedResponseSchema, "Related articles."),
    404: problem("No such article."),
    ...readerProblems,
  },
});

const relatedByUrlRoute = createRoute({
  method: "get",
  path: "/api/related",
  middleware: [readableQuery],
  operationId: "relatedToUrl",
  summary: "Related coverage of the article published at a URL (for the related-articles widget)",
  request: {
    query: RelatedParams.extend({
      url: z
        .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
        .max(2048, "must be at most 2048 characters"),
    }),
  },
  responses: {
    200: json(RelatedResponseSchema, "Related articles."),
    404: problem("No such article."),
    ...readerProblems,
  },
});

const draftRelatedRoute = createRoute({
  method: "post",
  path: "/api/related",
  middleware: [readableQuery],
  operationId: "relatedToDraft",
  summary: "Earlier coverage related to an unpublished draft",
  request: {
    query: FilterParams.extend({ size: RelatedParams.shape.size }),
    body: { content: { "application/json": { schema: DraftBody } }, required: true },
  },
  responses: { 200: json(RelatedResponseSchema, "Related articles."), ...readerProblems },
});

export function registerSearchRoutes(app: OpenAPIHono<AppEnv>, service: SearchService): void {
  app.openapi(searchRoute, async (c) => {
    const input = c.req.valid("query");
    if (input.cursor && c.req.query("page") !== undefined)
      throw badRequest(
        "page and cursor: a cursor already says where the page starts; send one or the other",
        [{ parameter: "page", message: "leave page out when sending cursor" }],
      );
    if (!input.cursor && input.page * input.size > MAX_WINDOW)
      throw badRequest(
        `page: beyond the first ${WINDOW} results, page newest first (sort=newest) with the next_cursor of each response`,
        [
          {
            parameter: "page",
            message: `page × size must be at most ${WINDOW}; past it, sort=newest and cursor`,
          },
        ],
      );
    const result = await c.var.timeEs("search", () => service.search(input));
    c.header("Cache-Control", "public, max-age=30");
    return c.json(result, 200);
  });

  app.openapi(suggestRoute, async (c) => {
    const input = c.req.valid("query");
    // A box asks at every keystroke: the first letter is an answer of none, not an error.
    const { suggestions } = enoughToSuggest(input.q)
      ? await c.var.timeEs("suggest", () => service.suggest(input))
      : { suggestions: [] };
    c.header("Cache-Control", "public, max-age=60");
    return c.json({ suggestions }, 200);
  });

  app.openapi(articleRoute, async (c) => {
    const { id } = c.req.valid("param");
    const found = await c.var.timeEs("get", () => service.getArticle(id));
    if (!found) throw notFound(`No article with id "${id}".`);
    c.header("Cache-Control", "public, max-age=300");
    return c.json(found.article, 200);
  });

  app.openapi(relatedRoute, async (c) => {
    const { id } = c.req.valid("param");
    const related = await c.var.timeEs("related", () => service.related(id, c.req.valid("query")));
    if (!related) throw notFound(`No article with id "${id}".`);
    c.header("Cache-Control", "public, max-age=300");
    return c.json(related, 200);
  });

  app.openapi(relatedByUrlRoute, async (c) => {
    const { url, ...filters } = c.req.valid("query");
    const found = await c.var.timeEs("get", () => service.findByUrl(url));
    if (!found) throw notFound(`No article published at ${url}.`);
    const related = await c.var.timeEs("related", () => service.relatedTo(found, filters));
    c.header("Cache-Control", "public, max-age=300");
    return c.json(related, 200);
  });

  app.openapi(draftRelatedRoute, async (c) => {
    const related = await c.var.timeEs("related_draft", () =>
      service.relatedToDraft(c.req.valid("json"), c.req.valid("query")),
    );
    return c.json(related, 200);
  });
}
