/**
 * @module es/verify-analysis
 * Whether a cluster analyses text the way this project was built against: mappings/golden-tokens.json
 * holds the tokens each analyzer must give for a few hundred inputs, one for every rule of the
 * chain. The inputs run through `_analyze`, and every token list that differs is named. A missing
 * `analysis-common`, a synonyms file that is outdated or absent on a node, another Lucene: each
 * shows up here as a difference or a failing analyzer. Used by `npm run es -- verify`, /readyz and
 * the analysis tests.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { estypes } from "@elastic/elasticsearch";
import { projectRoot } from "../project-root.js";
import type { EsClient } from "./client.js";
import type { IndexDefinition } from "./index-definition.js";

export interface GoldenCase {
  /** The rule of the chain the input shows at work. */
  rule: string;
  text: string;
  /** Analyzer name → the tokens it must produce, in order. */
  tokens: Record<string, string[]>;
}

export interface GoldenTokens {
  /** The Elasticsearch the tokens were taken from, for reports. */
  generatedWith: string;
  analyzers: string[];
  cases: GoldenCase[];
}

export const goldenTokensFile = join(projectRoot, "mappings/golden-tokens.json");

export function loadGoldenTokens(file = goldenTokensFile): GoldenTokens {
  return JSON.parse(readFileSync(file, "utf8")) as GoldenTokens;
}

/** Whose analyzers run: an index (or alias) as it serves, or the index definition sent inline. */
export type AnalysisTarget = { index: string } | { definition: IndexDefinition };

/** Analyzer → one token list per input, or why the analyzer could not run. */
export type AnalyzedTokens = Record<string, string[][] | { error: string }>;

export interface TokenDifference {
  analyzer: string;
  rule: string;
  text: string;
  expected: string[];
  got: string[];
}

export interface AnalysisReport {
  inputs: number;
  analyzers: number;
  differences: TokenDifference[];
  /** Analyzers that failed outright (missing, or a component the cluster lacks). */
  failures: { analyzer: string; message: string }[];
}

/** Compares what a cluster produced with the fixture: pure, so it is tested without a cluster. */
export function compareTokens(golden: GoldenTokens, got: AnalyzedTokens): AnalysisReport {
  const report: AnalysisReport = {
    inputs: golden.cases.length,
    analyzers: golden.analyzers.length,
    differences: [],
    failures: [],
  };
  for (const analyzer of golden.analyzers) {
    const lists = got[analyzer] ?? { error: "not analysed" };
    if (!Array.isArray(lists)) {
      report.failures.push({ analyzer, message: lists.error });
      continue;
    }
    golden.cases.forEach((item, i) => {
      const expected = item.tokens[analyzer] ?? [];
      const actual = lists[i] ?? [];
      if (expected.length !== actual.length || expected.some((token, j) => token !== actual[j]))
        report.differences.push({ analyzer, rule: item.rule, text: item.text, expected, got: actual });
    });
  }
  return report;
}

export function analysisMatches(report: AnalysisReport): boolean {
  return report.differences.length === 0 && report.failures.length === 0;
}

export function describeDifference(difference: TokenDifference): string {
  const list = (tokens: string[]) => `[${tokens.join(", ")}]`;
  return `${difference.analyzer} «${difference.text}» (${difference.rule}): expected ${list(difference.expected)}, got ${list(difference.got)}`;
}

/** One line for logs and /readyz. */
export function summarizeReport(report: AnalysisReport): string {
  const scope = `${report.inputs} inputs × ${report.analyzers} analyzers`;
  if (analysisMatches(report)) return `matches the golden tokens (${scope})`;
  const first = report.failures[0]
    ? `${report.failures[0].analyzer}: ${report.failures[0].message}`
    : describeDifference(report.differences[0] as TokenDifference);
  return `${report.differences.length} differences and ${report.failures.length} failing analyzers in ${scope}; first: ${first}`;
}

/** Inputs per request: well under `index.analyze.max_token_count` even for the edge n-grams. */
const BATCH = 50;

export type AnalyzeRequest = Omit<estypes.IndicesAnalyzeRequest, "text">;

/** The request naming an analyzer of the index, or spelling out its chain from the definition. */
function analyzerRequest(target: AnalysisTarget, analyzer: string): AnalyzeRequest {
  if ("index" in target) return { index: target.index, analyzer };
  const analysis = target.definition.settings.analysis ?? {};
  const chain = analysis.analyzer?.[analyzer] as estypes.AnalysisCustomAnalyzer | undefined;
  if (!chain) throw new Error(`the index definition has no analyzer ${analyzer}`);
  const defined = <T>(names: string | string[] | undefined, table: Record<string, T> | undefined) =>
    [names ?? []].flat().map((name) => table?.[name] ?? name);
  return {
    tokenizer: analysis.tokenizer?.[chain.tokenizer] ?? chain.tokenizer,
    char_filter: defined(chain.char_filter, analysis.char_filter),
    filter: defined(chain.filter, analysis.filter),
  } as AnalyzeRequest;
}

/**
 * Analyses many inputs in one request. Elasticsearch runs each value of `text` on its own and
 * shifts the next value's offsets by the previous value's length plus one, so a token's start
 * offset tells which input it came from, even when an input yields no token at all.
 */
export async function analyzeEach(
  client: EsClient,
  request: AnalyzeRequest,
  texts: string[],
): Promise<string[][]> {
  const answer = await client.indices.analyze({ ...request, text: texts });
  const starts: number[] = [];
  let offset = 0;
  for (const text of texts) {
    starts.push(offset);
    offset += text.length + 1;
  }
  const lists = texts.map((): string[] => []);
  let input = 0;
  for (const token of answer.tokens ?? []) {
    while (input + 1 < texts.length && token.start_offset >= (starts[input + 1] ?? Number.POSITIVE_INFINITY))
      input++;
    lists[input]?.push(token.token);
  }
  return lists;
}

/** Runs every input through every analyzer; an analyzer that fails is reported, not thrown. */
export async function analyzeTexts(
  client: EsClient,
  target: AnalysisTarget,
  analyzers: string[],
  texts: string[],
): Promise<AnalyzedTokens> {
  const entries = await Promise.all(
    analyzers.map(async (analyzer): Promise<[string, AnalyzedTokens[string]]> => {
      try {
        const request = analyzerRequest(target, analyzer);
        const lists: string[][] = [];
        for (let i = 0; i < texts.length; i += BATCH)
          lists.push(...(await analyzeEach(client, request, texts.slice(i, i + BATCH))));
        return [analyzer, lists];
      } catch (error) {
        return [analyzer, { error: reasonOf(error) }];
      }
    }),
  );
  return Object.fromEntries(entries);
}

/** Elasticsearch's own reason when it gave one (a 400 names the missing filter or file). */
function reasonOf(error: unknown): string {
  const body = (error as { meta?: { body?: { error?: { reason?: string } } } }).meta?.body;
  return body?.error?.reason ?? (error instanceof Error ? error.message : String(error));
}

export async function verifyAnalysis(
  client: EsClient,
  target: AnalysisTarget,
  golden = loadGoldenTokens(),
): Promise<AnalysisReport> {
  const texts = golden.cases.map((item) => item.text);
  return compareTokens(golden, await analyzeTexts(client, target, golden.analyzers, texts));
}
