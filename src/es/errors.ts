/**
 * @module es/errors
 * What an Elasticsearch error means to whoever asked: the engine cannot answer now (down,
 * overloaded, its index not there yet), or it refused the request as malformed. The API turns
 * these into problem details, the pages into a readable message.
 */
import { errors } from "@elastic/elasticsearch";

/** Why Elasticsearch cannot answer now; each passes by itself, so a retry later may succeed. */
export type Unavailability = "unreachable" | "index-missing" | "overloaded";

/** No node answered in time: refused, reset, timed out, or every node marked dead. */
export function isUnreachable(
  error: unknown,
): error is errors.ConnectionError | errors.NoLivingConnectionsError | errors.TimeoutError {
  return (
    error instanceof errors.ConnectionError ||
    error instanceof errors.NoLivingConnectionsError ||
    error instanceof errors.TimeoutError
  );
}

/** Why `error` says the engine is unavailable, or undefined when it says something else. */
export function unavailability(error: unknown): Unavailability | undefined {
  if (isUnreachable(error)) return "unreachable";
  // Only an operation's deadline aborts requests (es/deadline): the engine was too slow for it.
  if (error instanceof errors.RequestAbortedError) return "overloaded";
  if (!(error instanceof errors.ResponseError)) return undefined;
  if (error.statusCode === 404 && /index_not_found/.test(JSON.stringify(error.body ?? "")))
    return "index-missing";
  if (error.statusCode === 429 || (error.statusCode ?? 0) >= 500) return "overloaded";
  return undefined;
}

/** Elasticsearch down, overloaded, timing out or without its index: nothing the caller did. */
export const isEngineUnavailable = (error: unknown): boolean => unavailability(error) !== undefined;

/** Elasticsearch refused the request itself (400): built from input that validation let through. */
export const isRefusedRequest = (error: unknown): boolean =>
  error instanceof errors.ResponseError && error.statusCode === 400;

/** The alias takes no writes: it points at several indices and marks none as its write index. */
export class NoWriteIndexError extends Error {
  constructor(readonly alias: string) {
    super(`the alias ${alias} points at several indices and marks none as its write index`);
  }
}
