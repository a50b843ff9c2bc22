/**
 * @module eval/datasets/suggest
 * Suggestions while a headline is typed: two or three of its words recalled in order, the last one
 * unfinished (src/eval/typos.ts), and a second set with one typo as well. The headline's story
 * should be among the titles offered, high. The project's suggestions (`SearchService.suggest`, as
 * /api/suggest answers) against what a stock index offers out of the box for a search box: the
 * title under the `arabic` analyzer, `match_bool_prefix` (the last word a prefix), with and without
 * `fuzziness: AUTO`.
 */
import type { estypes } from "@elastic/elasticsearch";
import { SearchParams, SuggestParams } from "../../../src/search/params.js";
import type { StoredDoc } from "../corpus.js";
import { type Answer, projectService, type SearchContext, timedRequest } from "../systems.js";
import { type TypedItem, typedItems, typedSetPair } from "./typed.js";

/** Titles offered: the widget's and the reader page's default. */
export const SUGGEST_SIZE = 8;

/** Offsets the run's seed, so these titles do not mirror those of the typed and dym datasets. */
const STREAM = { unfinished: 0x737567, mistyped: 0x737568, finished: 0x737569 };

export interface SuggestQueries {
  unfinished: TypedItem[];
  mistyped: TypedItem[];
  /** Recalled words typed whole, a space after the last: only whether Enter finds what is offered. */
  finished: TypedItem[];
}

/** `count` of each, from different titles, half SaudiNewsNet and half ANT. */
export function suggestQueries(
  docs: readonly StoredDoc[],
  { seed, count }: { seed: number; count: number },
): SuggestQueries {
  const [unfinished, mistyped] = typedSetPair(
    docs,
    { seed, count },
    { stream: STREAM.unfinished, typo: false, cutChance: 1 },
    { stream: STREAM.mistyped, typo: true, cutChance: 0.5 },
  );
  const finished = typedItems(docs, { seed: seed + STREAM.finished, count, typo: false, cutChance: 0 }).map(
    (item) => ({ ...item, query: `${item.query} ` }),
  );
  return { unfinished, mistyped, finished };
}

/** The suggesting systems: the project, and stock `match_bool_prefix` on the title. */
export const SUGGEST_SYSTEMS = ["arabic bool_prefix", "arabic bool_prefix+fuzzy", "project"] as const;
export type SuggestSystem = (typeof SUGGEST_SYSTEMS)[number];

function stockRequest(index: string, q: string, fuzzy: boolean): estypes.SearchRequest {
  return {
    index,
    size: SUGGEST_SIZE,
    query: { match_bool_prefix: { title: { query: q, ...(fuzzy ? { fuzziness: "AUTO" } : {}) } } },
    _source: ["id", "dup_group"],
  };
}

/** One system's suggestions for what was typed, timed; hits judged by the project's stories. */
export async function suggest(context: SearchContext, system: SuggestSystem, q: string): Promise<Answer> {
  const { client, indices, storyOf } = context;
  if (system !== "project")
    return timedRequest(client, stockRequest(indices.arabic, q, system === "arabic bool_prefix+fuzzy"));
  const started = performance.now();
  const { suggestions, took_ms } = await projectService(context).suggest(
    SuggestParams.parse({ q, size: String(SUGGEST_SIZE) }),
  );
  const ms = performance.now() - started;
  const hits = suggestions.map(({ id }) => ({ id, story: storyOf.get(id) ?? id }));
  return { hits, ms, tookMs: took_ms };
}

/** How often pressing Enter finds what the suggestions offered, by story. */
export interface EnterAgreement {
  /** Queries offered at least one title. */
  offered: number;
  /** Of those, the share whose first suggested story is on the search's first page. */
  first: number;
  /** The share of the first three suggested stories on the search's first page. */
  firstThree: number;
}

/**
 * The project's suggestions for each query, and its search for the same text (as Enter sends it):
 * what /api/suggest offers, /api/search should find on its first page.
 */
export async function enterAgreement(
  context: SearchContext,
  items: readonly TypedItem[],
): Promise<EnterAgreement> {
  const service = projectService(context);
  const storyOf = (id: string) => context.storyOf.get(id) ?? id;
  let offered = 0;
  let first = 0;
  let shown = 0;
  let found = 0;
  for (const { query } of items) {
    const { suggestions } = await service.suggest(
      SuggestParams.parse({ q: query, size: String(SUGGEST_SIZE) }),
    );
    const suggested = suggestions.slice(0, 3).map(({ id }) => storyOf(id));
    if (!suggested.length) continue;
    const page = await service.search(SearchParams.parse({ q: query }));
    const stories = new Set(page.hits.map(({ id }) => storyOf(id)));
    offered++;
    if (stories.has(suggested[0] as string)) first++;
    shown += suggested.length;
    found += suggested.filter((story) => stories.has(story)).length;
  }
  return { offered, first: offered ? first / offered : 0, firstThree: shown ? found / shown : 0 };
}
