import { describe, expect, it } from "vitest";
import { cleanInFull, cleanText } from "./clean.js";

describe("cleanText", () => {
  it.each([
    ["markup and entities", "<p>قال&nbsp;الوزير &amp; أضاف</p><script>x()</script>", "قال الوزير & أضاف"],
    [
      "spaces around and inside lines",
      "  أولا  ثانيا \n  ثالثا\r\n\n\n\nرابعا \t",
      "أولا ثانيا\nثالثا\n\nرابعا",
    ],
    ["odd spaces", "الرياض\u00A0جدة\u2000مكة\u3000الطائف", "الرياض جدة مكة الطائف"],
    ["invisible controls", "\u200Bال\u200Cصين\u202B و\u0007مصر\uFEFF", "الصين ومصر"],
    ["presentation forms", "\uFEB3\uFEE0\uFEE4\uFE8E\uFEE5", "سلمان"],
    ["NFC: alef and a combining hamza become one letter", "ا\u0654حمد", "أحمد"],
    ["NFC: shadda then fatha, as fatha then shadda", "مد\u0651\u064Eة", "مد\u064E\u0651ة"],
    ["NFC: one vowel mark stays as written", "مد\u0651ة", "مد\u0651ة"],
    ["three newlines across spaces become two", "أولا\n \n \nثانيا\n\nثالثا", "أولا\n\nثانيا\n\nثالثا"],
    [
      "clean text, trimmed",
      "  \u2028خبر عاجل: ارتفاع الأسعار\n\nالتفاصيل لاحقا.\u00A0\n",
      "خبر عاجل: ارتفاع الأسعار\n\nالتفاصيل لاحقا.",
    ],
  ])("%s", (_what, text, expected) => {
    expect(cleanText(text)).toBe(expected);
    expect(cleanInFull(text)).toBe(expected);
  });

  it("takes its shortcut only where every step would leave the text as it is", () => {
    // Random texts over the units each step looks at, and letters around them.
    const units = [
      ..."أحمد ال قال",
      " ",
      "  ",
      "\n",
      "\n\n",
      "\r",
      "\t",
      "\u00A0",
      "\u2000",
      "\u2028",
      "\u200B",
      "\uFEFF",
      "\u0001",
      "\u0654",
      // Marks NFC reorders (two in a row) or composes, and units it replaces or joins.
      "\u064E",
      "\u0651",
      "\u0670",
      "\u0653",
      "\u0301",
      "e",
      "\u1100",
      "\u1161",
      "\uAC00",
      "\u11A8",
      "\u2126",
      "\uD834\uDD65",
      "\uD834",
      "\uFEB3",
      "<b>",
      "&amp;",
      "x",
    ];
    let seed = 7;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    for (let sample = 0; sample < 50_000; sample++) {
      const text = Array.from({ length: 1 + random(12) }, () => units[random(units.length)]).join("");
      expect(cleanText(text), JSON.stringify(text)).toBe(cleanInFull(text));
    }
  });
});
