import { describe, expect, it } from "vitest";
import {
  MAX_CLAUSES,
  MAX_WORD_CHARS,
  outsideQuotes,
  parseQuery,
  plainWords,
  positiveText,
  unquotedQuery,
  withAndJoined,
} from "./query-parser.js";

describe("unquotedQuery", () => {
  it("turns quoted phrases into plain words and keeps the rest as typed", () => {
    expect(unquotedQuery('كتاب "معالم العالم السبع" لفيلو')).toBe("كتاب معالم العالم السبع لفيلو");
    expect(unquotedQuery("«محطة الضبعة» النووية")).toBe("محطة الضبعة النووية");
    expect(unquotedQuery('"كأس العالم" -"كرة السلة"')).toBe('كأس العالم -"كرة السلة"');
    expect(unquotedQuery('وصل "ذا العشيرة')).toBe("وصل ذا العشيرة");
  });

  it("leaves the last word finished when a quote closes the query", () => {
    expect(unquotedQuery('"محطة الضبعة"')).toBe("محطة الضبعة ");
    expect(unquotedQuery('"فيرس"')).toBe("فيرس ");
  });

  it("is undefined when nothing is quoted", () => {
    expect(unquotedQuery("محطة الضبعة النووية")).toBeUndefined();
    expect(unquotedQuery('ترامب -"البيت الأبيض"')).toBeUndefined();
  });
});

describe("outsideQuotes", () => {
  it("leaves out quoted phrases and words, excluded ones too", () => {
    expect(outsideQuotes('متى استخدم المختصر"Clit"')).toBe("متى استخدم المختصر");
    expect(outsideQuotes('aramco «Galaxy S» -"iPhone" samsung')).toBe("aramco samsung");
    expect(outsideQuotes("ارباح aramco")).toBe("ارباح aramco");
  });
});

describe("parseQuery", () => {
  it("splits words, phrases, exclusions and OR groups", () => {
    expect(parseQuery('السيسي "الضبعة النووية" -روسيا قطر OR الكويت')).toEqual({
      terms: [["السيسي"], ["قطر", "الكويت"]],
      phrases: ["الضبعة النووية"],
      excluded: ["روسيا"],
      lastWordIsPrefix: false,
      isQuestion: false,
    });
  });

  it("accepts | and أو as OR, and Arabic quotation marks", () => {
    expect(parseQuery("قطر | الكويت").terms).toEqual([["قطر", "الكويت"]]);
    expect(parseQuery("قطر أو الكويت").terms).toEqual([["قطر", "الكويت"]]);
    expect(parseQuery("«محطة الضبعة»").phrases).toEqual(["محطة الضبعة"]);
  });

  it("takes one quoted word as a phrase: the word as typed, never read as another", () => {
    expect(parseQuery('"فيرس"')).toMatchObject({ terms: [], phrases: ["فيرس"] });
    expect(parseQuery('علاج "السل"')).toMatchObject({ terms: [["علاج"]], phrases: ["السل"] });
  });

  it("treats Lucene syntax and stray operators as plain text, never failing", () => {
    for (const input of [
      '"unclosed phrase',
      "title:(a OR",
      "*:*",
      "a~2 b^3",
      "\\",
      "OR",
      "-",
      '""',
      "[a TO z]",
      "/.*/",
    ]) {
      expect(() => parseQuery(input)).not.toThrow();
    }
    expect(parseQuery("title:(بوتين^3)").terms).toEqual([["title بوتين 3"]]);
    expect(parseQuery("OR قطر").terms).toEqual([["قطر"]]);
    expect(parseQuery('"الضبعة النووية').phrases).toEqual(["الضبعة النووية"]);
  });

  it("takes the last word as unfinished while the query ends inside a plain word", () => {
    expect(parseQuery("السيسي بوت").lastWordIsPrefix).toBe(true);
    expect(parseQuery("الاقتصا").lastWordIsPrefix).toBe(true);
    expect(parseQuery("السيسي بوتين ").lastWordIsPrefix).toBe(false);
    expect(parseQuery("أين درس ابن خلدون؟").lastWordIsPrefix).toBe(false);
    expect(parseQuery('السيسي "بوتين"').lastWordIsPrefix).toBe(false);
    expect(parseQuery("السيسي -بوتين").lastWordIsPrefix).toBe(false);
    expect(parseQuery("قطر OR الكويت").lastWordIsPrefix).toBe(false);
    expect(parseQuery("").lastWordIsPrefix).toBe(false);
  });

  it("joins و typed apart to the word after it, and drops it last, the word before it finished", () => {
    expect(parseQuery("الهلال و النصر").terms).toEqual([["الهلال"], ["والنصر"]]);
    expect(parseQuery("قطر OR و الكويت").terms).toEqual([["قطر", "والكويت"]]);
    const typing = parseQuery("الهلال و");
    expect(typing.terms).toEqual([["الهلال"]]);
    expect(typing.lastWordIsPrefix).toBe(false);
    expect(parseQuery("وزير الخارجية").terms).toEqual([["وزير"], ["الخارجية"]]);
    // Before a phrase, an exclusion or OR it joins nothing.
    expect(withAndJoined(["مصر", "و", '"القاهرة الجديدة"'])).toEqual(["مصر", '"القاهرة الجديدة"']);
    expect(withAndJoined(["مصر", "و", "-القاهرة"])).toEqual(["مصر", "-القاهرة"]);
    expect(withAndJoined(["مصر", "و", "OR", "تونس"])).toEqual(["مصر", "OR", "تونس"]);
  });

  it("knows a question by its first word or its question mark", () => {
    expect(parseQuery("متى استقلت الهند").isQuestion).toBe(true);
    expect(parseQuery("استقلال الهند؟").isQuestion).toBe(true);
    expect(parseQuery("ماهي عاصمة سوريا").isQuestion).toBe(true);
    expect(parseQuery("استقلال الهند").isQuestion).toBe(false);
  });

  it("leaves the question word a question opens with out of its words", () => {
    expect(parseQuery("متى يبدأ العام الدراسي")).toMatchObject({
      terms: [["يبدأ"], ["العام"], ["الدراسي"]],
      questionWord: "متى",
      isQuestion: true,
    });
    // Alone, or joined by OR, it is what was asked; a question mark alone names no question word.
    expect(parseQuery("متى").terms).toEqual([["متى"]]);
    expect(parseQuery("متى OR كيف").terms).toEqual([["متى", "كيف"]]);
    expect(parseQuery("استقلال الهند؟").questionWord).toBeUndefined();
    expect(parseQuery("استقلال الهند؟").terms).toEqual([["استقلال"], ["الهند"]]);
  });

  it("lists the plain words apart from OR groups", () => {
    expect(plainWords(parseQuery("السيسي قطر OR الكويت بوتين"))).toEqual(["السيسي", "بوتين"]);
  });

  it("bounds the number of clauses", () => {
    const parsed = parseQuery(Array.from({ length: 100 }, (_, i) => `كلمة${i}`).join(" "));
    expect(parsed.terms.length).toBe(MAX_CLAUSES);
  });

  it("cuts a run of letters longer than any word", () => {
    const parsed = parseQuery(`${"اب".repeat(100)} مصر`);
    expect(parsed.terms.map((term) => term.join(" "))).toEqual(["اب".repeat(15), "مصر"]);
    expect(parseQuery(`"${"ن".repeat(100)} نفط"`).phrases).toEqual([`${"ن".repeat(MAX_WORD_CHARS)} نفط`]);
  });

  it("cleans markup and invisible characters from the query", () => {
    expect(positiveText(parseQuery("<b>بوتين</b>\u200f"))).toBe("بوتين");
  });
});
