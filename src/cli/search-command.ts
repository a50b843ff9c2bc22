/**
 * npm run search -- "<query>" [--size N] [--source S]… [--category C]… [--related ID] [--raw]
 * Ranked results in the terminal, through the same SearchService as the API (same ranking).
 * On a terminal the Arabic is shaped and laid out right to left with highlights in bold
 * inverse; piped (or with --raw) it is logical-order text, one field per line, for other tools.
 * Exit status: 0 with results, 1 with none, 2 for bad arguments or an unreachable cluster.
 */
import { parseArgs } from "node:util";
import { ElasticsearchConfigSchema, parseEnv } from "../config.js";
import { messageOf } from "../error-message.js";
import { createEsClient } from "../es/client.js";
import { configuredOrLocalUrls } from "../es/local-cluster.js";
import { type SearchInput, SearchParams } from "../search/params.js";
import type { SearchHit } from "../search/responses.js";
import { SearchService } from "../search/service.js";
import { escapeHtml } from "../text/html.js";
import { searchHeader } from "./search-header.js";
import { formatRuns, highlightRuns, type PrintOptions, stripControls } from "./terminal-text.js";

const USAGE = `usage: npm run search -- "<query>" [options]
       npm run search -- --related ID [options]

Searches the configured index (ES_URL and ES_INDEX_ALIAS, or the local node) the way /api/search does.

  --size N        results to show, 1 to 100 (default 10)
  --source S      only this publisher; repeat it, or separate names by commas, for several
  --category C    only this category; repeat it, or separate names by commas, for several
  --related ID    articles related to the article with this id, instead of a search
  --raw           logical-order text, one field per line (the default when piped)
  -h, --help      this text

Exit status: 0 with results, 1 with none, 2 for bad arguments or an unreachable cluster.`;

function printHit(hit: SearchHit, rank: number, options: PrintOptions): string {
  const title = hit.highlights.title[0] ?? escapeHtml(hit.title);
  const copies = hit.duplicates ? ` · +${hit.duplicates} copies` : "";
  const meta = `${stripControls(hit.source)} · ${hit.published_at.slice(0, 10)}${copies} · ${stripControls(hit.id)}`;
  return [
    `${String(rank).padStart(2)}.`,
    formatRuns(highlightRuns(title), { ...options, indent: "    " }),
    formatRuns(highlightRuns(escapeHtml(meta)), { ...options, ansi: false, indent: "    " }),
    // Without a body match the snippet is the title again.
    hit.snippet !== escapeHtml(hit.title)
      ? formatRuns(highlightRuns(hit.snippet), { ...options, indent: "    " })
      : "",
    "",
  ]
    .filter((line, i, all) => line || i === all.length - 1)
    .join("\n");
}

/**
 * When nothing was found: the --source and --category values that name nothing in the index, with
 * the names it has (a misspelt publisher is the likeliest reason for an empty answer).
 */
async function unknownFilters(service: SearchService, input: SearchInput): Promise<string> {
  if (!input.source?.length && !input.category?.length) return "";
  const { facets } = await service.search(
    SearchParams.parse({ size: "1", highlight: "false", facets: "true" }),
  );
  const lines: string[] = [];
  for (const [option, wanted, known] of [
    ["--source", input.source ?? [], facets.source],
    ["--category", input.category ?? [], facets.category],
  ] as const) {
    const names = known.map((facet) => facet.value);
    const unknown = wanted.filter((name) => !names.includes(name));
    if (unknown.length)
      lines.push(
        `${option}: nothing is named ${unknown.map(stripControls).join(", ")}; known: ${names.map(stripControls).join(", ")}\n`,
      );
  }
  return lines.join("");
}

function readArgs() {
  return parseArgs({
    allowPositionals: true,
    options: {
      size: { type: "string", default: "10" },
      source: { type: "string", multiple: true },
      category: { type: "string", multiple: true },
      related: { type: "string" },
      raw: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}

async function main(): Promise<number> {
  let args: ReturnType<typeof readArgs>;
  try {
    args = readArgs();
  } catch (error) {
    process.stderr.write(`${messageOf(error)}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!positionals.length && !values.related) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const parsed = SearchParams.safeParse({
    q: positionals.join(" "),
    size: values.size,
    source: values.source,
    category: values.category,
  });
  if (!parsed.success) {
    process.stderr.write(
      `${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n")}\n`,
    );
    return 2;
  }
  const tty = Boolean(process.stdout.isTTY);
  const options: PrintOptions = {
    display: tty && !values.raw,
    ansi: tty && !process.env.NO_COLOR,
    width: Math.min(process.stdout.columns || 80, 120),
  };
  const config = parseEnv(ElasticsearchConfigSchema);
  const client = createEsClient({ nodes: configuredOrLocalUrls(), config });
  const service = new SearchService(client, config.ES_INDEX_ALIAS);
  try {
    const input = parsed.data;
    let hits: SearchHit[];
    let header: string;
    if (values.related) {
      const related = await service.related(values.related, {
        source: input.source,
        category: input.category,
        size: input.size,
      });
      if (!related) {
        process.stderr.write(`no article with id ${values.related}\n`);
        return 1;
      }
      hits = related.hits;
      header = `related to ${values.related}: ${hits.length}`;
    } else {
      const result = await service.search(input);
      hits = result.hits;
      header = searchHeader(result);
    }
    process.stderr.write(`${header}\n`);
    if (!hits.length) process.stderr.write(await unknownFilters(service, input));
    process.stdout.write(hits.map((hit, i) => printHit(hit, i + 1, options)).join("\n"));
    return hits.length ? 0 : 1;
  } finally {
    await client.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${messageOf(error)}\n`);
    process.exit(2);
  },
);
