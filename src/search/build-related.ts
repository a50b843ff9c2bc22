/**
 * @module search/build-related
 * "Related coverage": more-like-this over title and body, each term weighed as the article weighs
 * it, so coverage naming the same actors and places leads. A short item (a headline-only brief)
 * is matched on what it has: a few of the article's terms, when its headline names the article's
 * actors. The article's own story (its copies) is never related, and each story shows once. For a
 * published article coverage of the same days is preferred (the same event, before and after);
 * for an editor's draft, recent coverage. Pure, like the search builder.
 */
import type { estypes } from "@elastic/elasticsearch";
import { INDEX_ONLY_FIELDS } from "../articles/document.js";
import { allFilters } from "./filters.js";
import type { Filters } from "./params.js";
import { RANKING } from "./ranking.js";
import { STORY_FIELD } from "./stories.js";

const { related } = RANKING;

type Clause = estypes.QueryDslQueryContainer;
type Like = estypes.QueryDslLike[];

/** What the article's text says first: its headline and lead (or opening paragraph). */
export interface Headline {
  title?: string | undefined;
  lead?: string | undefined;
  body?: string | undefined;
}

/** The lead, or the first paragraph of the body long enough not to be a dateline or credit line. */
export function leadOf({ lead, body }: Headline): string | undefined {
  if (lead?.trim()) return lead.trim();
  return body
    ?.split(/\n+/)
    .map((paragraph) => paragraph.trim())
    .find((paragraph) => paragraph.split(/\s+/).length >= related.leadMinWords);
}

/** Words in more than `maxDocFreqRatio` of `corpusSize` articles are left out of the query. */
const docFreqCap = (corpusSize?: number) =>
  corpusSize ? { max_doc_freq: Math.max(50, Math.ceil(corpusSize * related.maxDocFreqRatio)) } : {};

function moreLikeThis(
  like: Like,
  corpusSize: number | undefined,
  { minimumShouldMatch, maxQueryTerms }: { minimumShouldMatch: string; maxQueryTerms: number },
): Clause {
  return {
    more_like_this: {
      like,
      fields: ["title", "body"],
      max_query_terms: maxQueryTerms,
      min_term_freq: related.minTermFreq,
      min_doc_freq: related.minDocFreq,
      minimum_should_match: minimumShouldMatch,
      boost_terms: related.boostTerms,
      ...docFreqCap(corpusSize),
    },
  };
}

/**
 * Articles holding a tenth of the article's terms, or, if their headline names enough of the
 * words of the article's headline and lead, a few of its terms (a brief has no more). The
 * better of the two scores counts, so a long article is not counted twice.
 */
function similarCoverage(like: Like, headline: Headline, corpusSize?: number): Clause {
  const topic = moreLikeThis(like, corpusSize, {
    minimumShouldMatch: related.minimumShouldMatch,
    maxQueryTerms: related.maxQueryTerms,
  });
  const headlineWords = [headline.title, leadOf(headline)].filter((part): part is string =>
    Boolean(part?.trim()),
  );
  if (!headlineWords.length) return topic;
  const namesTheActors: Clause = {
    more_like_this: {
      like: headlineWords,
      fields: ["title"],
      max_query_terms: related.briefHeadlineTerms,
      min_term_freq: 1,
      min_doc_freq: related.minDocFreq,
      minimum_should_match: related.briefMinimumShouldMatch,
      ...docFreqCap(corpusSize),
    },
  };
  const brief = moreLikeThis(like, corpusSize, {
    minimumShouldMatch: related.briefMinimumShouldMatch,
    maxQueryTerms: related.briefQueryTerms,
  });
  return { dis_max: { queries: [topic, { bool: { must: [brief], filter: [namesTheActors] } }] } };
}

/** The score times 1 + `sameEventWeight`, decaying (gauss) with the distance from `origin`. */
function sameEventFirst(query: Clause, origin: string): Clause {
  return {
    function_score: {
      query,
      functions: [
        { weight: 1 },
        {
          gauss: { published_at: { origin, scale: related.sameEventScale, decay: 0.5 } },
          weight: related.sameEventWeight,
        },
      ],
      score_mode: "sum",
      boost_mode: "multiply",
    },
  };
}

function recentFirst(query: Clause): Clause {
  return {
    function_score: {
      query,
      functions: [
        {
          gauss: { published_at: { origin: "now", scale: related.draftRecencyScale, decay: 0.5 } },
          weight: related.recencyWeight,
        },
      ],
      score_mode: "sum",
      boost_mode: "sum",
    },
  };
}

/** The article itself and every article of its story: copies are the same article, not coverage. */
function notItsStory({ id, story }: { id?: string | undefined; story?: string | undefined }): Clause[] {
  return [...(id ? [{ ids: { values: [id] } }] : []), ...(story ? [{ term: { [STORY_FIELD]: story } }] : [])];
}

function relatedRequest(
  query: Clause,
  exclude: Clause[],
  filters: Filters & { size: number },
  alias: string,
): estypes.SearchRequest {
  return {
    index: alias,
    size: filters.size,
    query: { bool: { must: [query], filter: allFilters(filters), must_not: exclude } },
    // One article per story, the best-ranked: a story's copies do not fill the list.
    collapse: { field: STORY_FIELD },
    _source: { excludes: ["body", ...INDEX_ONLY_FIELDS] },
  };
}

export interface RelatedToArticle extends Headline {
  id: string;
  dupGroup: string;
  publishedAt: string;
  /** The physical index holding it; more_like_this reads its terms from there. */
  index: string;
  /** Articles in the index, for the document-frequency cap. */
  corpusSize?: number | undefined;
}

export function buildRelatedRequest(
  article: RelatedToArticle,
  filters: Filters & { size: number },
  alias: string,
): estypes.SearchRequest {
  const like: Like = [{ _index: article.index, _id: article.id }];
  return relatedRequest(
    sameEventFirst(similarCoverage(like, article, article.corpusSize), article.publishedAt),
    notItsStory({ id: article.id, story: article.dupGroup }),
    filters,
    alias,
  );
}

export interface Draft {
  text?: string | undefined;
  title?: string | undefined;
  body?: string | undefined;
  /** The article the draft revises and the story it belongs to, when known: never related to it. */
  id?: string | undefined;
  story?: string | undefined;
}

export function buildDraftRelatedRequest(
  draft: Draft,
  filters: Filters & { size: number },
  alias: string,
  corpusSize?: number,
): estypes.SearchRequest {
  const like: Like = [draft.title, draft.body, draft.text].filter((part): part is string =>
    Boolean(part?.trim()),
  );
  const headline = { title: draft.title, body: draft.body ?? draft.text };
  return relatedRequest(
    recentFirst(similarCoverage(like, headline, corpusSize)),
    notItsStory(draft),
    filters,
    alias,
  );
}
