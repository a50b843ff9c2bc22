/**
 * @module bench/scale/latency
 * Sends the query mix to both systems in one run, alternating which goes first, so whatever else
 * the machine does at the time weighs on both alike. Every loop is bounded by the query count and
 * by a deadline.
 */
import { percentile } from "../../../src/eval/metrics.js";
import type { System } from "./indices.js";
import { apiPath, type BenchQuery, type QueryKind, stockSearchBody } from "./queries.js";

export interface Sample {
  kind: QueryKind;
  /** Elasticsearch's own time: the API's took_ms (all its requests), or the search's took. */
  tookMs: number;
  roundTripMs: number;
}

export interface Series {
  system: System;
  clients: number;
  samples: Sample[];
  errors: number;
  /** Queries the deadline left unsent. */
  skipped: number;
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

export function percentilesOf(values: number[]): Percentiles {
  return { p50: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99) };
}

export interface Targets {
  apiUrl: string;
  esUrl: string;
  stockIndex: string;
  esHeaders: Record<string, string>;
}

type Send = (query: BenchQuery) => Promise<Omit<Sample, "kind">>;

async function timedJson(url: string, init?: RequestInit): Promise<{ ms: number; body: unknown }> {
  const started = performance.now();
  const response = await fetch(url, init);
  const body: unknown = await response.json();
  const ms = performance.now() - started;
  if (!response.ok)
    throw new Error(`HTTP ${response.status} from ${url}: ${JSON.stringify(body).slice(0, 300)}`);
  return { ms, body };
}

export function senders(targets: Targets): Record<System, Send> {
  return {
    project: async (query) => {
      const { ms, body } = await timedJson(`${targets.apiUrl}${apiPath(query)}`);
      return { tookMs: Number((body as { took_ms?: number }).took_ms), roundTripMs: ms };
    },
    stock: async (query) => {
      const { ms, body } = await timedJson(`${targets.esUrl}/${targets.stockIndex}/_search`, {
        method: "POST",
        headers: { "content-type": "application/json", ...targets.esHeaders },
        body: JSON.stringify(stockSearchBody(query)),
      });
      return { tookMs: Number((body as { took?: number }).took), roundTripMs: ms };
    },
  };
}

let reportedErrors = 0;

async function record(series: Series, send: Send, query: BenchQuery): Promise<void> {
  try {
    series.samples.push({ kind: query.kind, ...(await send(query)) });
  } catch (error) {
    series.errors++;
    // A few are worth seeing; a broken run would otherwise print one per query.
    if (reportedErrors++ < 5) console.error(`  ${series.system} error: ${(error as Error).message}`);
  }
}

const newSeries = (clients: number): Record<System, Series> => ({
  project: { system: "project", clients, samples: [], errors: 0, skipped: 0 },
  stock: { system: "stock", clients, samples: [], errors: 0, skipped: 0 },
});

/** Not measured: the first queries bring both indices' files into the page cache alike. */
export async function warmUp(send: Record<System, Send>, queries: BenchQuery[], deadline: number) {
  const ignored = newSeries(1);
  for (const query of queries) {
    if (Date.now() > deadline) break;
    await record(ignored.project, send.project, query);
    await record(ignored.stock, send.stock, query);
  }
}

/** One client: each query to both systems in turn, the first of the two alternating. */
export async function oneClient(
  send: Record<System, Send>,
  queries: BenchQuery[],
  deadline: number,
): Promise<Series[]> {
  const series = newSeries(1);
  for (const [i, query] of queries.entries()) {
    if (Date.now() > deadline) {
      series.project.skipped = series.stock.skipped = queries.length - i;
      break;
    }
    const order: System[] = i % 2 ? ["stock", "project"] : ["project", "stock"];
    for (const system of order) await record(series[system], send[system], query);
  }
  return [series.project, series.stock];
}

/**
 * `clients` concurrent clients, in blocks that alternate between the systems: each system is
 * measured under its own load only, and both at the same moments of the run.
 */
export async function concurrentClients(
  send: Record<System, Send>,
  queries: BenchQuery[],
  clients: number,
  deadline: number,
): Promise<Series[]> {
  const series = newSeries(clients);
  const blockSize = clients * 4;
  for (let start = 0, block = 0; start < queries.length; start += blockSize, block++) {
    if (Date.now() > deadline) {
      series.project.skipped = series.stock.skipped = queries.length - start;
      break;
    }
    const slice = queries.slice(start, start + blockSize);
    const order: System[] = block % 2 ? ["stock", "project"] : ["project", "stock"];
    for (const system of order) {
      let next = 0;
      const client = async () => {
        while (next < slice.length) await record(series[system], send[system], slice[next++] as BenchQuery);
      };
      await Promise.all(Array.from({ length: clients }, client));
    }
  }
  return [series.project, series.stock];
}
