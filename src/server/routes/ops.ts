/**
 * @module server/routes/ops
 * For orchestrators and monitoring: /healthz (the process answers), /readyz (Elasticsearch
 * answers and the alias exists; its `analysis` line says whether the cluster analyses as the
 * golden tokens say, without deciding readiness), /metrics (Prometheus).
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { EsClient } from "../../es/client.js";
import type { AppEnv } from "../../http/app-env.js";
import { analysisCheck } from "../analysis-check.js";
import type { Metrics } from "../middleware/metrics.js";
import { unavailable } from "../problem.js";

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

  const analysis = analysisCheck(client, alias);

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
    return c.json({ status: "ready", alias, analysis: analysis() });
  });

  app.get("/metrics", async (c) => {
    c.header("Cache-Control", "no-store");
    return c.body(await metrics.registry.metrics(), 200, { "Content-Type": metrics.registry.contentType });
  });
}
