/**
 * @module search/params
 * The search API's parameters: one zod schema each, the source of the validation, the TypeScript
 * types and the OpenAPI document alike.
 */
import { z } from "@hono/zod-openapi";
import { toIsoDate } from "../articles/schema.js";
import { decodeCursor, pageOrder } from "./build-search.js";
import { MAX_QUERY_CHARS, parseQuery } from "./query-parser.js";
import { STORY_PAGE_MAX, STORY_PAGES_MAX } from "./stories.js";

/** Results per page when the reader does not say. */
export const DEFAULT_PAGE_SIZE = 10;
/** Titles the suggestions offer unless asked for another number. */
export const DEFAULT_SUGGEST_SIZE = 8;

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

/** Decimal digits only: no 0x10, 1e2, +5 or 5.0, which a number parser would read as numbers. */
const intParam = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^[0-9]+$/, "must be a whole number in decimal digits")
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
    .default(fallback)
    .openapi({ type: "integer", minimum: min, maximum: max, default: fallback });

const decoded = (text: string) => {
  try {
    return decodeURIComponent(text.replaceAll("+", " "));
  } catch {
    return undefined;
  }
};

/**
 * What a raw query string (`?q=…&size=…`) holds that the schemas would not see as sent: a name
 * with brackets (`q[]`, `source[a]`) goes unread, as if not sent; broken percent-encoding would be
 * read as its literal text.
 */
export function unreadableParameters(search: string): Array<{ parameter: string; message: string }> {
  return search
    .replace(/^\?/, "")
    .split("&")
    .filter(Boolean)
    .flatMap((pair) => {
      const at = pair.includes("=") ? pair.indexOf("=") : pair.length;
      const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
      const parameter = decoded(name);
      if (parameter === undefined)
        return [{ parameter: name, message: "the name is not valid percent-encoding" }];
      if (/[[\]]/.test(parameter))
        return [
          { parameter, message: "no such parameter; for several values, repeat the name without brackets" },
        ];
      if (decoded(value) === undefined) return [{ parameter, message: "is not valid percent-encoded UTF-8" }];
      return [];
    });
}

export const FilterParams = z.object({
  source: repeatable("Publishers to keep: repeat the parameter, or separate them by commas."),
  category: repeatable("Categories to keep: repeat the parameter, or separate them by commas."),
  from: dateParam("Earliest publication date, inclusive."),
  to: dateParam("Latest publication date, inclusive."),
});

export const SearchParams = FilterParams.extend({
  q: z.string().max(MAX_QUERY_CHARS, `must be at most ${MAX_QUERY_CHARS} characters`).default("").openapi({
    description:
      'What the reader typed: words, "quoted phrases" (a quoted word is matched as typed), -excluded, OR.',
    example: "السيسي بوتين",
  }),
  page: intParam(1, 1_000, 1).openapi({
    description: "Page number, from 1 (from/size paging up to 10,000 results).",
  }),
  size: intParam(1, 100, DEFAULT_PAGE_SIZE).openapi({ description: "Results per page, at most 100." }),
  cursor: z
    .string()
    .transform((text, ctx) => {
      const cursor = decodeCursor(text);
      if (cursor) return cursor;
      ctx.addIssue({ code: "custom", message: "is not a cursor from a previous response" });
      return z.NEVER;
    })
    .optional()
    .openapi({
      type: "string",
      description: "The next_cursor of a previous response, with the same q and sort, to page on.",
    }),
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
}).superRefine(({ cursor, q, sort }, ctx) => {
  if (!cursor) return;
  // A cursor resumes the order its page was in; in another it would skip or repeat results.
  const order = pageOrder(parseQuery(q), sort);
  if (cursor.order !== order)
    ctx.addIssue({
      code: "custom",
      path: ["cursor"],
      message: `continues a page sorted by ${cursor.order}, not by ${order}: send it with that page's q and sort`,
    });
});

export type Filters = z.output<typeof FilterParams>;
export type SearchInput = z.output<typeof SearchParams>;

/** Letters (or digits) a suggestion needs: one letter would complete to a large share of titles. */
const SUGGEST_MIN_LETTERS = 2;

export const enoughToSuggest = (q: string) => (q.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= SUGGEST_MIN_LETTERS;

export const SuggestParams = z.object({
  q: z
    .string()
    .max(100, "must be at most 100 characters")
    .openapi({
      description: `What the reader has typed so far; the last word may be unfinished. A space or punctuation after it says it is finished, and titles must then hold it whole, as /api/search reads it. Fewer than ${SUGGEST_MIN_LETTERS} letters get no suggestions.`,
      example: "السيسي يستق",
    }),
  size: intParam(1, 20, DEFAULT_SUGGEST_SIZE).openapi({ description: "Titles to offer, at most 20." }),
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
    id: z.string().min(1).max(200).optional().openapi({
      description: "The article the draft revises, if published: it is not related to itself.",
    }),
    story: z.string().min(1).max(200).optional().openapi({
      description: "The story (a hit's `story`) the draft belongs to, if known: its copies are not related.",
    }),
  })
  .refine((draft) => Boolean(draft.text?.trim() || draft.title?.trim() || draft.body?.trim()), {
    message: "give text, or title and body",
    path: ["text"],
  });
export type DraftInput = z.output<typeof DraftBody>;

export const StoryParams = z.object({
  size: intParam(1, STORY_PAGE_MAX, 100).openapi({
    description: `Articles per page, at most ${STORY_PAGE_MAX}.`,
  }),
  page: intParam(1, STORY_PAGES_MAX, 1).openapi({
    description: `Page number, from 1, at most ${STORY_PAGES_MAX} (a story's first 10,000 articles).`,
  }),
});
export type StoryInput = z.output<typeof StoryParams>;
