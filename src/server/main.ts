/**
 * @module server/main
 * Starts the API: configuration validated first (a bad variable stops here, named), then the
 * client, the app, the listener; SIGTERM/SIGINT drain in-flight requests and close the client.
 */
import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import pino, { type Logger } from "pino";
import { parseEnv, type ServerConfig, ServerConfigSchema } from "../config.js";
import { createEsClient } from "../es/client.js";
import { createApp } from "./app.js";
import { capConnectionsPerAddress } from "./connection-limits.js";

export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

export async function startServer(
  nodes: string[],
  config: ServerConfig = parseEnv(ServerConfigSchema),
  logger: Logger = pino({ level: config.LOG_LEVEL, base: undefined }),
): Promise<RunningServer> {
  const client = createEsClient({ nodes, config });
  const app = createApp({ client, config, logger });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const listening = serve(
      {
        fetch: app.fetch,
        hostname: config.HOST,
        port: config.PORT,
        serverOptions: {
          // A whole request within REQUEST_TIMEOUT_MS, its headers within a fraction of it,
          // checked every second: a trickled body is cut off when it is late, not minutes after.
          requestTimeout: config.REQUEST_TIMEOUT_MS,
          headersTimeout: Math.min(10_000, config.REQUEST_TIMEOUT_MS),
          connectionsCheckingInterval: 1_000,
        },
      },
      () => resolve(listening),
    );
  });
  // Behind proxies every connection comes from a proxy: the cap would limit them, not clients.
  if (config.TRUST_PROXY === 0) capConnectionsPerAddress(server as Server, config.MAX_CONNECTIONS_PER_CLIENT);
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  const url = `http://${config.HOST === "0.0.0.0" ? "127.0.0.1" : config.HOST}:${port}`;
  logger.info({ url }, "listening");
  const close = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await client.close();
  };
  return { url, close };
}

/** Stop accepting, let in-flight requests finish (bounded), then exit. */
export function closeOnSignals(server: RunningServer): void {
  const shutdown = (signal: string) => {
    process.stderr.write(`${signal}: draining…\n`);
    setTimeout(() => process.exit(1), 10_000).unref();
    server.close().then(() => process.exit(0));
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}
