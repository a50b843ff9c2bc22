import { describe, expect, it } from "vitest";
import { EDITS, headlineWords, perturb, sample, seededRng, shuffled } from "./perturb.js";

const TITLES = [
  "أمير منطقة الرياض يفتتح مستشفى الملك سلمان بتكلفة 500 مليون",
  "إطلاق مبادرة جديدة للتعليم في المدارس الثانوية",
  "وزارة الصحة: ٣ حالات جديدة مصابة بفيروس كورونا في جدة",
  "الهلال يتأهل إلى نهائي كأس آسيا",
];

describe("seededRng", () => {
  it("gives the same stream for the same seed and another for another seed", () => {
    const a = seededRng(42);
    const b = seededRng(42);
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(Array.from({ length: 5 }, seededRng(43))).not.toEqual(first);
    for (const value of first) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });
});

describe("sample / shuffled", () => {
  it("draws k distinct items, sample keeping the original order", () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const picked = sample(items, 10, seededRng(1));
    expect(picked).toHaveLength(10);
    expect(new Set(picked).size).toBe(10);
    expect([...picked].sort((x, y) => x - y)).toEqual(picked);
    expect(sample(items, 10, seededRng(1))).toEqual(picked);
    expect(shuffled(items, seededRng(2)).sort((x, y) => x - y)).toEqual(items);
    expect(sample(items, 99, seededRng(1))).toEqual(items);
  });
});

describe("perturb", () => {
  it("is deterministic for a seed", () => {
    const run = (seed: number) => {
      const rng = seededRng(seed);
      return TITLES.map((title) => perturb(title, rng));
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7).map((p) => p.query)).not.toEqual(run(8).map((p) => p.query));
  });

  it("always changes the headline and names the edits made", () => {
    const rng = seededRng(3);
    for (let round = 0; round < 20; round++)
      for (const title of TITLES) {
        const { query, edits } = perturb(title, rng);
        expect(edits.length).toBeGreaterThan(0);
        expect(query).not.toBe(headlineWords(title).join(" "));
        for (const edit of edits) expect(EDITS).toContain(edit);
      }
  });

  const only = (title: string, edit: (typeof EDITS)[number], seed = 1) =>
    perturb(title, seededRng(seed), { edits: [edit], probability: 1 });

  it("drops the punctuation readers do not type", () => {
    expect(headlineWords("وزارة الصحة: ٣ حالات «جديدة»")).toEqual(["وزارة", "الصحة", "٣", "حالات", "جديدة"]);
  });

  it("makes each kind of edit", () => {
    expect(only("أمير الرياض", "hamza").query).toBe("امير الرياض");
    expect(only("انتخابات البلدية", "hamza").query).toMatch(/^[أإ]نتخابات البلدية$/);
    expect(only("مدرسة", "taMarbuta").query).toBe("مدرسه");
    expect(only("مستشفى", "alefMaqsura").query).toBe("مستشفي");
    expect(only("كأس 2015", "digits").query).toBe("كأس ٢٠١٥");
    expect(only("٣ حالات", "digits").query).toBe("3 حالات");
    expect(only("الهلال يفوز", "article").query).toBe("هلال يفوز");
    expect(only("والمدارس تفتح", "article").query).toBe("ومدارس تفتح");
    const dropped = only("الهلال يتأهل إلى نهائي كأس آسيا", "dropWord").query.split(" ");
    expect(dropped).toHaveLength(5);
    const vocalised = only("الرياض", "diacritics").query;
    expect(vocalised).toMatch(/[\u064B-\u0652]/);
    expect(vocalised.replace(/[\u064B-\u0652]/g, "")).toBe("الرياض");
  });

  it("reports no edit when none applies", () => {
    expect(only("كأس", "digits")).toEqual({ query: "كأس", edits: [] });
  });
});
