/**
 * @module server/middleware/load-shed
 * Bounded concurrency: when more requests are in flight than the engine can serve, answer 503
 * with Retry-After at once instead of queueing without bound (memory and latency stay flat).
 * One client holds at most its share of those slots, so a few addresses sending slow requests
 * within their rate limit cannot take every slot from other readers.
 */
import type { Context, MiddlewareHandler } from "hono";
import { tooManyRequests, unavailable } from "../problem.js";

export interface LoadShedOptions {
  /** Requests in flight at once, across all clients; beyond it, 503. */
  maxInFlight: number;
  /** Requests in flight at once from one client; beyond it, 429 for that client alone. */
  maxPerClient: number;
  clientKey: (c: Context) => string;
}

export function loadShed({ maxInFlight, maxPerClient, clientKey }: LoadShedOptions): MiddlewareHandler {
  let inFlight = 0;
  // Only clients with a request in flight have an entry: its size is bounded by maxInFlight.
  const perClient = new Map<string, number>();
  return async (c, next) => {
    const key = clientKey(c);
    const held = perClient.get(key) ?? 0;
    if (held >= maxPerClient)
      throw tooManyRequests("This client has too many requests in flight; wait for one to finish.", 1);
    if (inFlight >= maxInFlight) throw unavailable("The server is at capacity; try again in a moment.", 1);
    inFlight++;
    perClient.set(key, held + 1);
    try {
      await next();
    } finally {
      inFlight--;
      const left = (perClient.get(key) ?? 1) - 1;
      if (left > 0) perClient.set(key, left);
      else perClient.delete(key);
    }
  };
}
