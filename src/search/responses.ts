/**
 * @module search/responses
 * The API's response bodies as zod schemas: the TypeScript types below and the OpenAPI document
 * both come from these.
 */
import { z } from "@hono/zod-openapi";

export const SearchHitSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    url: z.string().nullable(),
    source: z.string(),
    author: z.string().nullable(),
    published_at: z.string(),
    category: z.string().nullable(),
    score: z.number().nullable(),
    snippet: z.string().openapi({ description: "HTML-safe: escaped text with <mark> around matches." }),
    highlights: z.object({ title: z.array(z.string()), body: z.array(z.string()) }),
    story: z.string().openapi({
      description: "The story this article is a version of (its copies share it): GET /api/stories/{story}.",
    }),
    copies: z.number().int().openapi({
      description:
        "Other articles of this story that match the same query and filters, collapsed behind this one.",
    }),
    sources: z.number().int().openapi({
      description: "Outlets among this article and its copies (this one's included).",
    }),
    duplicates: z
      .number()
      .int()
      .openapi({ description: "The same as copies; kept for older clients.", deprecated: true }),
  })
  .openapi("SearchHit");

const FacetValueSchema = z.object({ value: z.string(), count: z.number().int() });

export const SearchResponseSchema = z
  .object({
    total: z.object({ value: z.number().int(), exact: z.boolean() }),
    took_ms: z.number().openapi({ description: "Elasticsearch's time for every request the search made." }),
    partial: z.boolean().openapi({
      description: "The search ran out of its time budget: these are the results found until then.",
    }),
    stories: z.number().int().nullable().openapi({
      description:
        "Distinct stories among the matches (copies counted once); null unless facets were asked for.",
    }),
    hits: z.array(SearchHitSchema),
    facets: z.object({
      source: z.array(FacetValueSchema),
      category: z.array(FacetValueSchema),
      published: z.array(FacetValueSchema),
    }),
    suggestion: z.string().nullable().openapi({
      description:
        '"Did you mean": set only when a word looks misspelt, no article holds every word as typed, and the corrected query finds some.',
    }),
    next_cursor: z.string().nullable().openapi({
      description:
        "Pass as cursor, with the same q and sort, for the page after this one (past 10,000 results too). Set on newest-first pages (sort=newest, or no query); relevance pages go on with page.",
    }),
    corrected_query: z.string().nullable().openapi({
      description:
        "Set when the query is one word that no article holds in any form and a likelier spelling of it is held: the results are for this query, that spelling, and no suggestion is made.",
    }),
    unquoted_query: z.string().nullable().openapi({
      description:
        "Set when no article holds what the query quotes (a phrase, or a word as typed): the results are for this query, the same words unquoted. Null when that one word was searched as its correction (corrected_query).",
    }),
    arabic_keys_query: z.string().nullable().openapi({
      description:
        "Set when a query in Latin letters was read as the same keys type on the Arabic keyboard (hgsdsd: السيسي), the articles holding more of those words: the results are for this query.",
    }),
    arabic_name_query: z.string().nullable().openapi({
      description:
        "Set when the Latin words of a query name what the articles write in Arabic letters (aramco: أرامكو, تصريحات trump: تصريحات ترامب), spelt as they spell it: the results are for this query. A word titles write in Latin letters (Galaxy) is searched as typed.",
    }),
  })
  .openapi("SearchResponse");

export const RelatedResponseSchema = z
  .object({ took_ms: z.number(), hits: z.array(SearchHitSchema) })
  .openapi("RelatedResponse");

export const SuggestionSchema = z.object({
  id: z.string(),
  title: z.string(),
  highlighted: z.string().openapi({
    description:
      "HTML-safe title with the completed prefixes in <mark>, and the words found a typo away from those typed.",
  }),
  source: z.string(),
  published_at: z.string(),
});
export const SuggestResponseSchema = z
  .object({ suggestions: z.array(SuggestionSchema) })
  .openapi("SuggestResponse");

export const StoredArticleSchema = z
  .object({
    id: z.string(),
    url: z.string().optional(),
    title: z.string(),
    lead: z.string().optional(),
    body: z.string(),
    source: z.string(),
    author: z.string().optional(),
    published_at: z.string(),
    category: z.string().optional(),
    tags: z.array(z.string()).optional(),
    language: z.string(),
    indexed_at: z.string(),
    dup_group: z.string(),
  })
  .openapi("Article");

/** An article as a story lists it: who ran it, when, under which headline. */
export const StoryArticleSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    source: z.string(),
    published_at: z.string(),
    url: z.string().nullable(),
    category: z.string().nullable(),
  })
  .openapi("StoryArticle");

export const StoryResponseSchema = z
  .object({
    story: z.string(),
    total: z.number().int().openapi({ description: "Articles of the story, all pages." }),
    sources: z.number().int().openapi({ description: "Outlets that ran it." }),
    articles: z.array(StoryArticleSchema).openapi({ description: "This page of them, oldest first." }),
    next_page: z.number().int().nullable().openapi({
      description: "The page after this one, or null when this is the last (or the paging window ends).",
    }),
  })
  .openapi("Story");

export const TimelineEntrySchema = z
  .object({
    story: z.string(),
    first_report: StoryArticleSchema,
    articles: z.number().int().openapi({ description: "Its articles within the timeline's window." }),
    sources: z.number().int().openapi({ description: "Outlets among them." }),
    current: z.boolean().openapi({ description: "The story the timeline was asked for." }),
  })
  .openapi("TimelineEntry");

export const TimelineResponseSchema = z
  .object({
    story: z.string(),
    took_ms: z.number(),
    window: z.object({ from: z.string(), to: z.string() }).openapi({
      description: "Coverage published between these times (around the story's first report) is considered.",
    }),
    stories: z.array(TimelineEntrySchema).openapi({
      description: "The story and its related coverage, one entry per story, by first report, oldest first.",
    }),
  })
  .openapi("Timeline");

export const WriteResultSchema = z
  .object({
    results: z.array(
      z.object({
        id: z.string().optional(),
        line: z.number().int().optional(),
        status: z.enum(["created", "updated", "rejected", "failed"]),
        field: z.string().optional(),
        reason: z.string().optional(),
      }),
    ),
  })
  .openapi("WriteResult");

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ parameter: z.string(), message: z.string() })).optional(),
  })
  .openapi("Problem");

export type SearchHit = z.infer<typeof SearchHitSchema>;
export type SearchResponse = z.infer<typeof SearchResponseSchema>;
export type RelatedResponse = z.infer<typeof RelatedResponseSchema>;
export type Suggestion = z.infer<typeof SuggestionSchema>;
export type StoredArticle = z.infer<typeof StoredArticleSchema>;
export type FacetValue = z.infer<typeof FacetValueSchema>;
export type StoryArticle = z.infer<typeof StoryArticleSchema>;
export type StoryResponse = z.infer<typeof StoryResponseSchema>;
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;
export type TimelineResponse = z.infer<typeof TimelineResponseSchema>;
