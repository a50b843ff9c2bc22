/**
 * A bounded load generator for 127.0.0.1 only: N workers send requests in a loop until the time
 * is up (and never more than `maxRequests`), recording when each was sent, how long it took and
 * its status, so any time window (a node down) can be measured on its own.
 */
export interface Sample {
  at: number;
  ms: number;
  status: number;
}

export interface LoadOptions {
  baseUrl: string;
  paths: string[];
  workers: number;
  durationMs: number;
  maxRequests?: number;
  /** Per-request deadline: a hung request counts as a failure (status 0). */
  timeoutMs?: number;
}

export async function generateLoad(options: LoadOptions): Promise<Sample[]> {
  if (!/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(options.baseUrl))
    throw new Error("load tests target 127.0.0.1 only");
  const samples: Sample[] = [];
  const end = Date.now() + options.durationMs;
  const max = options.maxRequests ?? 200_000;
  let sent = 0;
  const worker = async (offset: number) => {
    for (let i = offset; Date.now() < end && sent < max; i += options.workers) {
      sent++;
      const path = options.paths[i % options.paths.length] ?? "/";
      const at = Date.now();
      let status = 0;
      try {
        const response = await fetch(`${options.baseUrl}${path}`, {
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
        await response.arrayBuffer();
        status = response.status;
      } catch (error) {
        // -1: our own deadline passed (slow); 0: the connection failed.
        status = (error as Error).name === "TimeoutError" ? -1 : 0;
      }
      samples.push({ at, ms: Date.now() - at, status });
    }
  };
  await Promise.all(Array.from({ length: options.workers }, (_, i) => worker(i)));
  return samples;
}

export function summarise(samples: Sample[], from = 0, to = Number.POSITIVE_INFINITY) {
  const window = samples.filter((sample) => sample.at >= from && sample.at < to);
  const failed = window.filter((sample) => sample.status !== 200);
  const latencies = window.map((sample) => sample.ms).sort((a, b) => a - b);
  const pick = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? 0;
  return {
    requests: window.length,
    failed: failed.length,
    errorRate: window.length ? failed.length / window.length : 0,
    p50: pick(50),
    p99: pick(99),
    statuses: [...new Set(window.map((sample) => sample.status))].sort(),
  };
}
