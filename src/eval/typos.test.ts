import { describe, expect, it } from "vitest";
import { normalizeArabic } from "../text/arabic.js";
import { KEYBOARD_NEIGHBOURS } from "../text/keyboard.js";
import { seededRng } from "./perturb.js";
import {
  bodySentences,
  cutWord,
  LONG_VOWEL,
  mistype,
  recallableWords,
  TYPOS,
  type TypoKind,
  typeFromMemory,
  withOneTypo,
} from "./typos.js";

const TITLES = [
  "أمير منطقة الرياض يفتتح مستشفى الملك سلمان بتكلفة 500 مليون",
  "إطلاق مبادرة جديدة للتعليم في المدارس الثانوية",
  "وزارة الصحة: ٣ حالات جديدة مصابة بفيروس كورونا في جدة",
  "الهلال يتأهل إلى نهائي كأس آسيا",
  "الحكومة التونسية تعلن عن إجراءات جديدة لدعم الاستثمار في الجهات الداخلية",
];

describe("recallableWords", () => {
  it("keeps Arabic words without digits, function words or harakat", () => {
    expect(recallableWords("وزارة الصحة: ٣ حالات في جدة 2015")).toEqual(["وزارة", "الصحة", "حالات", "جدة"]);
    expect(recallableWords("الهلالُ يتأهل إلى نهائي COVID")).toEqual(["الهلال", "يتأهل", "نهائي"]);
  });
});

describe("mistype", () => {
  const word = "الرياض";
  const made = (kind: TypoKind, seed: number) => mistype(word, seededRng(seed), [kind])?.typed ?? "";

  it("drops one letter", () => {
    for (let seed = 0; seed < 20; seed++) {
      const typed = made("drop", seed);
      expect(Array.from(typed)).toHaveLength(5);
      expect(Array.from(word).some((_, i) => word.slice(0, i) + word.slice(i + 1) === typed)).toBe(true);
    }
  });

  it("leaves out a long vowel, never the article's or the first letter", () => {
    const typed = new Set(
      Array.from({ length: 20 }, (_, seed) => mistype("الفيروس", seededRng(seed), [LONG_VOWEL])?.typed),
    );
    expect(typed).toEqual(new Set(["الفروس", "الفيرس"]));
    expect(mistype("اتفاق", seededRng(1), [LONG_VOWEL])?.typed).toBe("اتفق");
    expect(mistype("سفر", seededRng(1), [LONG_VOWEL])).toBeUndefined();
  });

  it("doubles one letter", () => {
    for (let seed = 0; seed < 20; seed++) {
      const typed = made("double", seed);
      expect(Array.from(word).some((c, i) => word.slice(0, i) + c + word.slice(i) === typed)).toBe(true);
    }
  });

  it("swaps two adjacent, different letters", () => {
    for (let seed = 0; seed < 20; seed++) {
      const typed = made("swap", seed);
      expect([...typed].sort()).toEqual([...word].sort());
      const differ = [...word].flatMap((c, i) => (c === typed[i] ? [] : [i]));
      expect(differ).toHaveLength(2);
      expect((differ[1] ?? 0) - (differ[0] ?? 0)).toBe(1);
    }
  });

  it("hits a neighbouring key instead of one letter", () => {
    for (let seed = 0; seed < 20; seed++) {
      const typed = made("neighbour", seed);
      const at = [...word].findIndex((c, i) => c !== typed[i]);
      expect(typed).toHaveLength(word.length);
      expect(KEYBOARD_NEIGHBOURS.get(word[at] ?? "")).toContain(typed[at]);
    }
  });

  it("never makes a slip that normalisation undoes", () => {
    for (let seed = 0; seed < 200; seed++) {
      const typed = mistype("مستشفى", seededRng(seed))?.typed ?? "";
      expect(normalizeArabic(typed)).not.toBe(normalizeArabic("مستشفى"));
    }
  });
});

describe("cutWord", () => {
  it("keeps 60% of the letters, three at least", () => {
    expect(cutWord("الاقتصادية")).toBe("الاقتص");
    expect(cutWord("جديدة")).toBe("جدي");
    expect(cutWord("وزارة")).toBe("وزا");
    expect(cutWord("جدة")).toBe("جدة");
  });
});

describe("typeFromMemory", () => {
  const many = (options: { typo: boolean; cutChance: number }) => {
    const rng = seededRng(7);
    return Array.from({ length: 400 }, (_, n) => {
      const title = TITLES[n % TITLES.length] as string;
      return { title, query: typeFromMemory(title, rng, options) };
    });
  };

  it("keeps two or three recallable words in title order, one mistyped word of 4+ letters", () => {
    for (const { title, query } of many({ typo: true, cutChance: 0.5 })) {
      if (!query) throw new Error(`no query from ${title}`);
      const words = recallableWords(title);
      expect(query.intended.length).toBeGreaterThanOrEqual(2);
      expect(query.intended.length).toBeLessThanOrEqual(3);
      const at = query.intended.map((word) => words.indexOf(word));
      expect(at.every((i, n) => i >= 0 && (n === 0 || i > (at[n - 1] ?? -1)))).toBe(true);
      const typo = query.typo;
      expect(typo).not.toBeNull();
      if (!typo) continue;
      expect(TYPOS).toContain(typo.kind);
      expect(Array.from(typo.intended).length).toBeGreaterThanOrEqual(4);
      expect(query.intended[typo.word]).toBe(typo.intended);
      const last = query.typed.length - 1;
      if (query.cut) expect(typo.word).not.toBe(last);
      query.typed.forEach((word, i) => {
        const meant = query.intended[i] as string;
        if (i === typo.word) expect(word).toBe(typo.typed);
        else if (i === last && query.cut) expect(word).toBe(cutWord(meant));
        else expect(word).toBe(meant);
      });
    }
  });

  it("cuts the last word about half the time the typo is elsewhere, never when it is there", () => {
    const queries = many({ typo: true, cutChance: 0.5 }).flatMap(({ query }) => (query ? [query] : []));
    const elsewhere = queries.filter((q) => q.typo && q.typo.word !== q.typed.length - 1);
    const share = elsewhere.filter((q) => q.cut).length / elsewhere.length;
    expect(share).toBeGreaterThan(0.35);
    expect(share).toBeLessThan(0.65);
    expect(queries.filter((q) => q.typo?.word === q.typed.length - 1 && q.cut)).toHaveLength(0);
  });

  it("makes every kind of typo", () => {
    const kinds = new Set(many({ typo: true, cutChance: 0.5 }).map(({ query }) => query?.typo?.kind));
    expect([...kinds].sort()).toEqual([...TYPOS].sort());
  });

  it("types the words correctly and whole when asked for no typo and no cut", () => {
    for (const { query } of many({ typo: false, cutChance: 0 })) {
      expect(query?.typo).toBeNull();
      expect(query?.cut).toBe(false);
      expect(query?.typed).toEqual(query?.intended);
    }
  });

  it("is deterministic for a seed and refuses titles too short to recall", () => {
    const options = { typo: true, cutChance: 0.5 };
    expect(typeFromMemory(TITLES[0] as string, seededRng(3), options)).toEqual(
      typeFromMemory(TITLES[0] as string, seededRng(3), options),
    );
    expect(typeFromMemory("أخبار اليوم", seededRng(3), options)).toBeUndefined();
    expect(typeFromMemory("هذا هو ما في", seededRng(3), options)).toBeUndefined();
  });
});

describe("withOneTypo", () => {
  const question = "متى بدأت الحرب العالمية الثانية؟";

  it("mistypes one recallable word of 4+ letters and keeps every other word as written", () => {
    const rng = seededRng(11);
    for (let n = 0; n < 200; n++) {
      const made = withOneTypo(question, rng);
      if (!made) throw new Error("no typo made");
      const words = question.split(" ");
      const typed = made.typed.split(" ");
      expect(typed).toHaveLength(words.length);
      // Not the question word (a function word), nor a word joined to its question mark.
      expect(["بدأت", "الحرب", "العالمية"]).toContain(made.typo.intended);
      expect(typed[made.typo.word]).toBe(made.typo.typed);
      expect(normalizeArabic(made.typo.typed)).not.toBe(normalizeArabic(made.typo.intended));
      expect(typed.filter((word, i) => word !== words[i])).toEqual([made.typo.typed]);
    }
  });

  it("is deterministic for a seed and makes none where no word can take one", () => {
    expect(withOneTypo(question, seededRng(5))).toEqual(withOneTypo(question, seededRng(5)));
    expect(withOneTypo("من هو ابن رشد؟", seededRng(5))).toBeUndefined();
  });
});

describe("bodySentences", () => {
  it("splits at stops, question marks, Arabic commas and line breaks, keeping 6 to 20 words", () => {
    const body =
      "أعلنت الوزارة اليوم عن خطة جديدة لتطوير التعليم في المدارس الحكومية. قال الوزير إن الخطة تبدأ الشهر المقبل، وتستمر ثلاث سنوات؟ نعم.\nوأضاف أن التمويل مضمون من الموازنة العامة للدولة هذا العام";
    expect(bodySentences(body)).toEqual([
      "أعلنت الوزارة اليوم عن خطة جديدة لتطوير التعليم في المدارس الحكومية",
      "قال الوزير إن الخطة تبدأ الشهر المقبل",
      "وأضاف أن التمويل مضمون من الموازنة العامة للدولة هذا العام",
    ]);
    expect(bodySentences(Array.from({ length: 21 }, () => "كلمة").join(" "))).toEqual([]);
  });
});
