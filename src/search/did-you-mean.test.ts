import type { estypes } from "@elastic/elasticsearch";
import { describe, expect, it } from "vitest";
import {
  asAsked,
  changingOnly,
  closestCorrections,
  collateRequests,
  correctedAlone,
  correctedQuery,
  correctionCount,
  correctionFirst,
  corrections,
  didYouMeanSuggesters,
  mistypedWords,
  nearRequests,
  pickCorrection,
  searchedAsCorrected,
  spelledAsWritten,
  spellingRequest,
  typoLikelihood,
  vouchedCorrection,
  vouchingRequests,
} from "./did-you-mean.js";
import { parseQuery } from "./query-parser.js";
import { RANKING } from "./ranking.js";

const termSuggestion = (text: string, offset: number, option?: string): estypes.SearchSuggest => ({
  text,
  offset,
  length: text.length,
  options: option ? [{ text: option, score: 0.8, freq: 40 }] : [],
});

describe("didYouMeanSuggesters", () => {
  it("asks about words that could be typos, each with the edits its length allows", () => {
    const suggest = didYouMeanSuggesters(parseQuery("السيسو يستقبل وزير الاستثمارات 2025 ابو"));
    expect(suggest?.typo_1).toMatchObject({ text: "السيسو يستقبل وزير", term: { max_edits: 1 } });
    expect(suggest?.typo_2).toMatchObject({ text: "الاستثمارات", term: { max_edits: 2 } });
    // Every such word also against the titles' words as written, only when no title holds it.
    expect(suggest?.typo_whole_word).toMatchObject({
      text: "السيسو يستقبل وزير الاستثمارات",
      term: { field: "title.words", suggest_mode: "missing", max_edits: 1 },
    });
    expect(JSON.stringify(suggest)).not.toContain("2025");
  });

  it("asks about a three-letter word as a longer one with a letter left out", () => {
    const suggest = didYouMeanSuggesters(parseQuery("أوبك هبو"));
    expect(suggest?.typo_1).toMatchObject({ text: "أوبك" });
    expect(suggest?.typo_left_out).toMatchObject({
      text: "هبو",
      term: { field: "body.exact", max_edits: 1, min_word_length: RANKING.typos.letterLeftOutOf },
    });
  });

  it("asks about the first few words that could be typos, however many were typed", () => {
    const words = ["السيسو", "يستقبل", "من", "وزير", "الاستثمارات", "الخارجية", "الروسي", "امس"];
    const suggest = didYouMeanSuggesters(parseQuery(words.join(" ")));
    expect(suggest?.typo_1).toMatchObject({ text: "السيسو يستقبل وزير" });
    expect(suggest?.typo_2).toMatchObject({ text: "الاستثمارات" });
    expect(suggest?.typo_whole_word).toMatchObject({ text: "السيسو يستقبل وزير الاستثمارات" });
    // The words past them are kept as typed in every correction.
    const response = {
      suggest: { typo_1: [termSuggestion("سيسو", 0, "سيسي"), termSuggestion("يستقبل", 7)] },
    } as unknown as estypes.SearchResponse;
    expect(corrections(parseQuery(words.join(" ")), response)).toEqual([
      "السيسي يستقبل من وزير الاستثمارات الخارجية الروسي امس",
    ]);
  });

  it("skips queries with no word that could be a typo, and queries with syntax", () => {
    expect(didYouMeanSuggesters(parseQuery("في 2025 عن"))).toBeUndefined();
    expect(didYouMeanSuggesters(parseQuery("اب".repeat(250)))).toBeUndefined();
    expect(didYouMeanSuggesters(parseQuery('السيسو "بوتين روسيا"'))).toBeUndefined();
    expect(didYouMeanSuggesters(parseQuery("السيسو -بوتين"))).toBeUndefined();
  });
});

describe("mistypedWords", () => {
  it("names the words typed that a correction changes, each with its spellings in the corrections' order", () => {
    const parsed = parseQuery("السيسو يستقبل الاستسمارات");
    const corrected = [
      "السيسو يستقبل الاستثمارات",
      "السيسي يستقبل الاستسمارات",
      "السيسو يستقبل الاستمارات",
      "السيسي يستقبل الاستثمارات",
    ];
    expect(mistypedWords(parsed, corrected)).toEqual(
      new Map([
        ["الاستسمارات", ["الاستثمارات", "الاستمارات"]],
        ["السيسو", ["السيسي"]],
      ]),
    );
    expect(mistypedWords(parsed, [])).toEqual(new Map());
  });
});

describe("changingOnly", () => {
  it("keeps the corrections that change no word but the slips", () => {
    const parsed = parseQuery("ما هي طرق علاج مرض السل الكرونا");
    // The question word aside, as corrections() writes them.
    const corrected = [
      "هي طرق علاج مرض العسل الكرونا",
      "هي طرق علاج مرض السل الكورونا",
      "هي طرق علاج مرض العسل الكورونا",
    ];
    const slips = (...words: string[]) => new Map(words.map((word) => [word, []]));
    expect(changingOnly(parsed, corrected, slips("الكرونا"))).toEqual(["هي طرق علاج مرض السل الكورونا"]);
    expect(changingOnly(parsed, corrected, slips("السل", "الكرونا"))).toEqual(corrected);
    expect(changingOnly(parsed, corrected, slips())).toEqual([]);
  });
});

describe("vouchingRequests", () => {
  it("asks whether the first shown article holds each slip as typed, then its likeliest spelling", () => {
    const slips = new Map([["الكرونا", ["الكورونا", "الكرتونا"]]]);
    const held = (word: string) => ({
      bool: {
        filter: [
          { ids: { values: ["qv-1"] } },
          { multi_match: { query: word, fields: ["title.exact", "lead.exact", "body.exact"] } },
        ],
      },
    });
    expect(vouchingRequests(slips, "qv-1", "news")).toEqual([
      { index: "news" },
      { size: 0, terminate_after: 1, track_total_hits: true, query: held("الكرونا") },
      { index: "news" },
      { size: 0, terminate_after: 1, track_total_hits: true, query: held("الكورونا") },
    ]);
  });
});

describe("vouchedCorrection", () => {
  const parsed = parseQuery("كيف تنتقل الكرونا بين الاطفل");
  const slips = new Map([
    ["الكرونا", ["الكورونا"]],
    ["الاطفل", ["الاطفال"]],
  ]);

  it("puts the first slip the article holds as spelt, not as typed", () => {
    expect(vouchedCorrection(parsed, slips, [0, 1, 0, 1])).toBe("تنتقل الكورونا بين الاطفل");
    expect(vouchedCorrection(parsed, slips, [0, 0, 0, 1])).toBe("تنتقل الكرونا بين الاطفال");
  });

  it("is null when the article holds a slip as typed too, or no spelling", () => {
    expect(vouchedCorrection(parsed, slips, [1, 1, 0, 0])).toBeNull();
    expect(vouchedCorrection(parsed, slips, [0, 0, 0, 0])).toBeNull();
  });
});

describe("correctionFirst", () => {
  it("reads each slip first as the correction does, its other spellings after", () => {
    const parsed = parseQuery("متى الهجمات رويسا تستخدم");
    const slips = new Map([["رويسا", ["رويس", "روسيا", "رؤيسا"]]]);
    expect(correctionFirst(parsed, slips, "الهجمات روسيا تستخدم")).toEqual(
      new Map([["رويسا", ["روسيا", "رويس", "رؤيسا"]]]),
    );
  });

  it("leaves the slips a correction keeps as typed, and puts first a spelling they lacked", () => {
    const parsed = parseQuery("كيف مواجهات عيفة الشرطه");
    const slips = new Map([
      ["عيفة", ["عفة"]],
      ["الشرطه", ["الشرط"]],
    ]);
    expect(correctionFirst(parsed, slips, "مواجهات عنيفه الشرطه")).toEqual(
      new Map([
        ["عيفة", ["عنيفه", "عفة"]],
        ["الشرطه", ["الشرط"]],
      ]),
    );
  });
});

describe("corrections", () => {
  it("offers each rare word as typed or corrected, keeping its article, fewest changes first", () => {
    const parsed = parseQuery("السيسو يستقبل الاستسمارات");
    const response = {
      suggest: {
        typo_1: [termSuggestion("سيسو", 0, "سيسي"), termSuggestion("يستقبل", 7)],
        typo_2: [termSuggestion("استسمارات", 0, "استثمارات")],
      },
    } as unknown as estypes.SearchResponse;
    expect(corrections(parsed, response)).toEqual([
      "السيسو يستقبل الاستثمارات",
      "السيسي يستقبل الاستسمارات",
      "السيسي يستقبل الاستثمارات",
    ]);
  });

  it("takes a title's word as written in place of a word whose article a typo garbled", () => {
    const parsed = parseQuery("يدعو احلليب");
    const response = {
      suggest: {
        typo_1: [termSuggestion("يدعو", 0), termSuggestion("احلليب", 5)],
        typo_whole_word: [termSuggestion("يدعو", 0), termSuggestion("احلليب", 5, "الحليب")],
      },
    } as unknown as estypes.SearchResponse;
    // A doubled letter is the likelier slip, but the suggesters did not offer احليب (no article
    // holds it), and forty hold الحليب: that goes first.
    expect(corrections(parsed, response)).toEqual(["يدعو الحليب", "يدعو احليب"]);
  });

  it("lets a far commoner word go ahead of a likelier typo", () => {
    const parsed = parseQuery("السيسو");
    const option = (text: string, freq: number) => ({ text, score: 0.8, freq });
    const offered = (options: Array<{ text: string; freq: number }>) =>
      ({
        suggest: { typo_1: [{ text: "سيسو", offset: 0, length: 4, options }] },
      }) as unknown as estypes.SearchResponse;
    // A letter left out (سيسكو) is likelier than one mistyped far from its key (سيسي).
    expect(corrections(parsed, offered([option("سيسكو", 5), option("سيسي", 20)]))).toEqual([
      "السيسكو",
      "السيسي",
    ]);
    expect(corrections(parsed, offered([option("سيسكو", 5), option("سيسي", 400)]))).toEqual([
      "السيسي",
      "السيسكو",
    ]);
  });

  it("orders a word's spellings by how readers mistype, a doubled letter of the article too", () => {
    const parsed = parseQuery("اللمعركة");
    const response = {
      suggest: { typo_whole_word: [termSuggestion("اللمعركه", 0, "المعرفه")] },
    } as unknown as estypes.SearchResponse;
    expect(corrections(parsed, response)).toEqual(["المعركه", "المعرفه"]);
  });

  it("takes for a three-letter word only the words it leaves a letter out of", () => {
    const option = (text: string, freq: number) => ({ text, score: 0.7, freq });
    const response = {
      suggest: {
        typo_left_out: [
          {
            text: "هبو",
            offset: 0,
            length: 3,
            options: [option("هبه", 90), option("هبوط", 60), option("هبوب", 5)],
          },
        ],
      },
    } as unknown as estypes.SearchResponse;
    expect(corrections(parseQuery("أوبك هبو"), response)).toEqual(["أوبك هبوط", "أوبك هبوب"]);
  });

  it("is empty when no word was corrected", () => {
    const response = {
      suggest: { typo_1: [termSuggestion("بوتين", 0)] },
    } as unknown as estypes.SearchResponse;
    expect(corrections(parseQuery("بوتين"), response)).toEqual([]);
    expect(corrections(parseQuery("بوتين"), {} as estypes.SearchResponse)).toEqual([]);
  });
});

describe("closestCorrections", () => {
  // What collateRequests' checks found: the query as typed, then each correction.
  const parsed = parseQuery("ريال مدرد");
  const candidates = ["ريال مجرد", "ريال مدريد", "رياض مدريد"];

  it("offers nothing when the query as typed finds articles with every word", () => {
    expect(closestCorrections(parsed, candidates, [1, 1, 1, 1])).toEqual([]);
  });

  it("offers those that find an article and change the fewest words, likeliest first", () => {
    expect(closestCorrections(parsed, candidates, [0, 1, 1, 1])).toEqual(["ريال مجرد", "ريال مدريد"]);
    expect(closestCorrections(parsed, candidates, [0, 0, 1, 1])).toEqual(["ريال مدريد"]);
    // Two words changed, found only: still offered, as the closest that finds anything.
    expect(closestCorrections(parsed, candidates, [0, 0, 0, 1])).toEqual(["رياض مدريد"]);
    expect(closestCorrections(parsed, candidates, [0, 0, 0, 0])).toEqual([]);
  });
});

describe("pickCorrection", () => {
  const real = parseQuery("ريال مدرد");
  const madrid = ["ريال مجرد", "ريال مدريد"];

  it("shows the first correction whose words an article holds near one another, else the first", () => {
    expect(pickCorrection(real, madrid, [0, 1])).toBe("ريال مدريد");
    expect(pickCorrection(real, madrid, [0, 0])).toBe("ريال مجرد");
    expect(pickCorrection(real, [], [])).toBeNull();
  });

  it("shows a later correction as likely whose words far more articles hold near one another", () => {
    // مجرد is a neighbouring key away, مدريد a long vowel: as likely.
    const { frequencyPerStep } = RANKING.didYouMean;
    expect(pickCorrection(real, madrid, [3, 3 * frequencyPerStep])).toBe("ريال مدريد");
    expect(pickCorrection(real, madrid, [3, 3 * frequencyPerStep - 1])).toBe("ريال مجرد");
    // العجز leaves out a letter typed, a less likely typo than the swap العجوز: it is not shown.
    const old = parseQuery("العوجز السعودية");
    expect(pickCorrection(old, ["العجوز السعودية", "العجز السعودية"], [1, 100])).toBe("العجوز السعودية");
  });
});

describe("typoLikelihood", () => {
  it("ranks a doubled letter, then a swap or a neighbouring key, then a dropped letter", () => {
    expect(typoLikelihood("متوسطط", "متوسط")).toBe(0);
    expect(typoLikelihood("سيسو", "سيسي")).toBe(3);
    expect(typoLikelihood("تعبتر", "تعتبر")).toBe(1);
    // ي and ب are neighbouring keys.
    expect(typoLikelihood("بوتبن", "بوتين")).toBe(1);
    // A hamza typed as the letter it sits on is as likely as a letter pressed twice.
    expect(typoLikelihood("سوال", "سءال")).toBe(0);
    expect(typoLikelihood("سوال", "شوال")).toBe(1);
    expect(typoLikelihood("تبر", "تعبر")).toBe(2);
  });

  it("ranks a long vowel left out with a neighbouring key", () => {
    expect(typoLikelihood("فيرس", "فيروس")).toBe(1);
    expect(typoLikelihood("اللبننية", "اللبنانية")).toBe(1);
    expect(typoLikelihood("تعويضت", "تعويضات")).toBe(1);
  });
});

describe("collateRequests", () => {
  it("checks the query as typed (its last word as a prefix while the search completes it) and each correction", () => {
    const requests = collateRequests(
      parseQuery("السيسو بوت"),
      ["السيسي بوت", "السيسو بوتو"],
      "articles",
      true,
    );
    const [, typed, , kept, , changed] = requests;
    expect(requests).toHaveLength(6);
    expect(JSON.stringify(typed)).toContain("title.autocomplete");
    // A correction leaving the word being typed as it is searches it as the search would: begun.
    expect(JSON.stringify(kept)).toContain("title.autocomplete");
    expect(JSON.stringify(changed)).not.toContain("title.autocomplete");
    expect(typed).toMatchObject({ size: 0, terminate_after: 1 });
    expect(kept).toMatchObject({ size: 0, terminate_after: 1 });
  });

  it("lets a function word typed hold no article back, but finds nothing for a correction into one", () => {
    const [, typed, , kept, , intoFunctionWord] = collateRequests(
      parseQuery("السيسو في روسيا"),
      ["السيسي في روسيا", "ليس في روسيا"],
      "articles",
      false,
    );
    const zeroTerms = (check: unknown) =>
      [...JSON.stringify(check).matchAll(/"zero_terms_query":"(\w+)"/g)].map((match) => match[1]);
    expect(zeroTerms(typed)).toEqual(["all", "all", "all"]);
    expect(zeroTerms(kept)).toEqual(["none", "all", "all"]);
    expect(zeroTerms(intoFunctionWord)).toEqual(["none", "all", "all"]);
  });

  it("checks the last word whole where the search does not complete it (a question)", () => {
    const [, typed] = collateRequests(parseQuery("ما فيرس"), ["فيروس"], "articles", false);
    expect(JSON.stringify(typed)).not.toContain("title.autocomplete");
  });
});

describe("nearRequests", () => {
  it("counts each correction's articles holding its words as a loose phrase, up to a cap", () => {
    const [header, near] = nearRequests(["السيسي بوتين"], "articles");
    expect(header).toEqual({ index: "articles" });
    expect(near).toMatchObject({
      size: 0,
      track_total_hits: RANKING.didYouMean.nearCountedUpTo,
      query: { multi_match: { query: "السيسي بوتين", type: "phrase", slop: RANKING.didYouMean.nearSlop } },
    });
  });
});

describe("spelledAsWritten", () => {
  const parsed = parseQuery("مخاوف حملة الجاءر بالمعركة");
  it("spells each corrected word as the article does, the reader's own words as typed", () => {
    const text = "أعلنت «الجزائرَ» أمس أن المعركة مستمرة";
    expect(spelledAsWritten(parsed, "مخاوف حملة الجزاءر بالمعركه", text)).toBe("مخاوف حملة الجزائر بالمعركة");
  });

  it("keeps a corrected word as suggested when the article does not hold it", () => {
    expect(spelledAsWritten(parsed, "مخاوف حملة الجزاءر بالمعركة", "نص آخر")).toBe(
      "مخاوف حملة الجزاءر بالمعركة",
    );
  });
});

describe("spellingRequest", () => {
  it("asks for one article holding the corrected words as written, none when nothing changed", () => {
    const parsed = parseQuery("حملة الجاءر");
    const request = spellingRequest(parsed, "حملة الجزاءر", "i");
    expect(request).toMatchObject({ size: 1, _source: ["title", "lead", "body"] });
    expect(JSON.stringify(request?.query)).toContain('"query":"الجزاءر"');
    expect(JSON.stringify(request?.query)).not.toContain("حملة");
    expect(spellingRequest(parsed, "حملة الجاءر", "i")).toBeUndefined();
  });
});

describe("asAsked", () => {
  it("puts the question word the query opened with back before its correction", () => {
    expect(asAsked(parseQuery("متى يبدا العام الدراسى"), "يبدأ العام الدراسي")).toBe(
      "متى يبدأ العام الدراسي",
    );
    expect(asAsked(parseQuery("السيسو بوتين"), "السيسي بوتين")).toBe("السيسي بوتين");
    expect(asAsked(parseQuery("متى يبدا العام"), null)).toBeNull();
  });
});

describe("correctedAlone", () => {
  const misspelt = ["فيروس"];
  it("reads one word typed alone that nothing holds as its correction", () => {
    expect(correctedAlone(parseQuery("فيرس"), 0, misspelt)).toBe(true);
    expect(correctedAlone(parseQuery("فيرس "), 0, misspelt)).toBe(true);
    expect(correctedAlone(parseQuery("ما فيرس"), 0, misspelt)).toBe(true);
  });

  it("leaves a word some article holds, a word with no likelier spelling, and several words", () => {
    expect(correctedAlone(parseQuery("فيرس"), 3, misspelt)).toBe(false);
    expect(correctedAlone(parseQuery("فيرس"), 0, [])).toBe(false);
    expect(correctedAlone(parseQuery("فيرس كورونا"), 0, misspelt)).toBe(false);
  });

  it("leaves a word of alternatives, and a word beside an exclusion", () => {
    expect(correctedAlone(parseQuery("فيرس OR فايروس"), 0, misspelt)).toBe(false);
    expect(correctedAlone(parseQuery("فيرس -كورونا"), 0, misspelt)).toBe(false);
  });
});

describe("correctionCount", () => {
  it("counts the articles holding the correction, stemmed, as far as a page's worth", () => {
    const [header, count] = correctionCount("فيروس", "articles");
    expect(header).toEqual({ index: "articles" });
    expect(count).toMatchObject({ size: 0, track_total_hits: RANKING.didYouMean.searchedFrom });
    expect(JSON.stringify(count)).toContain('"query":"فيروس"');
    expect(JSON.stringify(count)).not.toContain("title.autocomplete");
  });

  it("searches the correction only when a page's worth of articles hold it", () => {
    expect(searchedAsCorrected(RANKING.didYouMean.searchedFrom)).toBe(true);
    expect(searchedAsCorrected(RANKING.didYouMean.searchedFrom - 1)).toBe(false);
  });
});

describe("correctedQuery", () => {
  it("searches the correction whole, after the question word the query opened with", () => {
    expect(correctedQuery(parseQuery("فيرس"), "فيروس")).toBe("فيروس ");
    expect(correctedQuery(parseQuery("ما فيرس"), "فيروس")).toBe("ما فيروس ");
  });
});
