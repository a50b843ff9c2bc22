/**
 * @module eval/datasets/related
 * Related coverage on the ANT corpus, whose articles carry an editor's category: a related
 * article that shares the source article's category counts as relevant. A coarse judgement
 * (two sport stories need not be related) but an unbiased one, and the same for every system.
 */
import type { EsClient } from "../../../src/es/client.js";
import { sample, seededRng } from "../../../src/eval/perturb.js";
import type { StoredDoc } from "../corpus.js";
import type { Grade } from "../run.js";
import type { JudgedHit, SourceArticle } from "../systems.js";

export interface RelatedQuery extends SourceArticle {
  category: string;
  /** Documents of the same category outside the source's own story: the most there are to find. */
  available: number;
}

export function relatedQueries(
  docs: readonly StoredDoc[],
  { seed, count }: { seed: number; count: number },
): RelatedQuery[] {
  const perCategory = new Map<string, number>();
  const perStoryInCategory = new Map<string, number>();
  for (const doc of docs) {
    if (!doc.category) continue;
    perCategory.set(doc.category, (perCategory.get(doc.category) ?? 0) + 1);
    const key = `${doc.category}\u0000${doc.dup_group}`;
    perStoryInCategory.set(key, (perStoryInCategory.get(key) ?? 0) + 1);
  }
  const withCategory = docs.filter((doc): doc is StoredDoc & { category: string } => Boolean(doc.category));
  return sample(withCategory, count, seededRng(seed)).map((doc) => ({
    id: doc.id,
    dupGroup: doc.dup_group,
    publishedAt: doc.published_at,
    corpusSize: docs.length,
    category: doc.category,
    available:
      (perCategory.get(doc.category) ?? 0) -
      (perStoryInCategory.get(`${doc.category}\u0000${doc.dup_group}`) ?? 0),
  }));
}

/** The source articles with their text as stored, as the API has it when it builds the request. */
export async function withArticleText(
  client: EsClient,
  index: string,
  queries: RelatedQuery[],
): Promise<RelatedQuery[]> {
  type Text = { title?: string; lead?: string; body?: string };
  const { docs } = await client.mget<Text>({
    index,
    ids: queries.map((query) => query.id),
    _source: ["title", "lead", "body"],
  });
  const texts = new Map(docs.map((doc) => [doc._id, "_source" in doc ? doc._source : undefined]));
  return queries.map((query) => ({ ...query, ...texts.get(query.id) }));
}

/**
 * Story-level precision: a copy of the source article is not related coverage but the same
 * article, and a story shown twice is credited once; the raw flags count every same-category hit.
 */
export function gradeRelated(query: RelatedQuery, hits: JudgedHit[]): Grade {
  const seen = new Set<string>();
  const flags = hits.map((hit) => {
    const fresh = !seen.has(hit.story) && hit.story !== query.dupGroup;
    seen.add(hit.story);
    return fresh && hit.category === query.category;
  });
  return {
    flags,
    totalRelevant: query.available,
    rawFlags: hits.map((hit) => hit.category === query.category),
  };
}
