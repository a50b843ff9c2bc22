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
