/**
 * @module search/params
 * The search API's parameters: one zod schema each, the source of the validation, the TypeScript
 * types and the OpenAPI document alike.
 */
import { z } from "@hono/zod-openapi";
import { toIsoDate } from "../articles/schema.js";
import { MAX_QUERY_CHARS } from "./query-parser.js";

/** Results per page when the reader does not say. */
export const DEFAULT_PAGE_SIZE = 10;

/**
 * Hono gives one value as a string and a repeated one as an array; both become an array, and a
 * value may list several separated by commas (`source=a,b` as `source=a&source=b`).
 */
const repeatable = (description: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((value) =>
      (Array.isArray(value) ? value : [value])
        .flatMap((item) => item.split(","))
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(200)).max(20, "at most 20 values"))
    .optional()
    .openapi({ description, type: "array", items: { type: "string" } });

const dateParam = (description: string) =>
  z
    .string()
    .transform((value, ctx) => {
      const iso = toIsoDate(value);
      if (!iso) {
        ctx.addIssue({ code: "custom", message: "must be a date (YYYY-MM-DD) or a date-time with zone" });
        return z.NEVER;
      }
      return iso;
    })
    .optional()
    .openapi({ description, example: "2025-03-01", type: "string" });

const booleanParam = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

const intParam = (min: number, max: number, fallback: number) =>
  z.coerce.number().int("must be a whole number").min(min).max(max).default(fallback);

export const FilterParams = z.object({
  source: repeatable("Publishers to keep: repeat the parameter, or separate them by commas."),
  category: repeatable("Categories to keep: repeat the parameter, or separate them by commas."),
  from: dateParam("Earliest publication date, inclusive."),
  to: dateParam("Latest publication date, inclusive."),
});

export const SearchParams = FilterParams.extend({
  q: z.string().max(MAX_QUERY_CHARS, `must be at most ${MAX_QUERY_CHARS} characters`).default("").openapi({
    description: 'What the reader typed: words, "quoted phrases", -excluded, OR.',
    example: "السيسي بوتين",
  }),
  page: intParam(1, 1_000, 1).openapi({
    description: "Page number, from 1 (from/size paging up to 10,000 results).",
  }),
  size: intParam(1, 100, DEFAULT_PAGE_SIZE).openapi({ description: "Results per page, at most 100." }),
  cursor: z
    .string()
    .max(2_000)
    .regex(/^[A-Za-z0-9_-]+$/, "is not a cursor from a previous response")
    .optional()
    .openapi({ description: "The next_cursor of a previous response, to page past 10,000 results." }),
  sort: z.enum(["relevance", "newest"]).default("relevance").openapi({
    description: "relevance: best match first, one result per story; newest: latest first.",
  }),
  highlight: booleanParam.default(true).openapi({
    type: "boolean",
    description: "Mark the matched words in titles and snippets with <mark> (true, false, 1 or 0).",
  }),
  facets: booleanParam.default(false).openapi({
    type: "boolean",
    description:
      "Count sources, categories, dates and distinct stories over every match (costs a pass over them).",
  }),
});

export type Filters = z.output<typeof FilterParams>;
export type SearchInput = z.output<typeof SearchParams>;

export const SuggestParams = z.object({
  q: z.string().min(1, "must not be empty").max(100, "must be at most 100 characters").openapi({
    description: "What the reader has typed so far; the last word may be unfinished.",
    example: "السيسي يستق",
  }),
  size: intParam(1, 20, 8).openapi({ description: "Titles to offer, at most 20." }),
});
export type SuggestInput = z.output<typeof SuggestParams>;

export const RelatedParams = FilterParams.extend({
  size: intParam(1, 50, 10).openapi({ description: "Related articles to return, at most 50." }),
});
export type RelatedInput = z.output<typeof RelatedParams>;

export const DraftBody = z
  .object({
    text: z.string().max(100_000).optional(),
    title: z.string().max(1_000).optional(),
    body: z.string().max(100_000).optional(),
  })
  .refine((draft) => Boolean(draft.text?.trim() || draft.title?.trim() || draft.body?.trim()), {
    message: "give text, or title and body",
    path: ["text"],
  });
export type DraftInput = z.output<typeof DraftBody>;
