/**
 * @module server/routes/ops
 * For orchestrators and monitoring: /healthz (the process answers), /readyz (Elasticsearch
 * answers and the alias exists), /metrics (Prometheus).
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { EsClient } from "../../es/client.js";
import type { Metrics } from "../middleware/metrics.js";
import { unavailable } from "../problem.js";
import type { AppEnv } from "../types.js";

export function registerOpsRoutes(
  app: OpenAPIHono<AppEnv>,
  client: EsClient,
  alias: string,
  metrics: Metrics,
): void {
  app.get("/healthz", (c) => {
    c.header("Cache-Control", "no-store");
    return c.json({ status: "ok" });
  });

  app.get("/readyz", async (c) => {
    c.header("Cache-Control", "no-store");
    let aliasExists = false;
    try {
      aliasExists = await client.indices.existsAlias(
        { name: alias },
        { requestTimeout: 2_000, maxRetries: 0 },
      );
    } catch {
      throw unavailable("Elasticsearch does not answer.");
    }
    if (!aliasExists)
      throw unavailable(`Elasticsearch answers, but the alias "${alias}" does not exist.`, 30);
    return c.json({ status: "ready", alias });
  });

  app.get("/metrics", async (c) => {
    c.header("Cache-Control", "no-store");
    return c.body(await metrics.registry.metrics(), 200, { "Content-Type": metrics.registry.contentType });
  });
}
