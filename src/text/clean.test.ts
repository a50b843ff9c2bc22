import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanInFull, cleanText, markupToText } from "./clean.js";

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
    // Fifty thousand texts take seconds on a busy two-core machine: the default 5 s would fail there.
  }, 60_000);
});

describe("markup in text", () => {
  it.each([
    [
      "a tag rebuilt from its pieces",
      "<scr<scr<b>ipt>ipt>alert(1)</scr</b>ipt>ipt>",
      "ipt>ipt>alert(1)ipt>ipt>",
    ],
    ["a tag left behind by the ones inside it", "<<<img>img>img src=x onerror=alert(1)>خبر", "خبر"],
    ["markup escaped once", "&lt;script&gt;alert(1)&lt;/script&gt;خبر", "خبر"],
    ["markup escaped twice stays text", "&amp;lt;b&amp;gt;", "&lt;b&gt;"],
    ["raw text elements", "<textarea><img src=x></textarea><xmp><svg onload=x></xmp>", ""],
    ["CDATA markers around text", "<![CDATA[<p>نص</p>]]>", "نص"],
    ["comparisons", "a < b و 5 > 3 و x<3", "a < b و 5 > 3 و x<3"],
    ["a script between words", "قال<script>x()</script>الوزير", "قال الوزير"],
    ["a tag split by an invisible character", "خبر <\u200Bscript>alert(1)</\u200Bscript>", "خبر"],
    [
      "a tag split by an escaped invisible character",
      "خبر &lt;&#x200B;img src=x onerror=alert(1)&gt;",
      "خبر",
    ],
    ["a tag whose letter NFC makes (KELVIN SIGN → K)", "خبر <\u212Abd onclick=alert(1)>", "خبر"],
  ])("%s", (_what, html, expected) => {
    expect(cleanText(html)).toBe(expected);
  });

  it("leaves no tag in any text, however its markup is nested", () => {
    const piece = fc.constantFrom(
      ..."<>/!?=\"' x",
      "script",
      "img",
      "b",
      "<b>",
      "</b>",
      "&lt;",
      "&gt;",
      "&amp;",
      "<!--",
      "-->",
      "<![CDATA[",
      "]]>",
      "onerror=alert(1)",
      "\u200B",
      "\u0000",
      "&#x200B;",
      "\u212A",
      "خبر",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = cleanText(pieces.join(""));
        expect(text).not.toMatch(/<[a-zA-Z/!?]/);
      }),
      { numRuns: 5_000 },
    );
  });

  it("reads markup nested however deep in time that grows with its length alone", () => {
    const started = Date.now();
    expect(cleanText(`${"<div><span>".repeat(100_000)}نص`)).toBe("نص");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("gives up on markup nested deeper than it reads, dropping the `<`s of what is left", () => {
    const nested = `${"<".repeat(30)}${"img>".repeat(30)}img src=x>`;
    expect(markupToText(nested)).not.toMatch(/<[a-zA-Z/!?]/);
  });
});
