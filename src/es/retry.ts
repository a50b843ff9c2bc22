/**
 * @module es/retry
 * Waiting out a cluster that is restarting or overloaded: retry a request with capped, jittered
 * exponential backoff on 429, 502–504 and connection loss, until a deadline.
 */
import { errors } from "@elastic/elasticsearch";
import { isUnreachable } from "./errors.js";

export const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

/** Why `error` is worth retrying, or undefined when it is final (a 400, a mapping conflict…). */
export function retryableReason(error: unknown): string | undefined {
  if (error instanceof errors.ResponseError && RETRYABLE_STATUS.has(error.statusCode ?? 0))
    return `Elasticsearch answered ${error.statusCode}`;
  if (isUnreachable(error)) return `Elasticsearch unreachable (${error.message})`;
  return undefined;
}

export interface RetryPolicy {
  /** Give up (rethrow) once this much time has passed since the first attempt. */
  retryForMs: number;
  onRetry?: ((reason: string, waitMs: number) => void) | undefined;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function backoffMs(attempt: number): number {
  return Math.min(15_000, 250 * 2 ** attempt) * (0.5 + Math.random() / 2);
}

export async function withRetry<T>(request: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  const deadline = Date.now() + policy.retryForMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      const reason = retryableReason(error);
      if (!reason || Date.now() >= deadline) throw error;
      const waitMs = backoffMs(attempt);
      policy.onRetry?.(reason, waitMs);
      await sleep(waitMs);
    }
  }
}
