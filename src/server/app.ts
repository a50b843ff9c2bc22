/**
 * @module server/app
 * The HTTP application: middleware in the order a request meets it, then the routes, then one
 * error handler that turns anything thrown into problem+json. Built from its dependencies, so
 * tests and the main process assemble it alike.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { etag } from "hono/etag";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { Logger } from "pino";
import type { ServerConfig } from "../config.js";
import type { EsClient } from "../es/client.js";
import { ArticleWriter } from "../ingest/article-writer.js";
import { SearchService } from "../search/service.js";
import { registerPages } from "../web/pages.js";
import { requireApiKey } from "./middleware/api-key.js";
import { loadShed } from "./middleware/load-shed.js";
import { createMetrics } from "./middleware/metrics.js";
import { clientAddress, rateLimit } from "./middleware/rate-limit.js";
import { ApiError, fromElasticsearch, notFound, problemResponse, validationProblem } from "./problem.js";
import { registerDocs } from "./routes/docs.js";
import { registerOpsRoutes } from "./routes/ops.js";
import { registerSearchRoutes } from "./routes/search.js";
import { registerWriteRoutes } from "./routes/write.js";
import type { AppEnv } from "./types.js";

export interface AppDependencies {
  client: EsClient;
  config: ServerConfig;
  logger: Logger;
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
  const metrics = createMetrics();
  const shed = loadShed(config.MAX_CONCURRENT_SEARCHES);

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
  app.use(secureHeaders({ crossOriginResourcePolicy: "cross-origin" }));
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
  app.use(
    "/api/*",
    rateLimit({
      perMinute: config.RATE_LIMIT_PER_MINUTE,
      clientKey: (c) => clientAddress(c, config.TRUST_PROXY),
    }),
  );
  app.use("/api/*", shed);
  app.use("/api/*", etag());
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: config.MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError(413, "Payload too large", `The body is over ${config.MAX_BODY_BYTES} bytes.`);
      },
    }),
  );
  const writeGuard = requireApiKey(config.API_KEYS);
  app.on(["POST", "PUT", "DELETE"], "/api/articles/*", writeGuard);
  app.post("/api/articles", writeGuard);

  const search = new SearchService(client, config.ES_INDEX_ALIAS);
  registerSearchRoutes(app, search);
  registerWriteRoutes(app, new ArticleWriter(client, config.ES_INDEX_ALIAS));
  registerOpsRoutes(app, client, config.ES_INDEX_ALIAS, metrics);
  registerDocs(app);
  registerPages(app, search);

  app.notFound((c) => problemResponse(c, notFound(`No route for ${c.req.method} ${c.req.path}.`)));
  app.onError((error, c) => {
    const known = error instanceof ApiError ? error : fromElasticsearch(error);
    if (known) return problemResponse(c, known);
    // Hono's own (malformed JSON, a parse failure in a validator): keep its status, our format.
    if (error instanceof HTTPException && error.status < 500)
      return problemResponse(c, new ApiError(error.status, "Bad request", `body: ${error.message}`));
    logger.error({ id: c.var.requestId, err: error }, "unhandled error");
    return problemResponse(
      c,
      new ApiError(500, "Internal error", `Something went wrong (request ${c.var.requestId}).`),
    );
  });
  return app;
}
