/**
 * @module server/middleware/metrics
 * Prometheus metrics: requests and latency by route and status; the time each API operation
 * spent in Elasticsearch; and every request the Elasticsearch client sends, its latency and
 * errors by Elasticsearch operation (search, msearch, count, bulk, get, …). Exposed at /metrics.
 * One registry per app, so tests can run several apps side by side.
 */
import type { MiddlewareHandler } from "hono";
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";
import type { EsClient } from "../../es/client.js";
import { operationName } from "../../es/operation-name.js";

export interface Metrics {
  registry: Registry;
  middleware: MiddlewareHandler;
  /** Times one Elasticsearch call, labelled by operation. */
  timeElasticsearch: <T>(operation: string, call: () => Promise<T>) => Promise<T>;
}

/** An error's kind as a bounded label: the HTTP status Elasticsearch answered, or why none came. */
function errorKind(error: Error & { statusCode?: number }): string {
  if (error.name === "ResponseError" && error.statusCode) return String(error.statusCode);
  return (
    {
      TimeoutError: "timeout",
      ConnectionError: "connection",
      NoLivingConnectionsError: "connection",
      RequestAbortedError: "aborted",
    }[error.name] ?? "other"
  );
}

/** Times every request `client` sends, from its diagnostic events (retries included in the time). */
function observeClient(client: EsClient, registry: Registry): void {
  const latency = new Histogram({
    name: "elasticsearch_client_request_duration_seconds",
    help: "Latency of each request the Elasticsearch client sends, retries included, by Elasticsearch operation",
    labelNames: ["operation"],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: "elasticsearch_client_errors_total",
    help: "Elasticsearch requests that failed, by operation and error (HTTP status, timeout, connection)",
    labelNames: ["operation", "error"],
    registers: [registry],
  });
  // Keyed by the request's own meta object, which both events carry: nothing left behind.
  const started = new WeakMap<object, number>();
  const operationOf = (meta: { request: { params: { method: string; path: string } } }) =>
    operationName(meta.request.params.method, meta.request.params.path);
  client.diagnostic.on("serialization", (_error, result) => {
    if (result) started.set(result.meta, performance.now());
  });
  // A request that fails before it is sent (a body that cannot be serialised) gets no response event.
  client.diagnostic.on("request", (error, result) => {
    if (error && result) errors.inc({ operation: operationOf(result.meta), error: errorKind(error) });
  });
  client.diagnostic.on("response", (error, result) => {
    if (!result) return;
    const operation = operationOf(result.meta);
    const since = started.get(result.meta);
    if (since !== undefined) latency.observe({ operation }, (performance.now() - since) / 1000);
    if (error) errors.inc({ operation, error: errorKind(error) });
  });
}

/** `client`, when given, has every request it sends timed and its errors counted. */
export function createMetrics(client?: EsClient): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: "http_requests_total",
    help: "HTTP requests by route and status",
    labelNames: ["method", "route", "status"],
    registers: [registry],
  });
  const latency = new Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request latency by route and status",
    labelNames: ["method", "route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const esLatency = new Histogram({
    name: "elasticsearch_request_duration_seconds",
    help: "Time each API operation (search, suggest, related, …) spent on Elasticsearch, which may be several requests, by outcome",
    labelNames: ["operation", "outcome"],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const middleware: MiddlewareHandler = async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      // The route pattern, not the path, so /api/articles/:id is one series, not one per id.
      const labels = {
        method: c.req.method,
        route: c.req.routePath || "unmatched",
        status: String(c.res.status),
      };
      requests.inc(labels);
      latency.observe(labels, (performance.now() - started) / 1000);
    }
  };
  const timeElasticsearch = async <T>(operation: string, call: () => Promise<T>): Promise<T> => {
    const end = esLatency.startTimer({ operation });
    try {
      const result = await call();
      end({ outcome: "ok" });
      return result;
    } catch (error) {
      end({ outcome: "error" });
      throw error;
    }
  };
  if (client) observeClient(client, registry);
  return { registry, middleware, timeElasticsearch };
}
