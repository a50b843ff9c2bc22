import type { estypes } from "@elastic/elasticsearch";
import { describe, expect, it } from "vitest";
import {
  buildSuggestRequest,
  buildTolerantSuggestRequest,
  heldButTyping,
  heldWords,
  heldWordsRequest,
  mayBeMistyped,
} from "./build-suggest.js";
import { RANKING } from "./ranking.js";

const input = (q: string) => ({ q, size: 8 });
/** Titles hold the words `each` says, and none holds them all. */
const held = (each: boolean[]) => ({ each, allBut: each.map(() => false) });
const NOTHING_HELD = { each: [], allBut: [] };

describe("buildSuggestRequest", () => {
  it("completes the last word as the start of a title word, the words before it as typed", () => {
    const request = buildSuggestRequest(input("الملك سلم"), "articles");
    expect(JSON.stringify(request.query)).not.toContain("fuzziness");
    expect(request).toMatchObject({ collapse: { field: "dup_group" } });
  });

  it("reads a quoted query's words, the quotation marks aside", () => {
    expect(buildSuggestRequest(input('"كرة الس'), "articles")).toEqual(
      buildSuggestRequest(input("كرة الس"), "articles"),
    );
    // A closing mark ends the last word, as the search reads it.
    for (const quoted of ["«كرة الس»", '"كرة الس"'])
      expect(buildSuggestRequest(input(quoted), "articles"), quoted).toEqual(
        buildSuggestRequest(input("كرة الس "), "articles"),
      );
  });

  it("completes the last word only while it is being typed: a space or punctuation after it finishes it", () => {
    const query = (q: string) => JSON.stringify(buildSuggestRequest(input(q), "articles").query);
    expect(query("الملك سلم")).toContain('"title.autocomplete":{"query":"سلم"}');
    // و typed apart last is left out, and the word before it is finished, as the search reads it.
    expect(buildSuggestRequest(input("الملك سلم و"), "articles")).toEqual(
      buildSuggestRequest(input("الملك سلم "), "articles"),
    );
    for (const finished of ["الملك سلم ", "الملك سلم،", "الملك سلم؟"]) {
      expect(query(finished), finished).toContain('{"match":{"title.exact":{"query":"سلم');
      expect(query(finished), finished).not.toContain('"title.autocomplete":{"query":"سلم');
    }
  });

  it("looks for a finished last word's typos in whole title words, a word being typed in their starts", () => {
    const tolerant = (q: string) =>
      JSON.stringify(buildTolerantSuggestRequest(input(q), "articles", held([true, false]))?.query);
    expect(tolerant("الملك سلمن")).toContain('"title.word_starts"');
    expect(tolerant("الملك سلمن ")).toContain('"title.words":{"query":"سلمن","fuzziness":1');
    expect(tolerant("الملك سلمن ")).not.toContain('"title.word_starts"');
  });

  it("takes a word's other listed spellings as whole title words, for any word typed", () => {
    const spelling = '{"match":{"title.exact":"كورونا"}}';
    expect(JSON.stringify(buildSuggestRequest(input("كوفيد"), "articles").query)).toContain(spelling);
    expect(JSON.stringify(buildSuggestRequest(input("كوفيد اليوم"), "articles").query)).toContain(spelling);
    expect(JSON.stringify(heldWordsRequest(input("كوفيد"), "articles").aggs)).toContain(spelling);
    const tolerant = buildTolerantSuggestRequest(input("فيرس كوفيد"), "articles", held([false, true]));
    expect(JSON.stringify(tolerant?.query)).toContain(spelling);
  });

  it("completes a two-word name being typed in its other spelling too", () => {
    const query = (q: string) => JSON.stringify(buildSuggestRequest(input(q), "articles").query);
    expect(query("أبو ظ")).toContain('{"match":{"title.autocomplete":{"query":"أبوظ"}}}');
    expect(query("عبدالل")).toContain('{"match":{"title.autocomplete":{"query":"عبد"}}}');
    expect(query("الملك سلم")).not.toContain("الملكسلم");
  });

  it("credits a title writing the name the other way with what the spelling typed earns", () => {
    // The start typed or the name in its other spelling, whichever a title earns more by.
    const bonuses = (q: string) => {
      const should = buildSuggestRequest(input(q), "articles").query?.bool?.should;
      const [startOrName] = (should ?? []) as estypes.QueryDslQueryContainer[];
      return startOrName?.dis_max?.queries ?? [];
    };
    const { suggestWholeWordBoost, suggestSideBySideBoost, otherNameSpellingDiscount } = RANKING;
    const { writtenStartBonus } = RANKING.typed;
    // Joined: the first word typed whole, the two side by side, and the start typed.
    expect(bonuses("أبو ظ")).toContainEqual({
      constant_score: {
        filter: { match: { "title.word_starts": { query: "أبوظ" } } },
        boost: writtenStartBonus + suggestWholeWordBoost + suggestSideBySideBoost - otherNameSpellingDiscount,
      },
    });
    // Apart: the two words side by side, for the start typed.
    expect(bonuses("عبدالل")).toContainEqual({
      constant_score: {
        filter: { match_phrase: { "title.autocomplete": "عبد الل" } },
        boost: writtenStartBonus - otherNameSpellingDiscount,
      },
    });
  });

  it("asks for words side by side only when there are two", () => {
    expect(JSON.stringify(buildSuggestRequest(input("السيس"), "articles").query)).not.toContain(
      "match_phrase",
    );
  });

  it("reads more titles than it offers, to drop repeats and count completions", () => {
    expect(buildSuggestRequest(input("الملك سلم"), "articles").size).toBe(
      8 * RANKING.suggestCandidatesPerTitle,
    );
  });

  it("scores what titles match, not how often: titles matching alike tie, and the newest go first", () => {
    const request = buildSuggestRequest(input("نادي الهلا"), "articles");
    for (const clause of (request.query?.bool?.should ?? []) as object[])
      expect(Object.keys(clause)).toEqual(["constant_score"]);
    expect(request.query?.bool?.must).toBeUndefined();
    expect(request.sort).toEqual([{ _score: { order: "desc" } }, { published_at: { order: "desc" } }]);
  });

  it("prefers whole words typed (the last one with the article it was typed with), and words side by side", () => {
    const boost = RANKING.suggestWholeWordBoost;
    const should = (q: string) =>
      buildSuggestRequest(input(q), "articles").query?.bool?.should as estypes.QueryDslQueryContainer[];
    const startsAsTyped = (word: string) => ({
      constant_score: {
        filter: { match: { "title.word_starts": { query: word } } },
        boost: RANKING.typed.writtenStartBonus,
      },
    });
    const sideBySide = (...phrases: string[]) => ({
      constant_score: {
        filter: {
          bool: { should: phrases.map((words) => ({ match_phrase: { "title.autocomplete": words } })) },
        },
        boost: RANKING.suggestSideBySideBoost,
      },
    });
    expect(should("نادي الهلا")).toEqual([
      startsAsTyped("الهلا"),
      sideBySide("نادي الهلا"),
      { constant_score: { filter: { match: { "title.exact": "نادي" } }, boost } },
      { constant_score: { filter: { match: { "title.words": { query: "الهلا" } } }, boost } },
    ]);
    expect(should("الملك سلم")).toEqual([
      startsAsTyped("سلم"),
      sideBySide("الملك سلم"),
      { constant_score: { filter: { match: { "title.exact": "الملك" } }, boost } },
      { constant_score: { filter: { match: { "title.exact": "سلم" } }, boost } },
    ]);
    // An article and two letters: the title word (العزيز) is indexed without its article.
    expect(should("الملك العز")[1]).toEqual(sideBySide("الملك العز", "الملك عز"));
  });
});

describe("buildTolerantSuggestRequest", () => {
  it("lets each word of four letters or more be a typo away: past its first letter, or from any as written", () => {
    const request = buildTolerantSuggestRequest(input("الملك سلمن"), "articles", NOTHING_HELD);
    const must = (request?.query?.bool?.must ?? []) as object[];
    expect(must).toHaveLength(2);
    const { completionPrefixLength, completionAsWrittenPrefixLength, startMaxExpansions } = RANKING.typos;
    for (const clause of must)
      expect(clause).toEqual({
        bool: {
          should: [
            {
              match: {
                "title.autocomplete": {
                  query: expect.any(String),
                  fuzziness: 1,
                  prefix_length: completionPrefixLength,
                  max_expansions: startMaxExpansions,
                },
              },
            },
            {
              match: {
                "title.word_starts": {
                  query: expect.any(String),
                  fuzziness: 1,
                  prefix_length: completionAsWrittenPrefixLength,
                  max_expansions: startMaxExpansions,
                },
              },
            },
          ],
        },
      });
  });

  it("looks for a long word's two typos past its first letter only, and one from any letter as written", () => {
    const request = buildTolerantSuggestRequest(input("االاستثمارات"), "articles", NOTHING_HELD);
    const [clause] = (request?.query?.bool?.must ?? []) as object[];
    const { completionPrefixLength, completionAsWrittenPrefixLength } = RANKING.typos;
    expect(clause).toMatchObject({
      bool: {
        should: [
          { match: { "title.autocomplete": { fuzziness: 2, prefix_length: completionPrefixLength } } },
          {
            match: { "title.word_starts": { fuzziness: 1, prefix_length: completionAsWrittenPrefixLength } },
          },
        ],
      },
    });
  });

  it("matches short words as typed, the last one as the start of a word", () => {
    const request = buildTolerantSuggestRequest(
      input("ولي العهد سع"),
      "articles",
      held([true, false, false]),
    );
    const [short, long, last] = (request?.query?.bool?.must ?? []) as object[];
    expect(JSON.stringify(short)).not.toContain("fuzziness");
    expect(JSON.stringify(long)).toContain("fuzziness");
    expect(JSON.stringify(last)).not.toContain("fuzziness");
    expect(JSON.stringify(last)).toContain("title.autocomplete");
  });

  it("lets a three-letter word no title holds begin a title word with a letter it left out", () => {
    const request = buildTolerantSuggestRequest(input("نقذ صياد"), "articles", held([false, true]));
    const [short] = (request?.query?.bool?.must ?? []) as object[];
    expect(short).toMatchObject({ regexp: { "title.autocomplete": { value: ".نقذ|ن.قذ|نق.ذ|نقذ." } } });
  });

  it("matches as typed the words some title holds: a word a title holds is no typo", () => {
    const request = buildTolerantSuggestRequest(input("الملك سلمن"), "articles", held([true, false]));
    const [king, salman] = (request?.query?.bool?.must ?? []) as object[];
    expect(JSON.stringify(king)).not.toContain("fuzziness");
    expect(JSON.stringify(salman)).toContain("fuzziness");
  });

  it("lets a word be a typo when titles hold each but none all, where titles hold the others", () => {
    // ترفض for تفرض: a slip into another real word. نوم, too short for a typo, may have left a
    // letter out; no title holds ترفض with اليوم, so only اليوم is then looked for a typo away.
    const slips = (allBut: boolean[]) => {
      const request = buildTolerantSuggestRequest(input("ترفض نوم اليوم"), "articles", {
        each: [true, true, true],
        allBut,
      });
      const [either] = (request?.query?.bool?.must ?? []) as estypes.QueryDslQueryContainer[];
      return (either?.bool?.should ?? []) as estypes.QueryDslQueryContainer[];
    };
    const typoAway = (slip: estypes.QueryDslQueryContainer) =>
      ((slip.bool?.must ?? []) as object[]).map((clause) => /fuzziness|regexp/.test(JSON.stringify(clause)));
    expect(slips([true, true, true]).map(typoAway)).toEqual([
      [true, false, false],
      [false, true, false],
      [false, false, true],
    ]);
    expect(slips([false, false, true]).map(typoAway)).toEqual([[false, false, true]]);
    expect(slips([false, true, false]).map(typoAway)).toEqual([[false, true, false]]);
    // A word of two letters is no slip at all.
    expect(
      buildTolerantSuggestRequest(input("ترفض نو اليوم"), "articles", {
        each: [true, true, true],
        allBut: [false, true, false],
      }),
    ).toBeUndefined();
  });

  it("asks nothing when no word could be a typo, or for more words than a headline is recalled by", () => {
    expect(buildTolerantSuggestRequest(input("بو"), "articles", NOTHING_HELD)).toBeUndefined();
    expect(buildTolerantSuggestRequest(input("2025 ول"), "articles", NOTHING_HELD)).toBeUndefined();
    // A word too long to be a typo is not expanded: a 500-letter word asks nothing more.
    expect(buildTolerantSuggestRequest(input("اب".repeat(250)), "articles", NOTHING_HELD)).toBeUndefined();
    const many = Array.from({ length: RANKING.typed.maxWords + 1 }, () => "سلمان").join(" ");
    expect(buildTolerantSuggestRequest(input(many), "articles", NOTHING_HELD)).toBeUndefined();
  });
});

describe("heldWordsRequest", () => {
  it("counts each word apart, as the completion matches it", () => {
    const request = heldWordsRequest(input("الملك سلم"), "articles");
    expect(request).toMatchObject({ size: 0, track_total_hits: false });
    const filters = (request.aggs?.each?.filters?.filters ?? []) as object[];
    expect(filters).toHaveLength(2);
    expect(filters[0]).toEqual({ match: { "title.autocomplete": { query: "الملك" } } });
    expect(JSON.stringify(filters[1])).toContain("title.autocomplete");
  });

  it("counts, for each word, the titles holding all the others", () => {
    const allBut = (q: string) =>
      (heldWordsRequest(input(q), "articles").aggs?.all_but?.filters?.filters ??
        []) as estypes.QueryDslQueryContainer[];
    const [withoutFirst, withoutSecond, withoutLast] = allBut("ترفض نوم الظه");
    expect(JSON.stringify(withoutFirst)).not.toContain("ترفض");
    expect(JSON.stringify(withoutSecond)).toContain("ترفض");
    expect(JSON.stringify(withoutSecond)).not.toContain("نوم");
    expect(JSON.stringify(withoutLast)).not.toContain("الظه");
    expect(allBut("ترفض")).toEqual([]);
  });

  it("reads which words a title holds", () => {
    const response = {
      took: 1,
      timed_out: false,
      _shards: { total: 1, successful: 1, failed: 0 },
      hits: { hits: [] },
      aggregations: {
        each: { buckets: [{ doc_count: 3 }, { doc_count: 0 }] },
        all_but: { buckets: [{ doc_count: 0 }, { doc_count: 3 }] },
      },
    };
    expect(heldWords(response)).toEqual({ each: [true, false], allBut: [false, true] });
  });
});

describe("heldButTyping", () => {
  it("holds every word but the one being typed", () => {
    expect(heldButTyping(input("الملك سلم"))).toEqual({ each: [true, false], allBut: [] });
    expect(heldButTyping(input("دعش"))).toEqual({ each: [false], allBut: [] });
  });
});

describe("mayBeMistyped", () => {
  it("is false when no word could be a typo, or for too many words", () => {
    expect(mayBeMistyped(input("الملك سلمن"))).toBe(true);
    expect(mayBeMistyped(input("بو 2025"))).toBe(false);
    // A three-letter word may be a longer one with a letter left out.
    expect(mayBeMistyped(input("نقذ 2025"))).toBe(true);
    expect(mayBeMistyped(input(Array.from({ length: 5 }, () => "سلمان").join(" ")))).toBe(false);
  });
});
