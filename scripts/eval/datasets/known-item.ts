/**
 * @module eval/datasets/known-item
 * Known-item search: a reader remembers a story and types its headline as they would, with the
 * spelling of their keyboard and habits (see src/eval/perturb.ts). The article whose headline it
 * was is the one relevant story. Sampled and perturbed with a fixed seed, so runs compare.
 */
import { judge } from "../../../src/eval/metrics.js";
import { type Edit, headlineWords, perturb, sample, seededRng } from "../../../src/eval/perturb.js";
import { normalizeArabic } from "../../../src/text/arabic.js";
import type { StoredDoc } from "../corpus.js";
import type { Grade } from "../run.js";
import type { JudgedHit } from "../systems.js";
import { ARCD_SOURCE } from "./arcd.js";

export interface KnownItemQuery {
  id: string;
  title: string;
  query: string;
  edits: Edit[];
  /** The target's near-duplicate group: a verbatim copy of the story is the same known item. */
  story: string;
}

export interface KnownItemOptions {
  seed: number;
  count: number;
}

/**
 * Headlines that name one story only: the same headline on two different stories ("أسعار
 * الذهب اليوم") has no single right answer. Three words at least, as a reader would remember.
 */
export function answerable(docs: readonly StoredDoc[]): StoredDoc[] {
  const storiesByTitle = new Map<string, Set<string>>();
  for (const doc of docs) {
    const key = normalizeArabic(doc.title);
    const stories = storiesByTitle.get(key) ?? new Set();
    stories.add(doc.dup_group);
    storiesByTitle.set(key, stories);
  }
  return docs.filter(
    (doc) =>
      doc.source !== ARCD_SOURCE &&
      headlineWords(doc.title).length >= 3 &&
      storiesByTitle.get(normalizeArabic(doc.title))?.size === 1,
  );
}

export function knownItemQueries(
  docs: readonly StoredDoc[],
  { seed, count }: KnownItemOptions,
): KnownItemQuery[] {
  const rng = seededRng(seed);
  return sample(answerable(docs), count, rng).map((doc) => ({
    id: doc.id,
    title: doc.title,
    story: doc.dup_group,
    ...perturb(doc.title, rng),
  }));
}

/** The one relevant story; any query that carries its target's story is judged alike. */
export function gradeKnownItem(query: Pick<KnownItemQuery, "story">, hits: JudgedHit[]): Grade {
  return {
    flags: judge(
      hits.map((hit) => hit.story),
      new Set([query.story]),
    ),
    totalRelevant: 1,
  };
}
