/**
 * @module server/routes/ops
 * For orchestrators and monitoring: /healthz (the process answers), /readyz (Elasticsearch
 * answers, the alias exists and its index is not red; yellow is ready with a warning; its
 * `analysis` line says whether the cluster analyses as the golden tokens say, without deciding
 * readiness), /metrics (Prometheus).
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { EsClient } from "../../es/client.js";
import { type AliasHealth, aliasHealth } from "../../es/health.js";
import type { AppEnv } from "../../http/app-env.js";
import { analysisCheck } from "../analysis-check.js";
import type { Metrics } from "../middleware/metrics.js";
import { type ApiError, unavailable } from "../problem.js";

/** A 503 problem that also names its reason in a word and carries what health said. */
function notReady(detail: string, reason: string, elasticsearch?: AliasHealth): ApiError {
  const problem = unavailable(detail, reason === "unreachable" ? 5 : 30);
  Object.assign(problem.extra, { reason, ...(elasticsearch ? { elasticsearch } : {}) });
  return problem;
}

/** What is wrong but still answers: replicas unplaced here, or another index's trouble. */
function warningOf(health: AliasHealth): string | undefined {
  if (health.status === "yellow")
    return `index ${health.index} is yellow: ${health.unassigned_shards} replica shard(s) unassigned; searches are answered, but losing a node may lose data`;
  if (health.cluster !== "green")
    return `the cluster is ${health.cluster} (another index); ${health.index} is ${health.status}`;
  return undefined;
}

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
    let health: AliasHealth | undefined;
    try {
      health = await aliasHealth(client, alias);
    } catch {
      throw notReady("Elasticsearch does not answer.", "unreachable");
    }
    if (!health)
      throw notReady(`Elasticsearch answers, but the alias "${alias}" does not exist.`, "alias_missing");
    if (health.status === "red")
      throw notReady(
        `index ${health.index} is red: ${health.unassigned_primaries} of ${health.shards} primary shard(s) unassigned; searches would miss articles.`,
        "index_red",
        health,
      );
    const warning = warningOf(health);
    return c.json({
      status: "ready",
      alias,
      ...(warning ? { warning } : {}),
      elasticsearch: health,
      analysis: analysis(),
    });
  });

  app.get("/metrics", async (c) => {
    c.header("Cache-Control", "no-store");
    return c.body(await metrics.registry.metrics(), 200, { "Content-Type": metrics.registry.contentType });
  });
}
