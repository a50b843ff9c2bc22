/**
 * @module server/middleware/client-address
 * Who the client is, for per-client limits. Without proxies, the socket's address. Behind
 * `hops` proxies you run, the X-Forwarded-For entry that many from the right: each proxy appends
 * the address it saw, so entries further left were written by the client and prove nothing.
 */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

export function clientAddress(c: Context, hops: number): string {
  if (hops > 0) {
    const chain = (c.req.header("x-forwarded-for") ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    // Fewer entries than proxies: the request skipped a proxy; the nearest peer is all we know.
    const seen = chain[chain.length - hops];
    if (seen) return seen;
  }
  return socketAddress(c);
}

function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}
