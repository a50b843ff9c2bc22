/**
 * @module server/middleware/rate-limit
 * Per-client rate limiting with a token bucket per address: a burst is allowed, a sustained
 * excess gets 429 with Retry-After.
 *
 * @example app.use("/api/*", rateLimit({ perMinute: 600, clientKey: (c) => clientAddress(c, 0) }))
 */
import type { Context, MiddlewareHandler } from "hono";
import { tooManyRequests } from "../problem.js";
import { ClientBuckets } from "./client-buckets.js";

export interface RateLimitOptions {
  perMinute: number;
  clientKey: (c: Context) => string;
}

export function rateLimit({ perMinute, clientKey }: RateLimitOptions): MiddlewareHandler {
  const buckets = new ClientBuckets(perMinute, perMinute);
  return async (c, next) => {
    const bucket = buckets.of(clientKey(c));
    if (bucket.tokens < 1)
      throw tooManyRequests(
        `Rate limit of ${perMinute} requests a minute exceeded.`,
        buckets.secondsUntil(bucket, 1),
      );
    bucket.tokens -= 1;
    c.header("RateLimit-Limit", String(perMinute));
    c.header("RateLimit-Remaining", String(Math.floor(bucket.tokens)));
    await next();
  };
}
