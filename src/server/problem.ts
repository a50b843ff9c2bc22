/**
 * @module server/problem
 * Errors as RFC 9457 problem details. Handlers throw an ApiError; one onError turns it (or any
 * Elasticsearch or unexpected error) into application/problem+json, never a stack trace.
 */
import { STATUS_CODES } from "node:http";
import type { Context } from "hono";
import type { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import { isRefusedRequest, NoWriteIndexError, type Unavailability, unavailability } from "../es/errors.js";

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** For 400s: each bad parameter with what is wrong with it. */
  errors?: Array<{ parameter: string; message: string }>;
}

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly title: string,
    detail: string,
    readonly extra: Partial<ProblemDetails> & { retryAfter?: number } = {},
  ) {
    super(detail);
  }
}

export const badRequest = (detail: string, errors?: ProblemDetails["errors"]) =>
  new ApiError(400, "Bad request", detail, errors ? { errors } : {});
export const notFound = (detail: string) => new ApiError(404, "Not found", detail);
export const unavailable = (detail: string, retryAfter = 5) =>
  new ApiError(503, "Service unavailable", detail, { retryAfter });
export const tooManyRequests = (detail: string, retryAfter: number) =>
  new ApiError(429, "Too many requests", detail, { retryAfter });

/** One 400 naming every bad parameter. */
export function invalid(where: string, list: NonNullable<ProblemDetails["errors"]>): ApiError {
  const detail = list.map((item) => `${item.parameter}: ${item.message}`).join("; ");
  return badRequest(`Invalid ${where}: ${detail}`, list);
}

/** A zod error → one 400 naming every bad parameter. */
export function validationProblem(error: z.ZodError, where: string): ApiError {
  return invalid(
    where,
    error.issues.map((issue) => ({ parameter: issue.path.join(".") || where, message: issue.message })),
  );
}

/** A status's standard reason phrase as a title: 413 "Payload too large", 415 "Unsupported media type". */
function statusTitle(status: number): string {
  const phrase = STATUS_CODES[status] ?? "Error";
  return phrase.charAt(0) + phrase.slice(1).toLowerCase();
}

/** Hono's own refusals (malformed JSON, a body of another media type): their status, our format. */
export function fromHono(error: HTTPException): ApiError {
  const detail =
    error.status === 415 ? "Content-Type: send the body as application/json." : `body: ${error.message}`;
  return new ApiError(error.status, statusTitle(error.status), detail);
}

/** What a reader is told, and after how many seconds to retry, for each reason the engine is away. */
const UNAVAILABLE: Record<Unavailability, [detail: string, retryAfter: number]> = {
  unreachable: ["The search engine is unreachable; try again in a few seconds.", 5],
  "index-missing": ["The articles index does not exist yet; it is being prepared.", 30],
  overloaded: ["The search engine is overloaded; try again shortly.", 5],
};

/**
 * Elasticsearch errors the reader can do nothing about become 503 with Retry-After; one it refuses
 * as malformed, 400. Its own text stays in the log.
 */
export function fromElasticsearch(error: unknown): ApiError | undefined {
  // The operator's to fix, not the writer's: said plainly, with what to change.
  if (error instanceof NoWriteIndexError)
    return unavailable(
      `Writes have nowhere to go: ${error.message}; mark one with is_write_index: true.`,
      60,
    );
  const reason = unavailability(error);
  if (reason) return unavailable(...UNAVAILABLE[reason]);
  // A request it refuses was built from parameters validation let through: theirs to change.
  if (isRefusedRequest(error))
    return badRequest("The search engine cannot run the request these parameters make; change them.");
  return undefined;
}

export function problemResponse(c: Context, error: ApiError): Response {
  const { retryAfter, ...extra } = error.extra;
  const body: ProblemDetails = {
    type: "about:blank",
    title: error.title,
    status: error.status,
    detail: error.message,
    instance: c.req.path,
    ...extra,
  };
  if (retryAfter) c.header("Retry-After", String(retryAfter));
  c.header("Cache-Control", "no-store");
  return c.body(JSON.stringify(body), error.status, {
    "Content-Type": "application/problem+json; charset=utf-8",
  });
}
