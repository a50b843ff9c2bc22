/**
 * @module server/middleware/metrics
 * Prometheus metrics: requests and latency by route and status, and Elasticsearch latency,
 * exposed at /metrics. One registry per app, so tests can run several apps side by side.
 */
import type { MiddlewareHandler } from "hono";
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

export interface Metrics {
  registry: Registry;
  middleware: MiddlewareHandler;
  /** Times one Elasticsearch call, labelled by operation. */
  timeElasticsearch: <T>(operation: string, call: () => Promise<T>) => Promise<T>;
}

export function createMetrics(): Metrics {
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
    help: "Elasticsearch request latency by operation and outcome",
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
  return { registry, middleware, timeElasticsearch };
}
