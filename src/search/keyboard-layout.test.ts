import { describe, expect, it } from "vitest";
import { arabicHeldWhole, countsUpTo, keyboardReadings, likelierReading } from "./keyboard-layout.js";

describe("keyboardReadings", () => {
  it("reads Latin letters both ways, with the words worth looking up", () => {
    expect(keyboardReadings("hgsdsd lwv")).toEqual({
      latin: { query: "hgsdsd lwv", words: ["hgsdsd", "lwv"], lastIsPrefix: true, letters: 9 },
      arabic: { query: "السيسي مصر", words: ["السيسي", "مصر"], lastIsPrefix: true, letters: 9 },
    });
    // Punctuation keys type letters in Arabic; the Latin words are what lies between them.
    expect(keyboardReadings("tdv,s ")).toMatchObject({
      latin: { words: ["tdv"], lastIsPrefix: false, letters: 4 },
      arabic: { words: ["فيروس"], lastIsPrefix: false, letters: 5 },
    });
  });

  it("looks up an unfinished word only from three letters, and at most six words", () => {
    expect(keyboardReadings("lwv hg")?.arabic).toMatchObject({
      words: ["مصر"],
      lastIsPrefix: false,
      letters: 5,
    });
    const long = keyboardReadings(Array.from({ length: 9 }, () => "lwv").join(" "));
    expect(long?.arabic.words).toHaveLength(6);
    expect(long?.arabic.lastIsPrefix).toBe(false);
  });

  it("keeps Latin what has a capital no Arabic letter is shifted for, or nothing to read", () => {
    expect(keyboardReadings("iPhone")).toBeUndefined();
    expect(keyboardReadings("CASING")).toBeUndefined();
    // Shift types أ on H: a reader typing أحمد on the Latin layout.
    expect(keyboardReadings("Hpl]")?.arabic.words).toEqual(["أحمد"]);
    expect(keyboardReadings("السيسي")).toBeUndefined();
    expect(keyboardReadings("h 1")).toBeUndefined();
  });
});

describe("likelierReading", () => {
  const reading = (words: string[], shortLetters = 0) => ({
    query: "",
    words,
    lastIsPrefix: false,
    letters: words.join("").length + shortLetters,
  });
  const readings = (latin: string[], arabic: string[]) => ({
    latin: reading(latin),
    arabic: reading(arabic),
  });

  it("searches the reading of which the index holds the larger share of words", () => {
    expect(likelierReading(readings(["hgsdsd", "lwv"], ["السيسي", "مصر"]), [0, 0, 40, 40], 10_000)).toBe(
      "arabic",
    );
    expect(likelierReading(readings(["galaxy"], ["لشمشءغ"]), [3, 0], 10_000)).toBe("latin");
    // As many held either way: as typed.
    expect(likelierReading(readings(["bad"], ["لاشي"]), [1, 1], 10_000)).toBe("latin");
    expect(likelierReading(readings(["xiaomi"], ["ءهشخةه"]), [0, 0], 10_000)).toBe("latin");
    // td]d, d,q: a held two-letter run is two of the Latin reading's five letters (d, d and q too
    // short to look up), against all of فيديو يوض.
    const video = { latin: reading(["td"], 3), arabic: reading(["فيديو", "يوض"]) };
    expect(likelierReading(video, [1, 30, 30], 10_000)).toBe("arabic");
  });

  it("searches one rare Arabic word only if the Latin finds nothing", () => {
    const bank = readings(["bank"], ["لاشىن"]);
    expect(countsUpTo(35_000)).toBe(35);
    expect(likelierReading(bank, [0, 11], 35_000)).toBe("latin, then arabic");
    expect(likelierReading(bank, [0, 35], 35_000)).toBe("arabic");
    // Two words are evidence enough, however rare.
    expect(likelierReading(readings(["bank", "ali"], ["لاشىن", "شمه"]), [0, 0, 1, 1], 35_000)).toBe("arabic");
  });

  it("tells whether the index holds every word of the Arabic reading", () => {
    const twoWords = readings(["ibn", "khaldoun"], ["هلاى", "ناشميخعى"]);
    expect(arabicHeldWhole(twoWords, [0, 0, 3, 0])).toBe(false);
    expect(arabicHeldWhole(twoWords, [0, 0, 3, 1])).toBe(true);
  });
});
