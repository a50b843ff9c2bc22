/**
 * /api/search, /api/suggest and related coverage against a real Elasticsearch: the ranking a
 * reader expects, highlights, filters, facets, paging, collapsing of wire copies.
 */
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { prepareArticle } from "../src/articles/document.js";
import { ArticleInputSchema } from "../src/articles/schema.js";
import { loadIndexDefinition } from "../src/es/index-definition.js";
import { createPhysicalIndex } from "../src/es/indices.js";
import type { RelatedResponse, SearchResponse } from "../src/search/responses.js";
import { appWithFixtures, testApp, writeFixture } from "./helpers/api.js";
import { removeTestIndices, uniqueAlias } from "./helpers/es.js";

const { app, client } = appWithFixtures("api", async () => [
  fixture("ranking.jsonl"),
  fixture("questions.jsonl"),
  await pagingFixture(),
  await wireFixture(),
]);
const fixture = (name: string) => join(import.meta.dirname, "fixtures", name);

/** 35 distinct reports sharing one word, for paging. */
async function pagingFixture(): Promise<string> {
  const words = [
    "ميناء",
    "سفينة",
    "حاويات",
    "شحنة",
    "رصيف",
    "بضائع",
    "قمح",
    "نفط",
    "أسمدة",
    "سيارات",
    "أخشاب",
    "حديد",
  ];
  const articles = Array.from({ length: 35 }, (_, i) => {
    const own = Array.from({ length: 6 }, (_, k) => `${words[(i * 7 + k * 5) % words.length]}${i}ك${k}`).join(
      " ",
    );
    return {
      id: `page-${String(i).padStart(2, "0")}`,
      title: `نشرة الملاحة اليومية ${i}`,
      body: `الملاحة ${own} تقرير رقم ${i}`,
      source: i % 2 ? "مصدر أ" : "مصدر ب",
      published_at: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
      category: "ملاحة",
    };
  });
  return writeFixture("paging", articles);
}

/** One wire story carried by twelve outlets, and four other reports on the same warehouses. */
async function wireFixture(): Promise<string> {
  const story = {
    title: "حريق يلتهم مستودعا للأخشاب في ميناء جدة الإسلامي",
    body: "اندلع حريق فجر اليوم في مستودع للأخشاب داخل ميناء جدة الإسلامي، وتمكنت فرق الدفاع المدني من السيطرة عليه خلال ثلاث ساعات دون إصابات، فيما فتحت الجهات المختصة تحقيقا في أسبابه.",
  };
  const copies = Array.from({ length: 12 }, (_, i) => ({
    ...story,
    id: `wire-copy-${String(i).padStart(2, "0")}`,
    source: `وكالة ${i}`,
    published_at: new Date(Date.UTC(2025, 2, 1, i)).toISOString(),
  }));
  const others = ["تفتيش", "تأمين", "توسعة", "ترخيص"].map((topic, i) => ({
    id: `wire-other-${i}`,
    title: `${topic} مستودعات الأخشاب في الموانئ ${i}`,
    body: `أعلنت الهيئة خطة ${topic} جديدة تشمل مستودعات الأخشاب في ${["جدة", "الدمام", "ينبع", "جازان"][i]} خلال العام المقبل.`,
    source: "مصدر محلي",
    published_at: new Date(Date.UTC(2025, 1, 1 + i)).toISOString(),
  }));
  return writeFixture("wire", [...copies, ...others]);
}

async function search(params: Record<string, string | string[]>): Promise<SearchResponse> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    for (const item of [value].flat()) query.append(key, item);
  const response = await app.request(`/api/search?${query}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as SearchResponse;
}

const ids = (result: SearchResponse) => result.hits.map((hit) => hit.id);
const rank = (result: SearchResponse, id: string) => ids(result).indexOf(id);

describe("ranking", () => {
  it("puts the exact word above a stem-only match", async () => {
    const result = await search({ q: "الصين" });
    expect(rank(result, "rk-exact")).toBeGreaterThanOrEqual(0);
    expect(rank(result, "rk-stem")).toBeGreaterThan(rank(result, "rk-exact"));
  });

  it("puts a title match above a body match", async () => {
    const result = await search({ q: "القهوة" });
    expect(ids(result).slice(0, 2)).toEqual(["rk-title", "rk-body"]);
  });

  it("puts the article a query names by its whole title above texts that mention the name", async () => {
    // rk-mention repeats every query word, درس included; rk-named is titled ابن خلدون.
    const result = await search({ q: "أين درس ابن خلدون" });
    expect(ids(result).slice(0, 2)).toEqual(["rk-named", "rk-mention"]);
    // Without its article, and with a hamza, the title is still named.
    expect(ids(await search({ q: "إبن خلدون" }))[0]).toBe("rk-named");
  });

  it("answers a question by its other words, not by a title that asks the same question word", async () => {
    // qw-reform's title opens with متى يبدأ; the school year's article answers the question.
    expect(ids(await search({ q: "متى يبدأ العام الدراسي" }))[0]).toBe("qw-school-year");
  });

  it("answers a two-word query with one word found nowhere, articles with both words first", async () => {
    // Nothing mentions إثيوبيا; both articles mention القهوة.
    expect(
      ids(await search({ q: "القهوة الإثيوبية" }))
        .slice(0, 2)
        .sort(),
    ).toEqual(["rk-body", "rk-title"]);
    // rk-body mentions السكر and القهوة, rk-title القهوة only: both come, the one with both first.
    expect(ids(await search({ q: "السكر القهوة" })).slice(0, 2)).toEqual(["rk-body", "rk-title"]);
  });

  it("puts the phrase above the same words scattered", async () => {
    const result = await search({ q: "محطة الضبعة النووية" });
    expect(ids(result)[0]).toBe("rk-phrase");
    expect(rank(result, "rk-scattered")).toBeGreaterThan(0);
  });

  it("lets the newer article win a tie", async () => {
    const result = await search({ q: "مهرجان الزيتون السنوي" });
    expect(rank(result, "rk-new")).toBeLessThan(rank(result, "rk-old"));
  });

  it("understands quoted phrases, -exclusions and OR", async () => {
    expect(ids(await search({ q: '"الضبعة النووية"' }))).toEqual(["rk-phrase"]);
    expect(ids(await search({ q: "الزيتون -الخطير" }))).not.toContain("rk-xss");
    const either = ids(await search({ q: "القهوة OR المنتخب" }));
    expect(either).toEqual(expect.arrayContaining(["rk-title", "rk-football"]));
  });

  it("searches the words of a quoted phrase no article holds, and says so", async () => {
    const exact = await search({ q: '"الضبعة النووية"' });
    expect(exact.unquoted_query).toBeNull();
    // The words are in rk-phrase, but not in this order.
    const relaxed = await search({ q: '"النووية الضبعة"' });
    expect(relaxed.unquoted_query).toBe("النووية الضبعة");
    expect(ids(relaxed)[0]).toBe("rk-phrase");
    const nowhere = await search({ q: '"كلمات لا توجد في أي خبر"' });
    expect(nowhere).toMatchObject({ total: { value: 0 }, unquoted_query: "كلمات لا توجد في أي خبر" });
  });

  it("tolerates a typo in a long word", async () => {
    expect(ids(await search({ q: "المزارعيين" }))).toContain("rk-old");
  });

  it("matches across spellings: السيسي finds السيسى", async () => {
    expect(ids(await search({ q: "السيسي" }))).toEqual(["rk-sisi"]);
  });

  it("never errors on query syntax", async () => {
    for (const q of [
      '"unclosed',
      "a AND (b OR",
      "*:* OR title:[a TO z]",
      "\\",
      "-",
      "OR OR",
      "~~~^2",
      "/.*/",
    ])
      await search({ q });
  });
});

describe("highlighting", () => {
  it("marks the spelling the document uses, HTML-safe", async () => {
    const [hit] = (await search({ q: "السيسي" })).hits;
    expect(hit?.highlights.title.join()).toContain("<mark>السيسى</mark>");
  });

  it("escapes hostile markup around the marks", async () => {
    const hit = (await search({ q: "الزيتون الخطير" })).hits.find((item) => item.id === "rk-xss");
    const html = [hit?.snippet, ...(hit?.highlights.title ?? [])].join(" ");
    expect(html).toContain("<mark>");
    expect(html).not.toMatch(/<(?!\/?mark>)[a-z]/i);
    expect(hit?.title).not.toContain("<script");
  });

  it("takes the snippet from the lead when the body has no match", async () => {
    const [hit] = (await search({ q: "الجراد" })).hits;
    expect(hit?.id).toBe("rk-lead");
    expect(hit?.snippet).toContain("<mark>الجراد</mark>");
  });
});

describe("filters, facets, collapsing", () => {
  it("filters by source (repeatable), category and dates", async () => {
    const bySource = await search({ q: "الملاحة", source: "مصدر أ" });
    expect(bySource.hits.every((hit) => hit.source === "مصدر أ")).toBe(true);
    const both = await search({ q: "الملاحة", source: ["مصدر أ", "مصدر ب"], size: "50" });
    expect(both.total.value).toBe(35);
    const dated = await search({ q: "الملاحة", from: "2025-01-01", to: "2025-01-10", size: "50" });
    expect(dated.total.value).toBe(10);
    const category = await search({ q: "الزيتون", category: "منوعات" });
    expect(category.hits.every((hit) => hit.category === "منوعات")).toBe(true);
  });

  it("takes several sources separated by commas as it takes the parameter repeated", async () => {
    const repeated = await search({ q: "الملاحة", source: ["مصدر أ", "مصدر ب"], size: "50" });
    const commas = await search({ q: "الملاحة", source: "مصدر أ,مصدر ب", size: "50" });
    expect(commas.total.value).toBe(35);
    expect(ids(commas)).toEqual(ids(repeated));
  });

  it("counts facets for the values a reader could switch to", async () => {
    const result = await search({ q: "الملاحة", source: "مصدر أ", facets: "true" });
    const sources = Object.fromEntries(result.facets.source.map((facet) => [facet.value, facet.count]));
    expect(sources).toEqual({ "مصدر أ": 17, "مصدر ب": 18 });
    expect(result.facets.published.length).toBeGreaterThan(0);
  });

  it("collapses wire copies to one hit and counts them", async () => {
    const result = await search({ q: "قمر صناعي لرصد المناخ" });
    const copies = result.hits.filter((hit) => hit.id.startsWith("rk-copy"));
    expect(copies).toHaveLength(1);
    expect(copies[0]?.duplicates).toBe(2);
  });
});

describe("one result per story", () => {
  it("fills a page with distinct stories when one story's copies outnumber it", async () => {
    const first = await search({ q: "حريق مستودع الأخشاب", size: "3" });
    expect(first.hits).toHaveLength(3);
    // The story all twelve carry ranks first; its copies would fill the page four times over.
    const wire = first.hits.filter((hit) => hit.id.startsWith("wire-copy"));
    expect(first.hits[0]?.id).toMatch(/^wire-copy/);
    expect(wire).toHaveLength(1);
    expect(wire[0]?.duplicates).toBe(11);
    const second = await search({ q: "حريق مستودع الأخشاب", size: "3", page: "2" });
    const shown = [...ids(first), ...ids(second)];
    expect(shown.filter((id) => id.startsWith("wire-copy"))).toHaveLength(1);
    expect(new Set(shown).size).toBe(shown.length);
    expect(shown.filter((id) => id.startsWith("wire-other"))).toHaveLength(4);
  });

  it("folds copies within a cursor page too", async () => {
    const newest = await search({ q: "مستودع الأخشاب", size: "5", sort: "newest" });
    expect(newest.hits.filter((hit) => hit.id.startsWith("wire-copy"))).toHaveLength(1);
    expect(newest.hits).toHaveLength(5);
  });
});

describe("the reader page's frame", () => {
  it("has one level-one heading, naming the search when there is one", async () => {
    const home = await (await app.request("/")).text();
    expect(home.match(/<h1[\s>]/g)).toHaveLength(1);
    const searched = await (await app.request(`/?q=${encodeURIComponent("الملاحة")}`)).text();
    expect(searched).toMatch(/<h1[^>]*>نتائج البحث عن «الملاحة»<\/h1>/);
  });

  it("keeps the query when a link carries bad options, and names the options it left out", async () => {
    const params = "page=0&size=200&sort=oldest&from=yesterday&source=مصدر أ";
    const response = await app.request(`/?q=${encodeURIComponent("الملاحة")}&${encodeURI(params)}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('value="الملاحة"');
    expect(html).toContain('class="hit');
    const notice = html.match(/<p class="error" role="alert">([^<]*)<\/p>/)?.[1] ?? "";
    for (const name of ["page", "size", "sort", "from"]) expect(notice).toContain(name);
    expect(notice).not.toContain("source");
    // The valid filter still applies: 17 of the 35 shipping reports are from مصدر أ.
    expect(html).toContain("١٧ نتيجة");
  });

  it("leaves out an option it cannot read (broken encoding, a bracketed name) and says so", async () => {
    const response = await app.request(`/?q=${encodeURIComponent("الملاحة")}&source=%E0%A4%A&category[]=x`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('value="الملاحة"');
    const notice = html.match(/<p class="error" role="alert">([^<]*)<\/p>/)?.[1] ?? "";
    expect(notice).toContain("source");
    expect(notice).toContain("category[]");
  });

  it("has an icon, also where browsers look without reading the page", async () => {
    expect(await (await app.request("/")).text()).toContain('<link rel="icon" href="/favicon.svg"');
    for (const path of ["/favicon.svg", "/favicon.ico"]) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/svg+xml");
      expect(await response.text()).toContain("<svg");
    }
  });
});

describe("the reader page pages stories", () => {
  // 16 articles match, in 5 stories (one carried by twelve outlets): 2 pages of 3, not 6.
  const q = "حريق مستودع الأخشاب";
  const pageHtml = async (params: Record<string, string>) => {
    const response = await app.request(`/?${new URLSearchParams({ q, ...params })}`);
    expect(response.status).toBe(200);
    return response.text();
  };
  const pageLinks = (html: string) =>
    [...html.matchAll(/<nav class="pager"[\s\S]*?<\/nav>/g)].flatMap((nav) =>
      [...(nav[0] ?? "").matchAll(/href="([^"]+)"/g)].map((link) => (link[1] ?? "").replaceAll("&amp;", "&")),
    );

  it("counts the stories it pages, and keeps the page size in its links", async () => {
    const first = await pageHtml({ size: "3" });
    expect(first).toContain("٥ قصص مختلفة");
    const links = pageLinks(first);
    expect(links.some((href) => href.includes("page=2"))).toBe(true);
    expect(links.some((href) => href.includes("page=3"))).toBe(false);
    expect(links.every((href) => href.includes("size=3"))).toBe(true);
    const second = await pageHtml({ size: "3", page: "2" });
    expect(second).not.toContain('rel="next"');
    expect(second).toContain('class="hit');
  });

  it("says a page past the end is past the end, and links to the last", async () => {
    const html = await pageHtml({ size: "3", page: "4" });
    expect(html).toContain("لا نتائج في هذه الصفحة");
    expect(html).not.toContain("تحقّق من الإملاء");
    expect(html.replaceAll("&amp;", "&")).toContain("size=3&page=2");
  });

  it("counts stories within the source and category filters", async () => {
    const filtered = await search({ q, source: "مصدر محلي", facets: "true" });
    expect(filtered.stories).toBe(4);
    expect((await search({ q, facets: "true" })).stories).toBe(5);
  });
});

describe("paging", () => {
  it("pages without duplicates or gaps", async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 4; page++)
      seen.push(...ids(await search({ q: "الملاحة", size: "10", page: String(page) })));
    expect(seen).toHaveLength(35);
    expect(new Set(seen).size).toBe(35);
  });

  it("follows the cursor past the first page", async () => {
    const first = await search({ q: "الملاحة", size: "20", sort: "newest" });
    const second = await search({
      q: "الملاحة",
      size: "20",
      sort: "newest",
      cursor: first.next_cursor ?? "",
    });
    const all = [...ids(first), ...ids(second)];
    expect(new Set(all).size).toBe(35);
  });
});

describe("newest first", () => {
  const report = (id: string, day: number, title: string, body: string) => ({
    id,
    title,
    body,
    source: "وكالة الأنباء",
    published_at: `2025-05-${String(day).padStart(2, "0")}T09:00:00Z`,
  });
  const dated = appWithFixtures("newest", async () => [
    await writeFixture("newest", [
      report(
        "nw-visit",
        1,
        "وزير الخارجية السعودي يزور القاهرة",
        "وصل وزير الخارجية السعودي إلى القاهرة في زيارة رسمية يبحث خلالها العلاقات الثنائية.",
      ),
      report(
        "nw-talks",
        3,
        "محادثات في الرياض حول الملف اليمني",
        "استقبل وزير الخارجية السعودي نظيره اليمني وبحثا مستجدات الأوضاع في اليمن.",
      ),
      report(
        "nw-brazil",
        4,
        "البرازيل تستضيف قمة للطاقة",
        "افتتح وزير الطاقة البرازيلي القمة بحضور ممثلين عن ثلاثين دولة.",
      ),
      // Newer, each holding one of the words only.
      report(
        "nw-health",
        8,
        "وزير الصحة يفتتح مستشفى جديدا",
        "افتتح وزير الصحة مستشفى بسعة مئتي سرير في جدة.",
      ),
      report(
        "nw-league",
        9,
        "الدوري السعودي يستأنف منافساته",
        "تستأنف منافسات الدوري السعودي للمحترفين الأسبوع المقبل بعد فترة التوقف الدولي.",
      ),
      report(
        "nw-france",
        10,
        "الخارجية الفرنسية تستدعي سفيرها",
        "أعلنت الخارجية الفرنسية استدعاء سفيرها للتشاور في قرار مفاجئ.",
      ),
    ]),
  ]);
  const newest = async (q: string) => {
    const response = await dated.app.request(`/api/search?sort=newest&q=${encodeURIComponent(q)}`);
    expect(response.status).toBe(200);
    return ids((await response.json()) as SearchResponse);
  };

  it("lists only the articles holding every word, newest first", async () => {
    // By relevance the newer articles holding one word come far below; by date nothing would.
    expect(await newest("وزير الخارجية السعودي")).toEqual(["nw-talks", "nw-visit"]);
  });

  it("lists those holding all words but one when none holds them all", async () => {
    expect(await newest("وزير الخارجية البرازيلي")).toEqual(["nw-brazil", "nw-talks", "nw-visit"]);
  });
});

describe("suggestions and related coverage", () => {
  it("completes titles as typed, whatever the spelling", async () => {
    const response = await app.request(`/api/suggest?q=${encodeURIComponent("مهرجان الزيت")}`);
    const { suggestions } = (await response.json()) as {
      suggestions: Array<{ id: string; highlighted: string }>;
    };
    expect(suggestions.map((s) => s.id)).toEqual(expect.arrayContaining(["rk-new"]));
    const variant = await app.request(`/api/suggest?q=${encodeURIComponent("السيسي يستق")}`);
    expect(JSON.stringify(await variant.json())).toContain("rk-sisi");
  });

  it("finds same-story coverage first, never the article or its copies", async () => {
    const response = await app.request("/api/articles/rk-copy-a/related");
    expect(response.status).toBe(200);
    const related = ((await response.json()) as RelatedResponse).hits.map((hit) => hit.id);
    expect(related).not.toContain("rk-copy-a");
    expect(related).not.toContain("rk-copy-b");
    expect(related).not.toContain("rk-copy-c");
    expect(related[0]).toBe("rk-space-followup");
    expect(related).toContain("rk-space-other");
  });

  it("finds related coverage by the article's URL, 404 for an unknown one", async () => {
    const url = encodeURIComponent("https://space.example/news/satellite-first-images");
    const response = await app.request(`/api/related?url=${url}`);
    expect(response.status).toBe(200);
    const related = ((await response.json()) as RelatedResponse).hits.map((hit) => hit.id);
    expect(related).not.toContain("rk-space-followup");
    expect(related[0]).toMatch(/^rk-(copy|space)/);
    expect(
      (await app.request(`/api/related?url=${encodeURIComponent("https://nowhere.example/x")}`)).status,
    ).toBe(404);
  });

  it("relates an unpublished draft to earlier coverage", async () => {
    const response = await app.request("/api/related", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        title: "صور جديدة من القمر الصناعي",
        body: "القمر الصناعي العربي لرصد المناخ يرسل صوراً للغطاء النباتي",
      }),
    });
    const related = ((await response.json()) as RelatedResponse).hits.map((hit) => hit.id);
    expect(related[0]).toMatch(/^rk-(space|copy)/);
  });

  it("returns an article without the fields the index keeps for itself, those of older indices too", async () => {
    // An index built before content_hash was dropped: its mapping and documents still have it.
    const legacy = uniqueAlias("api-legacy");
    onTestFinished(() => removeTestIndices(client, legacy));
    const definition = loadIndexDefinition();
    const properties = {
      ...definition.mappings.properties,
      content_hash: { type: "keyword" as const, index: false },
    };
    const index = await createPhysicalIndex(client, legacy, {
      definition: { ...definition, mappings: { ...definition.mappings, properties } },
      withAlias: true,
    });
    const { document } = prepareArticle(
      ArticleInputSchema.parse({
        id: "legacy-1",
        title: "أرشيف قديم",
        body: "خبر من أرشيف قديم.",
        source: "أرشيف",
        published_at: "2020-01-01",
      }),
    );
    await client.index({
      index,
      id: document.id,
      document: { ...document, content_hash: "9f86d081" },
      refresh: true,
    });
    const legacyApp = testApp(legacy);
    onTestFinished(() => legacyApp.client.close());
    const article = (await (await legacyApp.app.request("/api/articles/legacy-1")).json()) as Record<
      string,
      unknown
    >;
    expect(article.title).toBe("أرشيف قديم");
    for (const field of ["minhash", "minhash_bands", "title_words", "content_hash"])
      expect(article).not.toHaveProperty(field);
  });

  it("searches an alias over two indices, a word typed alone too", async () => {
    // An archive split in two, one alias over both: term statistics are read from one of them.
    const split = uniqueAlias("api-split");
    onTestFinished(() => removeTestIndices(client, split));
    const years = ["2016", "2024"];
    for (const year of years) {
      const index = await createPhysicalIndex(client, `${split}-${year}`);
      const { document } = prepareArticle(
        ArticleInputSchema.parse({
          id: `archive-${year}`,
          title: `حصاد القمح في موسم ${year}`,
          body: "بدأ المزارعون حصاد القمح في السهول الشمالية.",
          source: "أرشيف",
          published_at: `${year}-06-01`,
        }),
      );
      await client.index({ index, id: document.id, document, refresh: true });
      await client.indices.putAlias({ index, name: split });
    }
    const splitApp = testApp(split);
    onTestFinished(() => splitApp.client.close());
    for (const q of ["القمح", "حصاد القمح"]) {
      const response = await splitApp.app.request(`/api/search?q=${encodeURIComponent(q)}`);
      expect(response.status, q).toBe(200);
      const found = ((await response.json()) as SearchResponse).hits.map((hit) => hit.id);
      expect(found.sort(), q).toEqual(years.map((year) => `archive-${year}`));
    }
    for (const path of ["/api/suggest?q=%D8%AD%D8%B5%D8%A7", "/api/articles/archive-2016/related"])
      expect((await splitApp.app.request(path)).status, path).toBe(200);
  });

  it("returns one article and 404 for an unknown one", async () => {
    expect((await app.request("/api/articles/rk-sisi")).status).toBe(200);
    const missing = await app.request("/api/articles/nope");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toContain("application/problem+json");
  });
});
