import { describe, expect, it } from "vitest";
import { normalizeArabic } from "../text/arabic.js";
import { PAIR_HELD_BY, THREE_WORDS, TWO_WORDS, WORD_HELD_BY, wordQueries } from "./words.js";

describe("wordQueries", () => {
  const article = (story: string, text: string, title = "") => ({ story, title, text });
  const held = (n: number, text: string, prefix: string) =>
    Array.from({ length: n }, (_, i) => article(`${prefix}-${i}`, text, i ? "" : text));

  it("draws headline words enough stories hold, each typed four ways, with every story holding it", () => {
    const texts = [
      ...held(WORD_HELD_BY.min, "قصف مواقع داعش", "isis"),
      ...held(WORD_HELD_BY.min - 1, "افتتاح معرض الكتاب", "fair"),
      ...held(WORD_HELD_BY.min, "ارتفاع أسعار النفط", "oil").map((t) => ({ ...t, title: "" })),
      article("other", "تراجع داعش في الرقة"),
    ];
    const queries = wordQueries(texts, { seed: 1, count: 50 });
    const meant = new Set(queries.map((query) => query.meant));
    expect(meant).toContain("داعش");
    expect(meant).toContain("مواقع");
    // Too few stories, no headline, or a function word or a short one: not drawn.
    for (const word of ["معرض", "أسعار", "قصف"]) expect(meant).not.toContain(word);
    const isis = queries.filter((query) => query.meant === "داعش");
    expect(isis.map((query) => query.set)).toEqual([
      "spelt right",
      "one typo",
      "a long vowel left out",
      "cut short",
    ]);
    expect(isis[0]?.stories).toEqual(
      new Set([...texts.slice(0, WORD_HELD_BY.min).map((t) => t.story), "other"]),
    );
    const [right, typo, vowel, cut] = isis.map((query) => query.query);
    expect(right).toBe("داعش");
    expect(normalizeArabic(typo ?? "")).not.toBe("داعش");
    expect(vowel).toBe("دعش");
    expect(cut).toBe("داع");
  });

  it("draws two words an article holds that no headline holds together, with every story holding both", () => {
    const texts = [
      ...Array.from({ length: PAIR_HELD_BY.min }, (_, i) =>
        article(`jobs-${i}`, "تراجع البطالة بين الشباب في السعودية", "تراجع البطالة بين الشباب"),
      ),
      article("youth", "الشباب السعودية", "الشباب السعودية"),
    ];
    const pairs = wordQueries(texts, { seed: 3, count: 10 }).filter((query) => query.set === TWO_WORDS);
    const queries = pairs.map((query) => query.query);
    expect(queries).toContain("البطالة السعودية");
    // A headline holds الشباب with السعودية: not a pair no headline holds together.
    expect(queries).not.toContain("الشباب السعودية");
    // The second word is not the headline's own.
    expect(queries).not.toContain("البطالة الشباب");
    const jobs = pairs.find((query) => query.query === "البطالة السعودية");
    expect(jobs?.stories).toEqual(new Set(texts.slice(0, PAIR_HELD_BY.min).map((t) => t.story)));
  });

  it("draws three words an article holds that no headline holds together, two from its text", () => {
    const texts = [
      ...Array.from({ length: PAIR_HELD_BY.min }, (_, i) =>
        article(`refugees-${i}`, "وصول اللاجئين إلى ألمانيا هذا الشهر وأغلبهم من السوريين", "وصول اللاجئين"),
      ),
      article("camp", "اللاجئين السوريين في المخيم", "اللاجئين السوريين في ألمانيا"),
    ];
    const triples = wordQueries(texts, { seed: 5, count: 20 }).filter((query) => query.set === THREE_WORDS);
    const found = triples.map((query) => query.query.split(" "));
    expect(found.length).toBeGreaterThan(0);
    for (const words of found) {
      expect(words).toHaveLength(3);
      // The first word is the headline's, the others only the text's.
      expect(["وصول", "اللاجئين"]).toContain(words[0]);
      expect(words.slice(1).every((word) => !["وصول", "اللاجئين"].includes(word))).toBe(true);
      // A headline holds اللاجئين, السوريين and ألمانيا: never drawn together.
      expect(["اللاجئين", "السوريين", "ألمانيا"].every((word) => words.includes(word))).toBe(false);
    }
    expect(triples[0]?.stories).toEqual(new Set(texts.slice(0, PAIR_HELD_BY.min).map((t) => t.story)));
  });

  it("draws the same words, typed alike, for the same seed", () => {
    const texts = [...held(12, "قصف مواقع داعش", "a"), ...held(12, "ارتفاع أسعار النفط", "b")];
    expect(wordQueries(texts, { seed: 7, count: 3 })).toEqual(wordQueries(texts, { seed: 7, count: 3 }));
  });
});
