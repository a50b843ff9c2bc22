/**
 * @module search/build-related
 * "Related coverage": more-like-this over title and body. For a published article it excludes the
 * article and its near-duplicate copies and prefers coverage close to it in time; for an editor's
 * draft it prefers recent coverage. Pure, like the search builder.
 */
import type { estypes } from "@elastic/elasticsearch";
import { INDEX_ONLY_FIELDS } from "../articles/document.js";
import { allFilters } from "./filters.js";
import type { Filters } from "./params.js";
import { RANKING } from "./ranking.js";

const { related } = RANKING;

type Like = estypes.QueryDslLike[];

/** `corpusSize` (articles in the index) turns the document-frequency ratio into a cap. */
function moreLikeThis(like: Like, corpusSize?: number): estypes.QueryDslQueryContainer {
  return {
    more_like_this: {
      like,
      fields: ["title", "body"],
      max_query_terms: related.maxQueryTerms,
      min_term_freq: related.minTermFreq,
      min_doc_freq: related.minDocFreq,
      minimum_should_match: related.minimumShouldMatch,
      ...(corpusSize ? { max_doc_freq: Math.max(50, Math.ceil(corpusSize * related.maxDocFreqRatio)) } : {}),
    },
  };
}

function withTimeDecay(query: estypes.QueryDslQueryContainer, origin: string, scale: string) {
  return {
    function_score: {
      query,
      functions: [{ gauss: { published_at: { origin, scale, decay: 0.5 } }, weight: related.recencyWeight }],
      score_mode: "sum" as const,
      boost_mode: "sum" as const,
    },
  };
}

export interface RelatedToArticle {
  id: string;
  dupGroup: string;
  publishedAt: string;
  /** The physical index holding it; more_like_this reads its terms from there. */
  index: string;
  /** Articles in the index, for the document-frequency cap. */
  corpusSize?: number;
}

export function buildRelatedRequest(
  article: RelatedToArticle,
  filters: Filters & { size: number },
  alias: string,
): estypes.SearchRequest {
  return {
    index: alias,
    size: filters.size,
    query: {
      bool: {
        must: [
          withTimeDecay(
            moreLikeThis([{ _index: article.index, _id: article.id }], article.corpusSize),
            article.publishedAt,
            related.sameStoryScale,
          ),
        ],
        filter: allFilters(filters),
        must_not: [{ ids: { values: [article.id] } }, { term: { dup_group: article.dupGroup } }],
      },
    },
    collapse: { field: "dup_group" },
    _source: { excludes: ["body", ...INDEX_ONLY_FIELDS] },
  };
}

export function buildDraftRelatedRequest(
  draft: { text?: string | undefined; title?: string | undefined; body?: string | undefined },
  filters: Filters & { size: number },
  alias: string,
  corpusSize?: number,
): estypes.SearchRequest {
  const like: Like = [draft.title, draft.body, draft.text].filter((part): part is string =>
    Boolean(part?.trim()),
  );
  return {
    index: alias,
    size: filters.size,
    query: {
      bool: {
        must: [withTimeDecay(moreLikeThis(like, corpusSize), "now", "90d")],
        filter: allFilters(filters),
      },
    },
    collapse: { field: "dup_group" },
    _source: { excludes: ["body", ...INDEX_ONLY_FIELDS] },
  };
}
