/**
 * @module bench/scale/report
 * The scale benchmark's results out: tables (printed, and in docs/performance.md, whose "Scale"
 * section is replaced and the rest kept) and the chart docs/performance-scale.svg.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { GENERATOR_VERSION } from "./generate.js";
import type { Increment, System } from "./indices.js";
import { type Percentiles, percentilesOf, type Series } from "./latency.js";
import { QUERY_KINDS } from "./queries.js";

export interface SystemAtSize {
  index: string;
  articles: number;
  storeBytes: number;
  /** The growth step that ended at this size; absent when it is not known (an index of an older run). */
  increment?: Increment;
  reused: boolean;
}

export interface SizeResult {
  size: number;
  stories: number;
  build: Record<System, SystemAtSize>;
  series: Series[];
}

type Table = { head: string[]; rows: string[][] };

const ms = (value: number) => (value < 10 ? value.toFixed(1) : value.toFixed(0));
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : "—");
const count = (n: number) => n.toLocaleString("en-US");
const mb = (bytes: number) => (bytes / 1e6).toFixed(bytes < 1e8 ? 1 : 0);

function perArticleCpu(build: SystemAtSize): number | undefined {
  const step = build.increment;
  return step && step.to > step.from ? step.esCpuMs / (step.to - step.from) : undefined;
}

export function buildTable(results: SizeResult[]): Table {
  const head = [
    "articles",
    "stories",
    "disk MB project",
    "disk MB stock",
    "disk ratio",
    "bytes/article project",
    "bytes/article stock",
    "added",
    "import s project",
    "import s stock",
    "articles/s project",
    "articles/s stock",
    "ES CPU ms/article project",
    "ES CPU ms/article stock",
    "CPU ratio",
  ];
  const rows = results.map(({ size, stories, build: { project, stock } }) => {
    const step = project.increment;
    const added = step ? step.to - step.from : 0;
    const rate = (build: SystemAtSize) =>
      build.increment && build.increment.seconds > 0
        ? count(Math.round(added / build.increment.seconds))
        : "—";
    const seconds = (build: SystemAtSize) => (build.increment ? build.increment.seconds.toFixed(1) : "—");
    const cpu = (build: SystemAtSize) => {
      const value = perArticleCpu(build);
      return value === undefined ? "—" : value.toFixed(2);
    };
    const cpuProject = perArticleCpu(project);
    const cpuStock = perArticleCpu(stock);
    return [
      count(size),
      count(stories),
      mb(project.storeBytes),
      mb(stock.storeBytes),
      ratio(project.storeBytes, stock.storeBytes),
      count(Math.round(project.storeBytes / project.articles)),
      count(Math.round(stock.storeBytes / stock.articles)),
      step ? `${count(step.from)}–${count(step.to)}${project.reused ? " (earlier run)" : ""}` : "—",
      seconds(project),
      seconds(stock),
      rate(project),
      rate(stock),
      cpu(project),
      cpu(stock),
      cpuProject !== undefined && cpuStock !== undefined ? ratio(cpuProject, cpuStock) : "—",
    ];
  });
  return { head, rows };
}

const pick = (result: SizeResult, system: System, clients: number) =>
  result.series.find((series) => series.system === system && series.clients === clients);

export function latencyTable(results: SizeResult[]): Table {
  const head = ["articles", "clients", "measure"];
  for (const side of ["project", "stock", "ratio"])
    for (const p of ["p50", "p95", "p99"]) head.push(`${side} ${p}`);
  head.push("queries", "errors");
  const rows: string[][] = [];
  for (const result of results) {
    for (const clients of [...new Set(result.series.map((series) => series.clients))]) {
      const project = pick(result, "project", clients);
      const stock = pick(result, "stock", clients);
      if (!project || !stock) continue;
      for (const [measure, of] of [
        ["took", (s: Series) => s.samples.map((x) => x.tookMs)],
        ["round trip", (s: Series) => s.samples.map((x) => x.roundTripMs)],
      ] as const) {
        const a = percentilesOf(of(project));
        const b = percentilesOf(of(stock));
        const keys = ["p50", "p95", "p99"] as const;
        rows.push([
          count(result.size),
          String(clients),
          measure,
          ...keys.map((key) => ms(a[key])),
          ...keys.map((key) => ms(b[key])),
          ...keys.map((key) => ratio(a[key], b[key])),
          `${project.samples.length}+${stock.samples.length}`,
          `${project.errors}+${stock.errors}`,
        ]);
      }
    }
  }
  return { head, rows };
}

/** Median took of each query kind, one client: which kinds grow with the archive. */
export function kindTable(results: SizeResult[]): Table {
  const head = ["kind", ...results.flatMap(({ size }) => [`${count(size)} project`, `${count(size)} stock`])];
  const rows = QUERY_KINDS.map((kind) => [
    kind,
    ...results.flatMap((result) =>
      (["project", "stock"] as const).map((system) => {
        const took = (pick(result, system, 1)?.samples ?? [])
          .filter((s) => s.kind === kind)
          .map((s) => s.tookMs);
        return took.length ? ms(percentilesOf(took).p50) : "—";
      }),
    ),
  ]);
  return { head, rows };
}

export function markdownTable({ head, rows }: Table): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

export function plainTable({ head, rows }: Table): string {
  const widths = head.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padStart(widths[i] ?? 0)).join("  ");
  return [line(head), ...rows.map(line)].join("\n");
}

/** Replaces the "## Scale" section of the file (up to the next "## "), or appends it. */
export function writeScaleSection(path: string, section: string): void {
  const existing = existsSync(path) ? readFileSync(path, "utf8") : "# Performance\n";
  const start = existing.search(/^## Scale\b/m);
  let next: string;
  if (start < 0) next = `${existing.trimEnd()}\n\n${section.trim()}\n`;
  else {
    const after = existing.slice(start + 1).search(/^## /m);
    const end = after < 0 ? existing.length : start + 1 + after;
    next = `${existing.slice(0, start)}${section.trim()}\n${after < 0 ? "" : `\n${existing.slice(end)}`}`;
  }
  writeFileSync(path, next);
}

/** Took p50 and p99 (one client) against archive size, one panel per system on a shared scale. */
export function scaleChart(results: SizeResult[]): string {
  const points = results.map((result) => ({
    size: result.size,
    took: Object.fromEntries(
      (["project", "stock"] as const).map((system) => [
        system,
        percentilesOf((pick(result, system, 1)?.samples ?? []).map((s) => s.tookMs)),
      ]),
    ) as Record<System, Percentiles>,
  }));
  const width = 760;
  const height = 340;
  const panel = { width: 300, height: 220, top: 50 };
  const lefts = { project: 70, stock: 430 };
  const highest = Math.max(1, ...points.flatMap((p) => [p.took.project.p99, p.took.stock.p99]));
  const step = niceStep(highest / 5);
  const yMax = Math.ceil(highest / step) * step;
  const logs = points.map((p) => Math.log10(p.size));
  const [lo, hi] = [Math.min(...logs), Math.max(...logs)];
  const pad = hi > lo ? (hi - lo) * 0.08 : 0.5;
  const x = (size: number) => ((Math.log10(size) - (lo - pad)) / (hi - lo + 2 * pad)) * panel.width;
  const y = (value: number) => panel.top + panel.height - (value / yMax) * panel.height;
  const colours: Record<System, string> = { project: "#1f6fb4", stock: "#c4461f" };
  const titles: Record<System, string> = {
    project: "project (through the API)",
    stock: "stock arabic multi_match",
  };
  const parts: string[] = [];
  for (const system of ["project", "stock"] as const) {
    const left = lefts[system];
    parts.push(`<g transform="translate(${left},0)">`);
    parts.push(
      `<text x="${panel.width / 2}" y="30" text-anchor="middle" font-weight="bold">${titles[system]}</text>`,
    );
    for (let value = 0; value <= yMax + step / 2; value += step) {
      const at = y(value).toFixed(1);
      parts.push(`<line x1="0" x2="${panel.width}" y1="${at}" y2="${at}" stroke="#ddd"/>`);
      parts.push(`<text x="-6" y="${at}" dy="4" text-anchor="end">${formatTick(value)}</text>`);
    }
    for (const { size } of points) {
      const at = x(size).toFixed(1);
      parts.push(
        `<line x1="${at}" x2="${at}" y1="${panel.top}" y2="${panel.top + panel.height}" stroke="#eee"/>`,
      );
      parts.push(
        `<text x="${at}" y="${panel.top + panel.height + 18}" text-anchor="middle">${shortCount(size)}</text>`,
      );
    }
    parts.push(
      `<rect x="0" y="${panel.top}" width="${panel.width}" height="${panel.height}" fill="none" stroke="#999"/>`,
    );
    for (const [percentile, dash] of [
      ["p50", ""],
      ["p99", ` stroke-dasharray="6 4"`],
    ] as const) {
      const coords = points.map((p) => `${x(p.size).toFixed(1)},${y(p.took[system][percentile]).toFixed(1)}`);
      parts.push(
        `<polyline points="${coords.join(" ")}" fill="none" stroke="${colours[system]}" stroke-width="2"${dash}/>`,
      );
      for (const p of points) {
        const value = p.took[system][percentile];
        parts.push(
          `<circle cx="${x(p.size).toFixed(1)}" cy="${y(value).toFixed(1)}" r="3.5" fill="${colours[system]}"><title>${percentile} ${formatTick(value)} ms at ${count(p.size)} articles</title></circle>`,
        );
      }
    }
    parts.push("</g>");
  }
  const legendY = height - 14;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="14" y="${panel.top + panel.height / 2}" transform="rotate(-90 14 ${panel.top + panel.height / 2})" text-anchor="middle">Elasticsearch took, ms (one client)</text>`,
    ...parts,
    `<text x="${width / 2}" y="${panel.top + panel.height + 40}" text-anchor="middle">articles in the archive (log scale)</text>`,
    `<line x1="250" x2="280" y1="${legendY}" y2="${legendY}" stroke="#444" stroke-width="2"/>`,
    `<text x="286" y="${legendY + 4}">p50</text>`,
    `<line x1="340" x2="370" y1="${legendY}" y2="${legendY}" stroke="#444" stroke-width="2" stroke-dasharray="6 4"/>`,
    `<text x="376" y="${legendY + 4}">p99</text>`,
    "</svg>",
    "",
  ].join("\n");
}

/** 1, 2 or 5 times a power of ten, at least `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-9)));
  return ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
}

const formatTick = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

function shortCount(n: number): string {
  if (n >= 1e6) return `${+(n / 1e6).toFixed(2)}M`;
  if (n >= 1e3) return `${+(n / 1e3).toFixed(1)}k`;
  return String(n);
}

/** What the Scale section says of how its figures were made, beside the run's own. */
export interface RunDescription {
  command: string;
  commit: string;
  machine: string;
  seed: number;
  queries: number;
  clients: number;
}

export function scaleSection(results: SizeResult[], run: RunDescription): string {
  return `## Scale

Query cost as the archive grows: the project (its index and its API) against stock Elasticsearch
(title and body under the \`arabic\` analyzer, a plain \`multi_match\`), on the same articles.

- date: ${new Date().toISOString().slice(0, 10)}, commit ${run.commit}
- command: \`${run.command}\`
- machine: ${run.machine}; the importer, the API and the load generator run on the same machine
- archive: synthetic, made of real text (\`scripts/bench/scale/generate.ts\`, generator v${GENERATOR_VERSION}, seed ${run.seed}):
  SaudiNewsNet and ANT articles recombined paragraph by paragraph into new articles, each with its
  own URL (so its own id), a title that is a donor's title with one or two words of another title
  put in, 2–8 paragraphs from different donors (the first from the title's donor, its lead more
  often than not), the title donor's source, author and category, and a date drawn uniformly over
  2016–2025. Words and term statistics are those of real news; few articles are near-duplicates
  ("stories" counts the project's near-duplicate groups).
- growth: both indices grow size by size. The project index is created from \`mappings/\` and filled
  by the importer (\`runImport\`: cleaning, validation, near-duplicate grouping); after the first
  size it imports into a non-empty index, as an archive that grows does, so grouping asks the index
  about every batch. The stock index gets the same articles through \`_bulk\` (the client's bulk
  helper, same request size and concurrency). "import s" runs until the import has returned and
  refreshed; "ES CPU" is the Elasticsearch process's CPU from the start of a load until its index is
  flushed and no merge runs, per article added; anything else the node did meanwhile counts too.
- disk: \`store.size_in_bytes\` of the primaries after a flush, without a force-merge.
- queries: ${run.queries} per loop, seven kinds in turn, each made from a title of the index's
  first articles (the same queries at every size): two words, a question word with two words, an
  unfinished last word (cut to 60%, at least 3 letters), a typo (a letter dropped or two swapped in
  a word of 4+ letters), a quoted two-word phrase, two words filtered by source, two words sorted
  newest first. The project's request goes through the real API (took = its \`took_ms\`, every
  Elasticsearch request it made); the stock one, a \`multi_match\` over title and body (a phrase
  match when quoted, the same filter and sort), goes straight to Elasticsearch. One client, then
  ${run.clients} concurrent clients; the systems alternate query by query (one client) or block by block
  (concurrent), after an unmeasured warm-up. Round trip is measured by the client (HTTP keep-alive).

### Index size and import cost

${markdownTable(buildTable(results))}

### Query latency (ms)

${markdownTable(latencyTable(results))}

![Elasticsearch took, p50 and p99, one client, against archive size](performance-scale.svg)

### Median took by query kind (ms, one client)

${markdownTable(kindTable(results))}
`;
}
