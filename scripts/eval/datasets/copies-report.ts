/**
 * @module eval/datasets/copies-report
 * The copies dataset's figures as docs/relevance.md shows them: precision and recall of "same
 * story" on the labelled pairs, the share judged copies by kind of pair and by rewrite, and what
 * grouping costs.
 */
import type { GroupingTimes, Verdicts } from "./copies.js";

export interface CopiesResult {
  system: string;
  copies: number;
  negatives: number;
  precision: number;
  recall: number;
  /** Per kind of pair, and per rewrite among the copies. */
  rows: Verdicts[];
  grouping: GroupingTimes;
  /** Pairs whose two articles the grouper put in one group, grouping every article of the run. */
  groupedTogether: { copies: number; negatives: number };
}

type Table = (head: string[], rows: string[][]) => string;

const f3 = (n: number) => n.toFixed(3);

export function copiesTable(results: readonly CopiesResult[], table: Table): string {
  const summary = table(
    [
      "system",
      "copies",
      "hard negatives",
      "precision",
      "recall",
      "grouped: copies",
      "grouped: negatives",
      "articles grouped",
      "fingerprint ms / 10k",
      "grouping ms / 10k",
      "largest group",
      "longest group, days",
    ],
    results.map((r) => [
      r.system,
      String(r.copies),
      String(r.negatives),
      f3(r.precision),
      f3(r.recall),
      f3(r.groupedTogether.copies),
      f3(r.groupedTogether.negatives),
      String(r.grouping.articles),
      r.grouping.prepareMsPer10k.toFixed(0),
      r.grouping.groupMsPer10k.toFixed(0),
      String(r.grouping.largestGroup),
      r.grouping.longestGroupDays.toFixed(1),
    ]),
  );
  const byKind = table(
    ["pairs", "count", "judged copies", "share"],
    (results[0]?.rows ?? []).map((row) => [
      row.kind,
      String(row.pairs),
      String(row.judgedCopies),
      f3(row.judgedCopies / (row.pairs || 1)),
    ]),
  );
  return `${summary}\n\n${byKind}`;
}

const verdict = (ok: boolean) => (ok ? "**met**" : "**not met**");

export function copiesTarget(results: readonly CopiesResult[]): string {
  const project = results.find((r) => r.system === "project");
  if (!project) return "target not checked: the project system was not run";
  return [
    `precision ≥ 0.98: ${f3(project.precision)} — ${verdict(project.precision >= 0.98)}`,
    `recall ≥ 0.95: ${f3(project.recall)} — ${verdict(project.recall >= 0.95)}`,
  ].join("; ");
}
