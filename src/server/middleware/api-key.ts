/**
 * @module server/middleware/api-key
 * Write endpoints need an API key (Authorization: Bearer <key> or X-API-Key). Keys come from
 * config; comparison is constant-time; a key is never logged or echoed.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { ApiError } from "../problem.js";

const digest = (key: string) => createHash("sha256").update(key).digest();

export function requireApiKey(keys: string[], realm = "articles"): MiddlewareHandler {
  // Compare digests: equal length whatever the key, so timing reveals neither content nor length.
  const allowed = keys.map(digest);
  return async (c, next) => {
    const header = c.req.header("authorization");
    const presented = header?.match(/^Bearer\s+(.+)$/i)?.[1] ?? c.req.header("x-api-key");
    if (!presented) {
      c.header("WWW-Authenticate", `Bearer realm="${realm}"`);
      throw new ApiError(
        401,
        "Unauthorized",
        "This endpoint needs an API key (Authorization: Bearer <key>).",
      );
    }
    const candidate = digest(presented.trim());
    let match = false;
    for (const key of allowed) match = timingSafeEqual(key, candidate) || match;
    if (!match) throw new ApiError(403, "Forbidden", "The API key is not valid for this endpoint.");
    await next();
  };
}
