import { describe, expect, it } from "vitest";
import { markTypedStarts, startForms, withTypedStartsMarked } from "./marks.js";

describe("markTypedStarts", () => {
  it("marks words as the analyzer reads them: spelling variants folded, an article (with و ف ب ك before it) aside", () => {
    expect(markTypedStarts("أمريكى تعلن والامريكيون يردون", ["امريك"])).toBe(
      "<mark>أمريكى</mark> تعلن <mark>والامريكيون</mark> يردون",
    );
    expect(markTypedStarts("الهلال يفوز", ["هلا"])).toBe("<mark>الهلال</mark> يفوز");
  });

  it("adds its marks to the highlighter's, reading the entities it wrote", () => {
    const title = 'بوتين يلتقي <الرئيس> & "الوفد"';
    const highlighted = "بوتين <mark>يلتقي</mark> &lt;الرئيس&gt; &amp; &quot;الوفد&quot;";
    expect(markTypedStarts(title, startForms("بوت"), highlighted)).toBe(
      "<mark>بوتين</mark> <mark>يلتقي</mark> &lt;الرئيس&gt; &amp; &quot;الوفد&quot;",
    );
  });

  it("keeps the highlighter's marks when no word begins with the typed start, and marks nothing new", () => {
    expect(markTypedStarts("بوتين يلتقي", ["سيس"], "<mark>بوتين</mark> يلتقي")).toBe(
      "<mark>بوتين</mark> يلتقي",
    );
    expect(markTypedStarts("بوتين يلتقي", ["سيس"])).toBeUndefined();
  });

  it("marks a start typed with its article in words with or without one: الاقتصا begins والاقتصاد and اقتصادي", () => {
    expect(markTypedStarts("والاقتصاد نمو اقتصادي", startForms("الاقتصا"))).toBe(
      "<mark>والاقتصاد</mark> نمو <mark>اقتصادي</mark>",
    );
  });

  it("leaves a highlight of another text as it came", () => {
    expect(markTypedStarts("بوتين", ["بوت"], "<mark>غيره</mark>")).toBe("<mark>غيره</mark>");
  });
});

describe("startForms", () => {
  it("compares title words with the word's other listed spellings too", () => {
    expect(startForms("ترمب")).toEqual(["ترمب", "ترامب"]);
    expect(markTypedStarts("ترامب يهدد كوبا", startForms("ترمب"))).toBe("<mark>ترامب</mark> يهدد كوبا");
  });
});

describe("withTypedStartsMarked", () => {
  const hit = (title: string, highlighted?: string) => ({
    _source: { title },
    ...(highlighted ? { highlight: { title: [highlighted], lead: ["…"] } } : {}),
  });

  it("puts the marks in the title's highlight and keeps the other fields'", () => {
    expect(withTypedStartsMarked(hit("بوتين يلتقي", "بوتين <mark>يلتقي</mark>"), ["بوت"]).highlight).toEqual({
      title: ["<mark>بوتين</mark> <mark>يلتقي</mark>"],
      lead: ["…"],
    });
  });

  it("leaves the hit as it came when nothing is typed or nothing begins with it", () => {
    const plain = hit("بوتين يلتقي");
    expect(withTypedStartsMarked(plain, [])).toBe(plain);
    expect(withTypedStartsMarked(plain, ["سيس"])).toBe(plain);
  });

  it("reads an entity of a code point past Unicode's last without an error", () => {
    // It reads as U+FFFD, so the highlight is of another text than the title and is left as it came.
    expect(markTypedStarts("&#x110000; بوتين", ["بوت"], "&#x110000; بوتين")).toBe("&#x110000; بوتين");
  });
});
