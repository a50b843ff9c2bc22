/**
 * @module eval/report
 * Results out: a table on the terminal, docs/eval/<dataset>.json per dataset, and
 * docs/relevance.md rebuilt from every dataset's latest JSON, each stamped with date and commit
 * so a figure can always be traced to the code that produced it.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../src/project-root.js";
import type { SystemResult } from "./run.js";

export const DATASETS = ["arcd", "known-item", "related"] as const;
export type DatasetName = (typeof DATASETS)[number];

export interface DatasetReport {
  dataset: DatasetName;
  title: string;
  date: string;
  commit: string;
  documents: number;
  seed?: number;
  notes: string[];
  results: SystemResult[];
  target: string;
  examples?: unknown[];
}

const evalDir = join(projectRoot, "docs/eval");

/** The commit the figures belong to, marked when the tree had uncommitted changes (read-only git). */
export function commitStamp(): string {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: projectRoot, encoding: "utf8" }).trim();
  try {
    return `${git("rev-parse", "--short", "HEAD")}${git("status", "--porcelain") ? " + uncommitted changes" : ""}`;
  } catch {
    return "unknown";
  }
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.POSITIVE_INFINITY);
const by = (results: SystemResult[], system: string) => results.find((result) => result.system === system);

/** The issue's targets, stated with the measured figure whether it is met or not. */
export function targetLine(dataset: DatasetName, results: SystemResult[]): string {
  const project = by(results, "project");
  if (!project) return "target not checked: the project system was not run";
  const arabic = by(results, "arabic");
  const standard = by(results, "standard");
  const verdict = (ok: boolean) => (ok ? "**met**" : "**not met**");
  if (dataset === "known-item")
    return `MRR@10 ≥ 0.95: ${project.mrr.toFixed(3)} — ${verdict(project.mrr >= 0.95)}`;
  if (dataset === "arcd") {
    if (!arabic) return "target not checked: the arabic baseline was not run";
    const r = ratio(project.mrr, arabic.mrr);
    return `MRR@10 ≥ 1.15 × stock arabic: ${r.toFixed(3)}× (${project.mrr.toFixed(3)} vs ${arabic.mrr.toFixed(3)}) — ${verdict(r >= 1.15)}`;
  }
  const best = [arabic, standard]
    .filter((x): x is SystemResult => Boolean(x))
    .sort((a, b) => b.precision - a.precision)[0];
  if (!best) return "target not checked: no stock more_like_this baseline was run";
  const r = ratio(project.precision, best.precision);
  return `P@10 ≥ 1.1 × stock more_like_this (best baseline, ${best.system}): ${r.toFixed(3)}× (${project.precision.toFixed(3)} vs ${best.precision.toFixed(3)}) — ${verdict(r >= 1.1)}`;
}

const f3 = (n: number | undefined) => (n === undefined ? "—" : n.toFixed(3));
const f1 = (n: number) => n.toFixed(1);

export function markdownTable(report: Pick<DatasetReport, "dataset" | "results">): string {
  const related = report.dataset === "related";
  const head = related
    ? ["system", "queries", "P@10", "P@10 raw", "MRR@10", "nDCG@10", "p50 ms", "p95 ms", "p50 took ms"]
    : ["system", "queries", "MRR@10", "Recall@10", "nDCG@10", "missed", "p50 ms", "p95 ms", "p50 took ms"];
  const rows = report.results.map((r) =>
    related
      ? [
          r.system,
          String(r.queries),
          f3(r.precision),
          f3(r.rawPrecision),
          f3(r.mrr),
          f3(r.ndcg),
          f1(r.p50Ms),
          f1(r.p95Ms),
          f1(r.p50TookMs),
        ]
      : [
          r.system,
          String(r.queries),
          f3(r.mrr),
          f3(r.recall),
          f3(r.ndcg),
          f3(r.missed),
          f1(r.p50Ms),
          f1(r.p95Ms),
          f1(r.p50TookMs),
        ],
  );
  return [head, head.map(() => "---"), ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

export function printReport(report: DatasetReport): void {
  console.log(`\n${report.title} (${report.documents.toLocaleString("en-US")} documents)\n`);
  console.log(markdownTable(report));
  console.log(`\n${report.target}\n`);
}

export function writeReport(report: DatasetReport): string {
  mkdirSync(evalDir, { recursive: true });
  const file = join(evalDir, `${report.dataset}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

/** docs/relevance.md from every dataset's latest JSON, so running one dataset keeps the others. */
export function writeMarkdown(header: string): string {
  const sections = DATASETS.flatMap((dataset) => {
    const file = join(evalDir, `${dataset}.json`);
    if (!existsSync(file)) return [`## ${dataset}\n\nNot run yet (\`npm run eval -- ${dataset}\`).\n`];
    const report = JSON.parse(readFileSync(file, "utf8")) as DatasetReport;
    return [
      `## ${report.title}\n`,
      `Run ${report.date}, commit \`${report.commit}\`, ${report.documents.toLocaleString("en-US")} documents indexed` +
        `${report.seed === undefined ? "" : `, seed ${report.seed}`}.\n`,
      markdownTable(report),
      `\nTarget — ${report.target}\n`,
      ...report.notes.map((note) => `- ${note}`),
      "",
    ];
  });
  const path = join(projectRoot, "docs/relevance.md");
  writeFileSync(path, `${header.trim()}\n\n${sections.join("\n")}`);
  return path;
}
