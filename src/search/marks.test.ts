import { describe, expect, it } from "vitest";
import { markTitle, startForms, typoMarks, withTitleMarks } from "./marks.js";

describe("markTitle", () => {
  it("marks words as the analyzer reads them: spelling variants folded, an article (with و ف ب ك before it) aside", () => {
    expect(markTitle("أمريكى تعلن والامريكيون يردون", { starts: ["امريك"] })).toBe(
      "<mark>أمريكى</mark> تعلن <mark>والامريكيون</mark> يردون",
    );
    expect(markTitle("الهلال يفوز", { starts: ["هلا"] })).toBe("<mark>الهلال</mark> يفوز");
  });

  it("adds its marks to the highlighter's, reading the entities it wrote", () => {
    const title = 'بوتين يلتقي <الرئيس> & "الوفد"';
    const highlighted = "بوتين <mark>يلتقي</mark> &lt;الرئيس&gt; &amp; &quot;الوفد&quot;";
    expect(markTitle(title, { starts: startForms("بوت") }, highlighted)).toBe(
      "<mark>بوتين</mark> <mark>يلتقي</mark> &lt;الرئيس&gt; &amp; &quot;الوفد&quot;",
    );
  });

  it("keeps the highlighter's marks when no word begins with the typed start, and marks nothing new", () => {
    expect(markTitle("بوتين يلتقي", { starts: ["سيس"] }, "<mark>بوتين</mark> يلتقي")).toBe(
      "<mark>بوتين</mark> يلتقي",
    );
    expect(markTitle("بوتين يلتقي", { starts: ["سيس"] })).toBeUndefined();
  });

  it("marks a start typed with its article in words with or without one: الاقتصا begins والاقتصاد and اقتصادي", () => {
    expect(markTitle("والاقتصاد نمو اقتصادي", { starts: startForms("الاقتصا") })).toBe(
      "<mark>والاقتصاد</mark> نمو <mark>اقتصادي</mark>",
    );
  });

  it("leaves a highlight of another text as it came", () => {
    expect(markTitle("بوتين", { starts: ["بوت"] }, "<mark>غيره</mark>")).toBe("<mark>غيره</mark>");
  });
});

describe("startForms", () => {
  it("compares title words with the word's other listed spellings too", () => {
    expect(startForms("ترمب")).toEqual(["ترمب", "ترامب"]);
    expect(markTitle("ترامب يهدد كوبا", { starts: startForms("ترمب") })).toBe("<mark>ترامب</mark> يهدد كوبا");
  });

  it("has none for an article alone, which begins no word in particular", () => {
    expect(startForms("ال")).toEqual([]);
    expect(startForms("وال")).toEqual([]);
    expect(startForms("الص")).toEqual(["الص", "ص"]);
  });
});

describe("withTitleMarks", () => {
  const hit = (title: string, highlighted?: string) => ({
    _source: { title },
    ...(highlighted ? { highlight: { title: [highlighted], lead: ["…"] } } : {}),
  });

  it("puts the marks in the title's highlight and keeps the other fields'", () => {
    expect(
      withTitleMarks(hit("بوتين يلتقي", "بوتين <mark>يلتقي</mark>"), { starts: ["بوت"] }).highlight,
    ).toEqual({
      title: ["<mark>بوتين</mark> <mark>يلتقي</mark>"],
      lead: ["…"],
    });
  });

  it("leaves the hit as it came when nothing is typed or nothing begins with it", () => {
    const plain = hit("بوتين يلتقي");
    expect(withTitleMarks(plain, { starts: [] })).toBe(plain);
    expect(withTitleMarks(plain, { starts: ["سيس"] })).toBe(plain);
  });

  it("reads an entity of a code point past Unicode's last without an error", () => {
    // It reads as U+FFFD, so the highlight is of another text than the title and is left as it came.
    expect(markTitle("&#x110000; بوتين", { starts: ["بوت"] }, "&#x110000; بوتين")).toBe("&#x110000; بوتين");
  });
});

describe("typoMarks", () => {
  const typos = (q: string, typing = false) => {
    const words = q.split(" ");
    return typoMarks(words, typing ? startForms(words.at(-1) ?? "") : undefined);
  };

  it("marks the title word a typed word was found a typo away from, on top of the highlighter's marks", () => {
    expect(markTitle("السيسي يستقبل الوفد", { starts: [], typos: typos("السيسو") })).toBe(
      "<mark>السيسي</mark> يستقبل الوفد",
    );
    expect(
      markTitle(
        "النصر يكسب السد",
        { starts: [], typos: typos("النرص يكسب") },
        "النصر <mark>يكسب</mark> السد",
      ),
    ).toBe("<mark>النصر</mark> <mark>يكسب</mark> السد");
  });

  it("marks nothing a typo away from a word the title holds as typed: those are other words", () => {
    expect(markTitle("الأمن يلاحق الأمم", { starts: [], typos: typos("الأمن") })).toBeUndefined();
    expect(markTitle("الأمم المتحدة", { starts: [], typos: typos("الأمن") })).toBe(
      "<mark>الأمم</mark> المتحدة",
    );
  });

  it("takes the word being typed as held where a title word begins with it", () => {
    const marks = { starts: startForms("يستق"), typos: typos("ولي يستق", true) };
    expect(markTitle("يسبق ولي العهد يستقبل", marks)).toBe("يسبق ولي العهد <mark>يستقبل</mark>");
    expect(markTitle("ولي العهد يسبق", marks)).toBe("ولي العهد <mark>يسبق</mark>");
  });

  it("has nothing for words that are never typos", () => {
    expect(typos("2025 من")).toEqual([]);
  });
});
