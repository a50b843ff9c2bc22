/**
 * @module eval/datasets/typed
 * Queries as readers type them from memory (src/eval/typos.ts): two or three words of a headline,
 * one of them mistyped, the last one sometimes unfinished. The headline's own story is the one
 * relevant answer. Titles come half from SaudiNewsNet, half from ANT, indexed together. The same
 * recall from a sentence of an article's body (typedBodySets) checks that what helps on headlines
 * is not the headlines' doing.
 */
import type { EsClient } from "../../../src/es/client.js";
import { pick, seededRng, shuffled } from "../../../src/eval/perturb.js";
import { bodySentences, type TypedQuery, type TypeOptions, typeFromMemory } from "../../../src/eval/typos.js";
import type { StoredDoc } from "../corpus.js";
import { answerable } from "./known-item.js";

/** The source the importer reads from ANT's <SRC>: how ANT titles are told from SaudiNewsNet's. */
export const ANT_SOURCE = "Jawhara FM";

export type TitleCorpus = "saudinewsnet" | "ant";

export interface TypedItem extends TypedQuery {
  id: string;
  title: string;
  corpus: TitleCorpus;
  query: string;
  /** The target's near-duplicate group: a copy of the story is the same item. */
  story: string;
}

export interface TypedItemOptions extends TypeOptions {
  seed: number;
  count: number;
  /** Articles not to draw from (e.g. those another set already uses). */
  exclude?: ReadonlySet<string>;
}

/**
 * `count` queries, alternately from a SaudiNewsNet and an ANT title that names one story; titles
 * are visited in a seeded order and skipped when too short to recall words from.
 */
export function typedItems(docs: readonly StoredDoc[], options: TypedItemOptions): TypedItem[] {
  const rng = seededRng(options.seed);
  const pool = answerable(docs).filter((doc) => !options.exclude?.has(doc.id));
  const corpora: Record<TitleCorpus, StoredDoc[]> = {
    saudinewsnet: shuffled(
      pool.filter((doc) => doc.source !== ANT_SOURCE),
      rng,
    ),
    ant: shuffled(
      pool.filter((doc) => doc.source === ANT_SOURCE),
      rng,
    ),
  };
  for (const [corpus, titles] of Object.entries(corpora))
    if (!titles.length) throw new Error(`typed queries: no ${corpus} titles in the corpus`);
  const items: TypedItem[] = [];
  const next = { saudinewsnet: 0, ant: 0 };
  for (let n = 0; items.length < options.count; n++) {
    const corpus: TitleCorpus = n % 2 ? "ant" : "saudinewsnet";
    const titles = corpora[corpus];
    let item: TypedItem | undefined;
    while (!item && next[corpus] < titles.length) {
      const doc = titles[next[corpus]++] as StoredDoc;
      const typed = typeFromMemory(doc.title, rng, options);
      if (typed)
        item = {
          id: doc.id,
          title: doc.title,
          corpus,
          query: typed.typed.join(" "),
          story: doc.dup_group,
          ...typed,
        };
    }
    if (item) items.push(item);
    else if (next.saudinewsnet >= corpora.saudinewsnet.length && next.ant >= corpora.ant.length) break;
  }
  return items;
}

/** How one set of typedSetPair is typed, and the offset to the run's seed that draws its titles. */
export interface TypedSet extends TypeOptions {
  stream: number;
}

/** Two sets of `count` queries each, from different titles: the second never reuses the first's. */
export function typedSetPair(
  docs: readonly StoredDoc[],
  { seed, count }: { seed: number; count: number },
  first: TypedSet,
  second: TypedSet,
): [TypedItem[], TypedItem[]] {
  const drawn = (set: TypedSet, exclude?: ReadonlySet<string>) =>
    typedItems(docs, { seed: seed + set.stream, count, typo: set.typo, cutChance: set.cutChance, exclude });
  const firstItems = drawn(first);
  return [firstItems, drawn(second, new Set(firstItems.map((item) => item.id)))];
}

/**
 * Sets of `count` queries each, in `sets`' ways of typing, recalled from one sentence of an
 * article's body (a seeded sample of articles, each set filled from the next ones). The item's
 * `title` is the sentence.
 */
export async function typedBodySets(
  client: EsClient,
  index: string,
  docs: readonly StoredDoc[],
  { seed, count }: { seed: number; count: number },
  ...sets: TypeOptions[]
): Promise<TypedItem[][]> {
  const rng = seededRng(seed);
  const sampled = shuffled(docs, rng, Math.min(docs.length, count * 2 * sets.length));
  const { docs: read } = await client.mget<{ body?: string }>({
    index,
    ids: sampled.map((doc) => doc.id),
    _source: ["body"],
  });
  const bodies = new Map(read.map((doc) => [doc._id, "_source" in doc ? (doc._source?.body ?? "") : ""]));
  const items: TypedItem[][] = sets.map(() => []);
  for (const doc of sampled) {
    const at = items.findIndex((set) => set.length < count);
    const set = items[at];
    const options = sets[at];
    if (!set || !options) break;
    const sentence = pick(bodySentences(bodies.get(doc.id) ?? ""), rng);
    const typed = sentence && typeFromMemory(sentence, rng, options);
    if (!sentence || !typed) continue;
    set.push({
      id: doc.id,
      title: sentence,
      corpus: doc.source === ANT_SOURCE ? "ant" : "saudinewsnet",
      query: typed.typed.join(" "),
      story: doc.dup_group,
      ...typed,
    });
  }
  return items;
}

const tally = <T>(values: readonly T[]) => {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .map(([value, n]) => `${String(value)} ${n}`)
    .sort()
    .join(", ");
};

/** What the queries are made of, for the report's notes (cuts only when some were made). */
export function describeItems(items: readonly TypedItem[]): string[] {
  const cut = items.filter((item) => item.cut).length;
  return [
    `${items.length} queries; titles: ${tally(items.map((item) => item.corpus))}; words kept: ${tally(
      items.map((item) => item.intended.length),
    )}.`,
    `Typos made (queries with each): ${tally(items.map((item) => item.typo?.kind ?? "none"))}.`,
    ...(cut ? [`Last word cut in ${cut} queries.`] : []),
  ];
}

export const typedExample = ({ corpus, title, query, typo, cut }: TypedItem) => ({
  corpus,
  title,
  query,
  typo,
  cut,
});
