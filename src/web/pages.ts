/**
 * @module web/pages
 * The reader pages, server-rendered by the API's own app: search (/), an article with its
 * related coverage and timeline (/articles/:id), a story's versions (/stories/:id) and the
 * editor's view (/editor), plus their static files and the embeddable widget. Their errors are
 * HTML pages too (errorPageResponse), so a failing Elasticsearch shows a readable message rather
 * than the API's problem+json.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { isEngineUnavailable } from "../es/errors.js";
import type { AppEnv } from "../http/app-env.js";
import { MAX_WINDOW } from "../search/build-search.js";
import {
  DraftBody,
  FilterParams,
  type SearchInput,
  SearchParams,
  StoryParams,
  unreadableParameters,
} from "../search/params.js";
import { MAX_QUERY_CHARS } from "../search/query-parser.js";
import type { SearchService } from "../search/service.js";
import type { StoryService } from "../search/story-service.js";
import { articlePage, errorPage, notFoundPage } from "./article-page.js";
import { type EditorForm, editorPage, emptyEditorForm } from "./editor-page.js";
import { type Markup, PAGE_CSP } from "./layout.js";
import { searchPage } from "./search-page.js";
import { registerStatic } from "./static.js";
import { storyNotFoundPage, storyPage } from "./story-page.js";

const UNAVAILABLE = "محرك البحث غير متاح الآن. حاول بعد قليل.";

async function render(c: Context<AppEnv>, markup: Markup, status: ContentfulStatusCode = 200) {
  c.header("Content-Security-Policy", PAGE_CSP);
  c.header("Cache-Control", "no-cache");
  return c.html(await markup, status);
}

/**
 * Hono gives repeated parameters as arrays; the schemas accept a string or an array. A form
 * sends its empty fields too (from=&to=), which mean "not set" rather than invalid dates.
 */
function queryObject(c: Context): Record<string, string | string[]> {
  const entries = Object.entries(c.req.queries()).flatMap(([key, all]) => {
    const values = all.filter((value) => value.trim() !== "");
    if (!values.length) return [];
    return [[key, values.length === 1 ? values[0] : values] as const];
  });
  return Object.fromEntries(entries) as Record<string, string | string[]>;
}

/**
 * The reader's search with the options that fail validation left out (page=0, a malformed date),
 * and their names: a bad option in a shared link must not cost the reader the query. A query too
 * long is cut to the length a search reads anyway.
 */
function readableSearch(
  query: Record<string, string | string[]>,
  unreadable: string[],
): { input: SearchInput; dropped: string[] } {
  const values: Record<string, string | string[]> = { ...query };
  // Broken percent-encoding or a bracketed name: what the link meant cannot be known.
  for (const name of unreadable) delete values[name];
  const q = [values.q ?? ""].flat()[0] ?? "";
  values.q = q.slice(0, MAX_QUERY_CHARS);
  const dropped = [...unreadable];
  for (;;) {
    const parsed = SearchParams.safeParse(values);
    if (parsed.success) return { input: parsed.data, dropped };
    const bad = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))].filter(
      (key) => key in values && key !== "q",
    );
    if (!bad.length) return { input: SearchParams.parse({}), dropped: Object.keys(values) };
    for (const key of bad) {
      delete values[key];
      dropped.push(key);
    }
  }
}

async function sourceNames(c: Context<AppEnv>, service: SearchService): Promise<string[]> {
  const result = await c.var.timeEs("search", () =>
    service.search(SearchParams.parse({ size: "1", highlight: "false", facets: "true" })),
  );
  return result.facets.source.map((facet) => facet.value);
}

async function editorResponse(c: Context<AppEnv>, service: SearchService) {
  // A body that is not a form (a broken multipart one) is the client's fault, answered as such.
  const fields = await c.req.parseBody().catch(() => undefined);
  if (!fields) return render(c, errorPage("تعذّرت قراءة النموذج المرسل."), 400);
  const text = (name: string) => (typeof fields[name] === "string" ? (fields[name] as string) : "");
  const form: EditorForm = { title: text("title"), body: text("body"), source: text("source") };
  const filters = FilterParams.safeParse({
    source: form.source || undefined,
    from: text("from") || undefined,
    to: text("to") || undefined,
  });
  if (filters.success) Object.assign(form, { from: filters.data.from, to: filters.data.to });
  const sources = await sourceNames(c, service);
  const draft = DraftBody.safeParse({ title: form.title, body: form.body });
  if (!draft.success || !filters.success) {
    const message = draft.success ? "تاريخ غير صالح." : "اكتب عنوانًا أو نصًا للمسودة.";
    return render(c, editorPage(form, sources, undefined, message), 400);
  }
  const related = await c.var.timeEs("related_draft", () =>
    service.relatedToDraft(draft.data, { ...filters.data, size: 10 }),
  );
  return render(c, editorPage(form, sources, related));
}

/** What a reader is told when a page cannot be served, by status. */
const PAGE_ERRORS: Record<number, string> = {
  400: "الطلب غير صالح.",
  413: "المسودة أطول من المسموح.",
  429: "طلبات كثيرة في وقت قصير. انتظر لحظات ثم حاول مجددًا.",
  503: UNAVAILABLE,
};

/** Paths answered with HTML: their errors are pages too, not the API's problem+json. */
export function isPagePath(path: string): boolean {
  return path === "/" || path === "/editor" || path.startsWith("/articles/") || path.startsWith("/stories/");
}

/** The HTML answer for a page request that failed with `status`. */
export function errorPageResponse(c: Context<AppEnv>, status: number): Promise<Response> {
  const message = PAGE_ERRORS[status] ?? "حدث خطأ غير متوقع. حاول بعد قليل.";
  return render(c, errorPage(message), status as ContentfulStatusCode);
}

/** A part of a page lost because only the engine is unavailable: left out (undefined); other errors go on. */
function unlessUnavailable(error: unknown): undefined {
  if (isEngineUnavailable(error)) return undefined;
  throw error;
}

export function registerPages(app: OpenAPIHono<AppEnv>, service: SearchService, stories: StoryService): void {
  registerStatic(app);

  // Failures (the engine down, a limit reached, a fault) reach the app's error handler, which
  // logs them and answers with errorPageResponse.
  app.get("/", async (c) => {
    const unreadable = unreadableParameters(new URL(c.req.url).search).map((problem) => problem.parameter);
    const { input: read, dropped } = readableSearch(queryObject(c), unreadable);
    const input = { ...read, cursor: undefined, facets: true };
    // Numbered pages stop where Elasticsearch's from+size window does.
    input.page = Math.min(input.page, Math.floor(MAX_WINDOW / input.size));
    const notice = dropped.length
      ? `تُركت خيارات غير صالحة في الرابط: ${dropped.join("، ")}؛ هذه النتائج من دونها.`
      : undefined;
    try {
      const result = await c.var.timeEs("search", () => service.search(input));
      return render(c, searchPage(input, result, notice));
    } catch (error) {
      // The search form, with the reader's query, and the reason: they can retry from it.
      if (!isEngineUnavailable(error)) throw error;
      return render(c, searchPage(input, undefined, UNAVAILABLE), 503);
    }
  });

  app.get("/articles/:id", async (c) => {
    const id = c.req.param("id");
    const found = await c.var.timeEs("get", () => service.getArticle(id));
    if (!found) return render(c, notFoundPage(id), 404);
    // The article without its related list or timeline beats no article when only the engine is failing.
    const [related, timeline] = await Promise.all([
      c.var.timeEs("related", () => service.relatedTo(found, { size: 8 })).catch(unlessUnavailable),
      c.var.timeEs("timeline", () => stories.timeline(found.article.dup_group)).catch(unlessUnavailable),
    ]);
    return render(c, articlePage(found.article, related, timeline));
  });

  app.get("/stories/:id", async (c) => {
    const id = c.req.param("id");
    // A page number that is not one (an edited link) shows the first page.
    const paging = StoryParams.safeParse({ page: c.req.query("page") });
    const input = paging.success ? paging.data : StoryParams.parse({});
    const [story, timeline] = await Promise.all([
      c.var.timeEs("story", () => stories.story(id, input)),
      input.page === 1
        ? c.var.timeEs("timeline", () => stories.timeline(id)).catch(unlessUnavailable)
        : undefined,
    ]);
    if (!story) return render(c, storyNotFoundPage(id), 404);
    return render(c, storyPage(story, input.page === 1, timeline));
  });

  app.get("/editor", async (c) => {
    const sources = await sourceNames(c, service).catch((error: unknown) => {
      if (isEngineUnavailable(error)) return [];
      throw error;
    });
    return render(c, editorPage(emptyEditorForm, sources, undefined));
  });

  app.post("/editor", (c) => editorResponse(c, service));
}
