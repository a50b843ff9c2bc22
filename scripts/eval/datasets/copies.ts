/**
 * @module eval/datasets/copies
 * Copy detection judged on labelled pairs built from the shared corpora. Same story: an article
 * and an outlet's rewrite of it (copy-rewrites). Not the same story, the hard cases: the article of
 * the same source (and section, where the corpus has them) and day that shares the most words with
 * it; the one of the next three days that does (a follow-up on the same event); and such a
 * follow-up that repeats a paragraph of the first report as background. A mined pair is kept only
 * when it is new text: less than 30% of the shorter text's word bigrams in the longer.
 *
 * Judged with the importer's own code: prepareArticle's fingerprint and the grouper's verdict
 * (sameStory); the real DuplicateGrouper then groups every article and copy, in memory, timed.
 */
import { prepareArticle } from "../../../src/articles/document.js";
import { articleId } from "../../../src/articles/identity.js";
import type { Article } from "../../../src/articles/schema.js";
import { type Rng, sample, seededRng } from "../../../src/eval/perturb.js";
import { type DuplicateGrouper, fingerprintOf } from "../../../src/ingest/duplicates/grouper.js";
import { normalizeArabic, WORD_SEPARATORS } from "../../../src/text/arabic.js";
import { sameStory } from "../../../src/text/copy-decision.js";
import { stripCredits } from "../../../src/text/credit-lines.js";
import { backgroundFrom, paragraphsOf, REWRITES, type Rewrite, rewriteCopy } from "./copy-rewrites.js";

export const NEGATIVE_KINDS = ["same day", "follow-up", "follow-up with background"] as const;
export type PairKind = "copy" | (typeof NEGATIVE_KINDS)[number];

export interface CopyPair {
  kind: PairKind;
  copies: boolean;
  a: Article;
  b: Article;
  rewrites: Rewrite[];
}

/** Shorter than this, an article is a brief: it gets no copies of its own made (see notes). */
const MIN_ORIGINAL_WORDS = 60;
/** A mined pair sharing less than this share of the shorter text's bigrams is new text. */
const NEW_TEXT_CONTAINMENT = 0.3;
/** Follow-ups are looked for this many days after the first report. */
const FOLLOW_UP_DAYS = 3;

const wordsOf = (body: string) => normalizeArabic(stripCredits(body)).split(WORD_SEPARATORS).filter(Boolean);
const dayOf = (article: Article) => article.published_at.slice(0, 10);
const dayAfter = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Exact |A∩B| / min(|A|,|B|) over word bigrams: the truth the fingerprint estimates. */
export function exactContainment(a: string, b: string): number {
  const bigrams = (words: string[]) => new Set(words.slice(1).map((word, i) => `${words[i]} ${word}`));
  const [x, y] = [bigrams(wordsOf(a)), bigrams(wordsOf(b))];
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  if (!small.size) return 0;
  let shared = 0;
  for (const bigram of small) if (large.has(bigram)) shared++;
  return shared / small.size;
}

/** Topical overlap: Jaccard of the sets of words of three letters or more. */
function topicWords(article: Article): Set<string> {
  return new Set(wordsOf(article.body).filter((word) => word.length >= 3));
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

/** The article of `pool` that shares the most words with `anchor`. */
function closest(anchor: Article, pool: readonly Article[], topics: Map<Article, Set<string>>) {
  const words = topics.get(anchor) ?? new Set<string>();
  let best: Article | undefined;
  let bestOverlap = 0;
  for (const other of pool) {
    if (other === anchor || other.body === anchor.body) continue;
    const score = overlap(words, topics.get(other) ?? new Set());
    if (score > bestOverlap) [best, bestOverlap] = [other, score];
  }
  return best;
}

export interface PairsOptions {
  seed: number;
  /** Positive pairs; as many negatives are drawn. */
  count: number;
}

export interface Pairs {
  pairs: CopyPair[];
  /** Mined pairs left out because they share too much text to be called new (corpus copies, templates). */
  notNewText: number;
}

export function copyPairs(articles: readonly Article[], { seed, count }: PairsOptions): Pairs {
  const rng = seededRng(seed);
  const long = articles.filter((article) => wordsOf(article.body).length >= MIN_ORIGINAL_WORDS);
  const vocabulary = sample(long, 200, rng).flatMap((article) => article.body.split(/\s+/).slice(0, 50));
  const backgrounds = sample(long, count, rng).map((article) => backgroundFrom(stripCredits(article.body)));
  const pairs: CopyPair[] = sample(long, count, rng).map((original, i) => {
    const copy = rewriteCopy(original.body, backgrounds[i] ?? "", vocabulary, rng);
    return {
      kind: "copy",
      copies: true,
      a: original,
      b: { ...original, id: `copy-${i}`, url: undefined, title: copy.title, body: copy.body },
      rewrites: copy.rewrites,
    };
  });
  const { negatives, notNewText } = hardNegatives(long, count, rng);
  return { pairs: [...pairs, ...negatives], notNewText };
}

function hardNegatives(long: readonly Article[], count: number, rng: Rng) {
  const bySourceDay = new Map<string, Article[]>();
  const key = (article: Article, day = dayOf(article)) =>
    `${article.source}\u0000${article.category ?? ""}\u0000${day}`;
  for (const article of long) {
    const day = bySourceDay.get(key(article));
    if (day) day.push(article);
    else bySourceDay.set(key(article), [article]);
  }
  const topics = new Map(long.map((article) => [article, topicWords(article)]));
  const negatives: CopyPair[] = [];
  const perKind = Math.ceil(count / NEGATIVE_KINDS.length);
  const found = new Map<PairKind, number>();
  const wants = (kind: PairKind) => (found.get(kind) ?? 0) < perKind;
  let notNewText = 0;
  const keep = (kind: PairKind, a: Article, b: Article | undefined) => {
    if (!b || !wants(kind)) return;
    if (exactContainment(a.body, b.body) >= NEW_TEXT_CONTAINMENT) return void notNewText++;
    negatives.push({ kind, copies: false, a, b, rewrites: [] });
    found.set(kind, (found.get(kind) ?? 0) + 1);
  };
  for (const anchor of sample(long, 3 * perKind, rng)) {
    keep("same day", anchor, closest(anchor, bySourceDay.get(key(anchor)) ?? [], topics));
    const later = Array.from(
      { length: FOLLOW_UP_DAYS },
      (_, d) => bySourceDay.get(key(anchor, dayAfter(dayOf(anchor), d + 1))) ?? [],
    ).flat();
    const followUp = closest(anchor, later, topics);
    keep("follow-up", anchor, followUp);
    const background = paragraphsOf(anchor.body);
    if (followUp && background.length >= 3 && wants("follow-up with background")) {
      const told = paragraphsOf(followUp.body);
      const repeated = background[1 + Math.floor(rng() * (background.length - 1))] ?? "";
      const body = [...told, repeated].join("\n\n");
      keep("follow-up with background", anchor, {
        ...followUp,
        id: `background-${negatives.length}`,
        url: undefined,
        body,
      });
    }
  }
  return { negatives, notNewText };
}

export interface Verdicts {
  kind: string;
  pairs: number;
  judgedCopies: number;
}

/** How many pairs of each kind (and of each rewrite, for copies) the grouper's verdict calls copies. */
export function judge(pairs: readonly CopyPair[]) {
  const rows = new Map<string, Verdicts>();
  const count = (kind: string, copies: boolean) => {
    const row = rows.get(kind) ?? { kind, pairs: 0, judgedCopies: 0 };
    row.pairs++;
    if (copies) row.judgedCopies++;
    rows.set(kind, row);
  };
  let [truePositives, falsePositives, positives] = [0, 0, 0];
  for (const pair of pairs) {
    const verdict = sameStory(fingerprintArticle(pair.a), fingerprintArticle(pair.b));
    if (pair.copies) positives++;
    if (verdict && pair.copies) truePositives++;
    if (verdict && !pair.copies) falsePositives++;
    count(pair.kind, verdict);
    if (pair.copies)
      for (const rewrite of pair.rewrites) if (rewrite !== "headline") count(`copy: ${rewrite}`, verdict);
  }
  return {
    precision: truePositives / (truePositives + falsePositives || 1),
    recall: truePositives / (positives || 1),
    rows: [...rows.values()].sort((x, y) => order(x.kind) - order(y.kind)),
  };
}

const order = (kind: string) => {
  const rewrite = REWRITES.indexOf(kind.replace("copy: ", "") as Rewrite);
  return kind === "copy"
    ? -1
    : rewrite >= 0 && kind.startsWith("copy")
      ? rewrite
      : 100 + NEGATIVE_KINDS.indexOf(kind as never);
};

/** The grouper's verdict on a pair needs only the articles' fingerprints, made as the importer makes them. */
export const fingerprintArticle = (article: Article) => fingerprintOf(prepareArticle(article));

export interface GroupingTimes {
  articles: number;
  /** prepareArticle (the fingerprint and the document), per 10,000 articles. */
  prepareMsPer10k: number;
  /** DuplicateGrouper.assign, per 10,000 articles. */
  groupMsPer10k: number;
  groups: number;
  /** The most articles in one group. */
  largestGroup: number;
  /** The most days between the first and the last article of one group. */
  longestGroupDays: number;
}

/**
 * Every article through prepareArticle and the grouper, in import-sized batches, timed; the group
 * each article id was given.
 */
export async function timeGrouping(
  articles: readonly Article[],
  grouper: DuplicateGrouper,
  batchSize = 1_000,
): Promise<{ times: GroupingTimes; groupOf: Map<string, string> }> {
  let [prepareMs, groupMs] = [0, 0];
  const groupOf = new Map<string, string>();
  const dated: Array<{ id: string; publishedAt: number }> = [];
  for (let i = 0; i < articles.length; i += batchSize) {
    const started = performance.now();
    const batch = articles.slice(i, i + batchSize).map(fingerprintArticle);
    const prepared = performance.now();
    const groups = await grouper.assign(batch);
    groupMs += performance.now() - prepared;
    prepareMs += prepared - started;
    for (const [position, { id, publishedAt }] of batch.entries()) {
      groupOf.set(id, groups[position] ?? id);
      dated.push({ id, publishedAt });
    }
  }
  const per10k = (ms: number) => (ms * 10_000) / articles.length;
  const times = {
    articles: articles.length,
    prepareMsPer10k: per10k(prepareMs),
    groupMsPer10k: per10k(groupMs),
    ...groupExtents(dated, groupOf),
  };
  return { times, groupOf };
}

/** How many groups, and how large and long-lived the largest and the longest are. */
function groupExtents(
  dated: ReadonlyArray<{ id: string; publishedAt: number }>,
  groupOf: ReadonlyMap<string, string>,
) {
  const extents = new Map<string, { articles: number; first: number; last: number }>();
  for (const { id, publishedAt: at } of dated) {
    const group = groupOf.get(id) ?? id;
    const extent = extents.get(group) ?? { articles: 0, first: at, last: at };
    extent.articles++;
    extent.first = Math.min(extent.first, at);
    extent.last = Math.max(extent.last, at);
    extents.set(group, extent);
  }
  let [largestGroup, longestGroupDays] = [0, 0];
  for (const { articles: count, first, last } of extents.values()) {
    largestGroup = Math.max(largestGroup, count);
    longestGroupDays = Math.max(longestGroupDays, (last - first) / 86_400_000);
  }
  return { groups: extents.size, largestGroup, longestGroupDays };
}

/** The share of pairs of each label whose two articles ended in one group. */
export function groupedTogether(pairs: readonly CopyPair[], groupOf: ReadonlyMap<string, string>) {
  const together = (pair: CopyPair) => {
    const [a, b] = [articleId(pair.a), articleId(pair.b)];
    return (groupOf.get(a) ?? a) === (groupOf.get(b) ?? b);
  };
  const share = (copies: boolean) => {
    const labelled = pairs.filter((pair) => pair.copies === copies);
    return labelled.filter(together).length / (labelled.length || 1);
  };
  return { copies: share(true), negatives: share(false) };
}

/** The articles the pairs made up (copies, follow-ups with background), for grouping with the corpus. */
export const madeUpArticles = (pairs: readonly CopyPair[]) =>
  pairs
    .map((pair) => pair.b)
    .filter((article) => article.id?.startsWith("copy-") || article.id?.startsWith("background-"));
