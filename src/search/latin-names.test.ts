import type { estypes } from "@elastic/elasticsearch";
import { describe, expect, it } from "vitest";
import { arabicNameReading, latinNameRequests, latinNames } from "./latin-names.js";
import { RANKING } from "./ranking.js";

const ARTICLES = 10_000;

/** An answer counting `n` articles. */
const counted = (n: number) => ({ hits: { total: { value: n, relation: "eq" }, hits: [] } }) as never;

/** The suggesters' answer: for each word, index words near its likeliest spelling and their counts. */
function nearWords(...perWord: Record<string, number>[]): estypes.MsearchResponseItem {
  const suggest = Object.fromEntries(
    perWord.map((words, i) => [
      `name_${i}_0`,
      [
        {
          text: "",
          offset: 0,
          length: 0,
          options: Object.entries(words).map(([text, freq]) => ({ text, freq, score: 1 })),
        },
      ],
    ]),
  );
  return { hits: { hits: [] }, suggest } as never;
}

/** Articles holding a word: in Latin letters in the titles, as typed, or in a spelling. */
type Held = { titles?: number; typed?: number } & Record<string, number>;

/** The reading of `q` given, for each of its words, the articles holding it and its spellings. */
function read(q: string, held: Held[], ...near: Record<string, number>[]): string | undefined {
  const names = latinNames(q) ?? [];
  const counts = names.flatMap(({ spellings }, i) => {
    const word = held[i] ?? {};
    return [word.titles ?? 0, word.typed ?? 0, ...spellings.map(({ text }) => word[text] ?? 0)];
  });
  return arabicNameReading(q, names, [nearWords(...near), ...counts.map(counted)], ARTICLES);
}

describe("latinNames", () => {
  it("reads the Latin words of a query in Latin letters, up to maxWords of them", () => {
    expect(latinNames("ipod 7")?.map((name) => name.latin)).toEqual(["ipod"]);
    expect(latinNames("«Aramco», 2024")?.map((name) => name.latin)).toEqual(["Aramco"]);
    expect(latinNames("aramco ".repeat(20))).toHaveLength(1);
    const four = latinNames("aramco nasa mercedes toyota") ?? [];
    expect(four).toHaveLength(RANKING.latinNames.maxWords);
    expect(four.every((name) => name.spellings.length <= RANKING.latinNames.spellingsPerWord)).toBe(true);
    expect(latinNames("aramco nasa opec fifa toyota")).toBeUndefined();
  });

  it("reads the Latin words among Arabic ones, and nothing without a Latin word long enough", () => {
    expect(latinNames("أرباح aramco")?.map((name) => name.latin)).toEqual(["aramco"]);
    expect(latinNames("أرباح أرامكو")).toBeUndefined();
    expect(latinNames("LG 55")).toBeUndefined();
    // Arabic typed on the Latin layout: a run without a vowel, or cut by a key that types a letter.
    expect(latinNames("hgpv dii]] rv'")).toBeUndefined();
    expect(latinNames("af;m jjuuvq")).toBeUndefined();
  });

  it("leaves the names mappings/synonyms_ar.txt lists to its rules, of one word or more", () => {
    expect(latinNames("Germany")).toBeUndefined();
    expect(latinNames("south korea")).toBeUndefined();
    expect(latinNames("aramco germany")?.map((name) => name.latin)).toEqual(["aramco"]);
    expect(latinNames("korea")?.map((name) => name.latin)).toEqual(["korea"]);
  });
});

describe("latinNameRequests", () => {
  it("asks the suggesters once, then counts each word in the titles and the articles, and each spelling", () => {
    const names = latinNames("hamas") ?? [];
    const searches = latinNameRequests(names, "articles", 1);
    const [, suggesting] = searches as [unknown, estypes.SearchRequest];
    expect(Object.values(suggesting.suggest ?? {}).map((s) => (s as { text: string }).text)).toEqual([
      "هاماس",
      "حاماس",
    ]);
    expect(searches).toHaveLength(2 + 2 * (2 + (names[0]?.spellings.length ?? 0)));
    expect(searches[3]).toMatchObject({
      query: { match: { "title.exact": { query: "hamas", fuzziness: "AUTO" } } },
    });
    expect(searches[5]).toMatchObject({ track_total_hits: true, query: { term: { "body.exact": "hamas" } } });
  });
});

describe("arabicNameReading", () => {
  it("takes the spelling the articles hold", () => {
    expect(read("aramco", [{ ارامكو: 150 }])).toBe("ارامكو");
    expect(read("ipod 7", [{ ابود: 1, ايبود: 85 }])).toBe("ايبود 7");
    expect(read("أرباح aramco", [{ ارامكو: 150 }])).toBe("أرباح ارامكو");
  });

  it("takes a near word of the same consonants when no spelling is held", () => {
    expect(read("trump", [{}], { ترتيب: 500, ترامب: 100 })).toBe("ترامب");
    expect(read("mercedes", [{}], { مسدس: 80, مرسيدس: 24 })).toBe("مرسيدس");
  });

  it("takes a likelier reading before a commoner word a less likely one spells", () => {
    // همس (a whisper) drops both a's of hamas; حماس is a letter from its likeliest spelling.
    expect(read("hamas", [{ همس: 50 }], { حماس: 400 })).toBe("حماس");
    // One article's خالدون against the 33 that write خلدون.
    expect(read("khaldoun", [{ خالدون: 1 }], { خلدون: 33 })).toBe("خلدون");
    expect(read("khaldoun", [{ خالدون: 10 }], { خلدون: 33 })).toBe("خالدون");
  });

  it("takes a near word of two consonants only when it is a spelling with a letter put in", () => {
    expect(read("youtube", [{}], { يوتيوب: 143 })).toBe("يوتيوب");
    expect(read("hello", [{}], { هلع: 70, هول: 60 })).toBeUndefined();
  });

  it("leaves a word the titles write in Latin letters, or the articles about as often", () => {
    expect(read("kindle", [{ titles: 1, typed: 12, كيندل: 400 }])).toBeUndefined();
    expect(read("kindle", [{ typed: 12, كيندل: 20 }])).toBeUndefined();
    expect(read("kindle", [{ typed: 12, كيندل: 40 }])).toBe("كيندل");
  });

  it("takes no function word for a name, and no query only part of which it can read", () => {
    expect(read("ali", [{ الي: ARTICLES / 2 }])).toBeUndefined();
    // عبر ("across") is in a sixth of the articles, and no name however often a spelling.
    expect(read("uber", [{ اوبر: 14, عبر: ARTICLES / 6 }])).toBe("اوبر");
    expect(read("bill", [{ بيل: 50 }])).toBe("بيل");
    expect(read("bill gates", [{ بيل: 50 }, {}])).toBeUndefined();
  });
});
