/**
 * @module config
 * The whole environment, parsed once at start by one zod schema. A bad variable stops the process
 * with a message naming it, rather than failing on the first request that needs it.
 */
import { z } from "zod";

const commaList = z
  .string()
  .transform((value) =>
    value
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string()));

/** A whole number in [least, most], from an environment string. */
const wholeNumber = (least: number, most: number) =>
  z.coerce
    .number({ message: "must be a whole number" })
    .int("must be a whole number")
    .min(least, `must be at least ${least}`)
    .max(most, `must be at most ${most}`);

const httpUrl = z.url({ protocol: /^https?$/, message: "must be an http(s) URL" });

export const ElasticsearchConfigSchema = z
  .object({
    /** One or more node URLs, comma-separated; the client fails over between them. */
    ES_URL: commaList.pipe(z.array(httpUrl).min(1, "must name at least one URL")).optional(),
    ES_API_KEY: z.string().min(1).optional(),
    ES_USERNAME: z.string().min(1).optional(),
    ES_PASSWORD: z.string().min(1).optional(),
    /** Path to a PEM file with the CA that signed the cluster's certificate. */
    ES_CA_CERT: z.string().min(1).optional(),
    /** The alias searches go through; physical indices are versioned behind it. */
    ES_INDEX_ALIAS: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]*$/, "must be a lowercase index name")
      .default("articles"),
    ES_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
    /**
     * Primary shards of each physical index created from now on (a shard count is fixed at
     * creation). Unset: mappings/articles.json's, one, which suits one node.
     */
    ES_SHARDS: wholeNumber(1, 1024).optional(),
    /** Copies of each shard on other nodes, for availability and read throughput. Unset: none. */
    ES_REPLICAS: wholeNumber(0, 16).optional(),
    /**
     * The snapshot repository `npm run es -- snapshot|restore` use, registered on the cluster by its
     * operator (S3, GCS, Azure, a shared filesystem). Unset: a filesystem repository under the
     * node's `path.repo`, registered on first use (the local node has one).
     */
    ES_SNAPSHOT_REPOSITORY: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]*$/, "must be a lowercase repository name")
      .optional(),
  })
  .refine((env) => !env.ES_USERNAME === !env.ES_PASSWORD, {
    message: "ES_USERNAME and ES_PASSWORD go together",
    path: ["ES_PASSWORD"],
  });

export type ElasticsearchConfig = z.infer<typeof ElasticsearchConfigSchema>;

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** Parses `env` with `schema`, throwing one ConfigError that lists every bad variable. */
export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const variable = issue.path.join(".") || "(environment)";
    return `  ${variable}: ${issue.message}`;
  });
  throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
}

const port = z.coerce.number().int().min(0).max(65_535);

/** The API server's settings, on top of Elasticsearch's. */
export const ServerConfigSchema = ElasticsearchConfigSchema.and(
  z.object({
    HOST: z.string().default("127.0.0.1"),
    PORT: port.default(3000),
    /** Where `npm start` serves the widgets' demo page: another port, so another origin. */
    EMBED_DEMO_PORT: port.default(3001),
    /** Keys for the write endpoints, comma-separated; none means writes are refused. */
    API_KEYS: commaList
      .pipe(z.array(z.string().min(16, "each key must be at least 16 characters")))
      .default([]),
    /**
     * Origins allowed to call the API from a browser, comma-separated, or *. Unset: any site may
     * read (search, suggest, related: the widgets work anywhere) and none may write.
     */
    CORS_ORIGINS: commaList.default([]),
    /** Requests a client may make per minute before 429. */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
    /** Searches in flight at once; beyond it the API sheds load with 503 instead of queueing. */
    MAX_CONCURRENT_SEARCHES: z.coerce.number().int().positive().default(64),
    /**
     * Of those, how many one client may hold at once; beyond it that client alone gets 429. Keep
     * it well under MAX_CONCURRENT_SEARCHES so a few slow clients cannot take every slot.
     */
    MAX_CONCURRENT_SEARCHES_PER_CLIENT: z.coerce.number().int().positive().default(4),
    /**
     * Engine time (milliseconds of Elasticsearch calls) a client may use per minute before 429:
     * requests that are cheap to send but dear to answer are limited by what they cost.
     */
    ENGINE_MS_PER_MINUTE: z.coerce.number().int().positive().default(12_000),
    /**
     * Proxies you run in front of the API: "false" (none: the socket's address is the client's),
     * "true" (one), or how many. The client is the X-Forwarded-For entry that many from the right:
     * the address your outermost proxy saw; entries left of it are whatever the client wrote.
     */
    TRUST_PROXY: z
      .string()
      .regex(/^(true|false|[0-9]{1,2})$/, 'must be "true", "false" or a number of proxies')
      .default("false")
      .transform((value) => (value === "true" ? 1 : value === "false" ? 0 : Number(value))),
    /** The longest the API waits on Elasticsearch for a reader's search, suggestion or page. */
    SEARCH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    /** Open connections one client address may hold; more are closed at once. */
    MAX_CONNECTIONS_PER_CLIENT: z.coerce.number().int().positive().default(32),
    /** The whole request (headers and body) must arrive within this, or the connection is closed. */
    REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
    /** Bulk writes only; every other route's body limit follows from its schema. */
    MAX_BODY_BYTES: z.coerce.number().int().positive().default(5_000_000),
    /**
     * A token that /metrics and /readyz then require (Authorization: Bearer <token>); unset, they
     * are public. /healthz stays public for load balancers.
     */
    OPS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  }),
);

export type ServerConfig = z.infer<typeof ServerConfigSchema>;
