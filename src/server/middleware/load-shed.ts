/**
 * @module server/middleware/load-shed
 * Bounded concurrency: when more requests are in flight than the engine can serve, answer 503
 * with Retry-After at once instead of queueing without bound (memory and latency stay flat).
 */
import type { MiddlewareHandler } from "hono";
import { unavailable } from "../problem.js";

export function loadShed(maxInFlight: number): MiddlewareHandler {
  let inFlight = 0;
  return async (_c, next) => {
    if (inFlight >= maxInFlight) throw unavailable("The server is at capacity; try again in a moment.", 1);
    inFlight++;
    try {
      await next();
    } finally {
      inFlight--;
    }
  };
}
