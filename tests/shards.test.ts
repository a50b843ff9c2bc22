/**
 * A three-shard index answers as a one-shard index does, on a corpus built so that per-shard
 * statistics disagree: a word common on one shard and rare on another. The same articles go into a
 * one-shard and a three-shard index (routed to chosen shards); the service's first page, its
 * cursor pages and its facets must match between them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareArticle } from "../src/articles/document.js";
import { ArticleInputSchema } from "../src/articles/schema.js";
import type { EsClient } from "../src/es/client.js";
import { createPhysicalIndex } from "../src/es/indices.js";
import { firstStage, searchRequest } from "../src/search/build-search.js";
import { SearchParams } from "../src/search/params.js";
import { parseQuery } from "../src/search/query-parser.js";
import { SearchService } from "../src/search/service.js";
import { firstOfEachStory } from "../src/search/stories.js";
import { removeTestIndices, testClient, uniqueAlias } from "./helpers/es.js";

const prefix = uniqueAlias("shards");
const oneShard = `${prefix}-one`;
const threeShards = `${prefix}-three`;
const client = testClient();
const QUERY = "النفط";

/** The report that should win: short, the word once. */
const winner = {
  id: "shard-winner",
  title: "تقرير الطاقة الأسبوعي",
  body: "ارتفع سعر النفط في تداولات اليوم.",
};
/** The same report, longer: under one set of statistics it ranks below the winner. */
const runnerUp = {
  id: "shard-runner-up",
  title: "نشرة الأسواق المسائية",
  body: "ارتفع سعر النفط في تداولات اليوم وقال متعاملون إن الطلب مستقر.",
};
const filler = (i: number, withWord: boolean) => ({
  id: `shard-filler-${withWord ? "a" : "b"}-${i}`,
  title: `خبر محلي رقم ${i} ${withWord ? "شرقا" : "غربا"}`,
  body: `افتتحت البلدية حديقة جديدة ${i} وزارها السكان ${withWord ? "وناقشوا أسعار النفط" : "وناقشوا أسعار الخبز"} مساء الخميس مع المسؤولين في المدينة.`,
});

/** Two routing keys that land on different shards of `index`. */
async function routingsOnTwoShards(es: EsClient, index: string): Promise<[string, string]> {
  const byShard = new Map<number, string>();
  for (let i = 0; byShard.size < 2 && i < 100; i++) {
    const routing = `r${i}`;
    const { shards } = await es.searchShards({ index, routing });
    const shard = shards[0]?.[0]?.shard;
    if (shard !== undefined && !byShard.has(shard)) byShard.set(shard, routing);
  }
  const [a, b] = [...byShard.values()];
  if (!a || !b) throw new Error("no two routing keys found on different shards");
  return [a, b];
}

async function load(index: string, routings: [string, string]): Promise<void> {
  const placed = [
    { text: winner, routing: routings[0] },
    { text: runnerUp, routing: routings[1] },
    // The word is common on the winner's shard and absent from the runner-up's.
    ...Array.from({ length: 12 }, (_, i) => ({ text: filler(i, true), routing: routings[0] })),
    ...Array.from({ length: 12 }, (_, i) => ({ text: filler(i, false), routing: routings[1] })),
  ];
  const operations = placed.flatMap(({ text, routing }) => {
    const { document } = prepareArticle(
      ArticleInputSchema.parse({
        ...text,
        source: text.id.includes("-a-") ? "صحيفة الشرق" : "صحيفة الغرب",
        published_at: "2025-03-01T08:00:00Z",
      }),
    );
    return [{ index: { _index: index, _id: document.id, routing } }, document];
  });
  const response = await client.bulk({ operations, refresh: true });
  if (response.errors) throw new Error("fixture documents were refused");
}

const pageIds = async (service: SearchService, params: Record<string, string>) =>
  service.search(SearchParams.parse({ q: QUERY, highlight: "false", ...params }));

beforeAll(async () => {
  await createPhysicalIndex(client, oneShard, { shards: 1, replicas: 0, withAlias: true });
  await createPhysicalIndex(client, threeShards, { shards: 3, replicas: 0, withAlias: true });
  const routings = await routingsOnTwoShards(client, threeShards);
  await load(oneShard, routings);
  await load(threeShards, routings);
});

afterAll(async () => {
  await removeTestIndices(client, prefix);
  await client.close();
});

describe("three shards answer as one", () => {
  it("is a corpus where per-shard statistics reorder the page", async () => {
    // The guard for the cases below: scored shard by shard, the runner-up wins.
    const input = SearchParams.parse({ q: QUERY, size: "10" });
    const request = searchRequest(parseQuery(QUERY), input, threeShards, firstStage(input));
    const ids = firstOfEachStory((await client.search(request)).hits.hits).map((candidate) => candidate.id);
    expect(ids.indexOf(runnerUp.id)).toBeLessThan(ids.indexOf(winner.id));
  });

  it("ranks the first page as one shard does", async () => {
    const one = await pageIds(new SearchService(client, oneShard), { size: "10" });
    const three = await pageIds(new SearchService(client, threeShards), { size: "10" });
    expect(one.hits[0]?.id).toBe(winner.id);
    expect(three.hits.map((hit) => hit.id)).toEqual(one.hits.map((hit) => hit.id));
    expect(three.total).toEqual(one.total);
  });

  it("pages with cursors through the same articles in the same order", async () => {
    const walk = async (alias: string) => {
      const service = new SearchService(client, alias);
      const seen: string[] = [];
      let cursor: string | null | undefined;
      for (let page = 0; page < 10; page++) {
        const result = await pageIds(service, { size: "4", ...(cursor ? { cursor } : {}) });
        seen.push(...result.hits.map((hit) => hit.id));
        cursor = result.next_cursor;
        if (!cursor) break;
      }
      return seen;
    };
    const one = await walk(oneShard);
    const three = await walk(threeShards);
    expect(new Set(three).size).toBe(three.length);
    expect(three).toEqual(one);
  });

  it("counts the same facets", async () => {
    const one = await pageIds(new SearchService(client, oneShard), { facets: "true" });
    const three = await pageIds(new SearchService(client, threeShards), { facets: "true" });
    expect(three.facets).toEqual(one.facets);
  });
});
