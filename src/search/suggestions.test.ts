import type { estypes } from "@elastic/elasticsearch";
import { describe, expect, it } from "vitest";
import type { ArticleDocument } from "../articles/document.js";
import { offeredSuggestions, readTyping } from "./suggestions.js";

let next = 0;
/** A completion hit; hits are given in the completion's order (score, then newest). */
const hit = (title: string, score = 1): estypes.SearchHit<Partial<ArticleDocument>> => ({
  _index: "articles",
  _id: `a${++next}`,
  _score: score,
  _source: { title, source: "وكالة", published_at: "2025-01-01T00:00:00Z" },
});
const likeliestCompletion = (hits: ReturnType<typeof hit>[], q: string) => readTyping(hits, q, 8).completion;
const typingOnlyBegun = (hits: ReturnType<typeof hit>[], q: string, size: number) =>
  readTyping(hits, q, size).typingOnlyBegun;
const titles = (hits: ReturnType<typeof hit>[], q: string, size = 8, typoAway = false) =>
  offeredSuggestions(hits, q, size, { typoAway }).map((suggestion) => suggestion.title);

describe("offeredSuggestions", () => {
  it("offers a title once, however its copies or reuses spell it", () => {
    const hits = [
      hit("الاقتصاد في صور"),
      hit("الاقتصاد في صور"),
      hit("أردوغان: بوتين سيتخلى عن الأسد"),
      hit("اردوغان: بوتين سيتخلي عن الأسد"),
    ];
    expect(titles(hits, "الاقتصا")).toEqual(["الاقتصاد في صور", "أردوغان: بوتين سيتخلى عن الأسد"]);
  });

  it("orders titles matching alike by how many complete the word being typed the same way", () => {
    const hits = [hit("بوتان تستضيف البطولة"), hit("بوتين يستقبل الرئيس"), hit("لقاء بين بوتين وماكرون")];
    expect(titles(hits, "بوت")).toEqual([
      "بوتين يستقبل الرئيس",
      "لقاء بين بوتين وماكرون",
      "بوتان تستضيف البطولة",
    ]);
  });

  it("counts a title for its most used completion, whichever word comes first", () => {
    const hits = [
      hit("كوريا الجنوبية تهزم كورونا"),
      hit("لقاح كورونا"),
      hit("كوريا تفوز"),
      hit("إصابات كورونا"),
    ];
    expect(titles(hits, "كورو")).toEqual([
      "لقاح كورونا",
      "إصابات كورونا",
      "كوريا الجنوبية تهزم كورونا",
      "كوريا تفوز",
    ]);
  });

  it("offers, of titles completing the word alike, the shorter first, then the newer", () => {
    const hits = [hit("بوتين يستقبل الرئيس الصيني في الكرملين"), hit("بوتين يصل"), hit("بوتين يغادر")];
    expect(titles(hits, "بوت")).toEqual([
      "بوتين يصل",
      "بوتين يغادر",
      "بوتين يستقبل الرئيس الصيني في الكرملين",
    ]);
  });

  it("keeps a title that matches better ahead, however rare its completion", () => {
    const hits = [hit("بوتان تستضيف البطولة", 3), hit("بوتين يستقبل الرئيس"), hit("لقاء بين بوتين وماكرون")];
    expect(titles(hits, "بوت")[0]).toBe("بوتان تستضيف البطولة");
  });

  it("counts a completion however it was typed: with the article, or an article and a letter or two", () => {
    const hits = [hit("معرض الكهرمان"), hit("انقطاع الكهرباء"), hit("شبكة الكهرباء"), hit("الكهرباء تعود")];
    expect(titles(hits, "الكهر", 2)).toEqual(["انقطاع الكهرباء", "شبكة الكهرباء"]);
    expect(titles(hits, "الك", 2)).toEqual(["انقطاع الكهرباء", "شبكة الكهرباء"]);
  });

  it("offers titles a typo away likeliest slip first, whatever their scores", () => {
    // سلمن leaves a letter out of سلمان, and is two letters off سلطان's start.
    const hits = [hit("الأمير سلطان يدشن حملة", 5), hit("الملك سلمان يفتتح المشروع", 1)];
    expect(titles(hits, "سلمن", 8, true)).toEqual(["الملك سلمان يفتتح المشروع", "الأمير سلطان يدشن حملة"]);
    // A title holding the words as typed needs no slip; typed as completed, scores decide.
    expect(titles(hits, "سلمن", 8)).toEqual(["الأمير سلطان يدشن حملة", "الملك سلمان يفتتح المشروع"]);
  });

  it("offers at most `size` titles", () => {
    expect(titles([hit("بوتين"), hit("بوتين يصل"), hit("بوتين يغادر")], "بوت", 2)).toHaveLength(2);
  });

  it("marks the typed starts, escaped, and in titles a typo away the words found so", () => {
    const [suggestion] = offeredSuggestions([hit("«السيسي» يستقبل <الوفد>")], "السيسي يست", 8);
    expect(suggestion?.highlighted).toBe("«<mark>السيسي</mark>» <mark>يستقبل</mark> &lt;الوفد&gt;");
    const [typo] = offeredSuggestions([hit("السيسي يستقبل <الوفد>")], "السيسو يست", 8, { typoAway: true });
    expect(typo?.highlighted).toBe("<mark>السيسي</mark> <mark>يستقبل</mark> &lt;الوفد&gt;");
    const [unmarked] = offeredSuggestions([hit("السيسي يستقبل")], "السيسو", 8);
    expect(unmarked?.highlighted).toBe("السيسي يستقبل");
  });
});

describe("likeliestCompletion", () => {
  it("is the completion most titles use, each title once, in its indexed form", () => {
    const hits = [
      hit("بوتان تستضيف البطولة"),
      hit("بوتين يستقبل الرئيس"),
      hit("لقاء بين بوتين وماكرون"),
      hit("لقاء بين بوتين وماكرون"),
    ];
    expect(likeliestCompletion(hits, "بوت")).toBe("بوتين");
    expect(likeliestCompletion([hit("الكهرباء تعود"), hit("انقطاع الكهرباء")], "الكهر")).toBe("كهرباء");
  });

  it("is none when a title holds the word as typed: it may be finished", () => {
    const hits = [hit("الصين تستضيف القمة"), hit("الصينية تفوز"), hit("الشركات الصينية")];
    expect(likeliestCompletion(hits, "الصين")).toBeUndefined();
    expect(likeliestCompletion([hit("ميس بيجي"), hit("ميسي يسجل"), hit("ميسي جاهز")], "ميس")).toBeUndefined();
  });

  it("is no word the typed letters spell without an article, nor any when nothing is typed", () => {
    const hits = [hit("هل تعود الكهرباء؟"), hit("هل ينجح الحوار؟"), hit("الهلال يفوز"), hit("فوز الهلال")];
    expect(likeliestCompletion(hits, "الهل")).toBe("هلال");
    expect(likeliestCompletion(hits, "")).toBeUndefined();
    expect(likeliestCompletion([hit("مطار القاهرة")], "بوت")).toBeUndefined();
    // One title's word may be chance (مدن الويس: ويسيطر).
    expect(likeliestCompletion([hit("مدني مكة يخلي ويسيطر")], "مدن الويس")).toBeUndefined();
  });
});

describe("typingOnlyBegun", () => {
  it("is whether fewer titles than asked begin a word typed alone, none holding it whole", () => {
    expect(typingOnlyBegun([hit("دعشنة الخطاب")], "دعش", 8)).toBe(true);
    expect(typingOnlyBegun([hit("دعشنة الخطاب")], "الخطاب دعش", 8)).toBe(false);
    expect(typingOnlyBegun([hit("دعشنة الخطاب"), hit("دعشنة المجتمع")], "دعش", 2)).toBe(false);
    expect(typingOnlyBegun([hit("الصين تستضيف القمة"), hit("الصينية تفوز")], "الصين", 8)).toBe(false);
    // A listed spelling held whole is the word as typed.
    expect(typingOnlyBegun([hit("تطورات كوفيد في المنطقة")], "كورونا", 8)).toBe(false);
    expect(typingOnlyBegun([], "دعش", 8)).toBe(false);
  });
});
