/**
 * @module server/routes/write
 * CMS integration: create, replace, bulk-load and delete articles. Same article schema and
 * cleaning as the importer; every route needs an API key.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../http/app-env.js";
import type { ArticleWriter, RecordResult } from "../../ingest/article-writer.js";
import type { RawRecord } from "../../ingest/types.js";
import { WriteResultSchema } from "../../search/responses.js";
import { ApiError, badRequest, notFound } from "../problem.js";
import { IdParam, json, problem } from "./openapi.js";

const ArticleBody = z.record(z.string(), z.unknown()).openapi("ArticleInput", {
  description:
    "title, body, source, published_at required; id, url, lead, author, category, tags, language optional.",
});
const RefreshQuery = z.object({
  refresh: z
    .enum(["true", "false"])
    .default("false")
    .openapi({ description: "Wait until the change is searchable." }),
});
const security = [{ bearer: [] }];
const errors = {
  400: problem("Invalid body."),
  401: problem("No API key."),
  403: problem("Wrong API key."),
  413: problem("Body too large."),
  503: problem(
    "The index takes no writes now: the search engine is away, or the alias marks no write index.",
  ),
};
const result = (description: string) => json(WriteResultSchema, description);

const createArticle = createRoute({
  method: "post",
  path: "/api/articles",
  operationId: "addArticle",
  summary: "Add or update one article",
  security,
  request: {
    query: RefreshQuery,
    body: { content: { "application/json": { schema: ArticleBody } }, required: true },
  },
  responses: {
    201: result("Indexed."),
    422: problem("The article was rejected; errors name the field."),
    ...errors,
  },
});

const bulkArticles = createRoute({
  method: "post",
  path: "/api/articles/_bulk",
  operationId: "addArticles",
  summary: "Add or update many articles, one JSON object per line (NDJSON)",
  security,
  request: { query: RefreshQuery },
  responses: { 200: result("A result per line."), ...errors },
});

const replaceArticle = createRoute({
  method: "put",
  path: "/api/articles/{id}",
  operationId: "replaceArticle",
  summary: "Create or replace the article with this id",
  security,
  request: {
    params: IdParam,
    query: RefreshQuery,
    body: { content: { "application/json": { schema: ArticleBody } }, required: true },
  },
  responses: {
    200: result("Indexed."),
    422: problem("The article was rejected; errors name the field."),
    ...errors,
  },
});

const deleteArticle = createRoute({
  method: "delete",
  path: "/api/articles/{id}",
  operationId: "deleteArticle",
  summary: "Delete an article",
  security,
  request: { params: IdParam },
  responses: {
    204: { description: "Deleted." },
    404: problem("No such article."),
    401: errors[401],
    403: errors[403],
    503: errors[503],
  },
});

const MAX_BULK_LINES = 5_000;

/** A single article's rejection is the request's failure: 422 problem+json naming the field. */
function accepted(results: RecordResult[]): RecordResult[] {
  const [first] = results;
  if (first?.status === "rejected" || first?.status === "failed") {
    const parameter = first.field ?? "body";
    throw new ApiError(422, "Unprocessable article", first.reason ?? "rejected", {
      errors: [{ parameter, message: first.reason ?? "rejected" }],
    });
  }
  return results;
}

export function registerWriteRoutes(app: OpenAPIHono<AppEnv>, writer: ArticleWriter): void {
  const writeOne = async (c: Context<AppEnv>, fields: Record<string, unknown>, refresh: string) => {
    const results = await c.var.timeEs("write", () =>
      writer.write([{ kind: "record", origin: { source: "api" }, fields }], refresh === "true"),
    );
    return { results: accepted(results) };
  };

  app.openapi(createArticle, async (c) =>
    c.json(await writeOne(c, c.req.valid("json"), c.req.valid("query").refresh), 201),
  );

  app.openapi(replaceArticle, async (c) => {
    const fields = { ...c.req.valid("json"), id: c.req.valid("param").id };
    return c.json(await writeOne(c, fields, c.req.valid("query").refresh), 200);
  });

  app.openapi(bulkArticles, async (c) => {
    const lines = (await c.req.text()).split("\n");
    const records: RawRecord[] = [];
    const results: Array<{ line: number; status: "rejected"; reason: string }> = [];
    for (const [i, line] of lines.entries()) {
      if (!line.trim()) continue;
      if (records.length + results.length >= MAX_BULK_LINES)
        throw badRequest(`body: at most ${MAX_BULK_LINES} articles per request`);
      try {
        const fields: unknown = JSON.parse(line);
        if (typeof fields !== "object" || fields === null || Array.isArray(fields))
          throw new Error("not a JSON object");
        records.push({
          kind: "record" as const,
          origin: { source: "api", line: i + 1 },
          fields: fields as Record<string, unknown>,
        });
      } catch (error) {
        results.push({
          line: i + 1,
          status: "rejected",
          reason: `line ${i + 1}: ${(error as Error).message}`,
        });
      }
    }
    const refresh = c.req.valid("query").refresh === "true";
    const written = records.length ? await c.var.timeEs("write", () => writer.write(records, refresh)) : [];
    const merged = [...written.map((item, i) => ({ ...item, line: records[i]?.origin.line })), ...results];
    merged.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return c.json({ results: merged }, 200);
  });

  app.openapi(deleteArticle, async (c) => {
    const { id } = c.req.valid("param");
    if (!(await c.var.timeEs("delete", () => writer.delete(id))))
      throw notFound(`No article with id "${id}".`);
    return c.body(null, 204);
  });
}
