/**
 * npm run bench:names -- [--index ALIAS] [--stock INDEX] [--rounds N]
 * What reading a name typed in Latin letters costs: the one `msearch` that chooses its Arabic
 * spelling (latinNameRequests), and the whole search as /api/search makes it, for every name of
 * the keys dataset's three lists; next to a plain multi_match for the name's Arabic spelling on a
 * stock index (title and body under the `arabic` analyzer; the project index itself when none is
 * given), the variants taking turns name by name. Then the costliest shape a reader may send:
 * four Latin words of twenty letters. Prints Elasticsearch's took (ms), request cache off; the
 * first round only warms. For the archive sizes of bench:scale: --index bench-scale-1000000
 * --stock bench-scale-stock-1000000 after `npm run bench:scale -- --keep`.
 */
import { parseArgs } from "node:util";
import { ElasticsearchConfigSchema, parseEnv, ServerConfigSchema } from "../../src/config.js";
import { createEsClient } from "../../src/es/client.js";
import { configuredOrLocalUrls } from "../../src/es/local-cluster.js";
import { percentile } from "../../src/eval/metrics.js";
import { latinNameRequests, latinNames } from "../../src/search/latin-names.js";
import { SearchParams } from "../../src/search/params.js";
import { SearchService } from "../../src/search/service.js";
import {
  ARABIC_NAMES_IN_LATIN_LETTERS,
  LATIN_NAMES_WRITTEN_AFTER,
  LATIN_NAMES_WRITTEN_WITH_THE_RULES,
} from "../eval/datasets/latin-names.js";

const { values } = parseArgs({
  options: { index: { type: "string" }, stock: { type: "string" }, rounds: { type: "string", default: "2" } },
});
const index = values.index ?? parseEnv(ServerConfigSchema).ES_INDEX_ALIAS;
const stock = values.stock ?? index;
const rounds = Math.max(2, Number(values.rounds));

const client = createEsClient({
  nodes: configuredOrLocalUrls(),
  config: parseEnv(ElasticsearchConfigSchema),
});
const service = new SearchService(client, index);
const { count: articles, _shards: shards } = await client.count({ index });

/** The name reading's request as the service sends it, with the request cache off. */
async function nameReadingTook(q: string): Promise<number> {
  const names = latinNames(q);
  if (!names) throw new Error(`no Latin name read in «${q}»`);
  const searches = latinNameRequests(names, index, shards.total).map((item) =>
    "index" in item ? { ...item, request_cache: false } : item,
  );
  return (await client.msearch({ searches })).took;
}

const plainTook = async (q: string) =>
  (
    await client.search({
      index: stock,
      request_cache: false,
      size: 10,
      query: { multi_match: { query: q, fields: ["title", "body"] } },
    })
  ).took;

const took = {
  "name reading msearch": [] as number[],
  "whole search": [] as number[],
  plain: [] as number[],
};
const names = [
  ...LATIN_NAMES_WRITTEN_WITH_THE_RULES,
  ...LATIN_NAMES_WRITTEN_AFTER,
  ...ARABIC_NAMES_IN_LATIN_LETTERS,
];
for (let round = 0; round < rounds; round++)
  for (const [latin, [spelling = latin]] of names) {
    const measured = {
      "name reading msearch": await nameReadingTook(latin),
      "whole search": (await service.search(SearchParams.parse({ q: latin }))).took_ms,
      plain: await plainTook(spelling),
    };
    if (round > 0)
      for (const [name, ms] of Object.entries(measured)) took[name as keyof typeof took].push(ms);
  }

/** Four words of twenty letters, a vowel every third letter so each is read as a name. */
const longWords = (seed: number) =>
  Array.from({ length: 4 }, (_, w) =>
    Array.from({ length: 20 }, (_, i) =>
      i % 3 === 1 ? "aeiou"[(seed + w + i) % 5] : "bcdfghjklmnpqrstvwxz"[(seed * 7 + w * 3 + i * 13) % 20],
    ).join(""),
  ).join(" ");
const attack = { "name reading msearch": [] as number[], "whole search": [] as number[] };
for (let seed = 0; seed < 20; seed++) {
  attack["name reading msearch"].push(await nameReadingTook(longWords(seed)));
  attack["whole search"].push((await service.search(SearchParams.parse({ q: longWords(seed) }))).took_ms);
}

const row = (name: string, ms: number[], plain: number) =>
  `${name.padEnd(34)} p50 ${String(percentile(ms, 50)).padStart(4)}  p95 ${String(percentile(ms, 95)).padStart(4)}  p99 ${String(percentile(ms, 99)).padStart(4)}  max ${String(Math.max(...ms)).padStart(4)}  ${(percentile(ms, 50) / plain).toFixed(1)}× plain`;
const plain = percentile(took.plain, 50) || 1;
console.log(
  `${index} (${articles.toLocaleString("en-US")} articles, ${shards.total} shard(s)), plain multi_match on ${stock}: Elasticsearch took in ms`,
);
console.log(`${names.length} names × ${rounds - 1} round(s), the plain query for the Arabic spelling:`);
for (const [name, ms] of Object.entries(took)) console.log(`  ${row(name, ms, plain)}`);
console.log("20 queries of four 20-letter Latin words:");
for (const [name, ms] of Object.entries(attack)) console.log(`  ${row(name, ms, plain)}`);
await client.close();
