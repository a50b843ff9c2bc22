/**
 * @module es/deadline
 * One deadline for everything an operation sends to Elasticsearch. A reader's search is several
 * requests in turn (ranking, the page, a retry on another node), each with its own timeout; run
 * inside `withDeadline`, the operation fails when its time is up however many requests it sends,
 * and every request it made is aborted (Elasticsearch cancels a search whose connection closes).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { errors, SniffingTransport } from "@elastic/elasticsearch";

const deadlines = new AsyncLocalStorage<AbortSignal>();

/**
 * Runs `operation` with every Elasticsearch request it makes aborted after `ms`, and rejects with
 * RequestAbortedError then: the client's connection may notice an abort only when the node next
 * sends something, and the caller is not kept waiting for that.
 */
export function withDeadline<T>(ms: number, operation: () => Promise<T>): Promise<T> {
  const signal = AbortSignal.timeout(ms);
  const expired = new Promise<never>((_, reject) =>
    signal.addEventListener(
      "abort",
      () => reject(new errors.RequestAbortedError(`deadline of ${ms} ms passed`)),
      {
        once: true,
      },
    ),
  );
  return deadlines.run(signal, () => Promise.race([operation(), expired]));
}

/** The client's own transport, but a request made inside `withDeadline` carries its signal. */
export class DeadlineTransport extends SniffingTransport {
  // biome-ignore lint/suspicious/noExplicitAny: the overloads of Transport.request, passed through.
  override request(params: any, options: any = {}): Promise<any> {
    const signal = deadlines.getStore();
    return super.request(params, signal && !options.signal ? { ...options, signal } : options);
  }
}
