import { describe, expect, it } from "vitest";
import {
  buildDraftRelatedRequest,
  buildRelatedRequest,
  leadOf,
  type RelatedToArticle,
} from "./build-related.js";
import { RANKING } from "./ranking.js";

const article: RelatedToArticle = {
  id: "summit-1",
  dupGroup: "summit-0",
  publishedAt: "2025-05-08T12:30:00.000Z",
  index: "articles-v6-1",
  corpusSize: 40_000,
  title: "بوتين وشي يؤكدان في الكرملين متانة الشراكة",
  body: "موسكو - وكالة\n\nأكد الرئيس الروسي ونظيره الصيني في الكرملين اليوم أن الشراكة بين البلدين لا تستهدف أحداً.",
};

const related = (overrides: Partial<RelatedToArticle> = {}, filters = {}) =>
  buildRelatedRequest({ ...article, ...overrides }, { size: 10, ...filters }, "articles");

/** Every more_like_this clause of a request, wherever it sits. */
function moreLikeThese(value: unknown): Array<Record<string, unknown>> {
  if (!value || typeof value !== "object") return [];
  const own = (value as Record<string, unknown>).more_like_this;
  return [
    ...(own ? [own as Record<string, unknown>] : []),
    ...Object.values(value).flatMap((child) => moreLikeThese(child)),
  ];
}

describe("buildRelatedRequest", () => {
  it("never relates the article or any copy of it, and shows each story once", () => {
    const request = related();
    expect(request.query?.bool?.must_not).toEqual([
      { ids: { values: ["summit-1"] } },
      { term: { dup_group: "summit-0" } },
    ]);
    expect(request.collapse).toEqual({ field: "dup_group" });
    expect(request._source).toMatchObject({ excludes: expect.arrayContaining(["body", "minhash"]) });
  });

  it("weighs each term as the article does, capping words every article has", () => {
    const [topic] = moreLikeThese(related().query);
    expect(topic).toMatchObject({
      like: [{ _index: "articles-v6-1", _id: "summit-1" }],
      fields: ["title", "body"],
      boost_terms: RANKING.related.boostTerms,
      minimum_should_match: RANKING.related.minimumShouldMatch,
      max_doc_freq: 4_000,
    });
    expect(moreLikeThese(related({ corpusSize: undefined }).query)[0]).not.toHaveProperty("max_doc_freq");
  });

  it("matches a short item on a few terms only when its headline names the article's actors", () => {
    const [topic, brief, headline] = moreLikeThese(related().query);
    expect(topic?.minimum_should_match).toBe(RANKING.related.minimumShouldMatch);
    expect(brief).toMatchObject({ minimum_should_match: RANKING.related.briefMinimumShouldMatch });
    // The headline and the opening paragraph, the dateline line skipped, against headlines.
    expect(headline).toMatchObject({
      like: [
        article.title,
        "أكد الرئيس الروسي ونظيره الصيني في الكرملين اليوم أن الشراكة بين البلدين لا تستهدف أحداً.",
      ],
      fields: ["title"],
      minimum_should_match: RANKING.related.briefMinimumShouldMatch,
    });
    const gated = JSON.stringify(related().query);
    expect(gated).toContain('"dis_max"');
    expect(gated).toMatch(/"filter":\[\{"more_like_this":\{"like":\["بوتين/);
  });

  it("without a headline, relies on the article's terms alone", () => {
    const clauses = moreLikeThese(related({ title: undefined, body: undefined }).query);
    expect(clauses).toHaveLength(1);
  });

  it("prefers the same days: a multiplier that decays around the article's date", () => {
    const score = related().query?.bool?.must;
    expect(score).toMatchObject([
      {
        function_score: {
          functions: [
            { weight: 1 },
            {
              gauss: {
                published_at: { origin: article.publishedAt, scale: RANKING.related.sameEventScale },
              },
              weight: RANKING.related.sameEventWeight,
            },
          ],
          score_mode: "sum",
          boost_mode: "multiply",
        },
      },
    ]);
  });

  it("applies the reader's filters", () => {
    const request = related({}, { source: ["وكالة"], from: "2025-01-01" });
    expect(JSON.stringify(request.query?.bool?.filter)).toContain("وكالة");
    expect(JSON.stringify(request.query?.bool?.filter)).toContain("2025-01-01");
  });
});

describe("buildDraftRelatedRequest", () => {
  const draft = {
    title: "قمة روسية صينية في موسكو",
    body: "يلتقي الرئيسان الروسي والصيني في موسكو لبحث التعاون بين البلدين.",
  };

  it("relates a draft's text, preferring recent coverage", () => {
    const request = buildDraftRelatedRequest(draft, { size: 5 }, "articles", 1_000);
    const [topic] = moreLikeThese(request.query);
    expect(topic?.like).toEqual([draft.title, draft.body]);
    expect(JSON.stringify(request.query)).toContain('"origin":"now"');
    expect(request.query?.bool?.must_not).toEqual([]);
    expect(request.collapse).toEqual({ field: "dup_group" });
  });

  it("excludes the article and the story a draft belongs to when the editor says which", () => {
    const request = buildDraftRelatedRequest({ ...draft, id: "a-1", story: "s-1" }, { size: 5 }, "articles");
    expect(request.query?.bool?.must_not).toEqual([
      { ids: { values: ["a-1"] } },
      { term: { dup_group: "s-1" } },
    ]);
  });
});

describe("leadOf", () => {
  it("is the lead, else the first paragraph long enough not to be a dateline", () => {
    expect(leadOf({ lead: " المقدمة ", body: "نص" })).toBe("المقدمة");
    expect(
      leadOf({
        body: "القاهرة - بوابة الوادي\n\nتلقى الرئيس اليوم اتصالاً هاتفياً من نظيره لبحث العلاقات بين البلدين.",
      }),
    ).toMatch(/^تلقى/);
    expect(leadOf({ body: "خبر قصير" })).toBeUndefined();
  });
});
