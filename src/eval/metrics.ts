/**
 * @module eval/metrics
 * Ranking metrics for the evaluation harness, on binary relevance. A ranked list is judged once
 * into flags (relevant or not, by rank), so the same functions serve id-based judgements
 * (ARCD, known-item) and category-based ones (related coverage).
 */

/** Relevance flags by rank. A key seen before earns nothing: two copies of one story count once. */
export function judge(rankedKeys: readonly string[], relevant: ReadonlySet<string>): boolean[] {
  const seen = new Set<string>();
  return rankedKeys.map((key) => {
    const fresh = !seen.has(key);
    seen.add(key);
    return fresh && relevant.has(key);
  });
}

/** 1 / rank of the first relevant result within the cut-off, 0 when there is none. */
export function reciprocalRank(flags: readonly boolean[], k = 10): number {
  const rank = flags.slice(0, k).indexOf(true);
  return rank < 0 ? 0 : 1 / (rank + 1);
}

/** Share of the relevant documents found in the top k. */
export function recallAt(flags: readonly boolean[], totalRelevant: number, k = 10): number {
  if (totalRelevant <= 0) return 0;
  return count(flags.slice(0, k)) / totalRelevant;
}

/**
 * Share of the top k that is relevant. The denominator is k even when fewer results came back:
 * an engine that returns nothing has not been precise.
 */
export function precisionAt(flags: readonly boolean[], k = 10): number {
  return count(flags.slice(0, k)) / k;
}

/** Discounted cumulative gain (gain 1 per relevant result, log2 discount) over the ideal one. */
export function ndcgAt(flags: readonly boolean[], totalRelevant: number, k = 10): number {
  const ideal = dcg(Array.from({ length: Math.min(totalRelevant, k) }, () => true));
  return ideal === 0 ? 0 : dcg(flags.slice(0, k)) / ideal;
}

function dcg(flags: readonly boolean[]): number {
  return flags.reduce((sum, relevant, rank) => sum + (relevant ? 1 / Math.log2(rank + 2) : 0), 0);
}

function count(flags: readonly boolean[]): number {
  return flags.filter(Boolean).length;
}

export function mean(values: readonly number[]): number {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : 0;
}

/** Nearest-rank percentile (p in 0–100): a value that was actually observed, no interpolation. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}
