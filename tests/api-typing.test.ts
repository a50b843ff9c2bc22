/**
 * Queries as readers type them, against a real Elasticsearch: an unfinished last word finds what
 * the suggestions offer, a misspelt word still finds its story (below the word as typed), "did you
 * mean" appears only for a misspelling, and no query, however long its words, costs unbounded time.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RANKING } from "../src/search/ranking.js";
import type { SearchResponse } from "../src/search/responses.js";
import { appWithFixtures, writeFixture } from "./helpers/api.js";

const fixture = (name: string) => join(import.meta.dirname, "fixtures", name);
const { app } = appWithFixtures("typing", async () => [fixture("typing.jsonl")]);

async function search(q: string, on = app): Promise<SearchResponse> {
  const response = await on.request(`/api/search?q=${encodeURIComponent(q)}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as SearchResponse;
}

async function suggested(q: string, on = app): Promise<string[]> {
  const response = await on.request(`/api/suggest?q=${encodeURIComponent(q)}`);
  const { suggestions } = (await response.json()) as { suggestions: Array<{ id: string }> };
  return suggestions.map((suggestion) => suggestion.id);
}

const ids = (result: SearchResponse) => result.hits.map((hit) => hit.id);

/** A fixture block's articles, one a day of `month` (2025-04), from two sources by turns (odd days, even days). */
const dailyReportsOf =
  (month: string, [oddDays, evenDays]: [string, string]) =>
  (id: string, title: string, body: string, day: number) => ({
    id,
    title,
    body,
    source: day % 2 ? oddDays : evenDays,
    published_at: `${month}-${String(day).padStart(2, "0")}T08:00:00Z`,
  });

/** A fixture block's articles, all from one source at one time. */
const reportsOf = (source: string, published_at: string) => (id: string, title: string, body: string) => ({
  id,
  title,
  body,
  source,
  published_at,
});

describe("the last word, still being typed", () => {
  it.each([
    ["بوت", "ty-putin"],
    ["الاقتصا", "ty-economy"],
    ["الملك سلم", "ty-salman"],
    ["قارب صي", "ty-boat"],
    // An article before one or two letters: the word meant starts after it.
    ["تباطؤ نمو الاق", "ty-economy"],
    ["قارب صيد يعود إلى المي", "ty-boat"],
    ["بوتين يستقبل الرئيس الص", "ty-putin"],
  ])("%s: what the suggestions offer, Enter finds first", async (q, id) => {
    expect(await suggested(q)).toContain(id);
    expect(ids(await search(q))[0]).toBe(id);
  });

  it("reads the last word whole once a space follows it, in the suggestions as Enter does", async () => {
    // بوت finished begins بوتين but is not it: neither the suggestions nor the search offer it.
    expect(await suggested("بوت ")).not.toContain("ty-putin");
    expect(ids(await search("بوت "))).not.toContain("ty-putin");
    // النصر finished is the club, not النصرة, which its letters begin.
    expect(await suggested("النصر")).toContain("ty-nusra");
    expect((await suggested("النصر ")).sort()).toEqual([
      "ty-nasr-coach",
      "ty-nasr-fans",
      "ty-nasr-signing",
      "ty-nasr-stadium",
    ]);
  });

  it("completes a word typed with its article only by a word written with one", async () => {
    // Without its article السيس starts سيسيل as well as السيسي; the reader who typed it means the latter.
    expect(ids(await search("السيس"))).toEqual(["ty-sisi"]);
    expect(await suggested("السيس")).toEqual(["ty-sisi"]);
    expect(ids(await search("سيس")).sort()).toEqual(["ty-cecil", "ty-sisi"]);
    // الهلا without its article is the whole word هلا; the reader typing it means الهلال.
    expect(ids(await search("الهلا"))).toEqual(["ty-hilal"]);
    expect(await suggested("الهلا")).toEqual(["ty-hilal"]);
  });

  it("marks the completed word in the title", async () => {
    const [hit] = (await search("بوت")).hits;
    expect(hit?.highlights.title.join()).toContain("<mark>بوتين</mark>");
    // No stem of السيس is السيسي's: only its start marks it.
    const [sisi] = (await search("السيس")).hits;
    expect(sisi?.highlights.title).toEqual(["<mark>السيسي</mark> يفتتح محطة كهرباء جديدة في أسوان"]);
  });

  it("offers first, of titles matching alike, the completion most of them use", async () => {
    // الكهرمان is the newest, but more titles complete الكهر as الكهرباء; السيسي's كهرباء is
    // written without the article typed.
    expect(await suggested("الكهر")).toEqual(["ty-power-2", "ty-power-1", "ty-amber"]);
  });

  it("ranks first, in the search too, the titles with the completion most of them use", async () => {
    const found = ids(await search("الكهر"));
    expect(found.slice(0, 2).sort()).toEqual(["ty-power-1", "ty-power-2"]);
    expect(found.indexOf("ty-amber")).toBeGreaterThan(1);
  });

  it("offers first the titles holding the words typed side by side, the name in either spelling", async () => {
    // All three hold أبو and a word starting ظ, or أبوظ…; the newer, shorter one holds them apart.
    const offered = await suggested("ابو ظ");
    expect(offered.slice(0, 2).sort()).toEqual(["ty-abudhabi", "ty-abudhabi-joined"]);
    expect(offered[2]).toBe("ty-abu-other");
  });

  it("completes a two-word name in either spelling, and Enter finds what it offers", async () => {
    for (const q of ["ابو ظ", "أبو ظب"]) {
      expect(await suggested(q), q).toContain("ty-abudhabi-joined");
      expect(ids(await search(q)), q).toContain("ty-abudhabi-joined");
    }
    expect(await suggested("عبدالل")).toEqual(
      expect.arrayContaining(["ty-abdullah-apart", "ty-abdullah-joined"]),
    );
    expect(await suggested("عبد الل")).toEqual(
      expect.arrayContaining(["ty-abdullah-apart", "ty-abdullah-joined"]),
    );
    for (const q of ["عبد الل", "عبدالل"])
      expect(
        ids(await search(q))
          .slice(0, 2)
          .sort(),
        q,
      ).toEqual(["ty-abdullah-apart", "ty-abdullah-joined"]);
  });

  it("offers a headline once, though two stories carry it", async () => {
    expect(
      ids(await search("حصاد الأسبوع"))
        .slice(0, 2)
        .sort(),
    ).toEqual(["ty-week-1", "ty-week-2"]);
    expect(await suggested("حصاد")).toEqual(["ty-week-2"]);
  });

  it("is a whole word once the reader types a space", async () => {
    expect(ids(await search("بوت "))).not.toContain("ty-putin");
  });
});

describe("an article being typed, alone or with a letter", () => {
  const report = reportsOf("وكالة الملاعب", "2025-05-10T08:00:00Z");
  const begun = appWithFixtures("article-begun", async () => [
    await writeFixture("article-begun", [
      report(
        "ab-basketball",
        "كأس العالم للسلة تنطلق في مانيلا",
        "تنطلق بطولة كأس العالم لكرة السلة في مانيلا بمشاركة اثنين وثلاثين منتخبا.",
      ),
      report(
        "ab-swimming",
        "بطلة عربية في نهائي كأس العالم للسباحة",
        "تأهلت سباحة عربية إلى نهائي سباق مئتي متر حرة في كأس العالم للسباحة.",
      ),
      report(
        "ab-sarkozy",
        "ساركوزي يحضر افتتاح كأس العالم",
        "حضر الرئيس الفرنسي الأسبق نيكولا ساركوزي حفل افتتاح كأس العالم لكرة القدم.",
      ),
      report(
        "ab-airport-king",
        "مطار الملك خالد يستقبل أول رحلة من الصين",
        "استقبل مطار الملك خالد الدولي في الرياض أول رحلة مباشرة من بكين.",
      ),
      report(
        "ab-airport-prince",
        "مطار الأمير نايف يفتتح صالة جديدة",
        "افتتح مطار الأمير نايف في القصيم صالة جديدة للمسافرين الدوليين.",
      ),
      report(
        "ab-airport-aden",
        "وصول طائرة إغاثة إلى مطار عدن",
        "وصلت طائرة إغاثة محملة بالأدوية والمواد الغذائية إلى مطار عدن الدولي.",
      ),
    ]),
  ]);

  it("completes after an article alone any word, not only the words the index keeps ال in (إلى)", async () => {
    const q = "مطار ال";
    expect(await suggested(q, begun.app)).toEqual(
      expect.arrayContaining(["ab-airport-king", "ab-airport-prince"]),
    );
    const found = await search(q, begun.app);
    expect(ids(found)).toEqual(expect.arrayContaining(["ab-airport-king", "ab-airport-prince"]));
    // Nor is إلى the word being typed, to mark.
    const aden = found.hits.find((hit) => hit.id === "ab-airport-aden");
    expect(aden?.highlights.title.join()).not.toContain("<mark>إلى</mark>");
  });

  it("completes only a word written with an article: للس begins السلة, not ساركوزي", async () => {
    const q = "كأس العالم للس";
    expect((await suggested(q, begun.app)).sort()).toEqual(["ab-basketball", "ab-swimming"]);
    expect(
      ids(await search(q, begun.app))
        .slice(0, 2)
        .sort(),
    ).toEqual(["ab-basketball", "ab-swimming"]);
  });
});

describe("و typed apart from the word it joins", () => {
  const report = reportsOf("صحيفة الملاعب", "2025-05-12T08:00:00Z");
  const apart = appWithFixtures("and-apart", async () => [
    await writeFixture("and-apart", [
      report(
        "and-derby",
        "الهلال والنصر يتعادلان في ديربي الرياض",
        "انتهت مباراة الهلال والنصر بالتعادل الإيجابي في ديربي العاصمة.",
      ),
      report("and-hilal", "الهلال يفوز على الفتح بثلاثية", "فاز الهلال على الفتح بثلاثة أهداف نظيفة."),
      report("and-nasr", "النصر يتعاقد مع مدافع برازيلي", "أعلن النصر التعاقد مع مدافع برازيلي لموسمين."),
      report(
        "and-friendly",
        "لقاء ودي بين الشباب و الهلال",
        "يلتقي الشباب و الهلال في مباراة ودية استعدادا للموسم الجديد.",
      ),
    ]),
  ]);

  it("reads الهلال و النصر as الهلال والنصر, in the suggestions too", async () => {
    expect(ids(await search("الهلال و النصر", apart.app))[0]).toBe("and-derby");
    expect(await suggested("الهلال و الن", apart.app)).toEqual(["and-derby"]);
  });

  it("reads الهلال و as الهلال finished, and the next word not begun", async () => {
    const found = await search("الهلال و", apart.app);
    expect(ids(found)).toEqual(expect.arrayContaining(["and-derby", "and-hilal", "and-friendly"]));
    const friendly = found.hits.find((hit) => hit.id === "and-friendly");
    expect(friendly?.highlights.title).toEqual(["لقاء ودي بين الشباب و <mark>الهلال</mark>"]);
  });
});

describe("ضد between the sides a reader names", () => {
  const report = reportsOf("صحيفة الملاعب", "2025-05-14T08:00:00Z");
  const versus = appWithFixtures("versus", async () => [
    await writeFixture("versus", [
      report(
        "vs-derby",
        "الهلال والنصر يتعادلان في ديربي الرياض",
        "انتهت مباراة الهلال والنصر بالتعادل في ديربي العاصمة.",
      ),
      report(
        "vs-training",
        "تدريب الهلال شاق",
        "خاض الهلال تدريبا شاقا استعدادا للنصر. وقال مدرب الهلال إن مواجهة النصر صعبة، وإن لاعبي الهلال جاهزون للنصر، وإن جماهير الهلال تنتظر الفوز على النصر.",
      ),
      report(
        "vs-cup",
        "النصر يتأهل إلى نهائي الكأس",
        "تأهل النصر إلى نهائي كأس الملك بعد فوزه بركلات الترجيح.",
      ),
      report("vs-raid", "غارة ضد مواقع المتمردين", "نفذت الطائرات غارة ضد مواقع المتمردين في الجبال."),
    ]),
  ]);

  it("finds the title naming both sides first, however headlines join them", async () => {
    expect(ids(await search("النصر ضد الهلال", versus.app))[0]).toBe("vs-derby");
  });

  it("still prefers ضد as typed where it is more than a join", async () => {
    expect(ids(await search("غارة ضد مواقع", versus.app))[0]).toBe("vs-raid");
  });
});

describe("typos", () => {
  it.each([
    ["بوتبن", "ty-putin"],
    ["البرلمن يقر", "ty-parl-1"],
    ["الملك سلمن", "ty-salman"],
    ["تباطو نمو الاقتصاد", "ty-economy"],
  ])("%s finds its story", async (q, id) => {
    expect(ids(await search(q))[0]).toBe(id);
  });

  it.each([
    ["الملك سلمن", "ty-salman"],
    ["بوتبن يستق", "ty-putin"],
  ])(
    "%s: when nothing completes it, the suggestions offer the story a typo away, and Enter finds it",
    async (q, id) => {
      expect(await suggested(q)).toContain(id);
      expect(ids(await search(q))[0]).toBe(id);
    },
  );

  it("marks in the title the word a typed one was found a typo away from", async () => {
    const title = async (q: string) => (await search(q)).hits[0]?.highlights.title;
    expect(await title("بوتبن")).toEqual(["<mark>بوتين</mark> يستقبل الرئيس الصيني في الكرملين"]);
    expect(await title("الملك سلمن")).toEqual([
      "<mark>الملك</mark> <mark>سلمان</mark> يفتتح مشروع تحلية المياه في الجبيل",
    ]);
    expect(await title("شال الجزائر")).toEqual(["أمطار غزيرة على <mark>شمال</mark> <mark>الجزائر</mark>"]);
  });

  it("marks in the suggestions offered a typo away the words found so, and those begun as typed", async () => {
    const response = await app.request(`/api/suggest?q=${encodeURIComponent("بوتبن يستق")}`);
    const { suggestions } = (await response.json()) as {
      suggestions: Array<{ id: string; highlighted: string }>;
    };
    expect(suggestions.find((suggestion) => suggestion.id === "ty-putin")?.highlighted).toBe(
      "<mark>بوتين</mark> <mark>يستقبل</mark> الرئيس الصيني في الكرملين",
    );
  });

  it("offers, and marks, the title a three-letter word left a letter out of", async () => {
    // نقذ begins no title word; with a letter put in before it, it begins ينقذ.
    const response = await app.request(`/api/suggest?q=${encodeURIComponent("نقذ صياد")}`);
    const { suggestions } = (await response.json()) as {
      suggestions: Array<{ id: string; highlighted: string }>;
    };
    expect(suggestions.map((suggestion) => suggestion.id)).toEqual(["ty-rescue"]);
    expect(suggestions[0]?.highlighted).toBe(
      "خفر السواحل <mark>ينقذ</mark> ستة <mark>صيادين</mark> قبالة ينبع",
    );
  });

  it("offers the story for a slip in the article, or in a word's first letter", async () => {
    expect(await suggested("نهائي ارعربية")).toContain("ty-algeria-2");
    expect(await suggested("ثارب صي")).toContain("ty-boat");
    // A long word, allowed two typos from its second letter, is one from any as written.
    expect(await suggested("قانون االاستثمار")).toContain("ty-parl-1");
  });

  it("offers, when titles hold each word but none all, the titles one slip away that hold the rest as typed", async () => {
    // سلطان is in a title, not with الجبيل: one of them is a slip. سلمان's title holds الجبيل as typed;
    // سلطات الجبل, a letter away from each word, holds neither and is not offered.
    expect(await suggested("سلطان الجبي")).toEqual(["ty-salman"]);
    expect(await suggested("سلطن")).toContain("ty-sultan");
  });

  it("finds a word a letter was left out of, though shorter than a typo is looked for in", async () => {
    // شال for شمال: every fixture about الجزائر holds the other word, one alone holds شمال.
    expect(ids(await search("شال الجزائر"))[0]).toBe("ty-algeria-3");
  });

  it("finds a word its first letter was left out of", async () => {
    // نقذ for ينقذ: the two other articles about ينبع are newer and shorter.
    expect(ids(await search("نقذ ينبع"))[0]).toBe("ty-rescue");
  });

  it("ranks the word as typed above a real word a typo away", async () => {
    const salman = ids(await search("سلمان"));
    expect(salman[0]).toBe("ty-salman");
    expect(ids(await search("سلطان"))[0]).toBe("ty-sultan");
  });

  it("takes a letter pressed twice for the word with it once, before a word a letter replaced", async () => {
    // النصرة is as near النصرر as النصر to Elasticsearch's fuzzy matching, nearer by its length.
    // Four articles hold النصر, so one shard of three holds two: enough for the suggesters there.
    const found = await search("النصرر");
    expect(found.suggestion).toBe("النصر");
    expect(ids(found).indexOf("ty-nusra")).toBe(4);
  });

  it("takes a spelling the synonyms list for its word, though no article holds it, not for a typo", async () => {
    // كوفيد is listed with كورونا; كوفي (Kofi Annan) is a letter away from it.
    expect(ids(await search("كوفيد"))).toEqual(["ty-corona"]);
    expect(ids(await search("كوفيد "))).toEqual(["ty-corona"]);
    expect(await suggested("كوفيد")).toEqual(["ty-corona"]);
    const response = await app.request(`/api/suggest?q=${encodeURIComponent("كوفيد العاص")}`);
    const { suggestions } = (await response.json()) as { suggestions: Array<{ highlighted: string }> };
    expect(suggestions[0]?.highlighted).toBe(
      "تسجيل ثلاث إصابات جديدة بفيروس <mark>كورونا</mark> في <mark>العاصمة</mark>",
    );
  });

  it("finds every outlet's spelling of a word the synonyms list, titles alike the one typed first", async () => {
    // The g of a foreign name (ج in Egypt, غ in the Gulf) and a long vowel left out.
    expect(ids(await search("البنتاجون"))).toEqual(["ty-pentagon-j", "ty-pentagon-gh"]);
    expect(ids(await search("بنتاغون"))).toEqual(["ty-pentagon-gh", "ty-pentagon-j"]);
    for (const spelling of ["مليشيات", "الميليشيات"])
      expect(ids(await search(spelling)).sort(), spelling).toEqual(["ty-militia-long", "ty-militia-short"]);
  });

  it("takes a name written in one word or two as the same name, in the title before the body", async () => {
    const titles = ["ty-abudhabi", "ty-abudhabi-joined"];
    for (const spelling of ["أبو ظبي ", "أبوظبي "]) {
      const found = ids(await search(spelling));
      expect(found.slice(0, 2).sort(), spelling).toEqual(titles);
      expect(found[2], spelling).toBe("ty-abudhabi-body");
    }
  });

  it("expands no typo when a title holds the words as typed, however few articles hold them", async () => {
    expect(ids(await search("سلمان"))).not.toContain("ty-sultan");
    expect(ids(await search("الأمير سلطان"))).not.toContain("ty-salman");
    // Misspelt, the same word still reaches its neighbour.
    expect(ids(await search("سلطن"))[0]).toBe("ty-sultan");
  });
});

describe("a typo in a word only the articles' text holds", () => {
  const article = (id: string, source: string, title: string, body: string) => ({
    id,
    title,
    body,
    source,
    published_at: "2025-03-01T08:00:00Z",
  });
  const outbreak =
    "أعلنت وزارة الصحة تسجيل خمس إصابات جديدة في الرياض، وقالت إن فيروس كورونا لا يزال ينتشر بين المخالطين وإن الفرق الطبية تتابع حالتهم.";
  const texts = appWithFixtures("body-typo", async () => [
    await writeFixture("body-typo", [
      article("bt-outbreak", "وكالة الخليج", "الصحة تسجل خمس إصابات جديدة في الرياض", outbreak),
      article("bt-outbreak-copy", "صحيفة الشمال", "تسجيل خمس إصابات جديدة في الرياض", outbreak),
      article(
        "bt-flu",
        "وكالة الخليج",
        "المستشفيات ترفع جاهزيتها مع دخول الشتاء",
        "رفعت المستشفيات جاهزيتها لمواجهة فيروس الإنفلونزا الموسمية مع انخفاض درجات الحرارة.",
      ),
      article(
        "bt-apart",
        "صحيفة الشمال",
        "الوزارة تحذر من الشائعات",
        "حذرت الوزارة من فيروس الشائعات الذي ينتشر على مواقع التواصل الاجتماعي، ودعت المواطنين إلى استقاء المعلومات من مصادرها، ونفت ما يتداول عن كورونا.",
      ),
      article(
        "bt-no-deaths",
        "صحيفة الشمال",
        "كورونا: لا وفيات جديدة في جدة",
        "قالت الوزارة إنه لم تسجل أي وفيات خلال الأسبوع الماضي.",
      ),
      article(
        "bt-rider",
        "وكالة الخليج",
        "فارس سعودي يفوز بسباق القدرة والتحمل",
        "فاز الفارس بالمركز الأول في سباق القدرة والتحمل بمشاركة فرسان من عشر دول.",
      ),
      article(
        "bt-rider-2",
        "صحيفة الشمال",
        "انطلاق بطولة الفروسية في الدمام",
        "يشارك في البطولة فارس من كل نادٍ من أندية المنطقة الشرقية.",
      ),
      // فيري: فيرس with a neighbouring key (ي for س), a name fewer articles hold than فيروس.
      ...["يسجل هدفين", "يغيب عن المباراة", "يجدد عقده"].map((news, i) =>
        article(
          `bt-ferry-${i}`,
          "صحيفة الملاعب",
          `المهاجم البرازيلي فيري ${news}`,
          `قال النادي إن مهاجمه البرازيلي فيري ${news} هذا الأسبوع.`,
        ),
      ),
    ]),
  ]);

  it("finds the story whose text holds the word meant, above titles holding the other word alone", async () => {
    // No title holds فيروس, so the titles' typo reach cannot find it: the suggesters' likelier
    // spellings of فيرس are read in every field, side by side with كورونا above apart.
    const result = await search("فيرس كورونا", texts.app);
    expect(ids(result)[0]).toBe("bt-outbreak");
    expect(ids(result)).toContain("bt-no-deaths");
    expect(ids(result)).not.toContain("bt-outbreak-copy");
    const [first] = result.hits;
    expect(first?.highlights.body.join()).toContain("<mark>فيروس</mark> <mark>كورونا</mark>");
    expect(first?.copies).toBe(1);
    expect(result.suggestion).toBe("فيروس كورونا");
  });

  it("corrects a word a long vowel was left out of before a commoner word a key away", async () => {
    // فيرس is فيروس without its و, as writers often spell foreign words.
    expect((await search("فيرس ", texts.app)).suggestion).toBe("فيروس");
  });

  it("counts a story's copies as the ranking found them, so the page adds up", async () => {
    // Alone, فيرس finds the texts holding فيروس only as its likelier spelling.
    const result = await search("فيرس", texts.app);
    expect(result.hits.find((hit) => hit.id === "bt-outbreak")?.copies).toBe(1);
    expect(result.hits.reduce((sum, hit) => sum + hit.copies + 1, 0)).toBe(result.total.value);
  });
});

describe("a word being typed that titles hold only as the start of a rare word", () => {
  const report = reportsOf("وكالة الخليج", "2025-04-01T08:00:00Z");
  const rare = appWithFixtures("begun-only", async () => [
    await writeFixture("begun-only", [
      report(
        "bo-coined",
        "دعشنة الخطاب على مواقع التواصل",
        "يرى باحثون أن دعشنة الخطاب على مواقع التواصل تبدأ بتعميم الأحكام على المخالفين.",
      ),
      report(
        "bo-isis-0",
        "التحالف يقصف مواقع داعش قرب الرقة",
        "قصفت طائرات التحالف الدولي مواقع لتنظيم داعش قرب الرقة ودمرت مخازن للذخيرة.",
      ),
      report(
        "bo-isis-1",
        "القوات العراقية تستعيد قرى من داعش جنوب الموصل",
        "أعلنت قيادة العمليات المشتركة استعادة ثلاث قرى من داعش جنوب الموصل بعد معارك استمرت يومين.",
      ),
      report(
        "bo-isis-2",
        "محكمة تقضي بسجن عائدين من صفوف داعش",
        "قضت المحكمة الجزائية بسجن خمسة متهمين عادوا من مناطق النزاع بعد انضمامهم إلى داعش.",
      ),
      report(
        "bo-isis-3",
        "دراسة ترصد تراجع دعاية داعش على الإنترنت",
        "رصدت دراسة لمركز أبحاث أوروبي انخفاض عدد الحسابات التي تنشر دعاية داعش خلال العام.",
      ),
    ]),
  ]);

  it("finds, after the titles it begins, the common word it leaves a long vowel out of", async () => {
    // دعش begins دعشنة alone: that one title does not vouch for it as the reader's word.
    const found = ids(await search("دعش", rare.app));
    expect(found[0]).toBe("bo-coined");
    expect(found.slice(1).sort()).toEqual(["bo-isis-0", "bo-isis-1", "bo-isis-2", "bo-isis-3"]);
  });

  it("offers, after the titles it begins, the titles a slip away", async () => {
    const offered = await suggested("دعش", rare.app);
    expect(offered[0]).toBe("bo-coined");
    expect(offered.slice(1).sort()).toEqual(["bo-isis-0", "bo-isis-1", "bo-isis-2", "bo-isis-3"]);
  });
});

describe("a misspelling some articles share", () => {
  const shared = appWithFixtures("misspelling", async () => [fixture("shared-misspelling.jsonl")]);

  it("finds the common spelling after the title holding the misspelling, not what its stem shares", async () => {
    // كرونا stems to كر, as الكرة does: one title's misspelling must not leave the page to football.
    const corona = ["sm-corona-schools", "sm-corona-travel", "sm-corona-vaccine"];
    for (const q of ["كرونا", "كرونا "]) {
      const found = ids(await search(q, shared.app));
      expect(found[0], q).toBe("sm-corona-misspelt");
      expect(found.slice(1, 5), q).toEqual(expect.arrayContaining(corona));
    }
  });

  it("ranks the title holding the word as typed above a shorter title holding a word a typo away", async () => {
    // كرمونا is a typo from كرونا among the titles' words as written, a field without norms.
    for (const q of ["كرونا", "كرونا "]) {
      const found = ids(await search(q, shared.app));
      expect(found.indexOf("sm-karmona"), q).toBeGreaterThan(found.indexOf("sm-corona-misspelt"));
    }
  });
});

/** The first page for the word, typed with no space after it and with one: ten articles, all of `prefix`. */
async function expectFullPageOf(word: string, on: typeof app, prefix: string): Promise<void> {
  for (const q of [word, `${word} `]) {
    const found = ids(await search(q, on));
    expect(found, q).toHaveLength(10);
    expect(
      found.every((id) => id.startsWith(prefix)),
      `${q}: ${found}`,
    ).toBe(true);
  }
}

/** A city's scene: the sentence an article about something there opens with. */
const CITY_SCENES: Record<string, string> = {
  جدة: "تزدحم أسواق جدة التجارية بالمتسوقين قبل العيد",
  الرياض: "أعلنت أمانة الرياض إغلاق طرق فرعية للصيانة",
  الدمام: "يستعد ميناء الدمام لاستقبال سفن إضافية هذا الشهر",
  أبها: "تشهد أبها أجواء معتدلة مع توقعات بهطول أمطار",
};

/**
 * One article for each subject in each city, a day a subject: each its own story, as no two share
 * more than one of their two sentences. `article` writes the title and body from the subject's
 * name, its sentence, the city and its scene.
 */
function eachSubjectInEachCity(
  prefix: string,
  subjects: Record<string, string>,
  cities: string[],
  article: (subject: string, said: string, city: string, scene: string) => { title: string; body: string },
): object[] {
  return Object.entries(subjects).flatMap(([subject, said], i) =>
    cities.map((city, k) => ({
      id: `${prefix}-${i}-${k}`,
      ...article(subject, said, city, CITY_SCENES[city] ?? ""),
      source: "وكالة الأنباء الوطنية",
      published_at: new Date(Date.UTC(2025, 2, 1 + i, k)).toISOString(),
    })),
  );
}

describe("a word finished, though no space follows it", () => {
  /**
   * More texts holding بأقل ("for less") than fill a page, none in its title, and titles holding
   * بإقليم ("in the region of"), which begins as typed once the hamza is normalised: far more bodies
   * hold the word whole than titles begin with it.
   */
  function forLessArticles(): object[] {
    const sales: Record<string, string> = {
      "تذاكر الديربي": "تباع تذاكر مباراة الديربي",
      "معرض الكتاب": "تعرض دور النشر كتبها في المعرض",
      "مزاد التمور": "تباع صناديق التمور في المزاد",
      "سوق الأسهم": "تتداول أسهم شركات الإسمنت",
      "الشقق السكنية": "تؤجر الشقق السكنية الجديدة",
    };
    const forLess = eachSubjectInEachCity(
      "fw-less",
      sales,
      ["جدة", "الرياض", "الدمام", "أبها"],
      (sale, sold, city, scene) => ({
        title: `${sale} في ${city}`,
        body: `${scene}. ${sold} في ${city} بأقل من سعرها في العام الماضي.`,
      }),
    );
    const regions = [
      ["زلزال بقوة خمس درجات بإقليم كردستان", "ضرب زلزال متوسط القوة شمال العراق دون أن يسفر عن ضحايا."],
      ["أمطار غزيرة بإقليم البنجاب", "هطلت أمطار غزيرة على مدن باكستانية وغمرت المياه شوارعها."],
      ["انتخابات محلية بإقليم كتالونيا", "توجه الناخبون في شمال شرق إسبانيا إلى مراكز الاقتراع."],
    ].map(([title, body], i) => ({
      id: `fw-region-${i}`,
      title,
      body,
      source: "صحيفة العالم",
      published_at: new Date(Date.UTC(2025, 3, 1 + i)).toISOString(),
    }));
    return [...forLess, ...regions];
  }
  const forLess = appWithFixtures("finished-word", async () => [
    await writeFixture("finished-word", forLessArticles()),
  ]);

  it("finds the texts holding it before titles holding a longer word it begins", async () => {
    await expectFullPageOf("بأقل", forLess.app, "fw-less-");
  });

  it("still completes a word fewer texts hold whole than titles begin with", async () => {
    for (const q of ["بإقلي", "بإقليم"])
      expect(
        ids(await search(q, forLess.app))
          .slice(0, 3)
          .sort(),
        q,
      ).toEqual(["fw-region-0", "fw-region-1", "fw-region-2"]);
  });
});

describe("one word searched whole", () => {
  /**
   * Texts holding تقنين (regulating) once, and many more titles and texts coming back to التقنية
   * (technology): the stemmer cuts both to تقن, and the stem's many mentions outscore the word typed.
   */
  function regulatingArticles(): object[] {
    const rules: Record<string, string> = {
      "الإنفاق الحكومي": "تدرس الحكومة تقنين الإنفاق على المشاريع الجديدة",
      "استيراد الأدوية": "أقرت الهيئة تقنين استيراد الأدوية من الخارج",
      "ساعات العمل": "تقترح الوزارة تقنين ساعات العمل في رمضان",
      "الدعم النفطي": "يناقش المجلس تقنين دعم المشتقات النفطية",
    };
    const regulating = eachSubjectInEachCity(
      "ww-rule",
      rules,
      ["جدة", "الرياض", "الدمام"],
      (rule, said, city, scene) => ({
        title: `نقاش حول ${rule} في ${city}`,
        body: `${scene}. ${said} بعد اجتماع عقد في ${city}.`,
      }),
    );
    // More than a rescore window holds, each outscoring the texts above on the stem alone.
    const events = ["معرض", "كلية", "حاضنة", "أسبوع", "ملتقى", "جائزة", "مسابقة", "برنامج"];
    const technology = Array.from({ length: RANKING.rescore.windowSize + 40 }, (_, i) => ({
      id: `ww-tech-${String(i).padStart(3, "0")}`,
      title: `${events[i % events.length]} التقنية ${i + 1}`,
      body: `افتتح المحافظ ${events[i % events.length]} التقنية رقم ${i + 1} بحضور طلاب التقنية، وتعرض التقنية الحديثة في أجنحة التقنية.`,
      source: "صحيفة الشرق",
      published_at: new Date(Date.UTC(2025, 3, 1, i % 24, i)).toISOString(),
    }));
    return [...regulating, ...technology];
  }
  const regulating = appWithFixtures("word-whole", async () => [
    await writeFixture("word-whole", regulatingArticles()),
  ]);

  it("finds the texts holding it as typed before the many more holding another word of its stem", async () => {
    await expectFullPageOf("تقنين", regulating.app, "ww-rule-");
  });
});

describe("one word typed alone that no article holds", () => {
  /**
   * A page's worth of reports on a virus (فيروس) and a few on a rider (فارس), each a typo away
   * from فيرس: فيروس with its long vowel left out, as writers spell foreign words; فارس with a
   * letter mistyped. Read together, the rarer word a typo away scores higher. The rider's reports
   * come from a sports paper alone.
   */
  function virusAndRiderArticles(): object[] {
    const cities = ["جدة", "الرياض", "الدمام", "أبها"];
    const outbreaks: Record<string, string> = {
      الإنفلونزا: "رصدت الفرق الطبية فيروس الإنفلونزا بين طلاب المدارس",
      الحصبة: "حذرت وزارة الصحة من انتشار فيروس الحصبة بين الأطفال",
      كورونا: "سجلت المستشفيات إصابات جديدة بسلالة من فيروس كورونا",
    };
    const virus = eachSubjectInEachCity("nw-virus", outbreaks, cities, (disease, said, city, scene) => ({
      title: `فيروس ${disease} ينتشر في ${city}`,
      body: `${scene}. ${said} في ${city}.`,
    }));
    const races: Record<string, string> = {
      "سباق القدرة": "فاز فارس شاب بسباق القدرة والتحمل لمسافة مئة كيلومتر",
    };
    const riders = eachSubjectInEachCity("nw-rider", races, cities, (race, said, city, scene) => ({
      title: `فارس من ${city} يتصدر ${race}`,
      body: `${scene}. ${said} في ${city}.`,
    })).map((rider) => ({ ...rider, source: "صحيفة الملاعب" }));
    return [...virus, ...riders];
  }
  const typo = appWithFixtures("word-held-nowhere", async () => [
    await writeFixture("word-held-nowhere", virusAndRiderArticles()),
  ]);

  it("searches the likeliest correction in its place, and says so", async () => {
    for (const q of ["فيرس", "فيرس "]) {
      const result = await search(q, typo.app);
      expect(result.corrected_query, q).toBe("فيروس");
      expect(result.suggestion, q).toBeNull();
      expect(ids(result), q).toHaveLength(10);
      expect(
        ids(result).every((id) => id.startsWith("nw-virus-")),
        `${q}: ${ids(result)}`,
      ).toBe(true);
    }
  });

  it("reads several words together as before, the correction suggested", async () => {
    const result = await search("فيرس الإنفلونزا", typo.app);
    expect(result.corrected_query).toBeNull();
    expect(result.suggestion).toBe("فيروس الإنفلونزا");
  });

  it("keeps to the filters: where no article holds the correction, the words a typo away are read", async () => {
    const q = encodeURIComponent("فيرس");
    const response = await typo.app.request(
      `/api/search?q=${q}&source=${encodeURIComponent("صحيفة الملاعب")}`,
    );
    const result = (await response.json()) as SearchResponse;
    expect(result.corrected_query).toBeNull();
    expect(result.suggestion).toBe("فيروس");
    expect(ids(result).length).toBeGreaterThan(0);
    expect(ids(result).every((id) => id.startsWith("nw-rider-"))).toBe(true);
  });
});

describe("a question, or a longer query, with a misspelt word", () => {
  /**
   * Reports on the symptoms (أعراض) of many things, and two on a virus's. A question or a longer
   * query wants any of its words: read as typed, الفيرس finds nothing, and the reports on other
   * symptoms, shorter, rank first. Beside them, three reports naming a striker (حمزة), a name no
   * title holds, a letter away from حزمة, which four titles hold. And two reports on tuberculosis
   * (السل), each naming its treatment, titled with other words, among more on honey (العسل), one a
   * remedy.
   */
  const report = reportsOf("وكالة الأنباء الوطنية", "2025-03-10T08:00:00Z");
  const symptoms = appWithFixtures("question-misspelt", async () => [
    await writeFixture("question-misspelt", [
      report(
        "qm-virus-season",
        "الصحة تشرح أعراض فيروس الإنفلونزا الموسمية",
        "قالت وزارة الصحة إن أعراض الفيروس تبدأ بالحمى والسعال وآلام العضلات، ودعت المصابين إلى الراحة في المنزل وتجنب المدارس.",
      ),
      report(
        "qm-virus-cold",
        "طبيب يحذر من الخلط بين الفيروس ونزلات البرد",
        "أوضح استشاري الأمراض المعدية أن أعراض فيروس الإنفلونزا أشد من نزلات البرد، وأن الحمى المرتفعة تميزه عند الأطفال.",
      ),
      report(
        "qm-screens",
        "أعراض الإرهاق لدى موظفي المكاتب",
        "يشكو موظفون من أعراض الإرهاق بعد ساعات أمام الشاشات.",
      ),
      report(
        "qm-iron",
        "أعراض نقص الحديد عند الرياضيين",
        "تظهر أعراض نقص الحديد تعبا وشحوبا لدى الرياضيين، ومن طرق الوقاية تنويع الغذاء.",
      ),
      report(
        "qm-exams",
        "أعراض القلق قبل الامتحانات",
        "ينصح المرشدون الطلاب بالنوم المبكر وطرق الاسترخاء لتخفيف أعراض القلق.",
      ),
      report(
        "qm-sun",
        "أعراض ضربة الشمس مع ارتفاع الحرارة",
        "تشمل أعراض ضربة الشمس الصداع والدوار والغثيان.",
      ),
      report(
        "qm-spring",
        "أعراض الحساسية في الربيع",
        "تزداد أعراض الحساسية مع تفتح الأزهار وانتشار حبوب اللقاح.",
      ),
      report(
        "qm-elderly",
        "أعراض الجفاف لدى كبار السن",
        "يحذر الأطباء من أعراض الجفاف في أيام الصيف الحارة.",
      ),
      report(
        "qm-hamza-derby",
        "الشباب يحسم الديربي بهدف متأخر",
        "سجل المهاجم حمزة هدف الفوز في الدقائق الأخيرة بعد تمريرة من الجناح الأيسر.",
      ),
      report(
        "qm-hamza-transfer",
        "الاتحاد يقترب من ضم مهاجم شاب",
        "تفاوض إدارة النادي وكيل اللاعب حمزة على عقد لثلاثة مواسم بعد موسم سجل فيه اثني عشر هدفا.",
      ),
      report(
        "qm-hamza-injury",
        "إصابة تبعد مهاجم الفيصلي أسبوعين",
        "أكد الطبيب أن حمزة تعرض لشد عضلي في التدريب وسيغيب عن مباراتين في الدوري.",
      ),
      report(
        "qm-tb-screening",
        "حملة للكشف المبكر عن الدرن في المدارس",
        "قالت وزارة الصحة إن علاج مرض السل يستمر ستة أشهر، وإن الكشف المبكر يقي المخالطين العدوى.",
      ),
      report(
        "qm-tb-camps",
        "ارتفاع حالات العدوى في مخيمات النازحين",
        "حذرت منظمة إغاثية من انتشار مرض السل في المخيمات، وطالبت بتوفير أدوية العلاج مجانا.",
      ),
      report(
        "qm-honey-cough",
        "دراسة: العسل يخفف التهاب الحلق",
        "وجد باحثون أن ملعقة من العسل قبل النوم من أنجع طرق علاج التهاب الحلق، وهو مرض شائع في الشتاء.",
      ),
      report("qm-honey-festival", "مهرجان العسل يستقبل زواره في الباحة", "يعرض النحالون أنواع العسل الجبلي."),
      report("qm-honey-prices", "أسعار العسل ترتفع مع قلة الأمطار", "ارتفعت أسعار العسل في الأسواق المحلية."),
      report("qm-honey-export", "صادرات العسل اليمني تتراجع", "تراجعت صادرات العسل بسبب كلفة الشحن."),
      ...["الكهرباء", "المياه", "النقل", "الإسكان"].map((sector, i) =>
        report(
          `qm-package-${i}`,
          `حزمة إجراءات جديدة لقطاع ${sector}`,
          `أعلنت الحكومة حزمة إجراءات لدعم قطاع ${sector}.`,
        ),
      ),
    ]),
  ]);

  it.each(["ما أعراض الفيرس", "ما هي أعراض الفيرس عند الأطفال", "أعراض الفيرس تبدأ بالحمى والسعال"])(
    "%s: the reports on the word meant come first, with did you mean",
    async (q) => {
      const result = await search(q, symptoms.app);
      expect(ids(result).slice(0, 2).sort(), `${ids(result)}`).toEqual(["qm-virus-cold", "qm-virus-season"]);
      expect(result.suggestion).toBe(q.replace("الفيرس", "الفيروس"));
      // The page marks the word meant, which the results are for.
      expect(result.hits[0]?.highlights.body.join(" ")).toMatch(/<mark>(ال)?فيروس<\/mark>/);
    },
  );

  it("reads a rare word a few articles hold as typed, not as a commoner word a letter away", async () => {
    const result = await search("من سجل حمزة", symptoms.app);
    expect(ids(result).sort()).toEqual(["qm-hamza-derby", "qm-hamza-injury", "qm-hamza-transfer"]);
  });

  it("reads a rare word the question's other words keep company with as meant: no honey for السل", async () => {
    const result = await search("ما هي طرق علاج مرض السل", symptoms.app);
    // The reports on tuberculosis first; of those on honey, only the remedy, for طرق علاج and مرض.
    expect(ids(result).slice(0, 2).sort(), `${ids(result)}`).toEqual(["qm-tb-camps", "qm-tb-screening"]);
    expect(ids(result).filter((id) => id.startsWith("qm-honey-"))).toEqual(["qm-honey-cough"]);
    expect(result.suggestion).toBeNull();
  });
});

describe("a short question with a typo", () => {
  /**
   * One report whose headline holds both words asked (فزع, النصر), among reports whose headlines
   * hold one: more on a club, النصر, than a page shows, and two on panic elsewhere.
   */
  const report = reportsOf("وكالة الأنباء الوطنية", "2025-04-02T08:00:00Z");
  const panic = appWithFixtures("short-question-typo", async () => [
    await writeFixture("short-question-typo", [
      report(
        "sqt-gas",
        "حالة فزع في حي النصر بعد تسرب للغاز",
        "عاش السكان ساعات صعبة قبل أن تغلق فرق الطوارئ الصمام.",
      ),
      ...["الهلال", "الشباب", "الاتفاق", "الفتح", "التعاون", "الرائد"].map((rival, i) =>
        report(
          `sqt-club-${i}`,
          `النصر يواجه ${rival} في الدوري`,
          `يستضيف النصر فريق ${rival} مساء الجمعة، ويأمل النصر في مواصلة الانتصارات وإسعاد جماهير النصر.`,
        ),
      ),
      report(
        "sqt-flight",
        "فزع بين الركاب بعد هبوط اضطراري",
        "ساد الفزع بين الركاب قبل أن تهبط الطائرة بسلام.",
      ),
      report("sqt-quake", "هزة أرضية تثير الفزع في القرى", "أثارت الهزة الفزع بين سكان القرى الجبلية."),
    ]),
  ]);

  it("ranks first the headline holding its words as the correction spells them", async () => {
    const result = await search("أين فزع انلصر", panic.app);
    expect(ids(result)[0], `${ids(result)}`).toBe("sqt-gas");
    expect(result.suggestion).toBe("أين فزع النصر");
  });

  it("ranks it first spelt right too", async () => {
    const result = await search("أين فزع النصر", panic.app);
    expect(ids(result)[0], `${ids(result)}`).toBe("sqt-gas");
  });
});

describe("a question's slip read as its correction", () => {
  /**
   * One report on clashes (مواجهات عنيفة) with the police, and one on violent winds. Words a letter
   * from the slip عيفة that the suggesters rank ahead of عنيفة: ضعيفة, in four reports (three
   * naming the police), and عفيفة in two. More reports on matches (مواجهات) than on anything else.
   */
  const report = reportsOf("وكالة الأنباء الوطنية", "2025-05-12T08:00:00Z");
  const clashes = appWithFixtures("question-slip-corrected", async () => [
    await writeFixture("question-slip-corrected", [
      report(
        "qsc-clashes",
        "مواجهات عنيفة بين الشرطة ومحتجين وسط العاصمة",
        "أطلقت قوات الأمن الغاز المسيل للدموع بعد رشق عناصرها بالحجارة، وأوقفت عشرات المحتجين.",
      ),
      report(
        "qsc-calls",
        "استجابة ضعيفة من الشرطة لبلاغات السكان",
        "يشكو سكان الأحياء الشرقية من تأخر الدوريات ساعات بعد كل بلاغ.",
      ),
      report(
        "qsc-evidence",
        "أدلة ضعيفة تربك الشرطة في قضية السطو",
        "أفرجت النيابة عن المشتبه بهم لعدم كفاية الأدلة.",
      ),
      report(
        "qsc-lights",
        "إضاءة ضعيفة في الشوارع تقلق الشرطة",
        "طالبت الشرطة البلدية بإصلاح أعمدة الإنارة المعطلة قبل الشتاء.",
      ),
      report(
        "qsc-sales",
        "مبيعات ضعيفة للسيارات في الربع الأول",
        "تراجعت المبيعات مع ارتفاع أسعار الفائدة وتشدد المصارف في التمويل.",
      ),
      report("qsc-storm", "رياح عنيفة تقتلع الأشجار على الساحل", "حذرت الأرصاد من استمرار الرياح حتى الفجر."),
      report("qsc-singer", "ذكرى رحيل المطربة عفيفة إسكندر", "تحيي الإذاعة ذكرى المطربة بأمسية من أغانيها."),
      report(
        "qsc-prize",
        "الكاتبة عفيفة تتسلم جائزة القصة",
        "تسلمت الكاتبة الجائزة في حفل بالمكتبة الوطنية.",
      ),
      report("qsc-novel", "رواية عفيفة تفوز بجائزة الكتاب", "فازت الرواية بالجائزة في دورتها العاشرة."),
      ...["الكأس", "الدوري", "التصفيات", "البطولة", "الموسم"].map((stage, i) =>
        report(
          `qsc-match-${i}`,
          `مواجهات قوية في ${stage} هذا الأسبوع`,
          `تنطلق مواجهات ${stage} مساء الخميس وسط حضور جماهيري كبير.`,
        ),
      ),
    ]),
  ]);

  it("ranks first the report its did-you-mean names", async () => {
    const result = await search("كيف مواجهات عيفة الشرطة", clashes.app);
    expect(result.suggestion).toBe("كيف مواجهات عنيفة الشرطة");
    expect(ids(result)[0], `${ids(result)}`).toBe("qsc-clashes");
  });
});

describe("a question's correction its best answer vouches for", () => {
  /**
   * Reports on the coronavirus (كورونا), none of them with the verb asked (تنتقل), which reports
   * on changes of ownership hold: no article holds the question's words as corrected.
   */
  const report = reportsOf("وكالة الأنباء الوطنية", "2025-07-01T08:00:00Z");
  const virus = appWithFixtures("question-vouched", async () => [
    await writeFixture("question-vouched", [
      report(
        "qv-spread",
        "كيف ينتشر فيروس كورونا بين الناس",
        "يوضح الأطباء أن فيروس كورونا ينتشر عبر الرذاذ والمخالطة القريبة، وينصحون بغسل اليدين.",
      ),
      report(
        "qv-cases",
        "تسجيل إصابات جديدة بفيروس كورونا",
        "أعلنت الوزارة تسجيل إصابات جديدة بفيروس كورونا.",
      ),
      report(
        "qv-vaccine",
        "لقاح كورونا متاح في المراكز الصحية",
        "بدأت المراكز الصحية تقديم لقاح كورونا للمسنين.",
      ),
      ...["الشركة", "النادي", "المصنع", "الصحيفة"].map((owned, i) =>
        report(
          `qv-owner-${i}`,
          `ملكية ${owned} تنتقل إلى مستثمرين جدد`,
          `وقع ملاك ${owned} اتفاقا تنتقل بموجبه الملكية.`,
        ),
      ),
    ]),
  ]);

  it("offers the spelling the first article holds", async () => {
    const result = await search("كيف تنتقل الكرونا", virus.app);
    expect(ids(result)[0], `${ids(result)}`).toMatch(/^qv-(spread|cases|vaccine)$/);
    expect(result.suggestion).toBe("كيف تنتقل الكورونا");
  });
});

describe("a quoted word", () => {
  /**
   * One report on tuberculosis (السل) among reports on basketball (السلة), which the stemmer cuts to
   * the same stem; one report whose text misspells a virus (فيرس) among reports that spell it right;
   * one naming a brand in Latin letters (Nokia) among reports naming it in Arabic (نوكيا).
   */
  const report = reportsOf("وكالة الأنباء الوطنية", "2025-06-03T08:00:00Z");
  const quoted = appWithFixtures("quoted-word", async () => [
    await writeFixture("quoted-word", [
      report(
        "qw-tb",
        "حملة للكشف المبكر عن السل في المدارس",
        "أطلقت وزارة الصحة حملة للكشف المبكر عن مرض السل بين طلاب المدارس في المناطق الريفية.",
      ),
      ...["الكويت", "قطر", "عمان", "البحرين"].map((rival, i) =>
        report(
          `qw-basket-${i}`,
          `منتخب السلة يواجه ${rival}`,
          `يلعب منتخب السلة أمام ${rival} في البطولة الخليجية.`,
        ),
      ),
      report("qw-misspelt", "مرض جديد بين الطيور", "رصد الأطباء البيطريون فيرس جديد في مزارع الدواجن."),
      ...["الإنفلونزا", "كورونا", "الحصبة"].map((virus, i) =>
        report(
          `qw-virus-${i}`,
          `فيروس ${virus} يعود مع الشتاء`,
          `حذرت الصحة من فيروس ${virus} مع دخول الشتاء.`,
        ),
      ),
      report("qw-latin", "هاتف جديد بغطاء أزرق", "يحمل الهاتف الجديد شعار Nokia على غطائه الخلفي."),
      ...["تطلق هاتفا جديدا", "تخفض أسعارها", "تفتتح متجرا في الرياض"].map((news, i) =>
        report(`qw-arabic-${i}`, `نوكيا ${news}`, `أعلنت شركة نوكيا أنها ${news}.`),
      ),
    ]),
  ]);

  it("finds the word as typed, not another its stem shares", async () => {
    expect(ids(await search('"السل"', quoted.app))).toEqual(["qw-tb"]);
  });

  it("finds a misspelling as typed, neither corrected nor suggested", async () => {
    const result = await search('"فيرس"', quoted.app);
    expect(ids(result)).toEqual(["qw-misspelt"]);
    expect(result).toMatchObject({ corrected_query: null, suggestion: null, unquoted_query: null });
  });

  it("reads a quoted Latin word as typed, not as a name written in Arabic letters", async () => {
    expect((await search("Nokia ", quoted.app)).arabic_name_query).toBe("نوكيا");
    const result = await search('"Nokia"', quoted.app);
    expect(ids(result)).toEqual(["qw-latin"]);
    expect(result.arabic_name_query).toBeNull();
  });

  it("is completed as the same word unquoted while the quote is open, and offered whole once it is closed", async () => {
    const unquoted = await suggested("السل", quoted.app);
    expect(unquoted).toContain("qw-basket-0");
    expect(await suggested('"السل', quoted.app)).toEqual(unquoted);
    // Closed, the word is finished: the suggestions offer what Enter finds, السل and not السلة.
    for (const q of ['"السل"', "«السل»"]) expect(await suggested(q, quoted.app), q).toEqual(["qw-tb"]);
  });

  it("searches a quoted word no article holds unquoted, and says so", async () => {
    const result = await search('"فيروسات"', quoted.app);
    expect(result.unquoted_query).toBe("فيروسات");
    expect(ids(result)).toContain("qw-virus-0");
  });
});

describe("letters that begin a commoner word's articles", () => {
  /**
   * More reports on مكة than a rescore window holds, each naming it in title and text (its stem is
   * the letters typed), and the newest titles, which the suggestions offer, about a labour office.
   */
  function lettersArticles(): object[] {
    const topics = ["أمطار", "زحام", "مشروع", "توسعة", "حملة", "مهرجان", "جولة", "ندوة", "معرض", "قافلة"];
    const makkah = Array.from({ length: RANKING.rescore.windowSize + 40 }, (_, i) => ({
      id: `lt-makkah-${String(i).padStart(3, "0")}`,
      title: `${topics[i % topics.length]} في مكة ${i + 1}`,
      body: `شهدت مكة المكرمة اليوم ${topics[i % topics.length]} رقم ${i + 1}، وقالت أمانة مكة إن العمل في مكة يسير وفق الخطة.`,
      source: "صحيفة الحرمين",
      published_at: new Date(Date.UTC(2025, 0, 1, i % 24, i)).toISOString(),
    }));
    // Each office report its own story: no two share more than one of their two sentences.
    const actions: Record<string, string> = {
      "يداهم المحلات": "وداهم مفتشو المكتب محلات مخالفة لأنظمة التوطين",
      "يمدد المهلة": "ومدد المكتب المهلة الممنوحة للمنشآت ثلاثين يوما",
      "يغلق منشأة": "وأغلق المكتب منشأة تشغل عمالة دون تصاريح",
      "يطلق خدمة": "وأطلق المكتب خدمة جديدة لحجز المواعيد عن بعد",
      "يستقبل الشكاوى": "واستقبل المكتب شكاوى العمال عبر رقم موحد",
    };
    const cities: Record<string, string> = {
      الطائف: "شهدت محافظة الطائف إقبالا على الخدمات الإلكترونية",
      جدة: "تزدحم أسواق جدة التجارية بالمتسوقين قبل العيد",
      ينبع: "تتوسع المنطقة الصناعية في ينبع بمصانع جديدة",
      رابغ: "افتتحت رابغ مركزا جديدا لخدمة المراجعين",
    };
    const office = Object.entries(actions).flatMap(([what, done], i) =>
      Object.entries(cities).map(([city, scene], k) => ({
        id: `lt-office-${i}-${k}`,
        title: `مكتب العمل ${what} في ${city}`,
        body: `${scene}. ${done}.`,
        source: "وكالة الأنباء الوطنية",
        published_at: new Date(Date.UTC(2025, 2, 1 + i, k)).toISOString(),
      })),
    );
    return [...makkah, ...office];
  }
  const letters = appWithFixtures("letters", async () => [await writeFixture("letters", lettersArticles())]);

  it("finds on Enter the titles the suggestions offer, though the letters' stem is commoner", async () => {
    // مكتب is the completion the suggestions' titles use most; مكة's reports fill the first stage.
    const offered = await suggested("مك", letters.app);
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.every((id) => id.startsWith("lt-office-"))).toBe(true);
    const found = ids(await search("مك", letters.app));
    expect(found).toHaveLength(10);
    expect(found.every((id) => id.startsWith("lt-office-"))).toBe(true);
  });
});

describe("a typo among many starts", () => {
  /**
   * More title words beginning بتو… than a typo match tries spellings (بتوج, بتوز …, each one edit
   * from بتوك and before تبوك in the alphabet), and one title about تبوك.
   */
  function startsArticles(): object[] {
    const begun = [
      "بتوجيه",
      "بتوزيع",
      "بتوقيع",
      "بتوسعة",
      "بتوفير",
      "بتوظيف",
      "بتوثيق",
      "بتوصية",
      "بتوحيد",
      "بتوطين",
      "بتوريد",
      "بتولي",
      "بتوعية",
      "بتونس",
      "بتوضيح",
      "بتوتر",
      "بتوافق",
      "بتوبة",
      "بتوغل",
      "بتوهج",
      "بتويتر",
      "بتومض",
      "بتوخي",
      "بتودد",
      "بتوشيح",
    ];
    const crowd = begun.map((word, i) => ({
      id: `st-crowd-${String(i).padStart(2, "0")}`,
      title: `مجلس المدينة يطالب ${word} الخدمات ${i + 1}`,
      body: `طالب مجلس المدينة في جلسته رقم ${i + 1} ${word} الخدمات في الأحياء الجديدة.`,
      source: "صحيفة المدينة",
      published_at: new Date(Date.UTC(2025, 4, 1, i)).toISOString(),
    }));
    const tabuk = {
      id: "st-tabuk",
      title: "أمير تبوك يفتتح صالة جديدة في المطار",
      body: "افتتح أمير منطقة تبوك صالة جديدة للمسافرين في مطار المنطقة تتسع لمليون مسافر سنويا.",
      source: "وكالة الأنباء الوطنية",
      published_at: "2025-05-02T08:00:00Z",
    };
    return [...crowd, tabuk];
  }
  const starts = appWithFixtures("starts", async () => [await writeFixture("starts", startsArticles())]);

  it("offers the word meant, though more starts than a typo match tries are as near", async () => {
    // بتوك for تبوك: two letters swapped, one edit from the start of تبوك and of every بتو… word.
    expect(await suggested("بتوك المط", starts.app)).toEqual(["st-tabuk"]);
  });
});

describe("a name typed apart that a title writes joined", () => {
  /**
   * One title naming عبدالله بن عبدالعزيز joined, and more reports than a rescore window holds
   * naming others apart, each holding عبد الله, بن and عبد العزيز but not the name.
   */
  function namesArticles(): object[] {
    const fathers = ["فهد", "سعد", "ناصر", "خالد", "تركي", "منصور", "بندر", "سلطان"];
    const places = ["جدة", "الطائف", "أبها", "تبوك", "حائل", "نجران"];
    const others = Array.from({ length: RANKING.rescore.windowSize + 40 }, (_, i) => {
      const father = fathers[i % fathers.length];
      const place = places[i % places.length];
      return {
        id: `nm-other-${String(i).padStart(3, "0")}`,
        title: `عبد الله بن ${father} يستقبل وفدا في ${place} ${i + 1}`,
        body: `استقبل عبد الله بن ${father} في ${place} وفدا من جامعة الملك عبدالعزيز برئاسة عبد العزيز بن ${fathers[(i + 3) % fathers.length]}، وزار الوفد مستشفى الملك عبدالله، وبحث معه خطط المنطقة رقم ${i + 1}.`,
        source: "صحيفة المنطقة",
        published_at: new Date(Date.UTC(2025, 3, 1, i % 24, i)).toISOString(),
      };
    });
    const joined = {
      id: "nm-joined",
      title: "أبناء الملك الراحل عبدالله بن عبدالعزيز يدشنون مسجدا في جدة",
      body: "دشن أبناء الملك الراحل عبدالله بن عبدالعزيز مسجدا جديدا في جدة يتسع لألفي مصل، بحضور عدد من المسؤولين.",
      source: "وكالة الأنباء الوطنية",
      published_at: "2025-03-15T08:00:00Z",
    };
    return [...others, joined];
  }
  const names = appWithFixtures("names", async () => [await writeFixture("names", namesArticles())]);

  it("finds the title naming it joined first, though five words typed are more than a headline's", async () => {
    // Two two-word names are two words of a headline: the title-as-typed clauses take the name.
    for (const q of ["عبد الله بن عبد العزيز", "عبد الله بن عبد العزيز "])
      expect(ids(await search(q, names.app))[0], q).toBe("nm-joined");
  });
});

describe("a topic typed rather than a headline", () => {
  it("ranks the article holding every word above titles holding all but one", async () => {
    // No title holds all four words: the Saudi federation's text holds them (two apart from the
    // other two), the others' titles hold the other three. Typed to its end or still being typed,
    // the Saudi one comes first.
    for (const q of ["الاتحاد السعودي لكرة الطائرة", "الاتحاد السعودي لكرة الطائرة "])
      expect(ids(await search(q))[0], q).toBe("ty-volley-saudi");
  });

  it("ranks a long text holding the words side by side above a title holding two of them", async () => {
    const found = ids(await search("أسعار الفائدة الأمريكية"));
    expect(found.slice(0, 2)).toEqual(["ty-rates-together", "ty-rates-apart"]);
  });
});

describe("two words no title holds together", () => {
  const article = dailyReportsOf("2025-04", ["وكالة الخليج", "صحيفة الشمال"]);
  const regions = [
    "الرياض",
    "جدة",
    "الدمام",
    "أبها",
    "تبوك",
    "حائل",
    "جازان",
    "نجران",
    "القصيم",
    "الطائف",
    "ينبع",
    "الخبر",
  ];
  const subject = appWithFixtures("typed-subject", async () => [
    await writeFixture("typed-subject", [
      // Twelve reports hold البطالة and السعودية; their titles hold one of the two, never both.
      ...regions.map((region, i) =>
        article(
          `ts-jobs-${i}`,
          i % 2 ? `البطالة تتراجع بين شباب ${region}` : `السعودية تفتتح مركزا للتوظيف في ${region}`,
          `قالت وزارة الموارد البشرية إن برامج التوظيف في ${region} خفضت البطالة بين الخريجين، ضمن خطة السعودية لزيادة مشاركة المواطنين في سوق العمل خلال ${i + 2} سنوات.`,
          i + 1,
        ),
      ),
      // Twelve reports hold موازنة and 2024, their titles one of the two.
      ...regions.map((region, i) =>
        article(
          `ts-budget-${i}`,
          i % 2 ? `موازنة ${region} تركز على المدارس` : `مشاريع جديدة في ${region} خلال 2024`,
          `أقر المجلس البلدي في ${region} موازنة 2024 بزيادة ${i + 5} في المئة في الإنفاق على الطرق والمدارس.`,
          i + 1,
        ),
      ),
      // متوازنة is a typo away from موازنة, and this title holds it with 2024.
      article("ts-balanced", "أسواق متوازنة في 2024", "توقع محللون أن تبقى الأسواق مستقرة.", 19),
      // البطولة is a typo away from البطالة, and this title holds it with السعودية.
      article(
        "ts-league",
        "انطلاق البطولة السعودية لكرة اليد",
        "تنطلق اليوم منافسات البطولة بمشاركة عشرة أندية.",
        20,
      ),
      // قتال, a real word few of the same articles hold with السفير, typed for قاتل.
      article(
        "ts-killer",
        "صورة قاتل السفير تفوز بجائزة",
        "فازت صورة التقطها مصور في المعرض بالجائزة الأولى.",
        21,
      ),
      ...["قتال عنيف في الشمال", "هدنة توقف القتال", "قتال الشوارع يتواصل"].map((title, i) =>
        article(`ts-fight-${i}`, title, `تواصل القتال لليوم ${i + 3} في المدينة.`, 22 + i),
      ),
      ...["السفير يقدم أوراق اعتماده", "السفير يزور المعرض", "استدعاء السفير"].map((title, i) =>
        article(`ts-envoy-${i}`, title, `التقى السفير عددا من المسؤولين في الأسبوع ${i + 1}.`, 25 + i),
      ),
    ]),
  ]);

  it("finds the articles holding both as typed, not a title a typo away holding both", async () => {
    for (const q of ["البطالة السعودية", "البطالة السعودية "]) {
      const found = ids(await search(q, subject.app));
      expect(found[0], q).toMatch(/^ts-jobs-/);
      expect(found, q).not.toContain("ts-league");
    }
  });

  it("takes a year being typed as whole, so reads no typo in the other word", async () => {
    const found = ids(await search("موازنة 2024", subject.app));
    expect(found[0]).toMatch(/^ts-budget-/);
    expect(found).not.toContain("ts-balanced");
  });

  it("still reads a typo in words few articles hold together: a slip into another real word", async () => {
    expect(ids(await search("قتال السفير", subject.app))[0]).toBe("ts-killer");
  });
});

describe("three words no title holds together", () => {
  /**
   * More reports on Syrian refugees (اللاجئين السوريين, side by side in their titles) in camps
   * abroad than a page shows, none naming Germany; reports from German cities whose texts name
   * refugees, Syrians and Germany apart, their titles none of them; and many more naming Germany on
   * other subjects, so that it weighs less than the refugees' words.
   */
  const report = reportsOf("وكالة الأنباء الوطنية", "2025-05-04T08:00:00Z");
  const camps: [string, string][] = [
    ["الزعتري", "وزعت منظمات الإغاثة البطانيات والوقود مع اشتداد البرد"],
    ["الأزرق", "افتتحت عيادة جديدة لطب الأسنان بتمويل من متبرعين"],
    ["عرسال", "غمرت السيول عشرات الخيام بعد ليلة من الأمطار الغزيرة"],
    ["كلس", "بدأ العام الدراسي في ثلاث مدارس أقيمت داخل المخيم"],
    ["غازي عنتاب", "نظمت بطولة لكرة القدم للفتيان بمشاركة ستة عشر فريقا"],
    ["أضنة", "اشتكى السكان من انقطاع الكهرباء ساعات طويلة كل يوم"],
    ["المفرق", "وصلت قافلة مساعدات غذائية تكفي ألف أسرة لشهرين"],
    ["إربد", "افتتح معرض لأعمال يدوية صنعتها نساء المخيم"],
    ["شانلي أورفا", "أطلقت حملة تطعيم ضد شلل الأطفال شملت آلاف الأطفال"],
    ["الريحانية", "ارتفعت أسعار الخبز بعد تقليص الدعم المقدم للأفران"],
    ["البقاع", "تعرضت خيام لحريق سببه مدفأة تعمل بالوقود"],
    ["طرابلس", "دشنت ورشة لتعليم الحاسوب للشباب العاطلين عن العمل"],
  ];
  const germany: [string, string][] = [
    ["برلين", "افتتحت السلطات مركزا يتسع لخمسمئة من اللاجئين، وأغلب القادمين هذا الشهر من السوريين"],
    ["ميونخ", "استقبلت محطة القطارات مئات اللاجئين خلال يومين، وقال متطوعون إن معظمهم من السوريين"],
    ["هامبورغ", "حولت البلدية صالة رياضية إلى مأوى مؤقت يستقبل اللاجئين الجدد، وبينهم عائلات من السوريين"],
    ["كولونيا", "أعلنت الولاية توظيف معلمين لتدريس اللغة، ويشكل السوريين أكثر من نصف اللاجئين المسجلين"],
  ];
  const otherNewsOfGermany = [
    "صناعة السيارات",
    "كرة القدم",
    "أسعار الطاقة",
    "الانتخابات المحلية",
    "السياحة الشتوية",
    "صادرات الآلات",
    "القطارات السريعة",
    "الجامعات التقنية",
  ];
  const refugees = appWithFixtures("three-words", async () => [
    await writeFixture("three-words", [
      ...camps.map(([camp, news], i) =>
        report(
          `tw-camp-${i}`,
          `اللاجئين السوريين في ${camp}: ${news.split(" ").slice(0, 3).join(" ")}`,
          `${news}.`,
        ),
      ),
      ...germany.map(([city, news], i) =>
        report(`tw-germany-${i}`, `مراكز استقبال جديدة في ${city}`, `${news} في ألمانيا.`),
      ),
      ...otherNewsOfGermany.flatMap((subject, i) =>
        ["الأسبوع الماضي", "هذا العام", "منذ سنوات"].map((when, k) =>
          report(
            `tw-other-${i}-${k}`,
            `ألمانيا و${subject} ${when}`,
            `تحدث خبراء عن ${subject} في ألمانيا ${when}.`,
          ),
        ),
      ),
    ]),
  ]);

  it("ranks the reports holding all three above more titles holding two of them side by side", async () => {
    for (const q of ["اللاجئين السوريين في ألمانيا", "اللاجئين السوريين في ألمانيا "]) {
      const found = ids(await search(q, refugees.app));
      expect(found.slice(0, 4).sort(), `${q}: ${found}`).toEqual(germany.map((_, i) => `tw-germany-${i}`));
    }
  });
});

describe("two words, one misspelt, no title holding both", () => {
  /**
   * Reports on the virus whose texts name كورونا and its symptoms (أعراض) and whose titles name
   * neither; titles on other symptoms; one text spelling the virus الكرونا, as some writers do.
   */
  const article = dailyReportsOf("2025-03", ["وكالة الصحة", "صحيفة الوطن"]);
  const reports = [
    ["جدة", "إصابتان", "الحمى"],
    ["الرياض", "ثلاث إصابات", "السعال"],
    ["الدمام", "وفاة وإصابة", "ضيق التنفس"],
    ["مكة", "أربع حالات", "الإرهاق"],
    ["المدينة", "حالة حرجة", "فقدان الشم"],
    ["الطائف", "خمس إصابات", "الصداع"],
  ];
  const symptoms = appWithFixtures("misspelt-pair", async () => [
    await writeFixture("misspelt-pair", [
      ...reports.map(([city, cases, symptom], i) =>
        article(
          `mp-virus-${i}`,
          `${cases} بالفيروس في ${city}`,
          `سجلت الصحة في ${city} حالات جديدة بفيروس كورونا، ومن أعراض كورونا ${symptom}.`,
          i + 1,
        ),
      ),
      ...["هشاشة العظام", "الحساسية الموسمية", "نقص الحديد"].map((illness, i) =>
        article(
          `mp-other-${i}`,
          `أعراض ${illness}`,
          `يشرح الأطباء علامات ${illness} وطرق الوقاية منها.`,
          i + 10,
        ),
      ),
      article("mp-misspelt", "نصائح للمسافرين", "راقب أعراض الكرونا بعد العودة من السفر.", 15),
    ]),
  ]);

  it("reads the misspelt word as its likelier spelling in texts, above titles holding the other", async () => {
    for (const q of ["اعراض الكرونا", "اعراض الكرونا "]) {
      const found = ids(await search(q, symptoms.app));
      const first = (prefix: string) => found.findIndex((id) => id.startsWith(prefix));
      expect(first("mp-virus-"), `${q}: ${found}`).toBeGreaterThanOrEqual(0);
      expect(first("mp-virus-"), `${q}: ${found}`).toBeLessThan(first("mp-other-"));
    }
  });
});

describe("a query typed with the keyboard left on the Latin layout", () => {
  const article = (id: string, title: string, body: string) => ({
    id,
    title,
    body,
    source: "وكالة الأنباء الوطنية",
    published_at: "2025-06-01T08:00:00Z",
  });
  const keys = appWithFixtures("keys", async () => [
    await writeFixture("keys", [
      article("lk-sisi", "السيسي يستقبل وفدا اقتصاديا في القاهرة", "استقبل الرئيس وفدا من رجال الأعمال."),
      article(
        "lk-corona",
        "فيروس كورونا يعود إلى الرياض بخمس إصابات جديدة",
        "سجلت الوزارة خمس إصابات جديدة.",
      ),
      article(
        "lk-crown",
        "ولي العهد يفتتح معرض الكتاب الدولي",
        "افتتح ولي العهد المعرض بمشاركة مئات الناشرين.",
      ),
      article(
        "lk-galaxy",
        "سامسونج تطلق هاتف Galaxy الجديد في الأسواق",
        "أطلقت الشركة هاتف Galaxy بسعر أقل.",
      ),
      article("lk-health", "تطبيق S Health يصل إلى ساعات ذكية جديدة", "أعلنت الشركة وصول تطبيق S Health."),
    ]),
  ]);

  it.each([
    ["hgsdsd", "السيسي", "lk-sisi"],
    [",gd hgui]", "ولي العهد", "lk-crown"],
    // An article holds the s of tdv,s as typed: the comma types و on the Arabic keyboard.
    ["tdv,s ;,v,kh", "فيروس كورونا", "lk-corona"],
    // Still typing: what the suggestions offer, Enter finds.
    ["hgsd", "السي", "lk-sisi"],
  ])("%s: searched as %s, the same keys on the Arabic keyboard", async (q, arabic, id) => {
    const result = await search(q, keys.app);
    expect(result.arabic_keys_query).toBe(arabic);
    expect(ids(result)[0]).toBe(id);
    expect((await suggested(q, keys.app))[0]).toBe(id);
  });

  it("leaves a Latin word articles hold as typed", async () => {
    const result = await search("Galaxy", keys.app);
    expect(ids(result)).toEqual(["lk-galaxy"]);
    expect(result.arabic_keys_query).toBeNull();
    expect(await suggested("Gal", keys.app)).toEqual(["lk-galaxy"]);
    // Neither as typed nor on the Arabic keys: nothing, and no claim about the keyboard.
    expect(await search("Xiaomi", keys.app)).toMatchObject({ total: { value: 0 }, arabic_keys_query: null });
  });
});

describe("a name typed in Latin letters", () => {
  const article = dailyReportsOf("2025-03", ["وكالة الأنباء الاقتصادية", "صحيفة الأسواق"]);
  // Each name in several articles, so that on three shards each shard holds some.
  const names = appWithFixtures("latin-names", async () => [
    await writeFixture("latin-names", [
      article("ln-aramco-1", "أرامكو تعلن أرباحها للربع الأول", "أعلنت أرامكو نمو أرباحها.", 1),
      article("ln-aramco-2", "أرامكو توقع اتفاقية لتوريد الغاز", "وقعت أرامكو اتفاقية جديدة.", 2),
      article("ln-aramco-3", "أسهم أرامكو ترتفع في ختام التداولات", "ارتفعت أسهم أرامكو اليوم.", 3),
      article("ln-aramco-4", "أرامكو تفتتح مركزا للأبحاث", "افتتحت أرامكو مركزها الجديد.", 4),
      article("ln-trump-1", "ترامب يلتقي قادة الخليج في الرياض", "التقى ترامب قادة الخليج.", 5),
      article("ln-trump-2", "ترامب يعلن رسوما جمركية جديدة", "أعلن ترامب رسوما جديدة.", 6),
      article("ln-trump-3", "ترامب يتحدث عن أسعار النفط", "تحدث ترامب عن النفط.", 7),
      article(
        "ln-trump-4",
        "البيت الأبيض: ترامب يزور المنطقة",
        "قال البيت الأبيض إن ترامب سيزور المنطقة.",
        8,
      ),
      article("ln-hamas-1", "حماس ترحب بمبادرة التهدئة", "رحبت حماس بالمبادرة.", 9),
      article("ln-hamas-2", "وفد من حماس يصل إلى القاهرة", "وصل وفد حماس إلى القاهرة.", 10),
      article("ln-hamas-3", "حماس تدعو إلى فتح المعابر", "دعت حماس إلى فتح المعابر.", 11),
      article("ln-hamas-4", "حماس تعلن موقفها من المقترح", "أعلنت حماس موقفها.", 12),
      article("ln-galaxy-1", "سامسونج تطلق هاتف Galaxy الجديد", "أطلقت الشركة هاتف Galaxy في الأسواق.", 13),
      article("ln-galaxy-2", "مراجعة: بطارية Galaxy تصمد يومين", "صمدت بطارية Galaxy في الاختبار.", 14),
      article("ln-market-1", "سوق الأسهم يغلق على ارتفاع", "أغلق السوق مرتفعا.", 15),
      article("ln-market-2", "أسعار الذهب تتراجع في السوق المحلية", "تراجعت أسعار الذهب.", 16),
      ...[
        "القمح",
        "الأرز",
        "السكر",
        "الحديد",
        "الإسمنت",
        "القهوة",
        "الشاي",
        "الزيت",
        "الدواجن",
        "الألبان",
        "الأسماك",
        "الفاكهة",
      ].map((goods, i) =>
        article(`ln-goods-${i}`, `أسعار ${goods} مستقرة هذا الأسبوع`, `استقرت أسعار ${goods}.`, 17 + i),
      ),
      article("ln-jeddah-1", "مطار جدة يستقبل أولى رحلات الموسم", "استقبل مطار جدة الرحلات.", 29),
      article("ln-jeddah-2", "أمطار غزيرة على جدة", "هطلت أمطار على جدة.", 30),
      article("ln-jeddah-3", "افتتاح معرض الكتاب في جدة", "افتتح المعرض في جدة.", 31),
      article("ln-jeddah-4", "جدة تستضيف سباق الفورمولا", "تستضيف جدة السباق.", 1),
      // جيدة, the word جدة becomes with its e written: held by half as many articles.
      article("ln-good-1", "الشركة تحقق نتائج جيدة", "حققت الشركة نتائج جيدة.", 2),
      article("ln-good-2", "توقعات جيدة للموسم الزراعي", "التوقعات جيدة هذا العام.", 3),
      // A country its English name does not spell, and a phone a title names in Latin letters.
      article("ln-germany-1", "ألمانيا تستضيف قمة المناخ", "تستضيف ألمانيا القمة في برلين.", 4),
      article("ln-germany-2", "صادرات ألمانيا ترتفع", "ارتفعت صادرات ألمانيا إلى الخليج.", 5),
      article("ln-iphone-1", "أبل تكشف عن iPhone الجديد", "كشفت أبل عن هاتفها الجديد.", 6),
      article("ln-iphone-2", "طوابير أمام المتاجر لشراء آيفون", "اصطف المشترون لشراء آيفون.", 7),
      article("ln-iphone-3", "آيفون يتصدر مبيعات الهواتف", "تصدر آيفون مبيعات الربع.", 8),
    ]),
  ]);

  it.each([
    // A spelling of its sounds the articles hold, shown as they write it (not the index's ارامكو).
    ["aramco", "أرامكو", "ln-aramco-"],
    ["Aramco ", "أرامكو", "ln-aramco-"],
    // Spelt ترومب, which no article holds: the word of the same consonants that articles hold.
    ["trump", "ترامب", "ln-trump-"],
    // Spelt هاماس: the same sound written with ح.
    ["hamas", "حماس", "ln-hamas-"],
    // A final ة makes it an Arabic word, whose e goes unwritten: جدة, not جيدة.
    ["jeddah", "جدة", "ln-jeddah-"],
  ])("%s: searched as %s, as the articles write it", async (q, arabic, id) => {
    const result = await search(q, names.app);
    expect(result.arabic_name_query).toBe(arabic);
    expect(result.arabic_keys_query).toBeNull();
    expect(ids(result).length).toBeGreaterThan(0);
    expect(ids(result).every((found) => found.startsWith(id))).toBe(true);
    // What the suggestions offer, Enter finds.
    expect((await suggested(q, names.app))[0]).toMatch(new RegExp(`^${id}`));
  });

  it("reads a name among Arabic words, which stay as typed", async () => {
    const result = await search("أرباح aramco", names.app);
    expect(result.arabic_name_query).toBe("أرباح أرامكو");
    expect(ids(result)[0]).toBe("ln-aramco-1");
  });

  it("leaves a name the articles write in Latin letters, and a word they write neither way", async () => {
    const galaxy = await search("Galaxy", names.app);
    expect(galaxy.arabic_name_query).toBeNull();
    expect(ids(galaxy).sort()).toEqual(["ln-galaxy-1", "ln-galaxy-2"]);
    expect(await search("xiaomi", names.app)).toMatchObject({ total: { value: 0 }, arabic_name_query: null });
  });

  it("finds a name mappings/synonyms_ar.txt lists in the Arabic spellings it gives, and as typed", async () => {
    const germany = await search("germany", names.app);
    expect(germany.arabic_name_query).toBeNull();
    expect(ids(germany).sort()).toEqual(["ln-germany-1", "ln-germany-2"]);
    const iphone = await search("iphone", names.app);
    expect(ids(iphone).sort()).toEqual(["ln-iphone-1", "ln-iphone-2", "ln-iphone-3"]);
  });

  it("completes such a name while it is being typed, in the search and the suggestions alike", async () => {
    for (const [q, found] of [
      ["germa", ["ln-germany-1", "ln-germany-2"]],
      ["ipho", ["ln-iphone-1", "ln-iphone-2", "ln-iphone-3"]],
    ] as const) {
      expect(ids(await search(q, names.app)).sort(), q).toEqual(found);
      expect((await suggested(q, names.app)).sort(), q).toEqual(found);
    }
  });
});

describe("a hamza typed as the letter it sits on", () => {
  /**
   * سوال for سؤال (سءال in the index), as near to شوال and سواس, which newer titles hold; one
   * text spells it as typed, so the word is not rare enough to ask the suggesters about. Six
   * articles hold each word, so that on three shards each shard holds some.
   */
  function seatedArticles(): object[] {
    const reports = (prefix: string, day: number, titles: string[]) =>
      titles.map((title, i) => ({
        id: `hz-${prefix}-${i}`,
        title,
        body: `${title}، بحسب ما أفادت مصادر مطلعة.`,
        source: "وكالة الخليج",
        published_at: new Date(Date.UTC(2025, 5, day, i)).toISOString(),
      }));
    return [
      ...reports("question", 2, [
        "سؤال عن مستقبل التعليم عن بعد في المدارس",
        "سؤال الهوية في الرواية العربية المعاصرة",
        "سؤال برلماني عن أسعار الوقود في المحطات",
        "سؤال المياه يعود إلى الواجهة مع الصيف",
        "سؤال وجواب عن نظام التأشيرة الجديدة",
        "سؤال الطاقة المتجددة في دول الخليج",
      ]),
      ...reports("shawwal", 5, [
        "المحكمة العليا تعلن أن غدا غرة شوال",
        "إجازة عيد الفطر تمتد حتى الخامس من شوال",
        "عودة الدراسة في العاشر من شوال المقبل",
        "مواعيد العمل الجديدة تبدأ منتصف شوال",
        "رحلات العمرة تستأنف في شوال بعد التوقف",
        "مهرجان الصيف ينطلق في الأسبوع الأول من شوال",
      ]),
      ...reports("soas", 6, [
        "جامعة سواس في لندن تستقبل طلابا من الخليج",
        "منح دراسية جديدة في جامعة سواس البريطانية",
        "محاضرة عن الأدب العربي في سواس الأسبوع المقبل",
        "سواس تفتتح مركزا لدراسات الشرق الأوسط",
        "باحثون من سواس يزورون المكتبة الوطنية",
        "مؤتمر عن اللغات الشرقية تنظمه سواس",
      ]),
      ...reports("as-typed", 1, ["ندوة عن المكتبات العامة ودورها"]).map((article) => ({
        ...article,
        body: "طرح أحد الحضور سوال عن دور المكتبات العامة.",
      })),
    ];
  }
  const seated = appWithFixtures("hamza-seated", async () => [
    await writeFixture("hamza-seated", seatedArticles()),
  ]);

  it("finds the word with the hamza before other words a letter away", async () => {
    const found = ids(await search("سوال ", seated.app));
    const questions = found.filter((id) => id.startsWith("hz-question-"));
    expect(questions).toHaveLength(6);
    const lastQuestion = found.indexOf(questions.at(-1) ?? "");
    const others = found.filter((id) => id.startsWith("hz-shawwal-") || id.startsWith("hz-soas-"));
    for (const other of others) expect(found.indexOf(other), other).toBeGreaterThan(lastQuestion);
  });
});

describe("a letter pressed twice", () => {
  /**
   * ممبيعات: مبيعات pressed twice, but also a key away from ومبيعات, which more articles hold, and
   * as near to بمبيعات and لمبيعات. Each reading is found with السيارات; مبيعات's three articles
   * lie one to a shard on three shards. And اللليل: الليل with a letter pressed twice, which the
   * elongation rule reads as اليل, a letter from الكل, far commoner.
   */
  function doubledArticles(): object[] {
    const reports = (prefix: string, count: number, title: (i: number) => string) =>
      Array.from({ length: count }, (_, i) => ({
        id: `ds-${prefix}-${String(i).padStart(2, "0")}`,
        title: title(i + 1),
        body: `${title(i + 1)}، بحسب بيانات الجمعية الوطنية لوكلاء السيارات الصادرة اليوم.`,
        source: "صحيفة الاقتصاد",
        published_at: new Date(Date.UTC(2025, 2, 1 + i)).toISOString(),
      }));
    return [
      ...reports("and", 12, (i) => `الأسعار ومبيعات السيارات ترتفع في الشهر ${i}`),
      ...reports("by", 3, (i) => `التجار يتأثرون بمبيعات السيارات في الشهر ${i}`),
      ...reports("for", 3, (i) => `خطة لمبيعات السيارات في الشهر ${i}`),
      ...reports("sales", 3, (i) => `مبيعات السيارات تتراجع في الشهر ${i}`),
      ...reports("night", 3, (i) => `أخبار الليل في المدينة ${i}`),
      ...reports("all", 40, (i) => `أخبار الكل في الحي ${i}`),
    ];
  }
  const doubled = appWithFixtures("doubled", async () => [await writeFixture("doubled", doubledArticles())]);

  it("corrects it into the word without the second letter, though commoner slips are as near", async () => {
    expect((await search("ممبيعات السيارات", doubled.app)).suggestion).toBe("مبيعات السيارات");
  });

  it("corrects it on a letter already doubled, three in a row", async () => {
    expect((await search("أخبار اللليل", doubled.app)).suggestion).toBe("أخبار الليل");
  });
});

describe("did you mean", () => {
  it("corrects a misspelt word that no article holds", async () => {
    // Fewer articles than fill a page hold البرلمان: the words a typo away are still read with it.
    const alone = await search("البرلمن");
    expect(alone.suggestion).toBe("البرلمان");
    expect(alone.corrected_query).toBeNull();
    expect((await search("رءيس البرلمن")).suggestion).toBe("رءيس البرلمان");
  });

  it("corrects a misspelt word beside a function word, which the stemmed fields drop", async () => {
    for (const q of ["البرلمن في جلسته", "ما هو البرلمن الأوروبي"]) {
      const result = await search(q);
      expect(result.suggestion, q).toBe(q.replace("البرلمن", "البرلمان"));
      expect(ids(result), q).toContain(q.endsWith("جلسته") ? "ty-parl-1" : "ty-parl-2");
    }
  });

  it("corrects a three-letter word into the word it left a letter out of", async () => {
    // مسم for موسم, which five articles hold: so that on three shards one shard holds two.
    expect((await search("مسم الجديد")).suggestion).toBe("موسم الجديد");
  });

  it("corrects a typo that garbled the article, from the titles' words as written", async () => {
    expect((await search("ابلرلمان")).suggestion).toBe("البرلمان");
  });

  it("spells a correction as the articles do, not in the index's normal form", async () => {
    // The index holds الجزاءر (its hamza unified); readers are shown الجزائر. Four fixture
    // articles name it, so that on three shards one shard holds two: the suggesters' floor is
    // shared out per shard.
    expect((await search("الجزاير")).suggestion).toBe("الجزائر");
  });

  it("prefers, of two corrections as likely, the one whose words an article holds together", async () => {
    // مجرد is a neighbouring key away and is in an article with ريال, but far from it; مدريد is
    // a letter away and follows ريال in two articles. Four articles hold each, so that on three
    // shards one shard holds two (see الجزائر below).
    expect((await search("ريال مدرد")).suggestion).toBe("ريال مدريد");
  });

  it("stays silent for words spelt right, numbers and short words", async () => {
    for (const q of ["البرلمان", "بوتين يستقبل", "2025", "ابو ظبي", "بوت"])
      expect((await search(q)).suggestion, q).toBeNull();
  });
});

describe("did you mean while the last word is being typed", () => {
  /** Market reports whose titles begin خسائر with خسا and whose texts hold خمسا, a letter away from it. */
  const report = dailyReportsOf("2025-05", ["وكالة الأسواق", "صحيفة المال"]);
  const markets = appWithFixtures("typing-correction", async () => [
    await writeFixture(
      "typing-correction",
      ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "السبت"].map((day, i) =>
        report(
          `tc-${i}`,
          `الأسهم تغلق على خسائر في جلسة ${day}`,
          `أغلقت الأسهم على خسائر في جلسة ${day} بعد أن تراجع المؤشر خمسا و${i + 20} نقطة.`,
          i + 1,
        ),
      ),
    ),
  ]);

  it("corrects the words before it and leaves the word being typed as begun", async () => {
    const result = await search("الأسهن خسا", markets.app);
    expect(result.suggestion).toBe("الأسهم خسا");
    expect(ids(result)[0]).toMatch(/^tc-/);
  });
});

describe("did you mean between corrections as likely, both held near the other word", () => {
  const article = dailyReportsOf("2025-05", ["صحيفة الملاعب", "وكالة الخليج"]);
  const rivals = [
    "برشلونة",
    "إشبيلية",
    "فالنسيا",
    "بلباو",
    "سلتا",
    "خيتافي",
    "ليغانيس",
    "ألافيس",
    "أوساسونا",
    "جيرونا",
    "مايوركا",
    "قادش",
  ];
  const topics = [
    "الإصلاح",
    "التعاون",
    "الحوار",
    "البناء",
    "التغيير",
    "التطوير",
    "التنظيم",
    "الدعم",
    "التخطيط",
    "التدريب",
    "التعليم",
    "التوظيف",
    "النقل",
    "الإسكان",
  ];
  const pair = appWithFixtures("near-pair", async () => [
    await writeFixture("near-pair", [
      // Twelve reports hold ريال right before مدريد.
      ...rivals.map((rival, i) =>
        article(
          `np-madrid-${i}`,
          `ريال مدريد يواجه ${rival}`,
          `يلعب ريال مدريد مع ${rival} في الجولة ${i + 1} من الدوري.`,
          i + 1,
        ),
      ),
      // مجرد, commoner than مدريد, a key away from مدرد as مدريد is a long vowel away; one text
      // holds it a few words after ريال, by chance.
      ...topics.map((topic, i) =>
        article(
          `np-mere-${i}`,
          `${topic} في المدن الصغيرة`,
          `قال المسؤول إن خطة ${topic} مجرد خطوة أولى في المدن الصغيرة.`,
          i + 1,
        ),
      ),
      article("np-ticket", "تذاكر المهرجان", "بيعت التذكرة بعشرة ريال فقط وهي مجرد بداية للمهرجان.", 20),
    ]),
  ]);

  it("shows the one whose words far more articles hold near one another", async () => {
    expect((await search("ريال مدرد", pair.app)).suggestion).toBe("ريال مدريد");
  });
});

/** `count` words of `letters` letters no article holds, each a different walk over the alphabet. */
function madeUpWords(count: number, letters: number): string {
  const alphabet = "ضصثقفغعهخحجشسيبلاتنمكطظزورؤءئ";
  return Array.from({ length: count }, (_, i) =>
    Array.from({ length: letters }, (_, k) => alphabet[(i * 7 + k * 11) % alphabet.length]).join(""),
  ).join(" ");
}

describe("bounded cost", () => {
  it.each([
    ["one 500-letter word", "اب".repeat(250)],
    ["a few long words", Array.from({ length: 6 }, (_, i) => `${"استراتيجيات".repeat(2)}${i}`).join(" ")],
    ["many words", Array.from({ length: 40 }, (_, i) => `كلمة${i}`).join(" ")],
    ["many made-up words", madeUpWords(24, 9)],
    // Read both ways, then searched as Arabic (or as typed, then as Arabic).
    ["one 500-key word on the Latin layout", "hg".repeat(250)],
    ["many words on the Latin layout", "lwv hgsdsd tdv,s ".repeat(12)],
    // Read as names: each word's spellings counted, two suggesters asked for each word.
    [
      "as many Latin names of many spellings as are read",
      "sebechesebechesebech sebechesebechesebecx sebechesebechesebecy sebechesebechesebecz",
    ],
  ])("%s answers within the time budget", async (_name, q) => {
    const result = await search(q);
    expect(result.took_ms).toBeLessThan(Number.parseInt(RANKING.timeout, 10) * 1000);
    expect(typeof result.partial).toBe("boolean");
  });
});

describe("a year written with the letter of its era", () => {
  const article = dailyReportsOf("2015-01", ["وكالة الأنباء", "صحيفة الاقتصاد"]);
  const years = appWithFixtures("era-years", async () => [
    await writeFixture("era-years", [
      article(
        "yr-budget-era",
        "ميزانية عام 2015م تركز على التعليم والصحة",
        "أقرت الحكومة ميزانية عام 2015م.",
        1,
      ),
      article("yr-budget", "مجلس الوزراء يقر ميزانية 2015", "أقر مجلس الوزراء ميزانية العام الجديد.", 2),
      article("yr-budget-before", "ميزانية 2014م سجلت عجزا", "سجلت ميزانية عام 2014م عجزا.", 3),
      article("yr-hajj", "خطة تشغيلية لموسم حج 1436هـ", "اعتمدت الوزارة خطة موسم حج 1436هـ.", 4),
      article("yr-other", "افتتاح معرض الكتاب", "افتتح معرض الكتاب أبوابه للزوار.", 5),
    ]),
  ]);

  it("finds the year a reader types, written 2015م or 1436هـ", async () => {
    // First, before 2014م's budget, which the search adds below as holding one word of two.
    for (const q of ["ميزانية 2015", "ميزانية 2015 "])
      expect(
        ids(await search(q, years.app))
          .slice(0, 2)
          .sort(),
        q,
      ).toEqual(["yr-budget", "yr-budget-era"]);
    expect(ids(await search("حج 1436", years.app))[0]).toBe("yr-hajj");
  });
});
