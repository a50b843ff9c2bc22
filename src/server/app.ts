/**
 * @module server/app
 * The HTTP application: middleware in the order a request meets it, then the routes, then one
 * error handler that turns anything thrown into problem+json. Built from its dependencies, so
 * tests and the main process assemble it alike.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { etag } from "hono/etag";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { Logger } from "pino";
import { MAX_ARTICLE_BYTES } from "../articles/schema.js";
import type { ServerConfig } from "../config.js";
import type { EsClient } from "../es/client.js";
import { withDeadline } from "../es/deadline.js";
import type { AppEnv } from "../http/app-env.js";
import { ArticleWriter } from "../ingest/article-writer.js";
import { SearchService } from "../search/service.js";
import { StoryService } from "../search/story-service.js";
import { errorPageResponse, isPagePath, registerPages } from "../web/pages.js";
import { requireApiKey } from "./middleware/api-key.js";
import { clientAddress } from "./middleware/client-address.js";
import { engineBudget } from "./middleware/engine-budget.js";
import { loadShed } from "./middleware/load-shed.js";
import { createMetrics } from "./middleware/metrics.js";
import { rateLimit } from "./middleware/rate-limit.js";
import { readBody } from "./middleware/read-body.js";
import {
  ApiError,
  fromElasticsearch,
  fromHono,
  notFound,
  problemResponse,
  validationProblem,
} from "./problem.js";
import { registerDocs } from "./routes/docs.js";
import { registerOpsRoutes } from "./routes/ops.js";
import { registerSearchRoutes } from "./routes/search.js";
import { registerStoryRoutes } from "./routes/stories.js";
import { registerWriteRoutes } from "./routes/write.js";

export interface AppDependencies {
  client: EsClient;
  config: ServerConfig;
  logger: Logger;
}

/** Paths whose handlers query Elasticsearch for a reader or a client. */
const READER_ROUTES = ["/api/*", "/", "/articles/*", "/stories/*", "/editor"];

/** Writes to the archive, which keep the client's own timeout rather than a reader's deadline. */
const isWrite = (c: Context) => c.req.method !== "GET" && c.req.path.startsWith("/api/articles");

/**
 * A reader is answered within `ms` or told to retry (503): a search or page sends the engine
 * several requests in turn, and all of them are cut at one deadline, so none holds a slot others
 * need past it (Elasticsearch cancels the abandoned search too).
 */
const readerDeadline =
  (ms: number): MiddlewareHandler =>
  (c, next) =>
    isWrite(c) ? next() : withDeadline(ms, next);

/** No request body here nests deeper than an article's tag list. */
const MAX_JSON_DEPTH = 16;

/**
 * Each route's body limit, from what its schema accepts: an article of up to MAX_ARTICLE_BYTES
 * (tripled: a JSON encoder may escape every Arabic letter as \uXXXX), a draft, the editor's
 * form; bulk writes are configured; nothing else takes more than a small body.
 */
function bodyLimitOf(config: ServerConfig): (c: Context) => number {
  return (c) => {
    const path = c.req.path;
    if (path === "/api/articles/_bulk") return config.MAX_BODY_BYTES;
    if (path.startsWith("/api/articles")) return 3 * MAX_ARTICLE_BYTES;
    if (path === "/api/related") return 256_000;
    if (path === "/editor") return 300_000;
    return 16_000;
  };
}

/** The request reached us over HTTPS, or reached the trusted proxy in front of us over it. */
function overHttps(c: Context, proxies: number): boolean {
  if (c.req.url.startsWith("https:")) return true;
  return proxies > 0 && c.req.header("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

/** Methods that only read: public data, which any site may embed unless CORS_ORIGINS narrows it. */
const READS = new Set(["GET", "HEAD"]);

/**
 * Which origin a browser may read the answer from. With CORS_ORIGINS set, those origins only (or
 * any, for `*`). Without it, any origin for reads (the widgets work on any site out of the box)
 * and none for writes. A preflight is judged by the method it asks for.
 */
function corsOrigin(allowed: readonly string[]) {
  return (origin: string, c: Context): string | null => {
    if (allowed.includes("*")) return "*";
    if (allowed.length) return allowed.includes(origin) ? origin : null;
    const method =
      c.req.method === "OPTIONS" ? (c.req.header("access-control-request-method") ?? "") : c.req.method;
    return READS.has(method.toUpperCase()) ? "*" : null;
  };
}

export function createApp({ client, config, logger }: AppDependencies) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success)
        throw validationProblem(result.error, result.target === "json" ? "body" : "parameters");
    },
  });
  const metrics = createMetrics(client);

  app.use(requestId());
  app.use(async (c, next) => {
    const started = performance.now();
    c.set("timeEs", metrics.timeElasticsearch);
    await next();
    // No headers and no body: keys and drafts never reach the log.
    logger.info({
      id: c.var.requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });
  app.use(metrics.middleware);
  app.use(
    secureHeaders({
      crossOriginResourcePolicy: "cross-origin",
      // Agrees with the pages' CSP frame-ancestors 'none'.
      xFrameOptions: "DENY",
      // Only over HTTPS: a browser ignores it over plain HTTP, and a proxy may terminate TLS.
      strictTransportSecurity: false,
    }),
  );
  app.use(async (c, next) => {
    await next();
    if (overHttps(c, config.TRUST_PROXY))
      c.header("Strict-Transport-Security", "max-age=15552000; includeSubDomains");
  });
  app.use(
    "/api/*",
    cors({
      origin: corsOrigin(config.CORS_ORIGINS),
      allowMethods: ["GET", "POST", "PUT", "DELETE"],
      allowHeaders: ["Content-Type", "Authorization", "X-API-Key"],
      exposeHeaders: ["Retry-After", "X-Request-Id"],
      maxAge: 600,
    }),
  );
  // Every route that reaches Elasticsearch, pages as well as the API: limited per client by
  // requests and by engine time, its body read whole before it may take a search slot.
  // Found once per request; the limits below all key on it.
  const identifyClient: MiddlewareHandler<AppEnv> = async (c, next) => {
    c.set("client", clientAddress(c, config.TRUST_PROXY));
    await next();
  };
  const clientKey = (c: Context<AppEnv>) => c.var.client;
  const servingReaders = [
    identifyClient,
    rateLimit({ perMinute: config.RATE_LIMIT_PER_MINUTE, clientKey }),
    engineBudget({ msPerMinute: config.ENGINE_MS_PER_MINUTE, clientKey }),
    readBody({ maxBytes: bodyLimitOf(config), maxDepth: MAX_JSON_DEPTH }),
    loadShed({
      maxInFlight: config.MAX_CONCURRENT_SEARCHES,
      maxPerClient: config.MAX_CONCURRENT_SEARCHES_PER_CLIENT,
      clientKey,
    }),
    readerDeadline(config.SEARCH_TIMEOUT_MS),
  ] as const;
  for (const path of READER_ROUTES) app.use(path, ...servingReaders);
  app.use("/api/*", etag());
  if (config.OPS_TOKEN) {
    const opsGuard = requireApiKey([config.OPS_TOKEN], "operations");
    app.use("/metrics", opsGuard);
    app.use("/readyz", opsGuard);
  }
  const writeGuard = requireApiKey(config.API_KEYS);
  app.on(["POST", "PUT", "DELETE"], "/api/articles/*", writeGuard);
  app.post("/api/articles", writeGuard);

  const search = new SearchService(client, config.ES_INDEX_ALIAS);
  registerSearchRoutes(app, search);
  const stories = new StoryService(search);
  registerStoryRoutes(app, stories);
  registerWriteRoutes(app, new ArticleWriter(client, config.ES_INDEX_ALIAS));
  registerOpsRoutes(app, client, config.ES_INDEX_ALIAS, metrics);
  registerDocs(app);
  registerPages(app, search, stories);

  app.notFound((c) => problemResponse(c, notFound(`No route for ${c.req.method} ${c.req.path}.`)));
  // A page's failure is a page too: the reader gets HTML with the reason, the log gets the rest.
  const answer = (c: Context<AppEnv>, problem: ApiError) => {
    if (!isPagePath(c.req.path)) return problemResponse(c, problem);
    if (problem.extra.retryAfter) c.header("Retry-After", String(problem.extra.retryAfter));
    return errorPageResponse(c, problem.status);
  };
  app.onError((error, c) => {
    if (error instanceof ApiError) return answer(c, error);
    const engine = fromElasticsearch(error);
    if (engine) {
      // One line to find it by, no stack: a refusal is a gap in validation, the rest says why
      // the engine was away (timeout, rejected execution, breaker) where the reader only sees 503.
      logger.warn(
        { id: c.var.requestId, reason: error.message },
        engine.status === 400 ? "Elasticsearch refused the request" : "Elasticsearch unavailable",
      );
      return answer(c, engine);
    }
    if (error instanceof HTTPException && error.status < 500) return answer(c, fromHono(error));
    logger.error({ id: c.var.requestId, err: error }, "unhandled error");
    return answer(
      c,
      new ApiError(500, "Internal error", `Something went wrong (request ${c.var.requestId}).`),
    );
  });
  return app;
}
