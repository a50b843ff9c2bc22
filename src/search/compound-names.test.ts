import { describe, expect, it } from "vitest";
import { apartFromJoined, joinedToPrevious, wordsNamed } from "./compound-names.js";

describe("joinedToPrevious", () => {
  it("joins the word being typed to عبد or أبو before it, in any spelling of them", () => {
    expect(joinedToPrevious("عبد", "الل")).toBe("عبدالل");
    expect(joinedToPrevious("أبو", "ظ")).toBe("أبوظ");
    expect(joinedToPrevious("ابو", "ظب")).toBe("ابوظب");
  });

  it("joins nothing to another word, or to none", () => {
    expect(joinedToPrevious("الملك", "عب")).toBeUndefined();
    expect(joinedToPrevious("عبدالله", "بن")).toBeUndefined();
    expect(joinedToPrevious(undefined, "عبد")).toBeUndefined();
  });
});

describe("apartFromJoined", () => {
  it("parts an عبد name typed joined into عبد and the rest", () => {
    expect(apartFromJoined("عبدالل")).toEqual(["عبد", "الل"]);
    expect(apartFromJoined("عبدالعزيز")).toEqual(["عبد", "العزيز"]);
  });

  it("leaves other words whole: عبد alone, عبدال with nothing after, أبو words", () => {
    expect(apartFromJoined("عبد")).toBeUndefined();
    expect(apartFromJoined("عبدال")).toBeUndefined();
    expect(apartFromJoined("أبواب")).toBeUndefined();
    expect(apartFromJoined("معبدالقرية")).toBeUndefined();
  });
});

describe("wordsNamed", () => {
  it("counts a two-word name once", () => {
    expect(wordsNamed(["عبد", "الله", "بن", "عبد", "العزيز"])).toBe(3);
    expect(wordsNamed(["مطار", "أبو", "ظبي"])).toBe(2);
    expect(wordsNamed(["الملك", "سلمان"])).toBe(2);
    expect(wordsNamed([])).toBe(0);
  });
});
