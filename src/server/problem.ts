/**
 * @module server/problem
 * Errors as RFC 9457 problem details. Handlers throw an ApiError; one onError turns it (or any
 * Elasticsearch or unexpected error) into application/problem+json, never a stack trace.
 */
import { errors } from "@elastic/elasticsearch";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";

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

/** A zod error → one 400 naming every bad parameter. */
export function validationProblem(error: z.ZodError, where: string): ApiError {
  const list = error.issues.map((issue) => ({
    parameter: issue.path.join(".") || where,
    message: issue.message,
  }));
  const detail = list.map((item) => `${item.parameter}: ${item.message}`).join("; ");
  return badRequest(`Invalid ${where}: ${detail}`, list);
}

/** Elasticsearch errors the reader can do nothing about become 503 with Retry-After. */
export function fromElasticsearch(error: unknown): ApiError | undefined {
  if (
    error instanceof errors.ConnectionError ||
    error instanceof errors.NoLivingConnectionsError ||
    error instanceof errors.TimeoutError
  )
    return unavailable("The search engine is unreachable; try again in a few seconds.");
  if (error instanceof errors.ResponseError) {
    if (error.statusCode === 404 && /index_not_found/.test(JSON.stringify(error.body ?? "")))
      return unavailable("The articles index does not exist yet; it is being prepared.", 30);
    if (error.statusCode === 429 || (error.statusCode ?? 0) >= 500)
      return unavailable("The search engine is overloaded; try again shortly.");
  }
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
