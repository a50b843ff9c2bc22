import type { estypes } from "@elastic/elasticsearch";
import { describe, expect, it } from "vitest";
import {
  buildQuery,
  buildSearchRequest,
  CANDIDATES_PER_RESULT,
  decodeCursor,
  encodeCursor,
  heldAsTypedCounts,
  MAX_WINDOW,
  maybeSubject,
  newestFallback,
  pageCopiesRequest,
  pageRequest,
  questionOrLonger,
  type Recall,
  type StrictOutcome,
  slipsOnly,
  strictFindsEveryWord,
  subjectCounts,
  suggestersAfterStrict,
  TYPED_TITLE,
  typedSubject,
  widerRecall,
} from "./build-search.js";
import { SearchParams } from "./params.js";
import { parseQuery } from "./query-parser.js";
import { RANKING } from "./ranking.js";

const input = (params: Record<string, unknown>) => SearchParams.parse(params);
/** The title's words as written, weighed on the scale of title.exact. */
const WRITTEN = `title.words^${RANKING.typos.writtenFormScale}`;
/** Title, lead and body, stemmed or in their exact forms, as the search weighs them. */
const weighed = (suffix: string) =>
  (["title", "lead", "body"] as const).map((field) => `${field}${suffix}^${RANKING.fields[field]}`);
const STEMMED = weighed("");
const EXACT = weighed(".exact");

/** The rescore's signals for a query. */
function rescoreSignals(q: string): estypes.QueryDslQueryContainer[] {
  const rescore = buildSearchRequest(input({ q }), "a").rescore;
  const should = (Array.isArray(rescore) ? rescore[0] : rescore)?.query?.rescore_query.bool?.should;
  return [should ?? []].flat();
}

describe("buildSearchRequest", () => {
  it("rescores the words in order for two words or more, not the phrase of one word nor a question's", () => {
    // One word's phrase is the word itself, which the recall has scored.
    const inOrder = (q: string) =>
      rescoreSignals(q).filter((clause) => clause.multi_match?.slop === RANKING.phraseSlop);
    expect(inOrder("متى يبدأ العام الدراسي")).toEqual([]);
    expect(inOrder("نطاقات")).toEqual([]);
    expect(inOrder("نطاقات ")).toEqual([]);
    expect(inOrder("برنامج نطاقات").map((clause) => clause.multi_match?.query)).toEqual(["برنامج نطاقات"]);
    expect(inOrder("كوفيد-19").map((clause) => clause.multi_match?.query)).toEqual(["كوفيد-19"]);
  });

  it("lifts, in the first stage, the articles holding one word searched whole as typed, not a word being typed", () => {
    const whole = (q: string, sort?: string) =>
      [buildSearchRequest(input({ q, ...(sort ? { sort } : {}) }), "a").query?.bool?.should ?? []]
        .flat()
        .map((clause) => [clause.constant_score?.filter?.multi_match, clause.constant_score?.boost]);
    const holding = (word: string) => ({
      query: word,
      fields: ["title.exact^1", "lead.exact^1", "body.exact^1"],
    });
    expect(whole("تقنين ")).toEqual([[holding("تقنين"), RANKING.wholeWordBonus]]);
    expect(whole("تقنين -تقنية")).toEqual([[holding("تقنين"), RANKING.wholeWordBonus]]);
    expect(whole("تقنين")).toEqual([]);
    expect(whole("تقنين الأحكام ")).toEqual([]);
    expect(whole('"تقنين الأحكام" ')).toEqual([]);
    // Newest first, no score orders the page.
    expect(whole("تقنين ", "newest")).toEqual([]);
  });

  it("rescores adjacent word pairs for three words or more, not the phrase of two again", () => {
    const pairs = (q: string) =>
      rescoreSignals(q).filter((clause) => clause.multi_match?.boost === RANKING.pairBoost);
    expect(pairs("السيسي بوتين")).toEqual([]);
    expect(pairs("السيسي يستقبل بوتين").map((clause) => clause.multi_match?.query)).toEqual([
      "السيسي يستقبل",
      "يستقبل بوتين",
    ]);
  });

  it("lifts three words or more found side by side, not two, nor a question's", () => {
    const sideBySide = (q: string) =>
      rescoreSignals(q)
        .filter((clause) => clause.constant_score?.boost === RANKING.sideBySide.bonus)
        .map((clause) => clause.constant_score?.filter);
    expect(sideBySide("أسعار الفائدة الأمريكية")).toEqual([
      {
        multi_match: {
          query: "أسعار الفائدة الأمريكية",
          fields: ["title^1", "lead^1", "body^1"],
          type: "phrase",
        },
      },
    ]);
    expect(sideBySide("أسعار الفائدة")).toEqual([]);
    expect(sideBySide("ما أسعار الفائدة الأمريكية")).toEqual([]);
  });

  it("lifts three words or more all held anywhere in the article, not two, nor a question's", () => {
    const everyWord = (q: string) =>
      rescoreSignals(q)
        .filter((clause) => clause.constant_score?.filter?.multi_match?.type === "cross_fields")
        .map((clause) => [clause.constant_score?.filter, clause.constant_score?.boost]);
    expect(everyWord("اللاجئين السوريين في ألمانيا")).toEqual([
      [
        {
          multi_match: {
            query: "اللاجئين السوريين في ألمانيا",
            fields: ["title^1", "lead^1", "body^1"],
            type: "cross_fields",
            operator: "and",
          },
        },
        RANKING.everyWord.bonus,
      ],
    ]);
    expect(everyWord("اللاجئين السوريين")).toEqual([]);
    // Words joined by OR are alternatives: the rest are wanted together.
    expect(everyWord("السوريين أو العراقيين في ألمانيا")).toEqual([]);
    expect(everyWord("اللاجئين السوريين أو العراقيين في ألمانيا")[0]?.[0]).toMatchObject({
      multi_match: { query: "اللاجئين في ألمانيا" },
    });
    expect(everyWord("أين اللاجئين السوريين في ألمانيا")).toEqual([]);
  });

  it("recalls the sides named around ضد, which only scores, and wants them in the title as typed", () => {
    const body = JSON.stringify(buildSearchRequest(input({ q: "النصر ضد الهلال " }), "a"));
    expect(body).toContain(
      `{"bool":{"must":[{"multi_match":{"query":"النصر الهلال","fields":${JSON.stringify(STEMMED)},"type":"${RANKING.matchType}","minimum_should_match":"${RANKING.everyWordUpTo}<1"}}],"should":[{"multi_match":{"query":"ضد"`,
    );
    expect(body).not.toContain('{"multi_match":{"query":"ضد","fields":["title.exact","lead.exact"]}}');
    // Being typed, the side after it is still a start; ضد itself begins no side.
    const typing = JSON.stringify(buildQuery(parseQuery("النصر ضد الهل"), "tolerant"));
    expect(typing).toContain('{"match":{"title.autocomplete":{"query":"الهل"}}}');
    const typingVersus = JSON.stringify(buildQuery(parseQuery("النصر ضد"), "tolerant"));
    expect(typingVersus).not.toContain('"title.autocomplete"');
  });

  it("takes a doubled letter typed once for the likeliest slip, in a word the suggesters found rare", () => {
    const parsed = parseQuery("النصرر يفوز");
    const undone = `"query":"النصر","fields":["${WRITTEN}","title.exact"],"boost":${RANKING.typos.likeliestSlipBoost}`;
    const mistyped = new Map([["النصرر", ["النصر"]]]);
    expect(JSON.stringify(buildQuery(parsed, "tolerant", mistyped))).toContain(undone);
    expect(JSON.stringify(buildQuery(parsed, "tolerant"))).not.toContain('"query":"النصر"');
    expect(JSON.stringify(buildQuery(parsed, "strict", mistyped))).not.toContain('"query":"النصر"');
  });

  it("reads a mistyped word as its likeliest spellings in every field, below the words as typed", () => {
    const parsed = parseQuery("فيرس كورونا");
    const mistyped = new Map([["فيرس", ["فيروس", "فارس", "فورس"]]]);
    // A function word typed holds nothing back; a spelling that is one (ليس for لئيس) finds nothing.
    const stemmed = (word: string, zeroTerms = "none") => ({
      multi_match: {
        query: word,
        fields: STEMMED,
        type: RANKING.matchType,
        minimum_should_match: "1",
        zero_terms_query: zeroTerms,
      },
    });
    const likelier = {
      bool: {
        must: [
          { bool: { should: ["فيرس", "فيروس", "فارس"].map((word) => stemmed(word)) } },
          stemmed("كورونا", "all"),
        ],
        boost: RANKING.typos.likelierSpellingBoost,
      },
    };
    expect(RANKING.typos.likelierSpellings).toBe(2);
    expect(RANKING.typos.likelierSpellingBoost).toBeLessThan(1);
    const recalled = (recall: Recall) => JSON.stringify(buildQuery(parsed, recall, mistyped));
    expect(recalled("tolerant")).toContain(JSON.stringify(likelier));
    expect(recalled("tolerant")).not.toContain("فورس");
    expect(recalled("relaxed")).not.toContain("فيروس");
    expect(recalled("strict")).not.toContain("فيروس");
  });

  it("reads a question's or a longer query's mistyped word beside its likelier spellings, any word wanted", () => {
    const mistyped = new Map([["لبنن", ["لبنان", "لبنه", "لبنى"]]]);
    const recalled = (q: string, recall: Recall) => buildQuery(parseQuery(q), recall, mistyped);
    const beside = (words: string) => ({
      bool: {
        should: [
          {
            multi_match: {
              query: words,
              fields: STEMMED,
              type: RANKING.matchType,
              minimum_should_match: "1",
            },
          },
        ],
        minimum_should_match: 1,
      },
    });
    // On the words' own scale: no title within a typo, no reading wanting every word at a lower weight.
    expect(recalled("أين تقع لبنن", "tolerant")).toEqual({
      bool: { must: [beside("تقع لبنن لبنان لبنه")], must_not: [] },
    });
    const longer = recalled("ما الدول التي تحد لبنن من الجنوب", "tolerant");
    expect(JSON.stringify(longer)).toContain(`"query":"الدول التي تحد لبنن لبنان لبنه من الجنوب"`);
    expect(JSON.stringify(recalled("أين تقع لبنن", "strict"))).not.toContain("لبنان");
    // A headline recalled keeps its titles within a typo and the reading wanting every word.
    const headline = JSON.stringify(recalled("مطار لبنن", "tolerant"));
    expect(headline).toContain("title.words");
    expect(headline).toContain(`"boost":${RANKING.typos.likelierSpellingBoost}`);
  });

  it("reads as slips only words few articles hold as typed, or far fewer than their spelling, and no likelier than their spelling beside the other words", () => {
    const mistyped = new Map([
      ["حمزة", ["حزمه"]],
      ["لبنن", ["لبنان", "لبنه"]],
      ["الكرونا", ["الكورونا"]],
    ]);
    const { slipHeldByUpTo: few, slipRarerBy: rarerBy, slipCountedUpTo: upTo } = RANKING.typos;
    const parsed = parseQuery("حمزة لبنن الكرونا");
    const held = (word: string): estypes.QueryDslQueryContainer => ({
      multi_match: { query: word, fields: EXACT },
    });
    const counts = (word: string, others: string[], counted: number) => {
      const amid = {
        multi_match: {
          query: others.join(" "),
          fields: STEMMED,
          type: RANKING.matchType,
          minimum_should_match: "1",
        },
      };
      return [
        { index: "a" },
        { size: 0, track_total_hits: counted, query: held(word) },
        { index: "a" },
        { size: 0, track_total_hits: counted, query: { bool: { filter: [held(word), amid] } } },
      ];
    };
    expect(heldAsTypedCounts(parsed, mistyped, "a")).toEqual([
      ...counts("حمزة", ["لبنن", "الكرونا"], upTo),
      ...counts("حزمه", ["لبنن", "الكرونا"], upTo * rarerBy),
      ...counts("لبنن", ["حمزة", "الكرونا"], upTo),
      ...counts("لبنان", ["حمزة", "الكرونا"], upTo * rarerBy),
      ...counts("الكرونا", ["حمزة", "لبنن"], upTo),
      ...counts("الكورونا", ["حمزة", "لبنن"], upTo * rarerBy),
    ]);
    const slips = (counts: number[]) => [...slipsOnly(mistyped, counts).keys()];
    // Each word: as typed, as typed beside the others, its spelling, its spelling beside the others.
    // حمزة: held as typed by many, its spelling not far more; لبنن: by few; الكرونا: by a few
    // writers, its spelling by far more.
    const many = few + 1;
    const apart = [many, 0, many * rarerBy - 1, 0, few, 0, 0, 0, many, 0, many * rarerBy, 0];
    expect(slips(apart)).toEqual(["لبنن", "الكرونا"]);
    expect(slips([upTo, 0, upTo * rarerBy, 0, many, 0, 0, 0, 0, 0, 0, 0])).toEqual(["حمزة", "الكرونا"]);
    // The other words meet لبنن in every article that holds it, its spelling in fewer: a word meant.
    const lebanon = apart
      .with(5, few)
      .with(6, many * rarerBy)
      .with(7, many);
    expect(slips(lebanon)).toEqual(["الكرونا"]);
    // No larger a share than its spelling's: still a slip.
    expect(slips(lebanon.with(7, many * rarerBy))).toEqual(["لبنن", "الكرونا"]);
    expect(questionOrLonger(parseQuery("أين تقع لبنن"))).toBe(true);
    expect(questionOrLonger(parseQuery("ما الدول التي تحد لبنن من الجنوب"))).toBe(true);
    expect(questionOrLonger(parseQuery("الحدود مع لبنن"))).toBe(false);
  });

  it("rescores a question's title named by its likeliest reading, not a headline's", () => {
    const mistyped = new Map([["لبنن", ["لبنان", "لبنه"]]]);
    const rescored = (q: string) => {
      const stage = { candidates: 20, recall: "tolerant" as const, mistyped };
      const rescore = buildSearchRequest(input({ q }), "a", stage).rescore;
      return JSON.stringify((Array.isArray(rescore) ? rescore[0] : rescore)?.query?.rescore_query);
    };
    const named = (words: string[]) =>
      JSON.stringify({
        terms_set: { "title.exact": { terms: words, minimum_should_match_field: "title_words" } },
      });
    expect(rescored("أين تقع لبنن")).toContain(named(["تقع", "لبنان"]));
    expect(rescored("أين تقع لبنن")).toContain(named(["تقع", "لبنن"]));
    expect(rescored("مطار لبنن")).not.toContain(named(["مطار", "لبنان"]));
  });

  it("rescores the likeliest reading's words in order and exact forms, on the scale of the likelier readings", () => {
    const searched = input({ q: "فيرس كورونا" });
    const mistyped = new Map([["فيرس", ["فيروس", "فارس", "فورس"]]]);
    const rescored = (recall: Recall) => {
      const stage = { candidates: 20, recall, mistyped };
      const rescore = buildSearchRequest(searched, "a", stage).rescore;
      return JSON.stringify((Array.isArray(rescore) ? rescore[0] : rescore)?.query?.rescore_query);
    };
    const inOrder = (reading: string) =>
      JSON.stringify({
        multi_match: {
          query: reading,
          fields: STEMMED,
          type: "phrase",
          slop: RANKING.phraseSlop,
          boost: RANKING.phraseBoost * RANKING.typos.likelierSpellingBoost,
        },
      });
    expect(rescored("tolerant")).toContain(inOrder("فيروس كورونا"));
    expect(rescored("tolerant")).toContain(
      JSON.stringify({
        multi_match: {
          query: "فيروس",
          fields: EXACT,
          type: "most_fields",
          boost: RANKING.exactBoost * RANKING.typos.likelierSpellingBoost,
        },
      }),
    );
    expect(rescored("tolerant")).not.toContain("فارس");
    expect(rescored("relaxed")).not.toContain("فيروس");
  });

  it("finds candidates in a first stage and reorders the top window in a second", () => {
    const request = buildSearchRequest(input({ q: "السيسي بوتين" }), "articles");
    const recall = JSON.stringify(request.query);
    expect(recall).toContain('"cross_fields"');
    // Phrase, word pairs, exact forms, titles and recency are paid for on the window only.
    const typedInTitle = '"fields":["title.exact","lead.exact"]';
    for (const signal of ['"phrase"', '"function_score"', "terms_set", typedInTitle])
      expect(recall).not.toContain(signal);
    const second = JSON.stringify(request.rescore);
    for (const signal of ['"phrase"', '"most_fields"', '"function_score"', "terms_set", typedInTitle])
      expect(second).toContain(signal);
    expect(request.rescore).toMatchObject({ window_size: RANKING.rescore.windowSize });
    // Copies are folded from the candidates, not collapsed by Elasticsearch (which scores every match).
    expect(request.collapse).toBeUndefined();
    expect(request).toMatchObject({
      size: 10 * CANDIDATES_PER_RESULT,
      // Doc values only: no stored field (not even _id) is read for a candidate.
      stored_fields: ["_none_"],
      docvalue_fields: ["id", "dup_group"],
    });
    expect(request.highlight).toBeUndefined();
    // A sort of its own cannot go with a rescore: relevance is the score alone.
    expect(request.sort).toBeUndefined();
    expect(request.from).toBe(0);
    expect(request.timeout).toBe(RANKING.timeout);
  });

  it("matches words as spelt first; within typos and with only some of them when tolerant", () => {
    const strict = JSON.stringify(buildSearchRequest(input({ q: "عاصمة العراق" }), "a"));
    expect(strict).not.toContain("fuzziness");
    expect(strict).not.toContain('"minimum_should_match":"1"');
    // A headline recalled, ranked by relevance: the suggesters wait for the strict stage's answer.
    expect(strict).not.toContain('"suggest"');
    for (const asked of [{ q: "ما هي عاصمة العراق؟" }, { q: "عاصمة العراق", sort: "newest" }])
      expect(JSON.stringify(buildSearchRequest(input(asked), "a"))).toContain('"suggest"');
    const tolerant = buildSearchRequest(input({ q: "عاصمة العراق" }), "a", {
      candidates: 20,
      recall: "tolerant",
    });
    expect(JSON.stringify(tolerant.query)).toContain("fuzziness");
    expect(JSON.stringify(tolerant.query)).toContain('"minimum_should_match":"1"');
    // The words as typed in titles are matched by the tolerant first stage, not again in the rescore.
    expect(JSON.stringify(tolerant.query)).toContain('"fields":["title.exact","lead.exact"]');
    expect(JSON.stringify(tolerant.rescore)).not.toContain('"fields":["title.exact","lead.exact"]');
    expect(tolerant.suggest).toBeUndefined();
  });

  it("takes a word's listed spellings as the word typed in a title, not as typos", () => {
    const strict = buildSearchRequest(input({ q: "كوفيد" }), "a");
    expect(JSON.stringify(strict.rescore)).toContain(
      '{"multi_match":{"query":"كورونا","fields":["title.exact","lead.exact"]}}',
    );
    expect(JSON.stringify(strict.rescore)).not.toContain("fuzziness");
  });

  it("takes a name's listed spelling in another number of words as its words typed, weighed as one word", () => {
    const rescore = (q: string) => JSON.stringify(buildSearchRequest(input({ q }), "a").rescore);
    const joined =
      '{"multi_match":{"query":"أبوظبي","fields":["title.exact","lead.exact"],"type":"phrase","boost":0.5}}';
    // For each of the two words, in the title-as-typed clause.
    expect(rescore("أبو ظبي ").split(joined).length - 1).toBe(2);
    expect(rescore("ابوظبي ")).toContain(
      '{"multi_match":{"query":"أبو ظبي","fields":["title.exact","lead.exact"],"type":"phrase","boost":0.5}}',
    );
    // A longer spelling that holds the words typed adds nothing: its titles hold them.
    expect(rescore("الولايات المتحدة ")).not.toContain('"type":"phrase","boost"');
    expect(rescore("قطاع غزة ")).not.toContain('"type":"phrase","boost"');
  });

  it("completes a two-word name being typed in its other spelling, a letter after أبو included", () => {
    const recall = (q: string) => JSON.stringify(buildSearchRequest(input({ q }), "a").query);
    expect(recall("أبو ظ")).toContain('{"match":{"title.autocomplete":{"query":"أبوظ","boost":');
    expect(recall("أبو ظ")).not.toContain('"query":"ظ"');
    expect(recall("عبدالل")).toContain('{"match":{"title.autocomplete":{"query":"الل"}}}');
  });

  it("adds the likeliest completion's bonus to a headline being typed, and only to one", () => {
    // In the first stage: its titles must reach the rescore window to be ranked by it.
    const ranked = (q: string, completion?: string) =>
      buildSearchRequest(input({ q }), "a", { candidates: 20, recall: "strict", completion });
    const bonus = `{"constant_score":{"filter":{"term":{"title.exact":"بوتين"}},"boost":${RANKING.typed.likeliestCompletionBonus}}}`;
    expect(JSON.stringify(ranked("بوت", "بوتين").query)).toContain(bonus);
    expect(JSON.stringify(ranked("بوت", "بوتين").rescore)).not.toContain(bonus);
    expect(JSON.stringify(ranked("لماذا يزور بوت", "بوتين"))).not.toContain(bonus);
    expect(JSON.stringify(ranked("بوت"))).not.toContain('{"term":{"title.exact":"بوتين"}}');
  });

  it("lets a short word typed leave a letter out of a title word when tolerant, not when strict", () => {
    const shortWord = (recall: "strict" | "tolerant") =>
      JSON.stringify(buildSearchRequest(input({ q: "هجو بسيارة" }), "a", { candidates: 20, recall }));
    expect(shortWord("tolerant")).toContain('"regexp":{"title.exact":{"value":".هجو|ه.جو|هج.و|هجو."');
    expect(shortWord("strict")).not.toContain('"regexp"');
  });

  it("widens recall within typos when a typo is likely, without them when only few articles were found", () => {
    const q = "عاصمة العراق";
    const wider = (outcome: Partial<StrictOutcome>, query = q, extra: Record<string, string> = {}) =>
      widerRecall(parseQuery(query), input({ q: query, ...extra }), { ...enough, ...outcome });
    const enough: StrictOutcome = {
      found: RANKING.strictEnough,
      mistyped: [],
      bestMatched: [TYPED_TITLE],
      titlesAsTyped: RANKING.vouchingTitles,
    };
    expect(wider({})).toBeUndefined();
    expect(wider({ found: RANKING.strictEnough - 1 })).toBe("relaxed");
    expect(wider({ found: 0 })).toBe("tolerant");
    expect(wider({ bestMatched: [] })).toBe("tolerant");
    expect(wider({ mistyped: [q], bestMatched: [] })).toBe("tolerant");
    // A title holding every word as typed vouches for a rare word (or an unfinished last one).
    expect(wider({ mistyped: [q] })).toBeUndefined();
    expect(wider({ mistyped: [q], found: 3 })).toBe("relaxed");
    // …unless its stems find many articles and only a title or two hold it: a shared misspelling.
    expect(wider({ mistyped: [q], titlesAsTyped: RANKING.vouchingTitles - 1 })).toBe("tolerant");
    expect(wider({ titlesAsTyped: RANKING.vouchingTitles - 1 })).toBeUndefined();
    expect(wider({ mistyped: [q], titlesAsTyped: 1, found: RANKING.strictEnough - 1 })).toBe("relaxed");
    // …nor do a few titles that hold the word being typed only as the start of longer words
    // (دعش: دعشنة), however many articles the stems find.
    expect(wider({ mistyped: [q], found: 3, typingOnlyBegun: true })).toBe("tolerant");
    expect(wider({ mistyped: [q], typingOnlyBegun: true })).toBe("tolerant");
    expect(wider({ found: 3, typingOnlyBegun: true })).toBe("relaxed");
    expect(wider({ typingOnlyBegun: true })).toBeUndefined();
    // Sorted pages and questions do not ask whether a title holds the words as typed.
    expect(wider({ bestMatched: [] }, q, { sort: "newest" })).toBeUndefined();
    // Newest first, all words but one would come among the few holding every word.
    expect(wider({ found: 3 }, q, { sort: "newest" })).toBeUndefined();
    expect(wider({ bestMatched: [], mistyped: [q] }, q, { sort: "newest" })).toBe("tolerant");
    expect(wider({ bestMatched: [] }, "ما هي عاصمة العراق؟")).toBeUndefined();
    expect(wider({ found: 0 }, '"عاصمة العراق"')).toBeUndefined();
    // A question or a longer query: only a word that looks mistyped calls for the tolerant recall,
    // ranked by relevance (newest first, its recall wants most words, and a spelling is one more).
    const question = "ما هي عاصمة العرق؟";
    expect(wider({ mistyped: ["هي عاصمة العراق"] }, question)).toBe("tolerant");
    expect(wider({ mistyped: ["هي عاصمة العراق"] }, question, { sort: "newest" })).toBeUndefined();
    expect(wider({ found: 0 }, question)).toBeUndefined();
    const longer = "أمطار رعدية على مناطق عسير والباحة";
    expect(wider({ mistyped: [longer] }, longer)).toBe("tolerant");
    expect(wider({ found: 3, bestMatched: [] }, longer)).toBeUndefined();
  });

  it("asks whether the words are a subject typed only where a subject's articles could be found", () => {
    const may = (query: string, outcome: Partial<StrictOutcome>) =>
      maybeSubject(parseQuery(query), {
        found: RANKING.strictEnough,
        bestMatched: [],
        titlesAsTyped: 0,
        ...outcome,
      });
    expect(may("البطالة السعودية", {})).toBe(true);
    // Two words are each wanted: fewer found than a subject's articles is no subject.
    expect(may("البطالة السعودية", { found: RANKING.strictEnough - 1 })).toBe(false);
    // Three words are wanted any: the count alone tells how many hold them all.
    expect(may("نسبة البطالة السعودية", { found: 1 })).toBe(true);
    expect(may("دعش", { typingOnlyBegun: true })).toBe(false);
    // A question's or a longer query's tolerant recall reads no title within a typo.
    expect(may("ما نسبة البطالة السعودية", {})).toBe(false);
    expect(may("نسبة البطالة بين الشباب في السعودية", { found: 1 })).toBe(false);
  });

  it("takes words titles use that many articles hold together for a subject, not a slip", () => {
    const { vouchingTitles: titles, strictEnough: articles } = RANKING;
    const subject = (q: string, inTitles: number[], together: number) =>
      typedSubject(parseQuery(q), [...inTitles, together]);
    expect(subject("البطالة السعودية", [titles, titles], articles)).toBe(true);
    expect(subject("البطالة السعودية", [titles, titles], articles - 1)).toBe(false);
    expect(subject("البطالة السعودية", [titles - 1, titles], articles)).toBe(false);
    // A word being typed too short for typos is likelier the start of a longer word (دول: دولية).
    expect(subject("السفير دول", [titles, titles], articles)).toBe(false);
    expect(subject("السفير دول ", [titles, titles], articles)).toBe(true);
    // A year being typed is never a typo, yet whole: it is no reason to read one in the other word.
    expect(subject("موازنة 2016", [titles, titles], articles)).toBe(true);
    expect(subject("موازنة 201", [titles, titles], articles)).toBe(false);
    // Each count stops where the answer is known.
    const bodies = subjectCounts(parseQuery("البطالة السعودية"), "a").filter((_, i) => i % 2);
    expect(bodies).toEqual([
      { size: 0, track_total_hits: titles, query: { match: { "title.exact": "البطالة" } } },
      { size: 0, track_total_hits: titles, query: { match: { "title.exact": "السعودية" } } },
      expect.objectContaining({ track_total_hits: articles }),
    ]);
    expect(JSON.stringify(bodies[2])).toContain('"minimum_should_match":"100%"');
  });

  it("asks the suggesters after the strict stage only when a mistyped word could change the answer", () => {
    const askedAfter = (query: string, outcome: Partial<StrictOutcome>, extra: Record<string, string> = {}) =>
      suggestersAfterStrict(parseQuery(query), input({ q: query, ...extra }), {
        found: RANKING.strictEnough,
        bestMatched: [TYPED_TITLE],
        titlesAsTyped: RANKING.vouchingTitles,
        ...outcome,
      });
    const two = "عاصمة العراق";
    const three = "عاصمة العراق الجديدة";
    expect(askedAfter(two, {})).toBe(false);
    expect(askedAfter(two, { found: 0 })).toBe(true);
    // No title holds both as typed: the tolerant recall comes, and reads a mistyped word's spellings.
    expect(askedAfter(two, { bestMatched: [] })).toBe(true);
    // A title or two holding both as typed, among many articles: the words may be a shared slip.
    expect(askedAfter(two, { titlesAsTyped: RANKING.vouchingTitles - 1 })).toBe(true);
    expect(askedAfter(two, { titlesAsTyped: 1, found: RANKING.strictEnough - 1 })).toBe(false);
    expect(askedAfter(two, { found: RANKING.strictEnough - 1, typingOnlyBegun: true })).toBe(true);
    expect(askedAfter(two, { typingOnlyBegun: true })).toBe(true);
    expect(askedAfter(three, {})).toBe(false);
    expect(askedAfter(three, { bestMatched: [] })).toBe(true);
    expect(askedAfter(three, { titlesAsTyped: 1 })).toBe(true);
    // Questions and sorted pages were asked with the strict stage.
    expect(askedAfter("ما هي عاصمة العراق؟", { found: 0 })).toBe(false);
    expect(askedAfter(two, { found: 0 }, { sort: "newest" })).toBe(false);
  });

  it("knows when the strict stage finds only articles holding every word", () => {
    expect(strictFindsEveryWord(parseQuery("السيسي بوتين"))).toBe(true);
    expect(strictFindsEveryWord(parseQuery("السيسي بوت"))).toBe(true);
    expect(strictFindsEveryWord(parseQuery("السيسي يستقبل بوتين"))).toBe(false);
    expect(strictFindsEveryWord(parseQuery("ما هي عاصمة"))).toBe(false);
  });

  it("relaxed recall finds some of the words and titles as typed, with no typo expanded", () => {
    const q = "عاصمة العراق";
    const relaxed = buildSearchRequest(input({ q }), "a", { candidates: 20, recall: "relaxed" });
    expect(JSON.stringify(relaxed.query)).not.toContain("fuzziness");
    expect(JSON.stringify(relaxed.query)).toContain('"minimum_should_match":"1"');
    expect(JSON.stringify(relaxed.query)).toContain('"fields":["title.exact","lead.exact"]');
    expect(relaxed.suggest).toBeUndefined();
  });

  it("adds the weaker any-word clause only where the words' own clause wants every word", () => {
    const anyWord = (q: string, recall: "relaxed" | "tolerant") => {
      const query = JSON.stringify(buildSearchRequest(input({ q }), "a", { candidates: 20, recall }).query);
      return [...query.matchAll(/"type":"cross_fields","minimum_should_match":"[^"]+"/g)].map(
        (match) => match[0],
      );
    };
    expect(anyWord("عاصمة العراق", "tolerant")).toHaveLength(2);
    // Three words or more: any of them already matches, so one clause scores them once.
    expect(anyWord("وزير الصحة السعودي الجديد", "tolerant")).toEqual([
      '"type":"cross_fields","minimum_should_match":"2<1"',
    ]);
    expect(anyWord("ما هي عاصمة العراق", "relaxed")).toEqual([
      '"type":"cross_fields","minimum_should_match":"1"',
    ]);
  });

  it("matches a misspelt word within the edits its length allows, and never a long one", () => {
    const tolerant = { candidates: 20, recall: "tolerant" } as const;
    const fuzziness = (q: string) => {
      const text = JSON.stringify(buildSearchRequest(input({ q: `${q} ` }), "a", tolerant).query);
      return [...new Set([...text.matchAll(/"fuzziness":(\d)/g)].map((match) => Number(match[1])))];
    };
    expect(fuzziness("السيسو")).toEqual([1]);
    expect(fuzziness("الاستسمارات")).toEqual([1, 2]);
    expect(fuzziness("بوت")).toEqual([]);
    expect(fuzziness("اب".repeat(240))).toEqual([]);
  });

  it("looks for a long word's second edit past its first letter, its first edit anywhere", () => {
    const tolerant = { candidates: 20, recall: "tolerant" } as const;
    const request = buildSearchRequest(input({ q: "الاستسمارات " }), "a", tolerant);
    const fuzzy = [
      ...JSON.stringify(request.query).matchAll(/\{"query":"الاستسمارات"[^}]*"fuzziness"[^}]*\}/g),
    ]
      .map((match) => JSON.parse(match[0]) as { fields: string[]; fuzziness: number; prefix_length: number })
      .filter((clause) => clause.fields[0]?.startsWith("title."));
    expect(fuzzy).toEqual([
      expect.objectContaining({
        fields: [WRITTEN],
        fuzziness: 1,
        prefix_length: RANKING.typos.prefixLength,
      }),
      expect.objectContaining({
        fields: ["title.exact"],
        fuzziness: 2,
        prefix_length: RANKING.typos.secondEditPrefixLength,
      }),
    ]);
  });

  it("asks a question's words of the whole text, not of titles as typed", () => {
    const tolerant = { candidates: 20, recall: "tolerant" } as const;
    // Its recall: the rescore weighs a short question's words as typed in a title (below).
    const question = JSON.stringify(
      buildSearchRequest(input({ q: "ما هي عاصمة العراق؟" }), "a", tolerant).query,
    );
    expect(question).not.toContain("title.words");
    expect(question).not.toContain('"fields":["title.exact","lead.exact"]');
    // Any of a question's words, however few its analyzer keeps (question words are stop words).
    const strictQuestion = buildSearchRequest(input({ q: "من هي عائلة روتشليد" }), "a");
    expect(JSON.stringify(strictQuestion.query)).toContain('"minimum_should_match":"1"');
    expect(JSON.stringify(buildSearchRequest(input({ q: "عائلة روتشليد" }), "a").query)).not.toContain(
      '"minimum_should_match":"1"',
    );
    const recalled = JSON.stringify(buildSearchRequest(input({ q: "عاصمة العراق" }), "a", tolerant).query);
    expect(recalled).toContain("title.words");
  });

  it("rescores a short question's words as typed in a title, not a long question's, nor in its recall", () => {
    const named = JSON.stringify({ _name: TYPED_TITLE });
    const rescored = (q: string) => JSON.stringify(rescoreSignals(q));
    expect(rescored("متى موعد قرعة كأس آسيا ")).toContain(named.slice(1, -1));
    expect(rescored("ما الدول التي تحد العراق من الجنوب ")).not.toContain(named.slice(1, -1));
    const recall = JSON.stringify(buildSearchRequest(input({ q: "متى موعد قرعة كأس آسيا " }), "a").query);
    expect(recall).not.toContain('"fields":["title.exact","lead.exact"]');
  });

  it("takes a slip's likeliest spelling in a short question's title as the word, in its tolerant rescore", () => {
    const mistyped = new Map([
      ["فزع", ["فزع"]],
      ["انلصر", ["النصر", "الناصر"]],
    ]);
    const titled = (q: string, recall: "strict" | "tolerant") => {
      const rescore = buildSearchRequest(input({ q }), "a", { candidates: 20, recall, mistyped }).rescore;
      const should = (Array.isArray(rescore) ? rescore[0] : rescore)?.query?.rescore_query.bool?.should;
      return JSON.stringify([should ?? []].flat().find((clause) => clause.bool?._name === TYPED_TITLE));
    };
    const spelt = '{"multi_match":{"query":"النصر","fields":["title.exact","lead.exact"]}}';
    expect(titled("أين فزع انلصر ", "tolerant")).toContain(spelt);
    expect(titled("أين فزع انلصر ", "tolerant")).not.toContain('"query":"الناصر"');
    // Read strictly, the words as typed only; a headline's rescore reads its typos in the recall.
    expect(titled("أين فزع انلصر ", "strict")).not.toContain(spelt);
    expect(titled("فزع انلصر ", "strict")).not.toContain(spelt);
  });

  it("completes the last word from the title's prefixes while the reader types, not after a space", () => {
    const typing = JSON.stringify(buildSearchRequest(input({ q: "السيسي بوت" }), "a").query);
    expect(typing).toContain('"title.autocomplete":{"query":"بوت"');
    const done = JSON.stringify(buildSearchRequest(input({ q: "السيسي بوت " }), "a").query);
    expect(done).not.toContain("title.autocomplete");
  });

  it("completes the last word of a longer query in the rescore, not of a question", () => {
    const rescore = (q: string) => JSON.stringify(buildSearchRequest(input({ q }), "a").rescore);
    const completion = '"title.autocomplete":{"query":"سف"';
    expect(rescore("أمير منطقة الرياض يستقبل سف")).toContain(completion);
    expect(rescore("أمير منطقة الرياض يستقبل سف ")).not.toContain(completion);
    expect(rescore("متى استقبل أمير منطقة الرياض سف")).not.toContain(completion);
  });

  it("weighs the exact forms of the words typed, not of a word being typed with its article", () => {
    const exactForms = (q: string) =>
      JSON.stringify(buildSearchRequest(input({ q }), "a").rescore).match(
        /"multi_match":\{"query":"([^"]*)","fields":\["title.exact\^/,
      )?.[1];
    expect(exactForms("نادي الهلا")).toBe("نادي");
    expect(exactForms("الهلا")).toBeUndefined();
    expect(exactForms("نادي الهلا ")).toBe("نادي الهلا");
    expect(exactForms("نادي هلا")).toBe("نادي هلا");
  });

  it("matches the word being typed whole only as written, with its article", () => {
    const rescore = (q: string) => JSON.stringify(buildSearchRequest(input({ q }), "a").rescore);
    const asWritten = '{"match":{"title.words":{"query":"الهلا"}}}';
    const articleDropped = '{"multi_match":{"query":"الهلا","fields":["title.exact","lead.exact"]}}';
    expect(rescore("نادي الهلا")).toContain(asWritten);
    expect(rescore("نادي الهلا")).not.toContain(articleDropped);
    expect(rescore("نادي الهلا ")).toContain(articleDropped);
    expect(rescore("نادي هلا")).toContain(
      '{"multi_match":{"query":"هلا","fields":["title.exact","lead.exact"]}}',
    );
  });

  it("counts facets only when asked", () => {
    expect(buildSearchRequest(input({ q: "x" }), "a").aggs).toBeUndefined();
    expect(Object.keys(buildSearchRequest(input({ q: "x", facets: "true" }), "a").aggs ?? {})).toEqual([
      "sources",
      "categories",
      "dates",
      "stories",
    ]);
  });

  it("lifts an article whose whole title the query holds, by its title's exact words", () => {
    const text = JSON.stringify(buildSearchRequest(input({ q: "أين درس ابن خلدون؟" }), "articles"));
    expect(text).toContain(
      '"terms_set":{"title.exact":{"terms":["درس","ابن","خلدون"],"minimum_should_match_field":"title_words"}}',
    );
    expect(JSON.stringify(buildSearchRequest(input({ q: "" }), "articles"))).not.toContain("terms_set");
  });

  it("never sends query_string or unbounded wildcards", () => {
    const text = JSON.stringify(buildSearchRequest(input({ q: "a* b? *:* title:x" }), "articles"));
    expect(text).not.toContain("query_string");
    expect(text).not.toContain("wildcard");
    expect(text).not.toContain("regexp");
  });

  it("newest first, wants every word of a reader's query, and never any one word alone", () => {
    const q = "وزير الخارجية السعودي";
    const newest = (recall: Recall) =>
      JSON.stringify(buildSearchRequest(input({ q, sort: "newest" }), "a", { candidates: 20, recall }).query);
    for (const recall of ["strict", "tolerant"] as const) {
      expect(newest(recall)).toContain(`"minimum_should_match":"${RANKING.newest.minimumShouldMatch}"`);
      expect(newest(recall)).not.toContain(`"boost":${RANKING.relaxedBoost}`);
    }
    expect(newest("relaxed")).toContain(
      `"minimum_should_match":"${RANKING.newest.fallbackMinimumShouldMatch}"`,
    );
    // The words before one being typed too.
    const typing = JSON.stringify(
      buildSearchRequest(input({ q: "وزير الخارجية السعودي يز", sort: "newest" }), "a").query,
    );
    expect(typing).not.toContain(`"minimum_should_match":"${RANKING.everyWordUpTo}<1"`);
    // By relevance, a score ranks the articles holding one word of three far below.
    const ranked = JSON.stringify(buildSearchRequest(input({ q }), "a").query);
    expect(ranked).not.toContain(RANKING.newest.minimumShouldMatch);
    // The copies counted match the page's recall.
    const shown = [{ id: "a1", story: "s1", score: 1, sort: undefined }];
    const counted = JSON.stringify(
      pageCopiesRequest(parseQuery(q), input({ q, sort: "newest" }), shown, "a", { recall: "strict" }),
    );
    expect(counted).toContain(RANKING.newest.minimumShouldMatch);
  });

  it("asks again, newest first, for all words but one only when nothing holds them all", () => {
    const fallback = (q: string, found: number, recall: Recall, sort?: string) =>
      newestFallback(parseQuery(q), input({ q, ...(sort ? { sort } : {}) }), found, recall);
    expect(fallback("شقيق الداخلية براكاج", 0, "tolerant", "newest")).toBe(true);
    expect(fallback("شقيق الداخلية براكاج", 0, "strict", "newest")).toBe(true);
    expect(fallback("شقيق الداخلية براكاج", 1, "strict", "newest")).toBe(false);
    expect(fallback("شقيق الداخلية براكاج", 0, "relaxed", "newest")).toBe(false);
    expect(fallback("براكاج", 0, "strict", "newest")).toBe(false);
    expect(fallback("شقيق الداخلية براكاج", 0, "strict")).toBe(false);
  });

  it("sorts by date for newest and for an empty query, without a rescore", () => {
    expect(buildSearchRequest(input({ q: "" }), "articles").sort).toEqual([
      { published_at: { order: "desc", format: "strict_date_optional_time" } },
      { _score: { order: "desc" } },
      { id: { order: "asc" } },
    ]);
    expect(buildSearchRequest(input({ q: "x", sort: "newest" }), "articles").rescore).toBeUndefined();
  });

  it("puts source and category in the post_filter and dates in the query", () => {
    const request = buildSearchRequest(
      input({ q: "x", source: ["أ", "ب"], category: "رياضة", from: "2025-01-01" }),
      "a",
    );
    expect(JSON.stringify(request.post_filter)).toContain('"source":["أ","ب"]');
    expect(JSON.stringify(request.query)).toContain('"gte":"2025-01-01T00:00:00.000Z"');
  });

  it("ranks every story up to the page's, within the paging window", () => {
    expect(buildSearchRequest(input({ q: "x", page: "3", size: "20" }), "a")).toMatchObject({
      from: 0,
      size: 60 * CANDIDATES_PER_RESULT,
    });
    expect(buildSearchRequest(input({ q: "x", page: "100", size: "100" }), "a").size).toBe(MAX_WINDOW);
  });

  it("fetches the page's articles by id, highlighted", () => {
    const shown = [
      { id: "b", story: "s1", score: 2, sort: undefined },
      { id: "a", story: undefined, score: 1, sort: undefined },
    ];
    const request = pageRequest(parseQuery("السيسي بوتين"), input({ q: "السيسي بوتين" }), shown, "i");
    expect(request).toMatchObject({ size: 2, query: { ids: { values: ["b", "a"] } } });
    expect(JSON.stringify(request.highlight)).toContain("highlight_query");
    // The spellings a tolerant recall read a mistyped word as are marked where an article holds them.
    const mistyped = new Map([["السيسو", ["السيسي"]]]);
    const misspelt = input({ q: "السيسو بوتين" });
    const marked = (recall: Recall) =>
      JSON.stringify(
        pageRequest(parseQuery(misspelt.q), misspelt, shown, "i", { recall, mistyped }).highlight,
      );
    expect(marked("tolerant")).toContain('{"match":{"body":"السيسو بوتين السيسي"}}');
    expect(marked("strict")).toContain('{"match":{"body":"السيسو بوتين"}}');
    const one = [{ id: "a", story: undefined, score: 1, sort: undefined }];
    expect(pageRequest(parseQuery(""), input({ q: "" }), one, "i").highlight).toBeUndefined();
    expect(
      pageRequest(parseQuery("x"), input({ q: "x", highlight: "false" }), one, "i").highlight,
    ).toBeUndefined();
  });

  it("counts the shown stories' copies that match the ranking request's query and every filter", () => {
    const shown = [
      { id: "b", story: "s1", score: 2, sort: undefined },
      { id: "a", story: undefined, score: 1, sort: undefined },
    ];
    const searched = input({ q: "السيسي بوتين", source: "مصدر أ", from: "2025-01-01" });
    const mistyped = new Map([["السيسو", ["السيسي"]]]);
    const chosenBy = { recall: "tolerant", mistyped } as const;
    const request = pageCopiesRequest(parseQuery("السيسو بوتين"), searched, shown, "i", chosenBy);
    expect(request).toMatchObject({
      size: 0,
      aggs: { stories: { terms: { field: "dup_group", size: 1, include: ["s1"], execution_hint: "map" } } },
    });
    const counted = JSON.stringify(request?.query);
    expect(counted).toContain('{"terms":{"dup_group":["s1"]}}');
    expect(counted).toContain(JSON.stringify(buildQuery(parseQuery("السيسو بوتين"), "tolerant", mistyped)));
    expect(counted).toContain('{"terms":{"source":["مصدر أ"]}}');
    expect(counted).toContain('"published_at"');
    const alone = [{ id: "a", story: undefined, score: 1, sort: undefined }];
    const strict = { recall: "strict" } as const;
    expect(pageCopiesRequest(parseQuery("x"), input({ q: "x" }), alone, "i", strict)).toBeUndefined();
  });

  it("pages with the cursor using search_after", () => {
    const cursor = encodeCursor([1.5, "2023-11-14T22:13:20.000Z", "id-1"]);
    const request = buildSearchRequest(input({ q: "x", cursor, size: "10" }), "a");
    expect(request.search_after).toEqual([1.5, "2023-11-14T22:13:20.000Z", "id-1"]);
    expect(request.from).toBeUndefined();
    expect(request.size).toBe(10 * CANDIDATES_PER_RESULT);
    expect(request.rescore).toBeUndefined();
    expect(request.sort).toEqual([
      { _score: { order: "desc" } },
      { published_at: { order: "desc", format: "strict_date_optional_time" } },
      { id: { order: "asc" } },
    ]);
  });
});

describe("cursors", () => {
  const newest = ["2025-04-12T13:05:00.000Z", 0.9, "sample-127"];
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

  it("say which order their page was in", () => {
    expect(decodeCursor(encodeCursor(newest))).toEqual({ order: "newest", after: newest });
    expect(decodeCursor(encodeCursor([0.9, "2025-04-12T13:05:00.000Z", "a"]))?.order).toBe("relevance");
  });

  it.each([
    ["not base64url", "***"],
    ["not JSON", Buffer.from("not json").toString("base64url")],
    ["nulls", encode([null, null, null])],
    ["an object inside", encode([{ a: 1 }, 2, 3])],
    ["booleans", encode([true, false, true])],
    ["too short", encode(newest.slice(0, 2))],
    ["too long", encode([...newest, 4])],
    ["an infinite score", "WyIyMDI1LTA0LTEyVDEzOjA1OjAwLjAwMFoiLDFlNDAwLCJ4Il0"],
    ["a negative score", encode(["2025-04-12T13:05:00.000Z", -1, "x"])],
    ["a date as a number", encode([1744463100000, 0.9, "x"])],
    ["an impossible date", encode(["2025-02-30T00:00:00.000Z", 0.9, "x"])],
    ["a year past 9999", encode(["+010000-01-01T00:00:00.000Z", 0.9, "x"])],
    ["an empty id", encode(["2025-04-12T13:05:00.000Z", 0.9, ""])],
    ["a number as id", encode(["2025-04-12T13:05:00.000Z", 0.9, 7])],
  ])("refuse %s", (_, cursor) => {
    expect(decodeCursor(cursor)).toBeUndefined();
  });
});
