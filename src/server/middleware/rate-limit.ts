/**
 * @module server/middleware/rate-limit
 * Per-client rate limiting with a token bucket per address: a burst is allowed, a sustained
 * excess gets 429 with Retry-After. In memory, bounded: idle buckets are dropped.
 *
 * @example app.use("/api/*", rateLimit({ perMinute: 600, clientKey: (c) => clientAddress(c, false) }))
 */

import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { ApiError } from "../problem.js";

export interface RateLimitOptions {
  perMinute: number;
  clientKey: (c: Context) => string;
  /** Buckets kept at most; the least recently used go first. */
  maxClients?: number;
}

interface Bucket {
  tokens: number;
  updated: number;
}

export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}

export function rateLimit({
  perMinute,
  clientKey,
  maxClients = 50_000,
}: RateLimitOptions): MiddlewareHandler {
  if (perMinute <= 0) throw new Error("rateLimit: perMinute must be positive");
  const buckets = new Map<string, Bucket>();
  const refillPerMs = perMinute / 60_000;
  return async (c, next) => {
    const key = clientKey(c);
    const now = Date.now();
    const bucket = buckets.get(key) ?? { tokens: perMinute, updated: now };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.updated) * refillPerMs);
    bucket.updated = now;
    buckets.delete(key);
    buckets.set(key, bucket);
    if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value as string);
    if (bucket.tokens < 1) {
      const retryAfter = Math.ceil((1 - bucket.tokens) / refillPerMs / 1000);
      throw new ApiError(429, "Too many requests", `Rate limit of ${perMinute} requests a minute exceeded.`, {
        retryAfter,
      });
    }
    bucket.tokens -= 1;
    c.header("RateLimit-Limit", String(perMinute));
    c.header("RateLimit-Remaining", String(Math.floor(bucket.tokens)));
    await next();
  };
}
