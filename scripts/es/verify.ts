/**
 * npm run es -- verify [--index NAME] [--settings]
 * Runs mappings/golden-tokens.json through `_analyze` on the configured cluster (ES_URL, else the
 * local one) and prints every analyzer and input whose tokens differ, expected against got; exit 1
 * on any difference. By default it asks the alias's index, as it serves; with --settings (or when
 * the alias does not exist yet) it sends the chains of mappings/articles.json inline to each node
 * of ES_URL in turn, so each node's own analysis components and synonyms file are checked.
 */
import { ElasticsearchConfigSchema, parseEnv, ServerConfigSchema } from "../../src/config.js";
import { createEsClient, type EsClient } from "../../src/es/client.js";
import { loadIndexDefinition } from "../../src/es/index-definition.js";
import { configuredOrLocalUrls } from "../../src/es/local-cluster.js";
import {
  type AnalysisTarget,
  analysisMatches,
  describeDifference,
  loadGoldenTokens,
  verifyAnalysis,
} from "../../src/es/verify-analysis.js";

const say = (line: string) => process.stdout.write(`${line}\n`);

interface NodeInfo {
  name: string;
  version: string;
  modules?: { name: string }[];
  plugins?: { name: string }[];
}

/** Each node's version and where its analysis components come from: the first suspects of a difference. */
async function describeNodes(client: EsClient): Promise<void> {
  try {
    const info = (await client.nodes.info({
      filter_path: "nodes.*.name,nodes.*.version,nodes.*.modules.name,nodes.*.plugins.name",
    })) as unknown as { nodes: Record<string, NodeInfo> };
    for (const node of Object.values(info.nodes)) {
      const names = [...(node.modules ?? []), ...(node.plugins ?? [])].map((item) => item.name);
      const analysis = names.includes("analysis-common")
        ? "analysis-common"
        : names.includes("arabic-news-dev-analysis")
          ? "the project's es-plugin (no analysis-common)"
          : "NO analysis-common";
      say(`node ${node.name}: Elasticsearch ${node.version}, ${analysis}`);
    }
  } catch {
    say("nodes: not listed (the credentials lack the monitor privilege)");
  }
}

async function verifyOne(client: EsClient, target: AnalysisTarget, label: string): Promise<boolean> {
  const golden = loadGoldenTokens();
  say(`analysing ${golden.cases.length} inputs × ${golden.analyzers.length} analyzers ${label}`);
  const report = await verifyAnalysis(client, target, golden);
  for (const failure of report.failures) say(`${failure.analyzer}: cannot analyse: ${failure.message}`);
  for (const difference of report.differences) say(describeDifference(difference));
  say(
    analysisMatches(report)
      ? `ok: every token matches the golden tokens (taken on ${golden.generatedWith})`
      : `${report.differences.length} differences, ${report.failures.length} failing analyzers against the golden tokens (taken on ${golden.generatedWith})`,
  );
  return analysisMatches(report);
}

export async function verifyCommand(options: { index?: string; settings: boolean }): Promise<number> {
  const config = parseEnv(ElasticsearchConfigSchema);
  const urls = configuredOrLocalUrls();
  const client = createEsClient({ nodes: urls, config });
  try {
    await describeNodes(client);
    const index = options.index ?? parseEnv(ServerConfigSchema).ES_INDEX_ALIAS;
    if (!options.settings) {
      if (await client.indices.exists({ index })) {
        const names = Object.keys(await client.indices.get({ index, filter_path: "*.settings.index.uuid" }));
        return (await verifyOne(client, { index }, `on ${index} (${names.join(", ")})`)) ? 0 : 1;
      }
      say(`${index} does not exist: checking the definition in mappings/ instead`);
    }
    const definition = loadIndexDefinition();
    let ok = true;
    for (const url of urls) {
      const node = createEsClient({ nodes: [url], config });
      try {
        ok = (await verifyOne(node, { definition }, `with mappings/articles.json's chains on ${url}`)) && ok;
      } finally {
        await node.close();
      }
    }
    return ok ? 0 : 1;
  } finally {
    await client.close();
  }
}
