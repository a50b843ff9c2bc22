/**
 * @module eval/run
 * Sends every query to every system and scores the answers. Systems take turns query by query,
 * so caches and background merges affect them alike, and a short untimed warm-up comes first.
 */
import {
  judge,
  mean,
  ndcgAt,
  percentile,
  precisionAt,
  recallAt,
  reciprocalRank,
} from "../../src/eval/metrics.js";
import type { Answer, JudgedHit } from "./systems.js";

export interface Grade {
  flags: boolean[];
  /** Relevant documents in the collection, for recall and the ideal DCG. */
  totalRelevant: number;
  /** Optional second precision, e.g. before discounting copies of the source article. */
  rawFlags?: boolean[];
}

/** Relevant: any of the query's stories (a topic's, or a word's titles'). */
export function gradeStories(query: { stories: ReadonlySet<string> }, hits: JudgedHit[]): Grade {
  return {
    flags: judge(
      hits.map((hit) => hit.story),
      query.stories,
    ),
    totalRelevant: query.stories.size,
  };
}

export interface SystemResult {
  system: string;
  queries: number;
  mrr: number;
  recall: number;
  ndcg: number;
  precision: number;
  rawPrecision?: number;
  /** Share of queries whose relevant document is not in the top 10 at all. */
  missed: number;
  p50Ms: number;
  p95Ms: number;
  p50TookMs: number;
}

export interface RunSpec<Q> {
  systems: readonly string[];
  queries: readonly Q[];
  /** One system's answer to one query, timed. */
  ask: (system: string, query: Q) => Promise<Answer>;
  grade: (query: Q, hits: JudgedHit[]) => Grade;
  warmup?: number;
  onProgress?: (done: number, total: number) => void;
}

export async function runQueries<Q>(spec: RunSpec<Q>): Promise<SystemResult[]> {
  const { systems, queries } = spec;
  for (const query of queries.slice(0, spec.warmup ?? 20))
    for (const system of systems) await spec.ask(system, query);
  const collected = new Map(
    systems.map((system) => [system, [] as Array<Grade & { ms: number; took: number }>]),
  );
  for (const [n, query] of queries.entries()) {
    for (const system of systems) {
      const { hits, ms, tookMs } = await spec.ask(system, query);
      collected.get(system)?.push({ ...spec.grade(query, hits), ms, took: tookMs });
    }
    if ((n + 1) % 100 === 0) spec.onProgress?.(n + 1, queries.length);
  }
  return systems.map((system) => summarise(system, collected.get(system) ?? []));
}

function summarise(system: string, rows: Array<Grade & { ms: number; took: number }>): SystemResult {
  const result: SystemResult = {
    system,
    queries: rows.length,
    mrr: mean(rows.map((row) => reciprocalRank(row.flags))),
    recall: mean(rows.map((row) => recallAt(row.flags, row.totalRelevant))),
    ndcg: mean(rows.map((row) => ndcgAt(row.flags, row.totalRelevant))),
    precision: mean(rows.map((row) => precisionAt(row.flags))),
    missed: mean(rows.map((row) => (row.flags.slice(0, 10).includes(true) ? 0 : 1))),
    p50Ms: percentile(
      rows.map((row) => row.ms),
      50,
    ),
    p95Ms: percentile(
      rows.map((row) => row.ms),
      95,
    ),
    p50TookMs: percentile(
      rows.map((row) => row.took),
      50,
    ),
  };
  if (rows.some((row) => row.rawFlags))
    result.rawPrecision = mean(rows.map((row) => precisionAt(row.rawFlags ?? [])));
  return result;
}
