import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editDistance, startEditDistance } from "./edit-distance.js";

describe("editDistance", () => {
  it("counts a letter put in, left out or replaced as one edit", () => {
    expect(editDistance("السيسي", "السيسي", 2)).toBe(0);
    expect(editDistance("السيسو", "السيسي", 2)).toBe(1);
    expect(editDistance("الهلا", "الهلال", 2)).toBe(1);
    expect(editDistance("النصرر", "النصر", 2)).toBe(1);
  });

  it("counts two neighbouring letters swapped as one edit, as Lucene's fuzzy queries do", () => {
    expect(editDistance("النرص", "النصر", 2)).toBe(1);
    expect(editDistance("ابتدائية", "ابتدايئة", 2)).toBe(1);
  });

  it("adds edits up, and stops counting past the limit", () => {
    expect(editDistance("مستشفيات", "كستشفيات", 2)).toBe(1);
    expect(editDistance("الضرائب", "االضراءب", 2)).toBe(2);
    expect(editDistance("الضرائب", "االضراءب", 1)).toBe(2);
    expect(editDistance("مصر", "السعودية", 2)).toBe(3);
    expect(editDistance("", "ابc", 5)).toBe(3);
  });
});

/** The whole table, no limit: what editDistance must agree with. */
function reference(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d = Array.from({ length: x.length + 1 }, (_, i) =>
    Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= x.length; i++)
    for (let j = 1; j <= y.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      row[j] = Math.min(
        (up[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (up[j - 1] as number) + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  return (d[x.length] as number[])[y.length] as number;
}

describe("startEditDistance", () => {
  it("counts the edits to the nearest start of the word, the whole word included", () => {
    expect(startEditDistance("النرص", "النصراوي", 2)).toBe(1);
    expect(startEditDistance("يستق", "يستقبل", 2)).toBe(0);
    expect(startEditDistance("بوتبن", "بوتين", 2)).toBe(1);
    expect(startEditDistance("", "بوتين", 2)).toBe(0);
    expect(startEditDistance("السيسي", "بوتين", 2)).toBe(3);
  });
});

describe("against the whole table", () => {
  const word = fc.string({ unit: fc.constantFrom(..."ابتسلمنهوي"), maxLength: 9 });
  const limit = fc.integer({ min: 0, max: 3 });

  it("editDistance agrees on words of a few letters, up to its limit", () => {
    fc.assert(
      fc.property(word, word, limit, (a, b, most) => {
        expect(editDistance(a, b, most)).toBe(Math.min(reference(a, b), most + 1));
      }),
      { numRuns: 2000 },
    );
  });

  it("startEditDistance agrees with the nearest of the starts, up to its limit", () => {
    fc.assert(
      fc.property(word, word, limit, (a, b, most) => {
        const nearest = Math.min(
          ...Array.from({ length: b.length + 1 }, (_, end) => reference(a, b.slice(0, end))),
        );
        expect(startEditDistance(a, b, most)).toBe(Math.min(nearest, most + 1));
      }),
      { numRuns: 2000 },
    );
  });
});
