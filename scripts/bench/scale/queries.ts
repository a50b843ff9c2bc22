/**
 * @module bench/scale/queries
 * The scale benchmark's query mix: seven kinds of what readers type, each made from a title of the
 * index itself, seeded so every run and every size asks the same queries. For each query, the
 * project's request is the real API's; the stock one is a plain multi_match over title and body.
 */
import type { Rng } from "../../../src/eval/perturb.js";

export const QUERY_KINDS = [
  "two words",
  "question",
  "unfinished word",
  "typo",
  "quoted phrase",
  "filtered",
  "newest first",
] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export interface BenchQuery {
  kind: QueryKind;
  q: string;
  source?: string;
  sort?: "newest";
}

export interface TitleOfIndex {
  title: string;
  source: string;
}

/** Words a reader would type: Arabic letters only (no tatweel, digits, marks or punctuation), three or more. */
const TYPABLE = /^[\u0621-\u063A\u0641-\u064A]{3,}$/;
const QUESTION_WORDS = ["ما هو", "ما هي", "كيف", "لماذا", "متى", "هل"];

const below = (rng: Rng, n: number) => Math.floor(rng() * n);

/** Two neighbouring typable words of the title, the second at least `minLast` letters long. */
function wordPair(title: string, rng: Rng, minLast = 3): [string, string] | undefined {
  const words = title.split(/\s+/).map((word) => word.replace(/^[^\u0621-\u064A]+|[^\u0621-\u064A]+$/g, ""));
  const starts = words.flatMap((word, i) => {
    const next = words[i + 1] ?? "";
    return TYPABLE.test(word) && TYPABLE.test(next) && next.length >= minLast && next !== word ? [i] : [];
  });
  if (!starts.length) return undefined;
  const start = starts[below(rng, starts.length)] ?? 0;
  return [words[start] ?? "", words[start + 1] ?? ""];
}

/** One letter dropped, or two neighbouring letters swapped, away from the word's first letter. */
function misspelt(word: string, rng: Rng): string {
  const at = 1 + below(rng, word.length - 2);
  if (rng() < 0.5 || word[at] === word[at + 1]) return word.slice(0, at) + word.slice(at + 1);
  return word.slice(0, at) + (word[at + 1] ?? "") + (word[at] ?? "") + word.slice(at + 2);
}

export function queryOf(kind: QueryKind, { title, source }: TitleOfIndex, rng: Rng): BenchQuery | undefined {
  const pair = wordPair(title, rng, kind === "unfinished word" || kind === "typo" ? 4 : 3);
  if (!pair) return undefined;
  const [first, last] = pair;
  switch (kind) {
    case "two words":
      return { kind, q: `${first} ${last}` };
    case "question":
      return { kind, q: `${QUESTION_WORDS[below(rng, QUESTION_WORDS.length)]} ${first} ${last}` };
    case "unfinished word":
      return { kind, q: `${first} ${last.slice(0, Math.max(3, Math.round(0.6 * last.length)))}` };
    case "typo":
      return { kind, q: `${first} ${misspelt(last, rng)}` };
    case "quoted phrase":
      return { kind, q: `"${first} ${last}"` };
    case "filtered":
      return { kind, q: `${first} ${last}`, source };
    case "newest first":
      return { kind, q: `${first} ${last}`, sort: "newest" };
  }
}

/** `count` queries, the kinds in turn, each from the next title that lends itself to that kind. */
export function queryMix(titles: TitleOfIndex[], count: number, rng: Rng): BenchQuery[] {
  const queries: BenchQuery[] = [];
  let next = 0;
  for (let i = 0; i < count && titles.length; i++) {
    const kind = QUERY_KINDS[i % QUERY_KINDS.length] as QueryKind;
    for (let tries = 0; tries < titles.length; tries++) {
      const query = queryOf(kind, titles[next++ % titles.length] as TitleOfIndex, rng);
      if (query) {
        queries.push(query);
        break;
      }
    }
  }
  return queries;
}

/** The reader's request to the API, as the search page sends it. */
export function apiPath(query: BenchQuery): string {
  const params = new URLSearchParams({ q: query.q });
  if (query.source) params.set("source", query.source);
  if (query.sort) params.set("sort", query.sort);
  return `/api/search?${params}`;
}

/**
 * What one gets from Elasticsearch out of the box: multi_match over title and body (a phrase
 * match for a quoted query), with the source filter and the date sort when the reader asked.
 */
export function stockSearchBody(query: BenchQuery): Record<string, unknown> {
  const quoted = /^"(.+)"$/.exec(query.q)?.[1];
  const match = {
    multi_match: {
      query: quoted ?? query.q,
      fields: ["title", "body"],
      ...(quoted ? { type: "phrase" } : {}),
    },
  };
  return {
    size: 10,
    query: query.source ? { bool: { must: match, filter: { term: { source: query.source } } } } : match,
    ...(query.sort === "newest" ? { sort: [{ published_at: "desc" }] } : {}),
    _source: ["title", "url", "source", "published_at"],
  };
}
