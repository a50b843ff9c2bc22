/**
 * @module server/routes/openapi
 * Pieces every route definition shares: the article id path parameter and the response
 * descriptions for JSON bodies and problem+json errors.
 */
import { z } from "@hono/zod-openapi";
import { ProblemSchema } from "../../search/responses.js";

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
