import type { estypes } from "@elastic/elasticsearch";
import { describe, expect, it } from "vitest";
import { finishedWord, finishedWordRequest, wordTypedAlone } from "./finished-word.js";
import { parseQuery } from "./query-parser.js";
import { RANKING } from "./ranking.js";

const { minBodies } = RANKING.typed.finished;

/** A termvectors answer: bodies holding the word whole, and titles beginning with each start of it. */
function statistics(whole: number, starts: Record<string, number>): estypes.TermvectorsResponse {
  const terms = (frequencies: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(frequencies).map(([term, doc_freq]) => [term, { term_freq: 1, doc_freq }]),
    );
  return {
    found: true,
    _index: "articles",
    _version: 0,
    took: 1,
    term_vectors: {
      "body.exact": { terms: terms(whole ? { ظهرا: whole } : {}) },
      "title.autocomplete": { terms: terms(starts) },
    },
  };
}

describe("wordTypedAlone", () => {
  it("reads a word typed alone, with no space after it", () => {
    expect(wordTypedAlone(parseQuery("ظهرا"))).toBe("ظهرا");
    expect(wordTypedAlone(parseQuery("ظهرا "))).toBeUndefined();
  });

  it("leaves the last of several words, which the others narrow (الملك سلم: سلمان)", () => {
    expect(wordTypedAlone(parseQuery("الملك سلم"))).toBeUndefined();
    expect(wordTypedAlone(parseQuery('"الملك" سلم'))).toBeUndefined();
    expect(wordTypedAlone(parseQuery("-الملك سلم"))).toBeUndefined();
  });
});

describe("finishedWordRequest", () => {
  it("asks one shard for the word's statistics, as the body and title fields analyse it", () => {
    const request = finishedWordRequest("ظهرا", "articles");
    expect(request).toMatchObject({
      index: "articles",
      doc: { title: "ظهرا", body: "ظهرا" },
      term_statistics: true,
      routing: "0",
    });
    expect(request.fields).toEqual(["body.exact", "title.autocomplete"]);
  });
});

describe("finishedWord", () => {
  it("reads a word more bodies hold whole than titles begin with as finished", () => {
    expect(finishedWord(statistics(167, { ظ: 233, ظه: 83, ظهر: 53, ظهرا: 21 }), 1)).toBe(true);
  });

  it("reads a word far more titles begin with than bodies hold as still being typed", () => {
    expect(finishedWord(statistics(12, { ب: 900, بو: 300, بوت: 150 }), 1)).toBe(false);
  });

  it("compares the bodies with the titles beginning with the whole word typed, not a shorter start", () => {
    expect(finishedWord(statistics(40, { ظ: 233, ظه: 83, ظهر: 53, ظهرا: 21 }), 1)).toBe(true);
    expect(finishedWord(statistics(40, { ظ: 233, ظه: 83, ظهر: 53, ظهرا: 41 }), 1)).toBe(false);
  });

  it("wants a page's worth of bodies across the shards, the one read standing for each", () => {
    expect(finishedWord(statistics(minBodies - 1, { ظهرا: 1 }), 1)).toBe(false);
    expect(finishedWord(statistics(minBodies, { ظهرا: 1 }), 1)).toBe(true);
    expect(finishedWord(statistics(Math.ceil(minBodies / 3), { ظهرا: 1 }), 3)).toBe(true);
  });

  it("reads a word no body holds, or one the analyzer splits, as still being typed", () => {
    expect(finishedWord(statistics(0, {}), 1)).toBe(false);
    const split = statistics(50, { a: 1 });
    const body = split.term_vectors?.["body.exact"];
    if (body) body.terms = { ...body.terms, other: { term_freq: 1, doc_freq: 50 } };
    expect(finishedWord(split, 1)).toBe(false);
  });
});
