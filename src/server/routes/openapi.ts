/**
 * @module server/routes/openapi
 * Pieces every route definition shares: the article id path parameter, the check of a query
 * string as sent, and the response descriptions for JSON bodies and problem+json errors.
 */
import { z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { unreadableParameters } from "../../search/params.js";
import { ProblemSchema } from "../../search/responses.js";
import { invalid } from "../problem.js";

export const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: "id", in: "path" }, example: "sample-001" }),
});

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

export const problem = (description: string) => ({
  content: { "application/problem+json": { schema: ProblemSchema } },
  description,
});

/** What any route that reads through the engine may answer besides 200. */
export const readerProblems = {
  400: problem("A parameter is invalid."),
  429: problem("Rate limit exceeded."),
  503: problem("Search engine unavailable."),
};

/** Parameters as sent, not only as Hono reads them: see unreadableParameters. */
export const readableQuery: MiddlewareHandler = async (c, next) => {
  const problems = unreadableParameters(new URL(c.req.url).search);
  if (problems.length) throw invalid("parameters", problems);
  await next();
};
