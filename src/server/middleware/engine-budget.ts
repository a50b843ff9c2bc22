/**
 * @module server/middleware/engine-budget
 * Per-client budget of engine time. A request rate limit treats a one-word search and a query
 * built to be expensive alike; this charges each client the Elasticsearch time its requests
 * took, so no client can take more than its share of the engine from other readers. A client in
 * debt gets 429 until its budget refills; a request already admitted always finishes.
 */
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../../http/app-env.js";
import { tooManyRequests } from "../problem.js";
import { ClientBuckets } from "./client-buckets.js";

export interface EngineBudgetOptions {
  /** Milliseconds of Elasticsearch time a client may use per minute, sustained. */
  msPerMinute: number;
  clientKey: (c: Context) => string;
}

/** A burst of this share of a minute's budget is allowed, as a reader's first searches. */
const BURST_SHARE = 1 / 4;

export function engineBudget({ msPerMinute, clientKey }: EngineBudgetOptions): MiddlewareHandler<AppEnv> {
  const buckets = new ClientBuckets(msPerMinute * BURST_SHARE, msPerMinute);
  return async (c, next) => {
    const key = clientKey(c);
    const before = buckets.of(key);
    if (before.tokens <= 0)
      throw tooManyRequests(
        "This client has used its share of the search engine for now.",
        buckets.secondsUntil(before, 1),
      );
    const timeEs = c.var.timeEs;
    let spent = 0;
    c.set("timeEs", async (operation, call) => {
      const started = performance.now();
      try {
        return await timeEs(operation, call);
      } finally {
        spent += performance.now() - started;
      }
    });
    try {
      await next();
    } finally {
      buckets.of(key).tokens -= spent;
    }
  };
}
