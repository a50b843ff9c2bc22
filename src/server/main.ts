/**
 * @module server/main
 * Starts the API: configuration validated first (a bad variable stops here, named), then the
 * client, the app, the listener; SIGTERM/SIGINT drain in-flight requests and close the client.
 */
import { serve } from "@hono/node-server";
import pino from "pino";
import { parseEnv, type ServerConfig, ServerConfigSchema } from "../config.js";
import { createEsClient } from "../es/client.js";
import { createApp } from "./app.js";

export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

export async function startServer(
  nodes: string[],
  config: ServerConfig = parseEnv(ServerConfigSchema),
): Promise<RunningServer> {
  const logger = pino({ level: config.LOG_LEVEL, base: undefined });
  const client = createEsClient({ nodes, config });
  const app = createApp({ client, config, logger });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const listening = serve({ fetch: app.fetch, hostname: config.HOST, port: config.PORT }, () =>
      resolve(listening),
    );
  });
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
