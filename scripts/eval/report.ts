/**
 * @module eval/report
 * Results out: a table on the terminal, docs/eval/<dataset>.json per dataset, and
 * docs/relevance.md rebuilt from every dataset's latest JSON, each stamped with date and commit
 * so a figure can always be traced to the code that produced it.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { WORD_SETS } from "../../src/eval/words.js";
import { projectRoot } from "../../src/project-root.js";
import { type CopiesResult, copiesTable, copiesTarget } from "./datasets/copies-report.js";
import type { DymResult } from "./datasets/dym.js";
import type { SystemResult } from "./run.js";
import { NEWEST_FIRST, STOCK_SYSTEMS } from "./systems.js";

export const DATASETS = [
  "arcd",
  "known-item",
  "related",
  "typed",
  "topics",
  "dym",
  "suggest",
  "keys",
  "words",
  "copies",
] as const;
export type DatasetName = (typeof DATASETS)[number];

interface ReportBase {
  title: string;
  date: string;
  commit: string;
  documents: number;
  seed?: number;
  notes: string[];
  target: string;
  examples?: unknown[];
}

/** Ranked results judged against relevant documents. */
export interface RankingReport extends ReportBase {
  dataset: Exclude<DatasetName, "dym" | "copies">;
  results: SystemResult[];
}

/** Suggestions judged against the words meant. */
export interface DymReport extends ReportBase {
  dataset: "dym";
  results: DymResult[];
}

/** Labelled pairs judged copies of one story or not. */
export interface CopiesReport extends ReportBase {
  dataset: "copies";
  results: CopiesResult[];
}

export type DatasetReport = RankingReport | DymReport | CopiesReport;

/** A dataset's results alone, as tables and targets read them. */
export type DatasetResults =
  | Pick<RankingReport, "dataset" | "results">
  | Pick<DymReport, "dataset" | "results">
  | Pick<CopiesReport, "dataset" | "results">;

/** What a dataset's run supplies; the stamp and the target line are added here. */
export type DatasetFindings =
  | Omit<RankingReport, "date" | "commit" | "target">
  | Omit<DymReport, "date" | "commit" | "target">
  | Omit<CopiesReport, "date" | "commit" | "target">;

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

const verdict = (ok: boolean) => (ok ? "**met**" : "**not met**");
const STOCK_NAMES = new Set(STOCK_SYSTEMS.map((system) => system.name));

/** The issue's targets, stated with the measured figure whether it is met or not. */
export function targetLine(report: DatasetResults): string {
  if (report.dataset === "dym") return dymTarget(report.results);
  if (report.dataset === "copies") return copiesTarget(report.results);
  if (report.dataset === "words") return wordsComparison(report.results);
  const { dataset, results } = report;
  const project = by(results, "project");
  if (!project) return "target not checked: the project system was not run";
  const arabic = by(results, "arabic");
  const standard = by(results, "standard");
  if (dataset === "known-item")
    return `MRR@10 ≥ 0.95: ${project.mrr.toFixed(3)} — ${verdict(project.mrr >= 0.95)}`;
  if (dataset === "arcd") {
    if (!arabic) return "target not checked: the arabic baseline was not run";
    const r = ratio(project.mrr, arabic.mrr);
    return `MRR@10 ≥ 1.15 × stock arabic: ${r.toFixed(3)}× (${project.mrr.toFixed(3)} vs ${arabic.mrr.toFixed(3)}) — ${verdict(r >= 1.15)}`;
  }
  if (dataset === "typed") return typedTarget(results, project);
  if (dataset === "suggest") return suggestComparison(results);
  if (dataset === "keys") return keysComparison(results, project);
  if (dataset === "topics") return topicsComparison(results, project);
  const best = [arabic, standard]
    .filter((x): x is SystemResult => Boolean(x))
    .sort((a, b) => b.precision - a.precision)[0];
  if (!best) return "target not checked: no stock more_like_this baseline was run";
  const r = ratio(project.precision, best.precision);
  return `P@10 ≥ 1.1 × stock more_like_this (best baseline, ${best.system}): ${r.toFixed(3)}× (${project.precision.toFixed(3)} vs ${best.precision.toFixed(3)}) — ${verdict(r >= 1.1)}`;
}

/** The best of the stock variants run (by MRR@10), or undefined when none was. */
export function bestStock(results: readonly SystemResult[]): SystemResult | undefined {
  return results.filter((r) => STOCK_NAMES.has(r.system)).sort((a, b) => b.mrr - a.mrr)[0];
}

function typedTarget(results: SystemResult[], project: SystemResult): string {
  const best = bestStock(results);
  if (!best) return "target not checked: no stock baseline was run";
  const r = ratio(project.mrr, best.mrr);
  const handtuned = by(results, "handtuned");
  const reference = handtuned ? `; handtuned reaches ${ratio(handtuned.mrr, best.mrr).toFixed(3)}×` : "";
  return `MRR@10 ≥ 1.6 × best stock baseline (${best.system}): ${r.toFixed(3)}× (${project.mrr.toFixed(3)} vs ${best.mrr.toFixed(3)}) — ${verdict(r >= 1.6)}${reference}`;
}

/** A project row's P@10 against the best of the other rows' (the stock queries'). */
function againstBestStock(mine: SystemResult | undefined, rows: readonly SystemResult[]): string {
  const stock = rows.filter((r) => r !== mine).sort((a, b) => b.precision - a.precision)[0];
  if (!mine || !stock) return "not compared";
  return `P@10 ${mine.precision.toFixed(3)} against the best stock query's ${stock.precision.toFixed(3)} (${stock.system}), ${ratio(mine.precision, stock.precision).toFixed(2)}×`;
}

/** No target of its own: the project's page against the best stock query's, ranked and newest first. */
function topicsComparison(results: SystemResult[], project: SystemResult): string {
  const newest = results.filter((r) => r.system.endsWith(NEWEST_FIRST));
  const ranked = results.filter((r) => !newest.includes(r));
  const byDate = newest.length
    ? `; newest first, ${againstBestStock(by(newest, `project${NEWEST_FIRST}`), newest)}`
    : "";
  return `${againstBestStock(project, ranked)}${byDate} (no target)`;
}

/** No target: for each way the word was typed, the project's page against the best stock query's. */
function wordsComparison(results: SystemResult[]): string {
  return WORD_SETS.map((set) => {
    const rows = results.filter((r) => r.system.endsWith(`, ${set}`));
    return `${set}: ${againstBestStock(by(rows, `project, ${set}`), rows)}`;
  })
    .join("; ")
    .concat(" (no target)");
}

/** Rows of the keys dataset besides the queries typed on the Latin layout. */
export const IN_ARABIC_LETTERS = "in Arabic letters";
export const LATIN_TITLE_WORDS = "Latin title words";
export const LATIN_MISSPELT = "Latin title words, a letter left out";
export const LATIN_NAMES = "Latin names, listed with the rules";
export const LATIN_NAMES_AFTER = "Latin names, listed after";
export const ARABIC_NAMES_IN_LATIN = "Arabic names in Latin letters";

/** No target: typed on the Latin layout against the same queries in Arabic, and Latin words kept. */
function keysComparison(results: SystemResult[], project: SystemResult): string {
  const mrr = (system: string) => by(results, system)?.mrr.toFixed(3) ?? "not run";
  const precision = (system: string) => by(results, system)?.precision.toFixed(3) ?? "not run";
  const inArabic = by(results, `project, ${IN_ARABIC_LETTERS}`);
  const kept = inArabic ? ` (${ratio(project.mrr, inArabic.mrr).toFixed(3)} of it)` : "";
  return `typed on the Latin layout: MRR@10 ${project.mrr.toFixed(3)}, with one typo ${mrr(`project, ${MISTYPED}`)}; the same queries in Arabic letters ${mrr(`project, ${IN_ARABIC_LETTERS}`)}${kept}; stock arabic ${mrr("arabic")}; Latin title words ${mrr(`project, ${LATIN_TITLE_WORDS}`)}, with a letter left out ${mrr(`project, ${LATIN_MISSPELT}`)}; names the articles write in Arabic letters, P@10 ${precision(`project, ${LATIN_NAMES}`)}, ${precision(`project, ${LATIN_NAMES_AFTER}`)} and ${precision(`project, ${ARABIC_NAMES_IN_LATIN}`)} (Arabic names) against stock arabic's ${precision(`arabic, ${LATIN_NAMES}`)}, ${precision(`arabic, ${LATIN_NAMES_AFTER}`)} and ${precision(`arabic, ${ARABIC_NAMES_IN_LATIN}`)} (no target)`;
}

/** Suggestion rows are "<system>" (unfinished) and "<system>, <MISTYPED>" (one typo as well). */
export const MISTYPED = "one typo";

/** No target of its own: the project against the best stock as-you-type query, on each set. */
function suggestComparison(results: SystemResult[]): string {
  const sets = [
    ["unfinished", (r: SystemResult) => !r.system.endsWith(MISTYPED)],
    ["with a typo", (r: SystemResult) => r.system.endsWith(MISTYPED)],
  ] as const;
  return sets
    .map(([name, inSet]) => {
      const rows = results.filter(inSet);
      const project = rows.find((r) => r.system.startsWith("project"));
      const stock = rows.filter((r) => r !== project).sort((a, b) => b.mrr - a.mrr)[0];
      if (!project || !stock) return `${name}: not compared`;
      return `${name}: MRR@10 ${project.mrr.toFixed(3)} against the best stock query's ${stock.mrr.toFixed(3)} (${stock.system}), ${ratio(project.mrr, stock.mrr).toFixed(2)}×`;
    })
    .join("; ")
    .concat(" (no target: issue 17 asks that what the suggestions offer, Enter finds; see the notes)");
}

function dymTarget(results: DymResult[]): string {
  const project = results.find((result) => result.system === "project");
  if (!project) return "target not checked: the project system was not run";
  return [
    `accuracy when shown ≥ 0.80: ${project.accurate.toFixed(3)} — ${verdict(project.accurate >= 0.8)}`,
    `shown for < 5% of correctly spelt queries: ${(project.shownOnCorrect * 100).toFixed(1)}% — ${verdict(project.shownOnCorrect < 0.05)}`,
  ].join("; ");
}

const f3 = (n: number | undefined) => (n === undefined ? "—" : n.toFixed(3));
const f1 = (n: number) => n.toFixed(1);

const rowsToMarkdown = (head: string[], rows: string[][]) =>
  [head, head.map(() => "---"), ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");

const timing = (r: { p50Ms: number; p95Ms: number; p50TookMs: number }) => [
  f1(r.p50Ms),
  f1(r.p95Ms),
  f1(r.p50TookMs),
];
const TIMING_HEAD = ["p50 ms", "p95 ms", "p50 took ms"];

export function markdownTable(report: DatasetResults): string {
  if (report.dataset === "copies") return copiesTable(report.results, rowsToMarkdown);
  if (report.dataset === "dym")
    return rowsToMarkdown(
      [
        "system",
        "misspelt",
        "shown",
        "accurate when shown",
        "correctly spelt",
        "shown on correct",
        ...TIMING_HEAD,
      ],
      report.results.map((r) => [
        r.system,
        String(r.misspelt),
        f3(r.shown),
        f3(r.accurate),
        String(r.correct),
        r.correct ? f3(r.shownOnCorrect) : "—",
        ...timing(r),
      ]),
    );
  if (report.dataset === "related" || report.dataset === "topics" || report.dataset === "words") {
    const raw = report.results.some((r) => r.rawPrecision !== undefined);
    return rowsToMarkdown(
      ["system", "queries", "P@10", ...(raw ? ["P@10 raw"] : []), "MRR@10", "nDCG@10", ...TIMING_HEAD],
      report.results.map((r) => [
        r.system,
        String(r.queries),
        f3(r.precision),
        ...(raw ? [f3(r.rawPrecision)] : []),
        f3(r.mrr),
        f3(r.ndcg),
        ...timing(r),
      ]),
    );
  }
  return rowsToMarkdown(
    ["system", "queries", "MRR@10", "Recall@10", "nDCG@10", "missed", ...TIMING_HEAD],
    report.results.map((r) => [
      r.system,
      String(r.queries),
      f3(r.mrr),
      f3(r.recall),
      f3(r.ndcg),
      f3(r.missed),
      ...timing(r),
    ]),
  );
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
