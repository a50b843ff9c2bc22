/**
 * Near-duplicate grouping against a real Elasticsearch: copies found in memory, in the index, and
 * after memory has forgotten them; an import into an empty index asks the index only about
 * forgotten bands. Copies as outlets make them (a new headline, a dateline of their own, the end
 * cut, their own spelling) are grouped; a follow-up and a headline-only brief are not; a reindex
 * groups an existing index again.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { estypes } from "@elastic/elasticsearch";
import { afterAll, describe, expect, it, vi } from "vitest";
import { type PreparedArticle, prepareArticle } from "../src/articles/document.js";
import { ArticleInputSchema } from "../src/articles/schema.js";
import { BulkBody, BulkWriter } from "../src/es/bulk-writer.js";
import { loadIndexDefinition } from "../src/es/index-definition.js";
import { createPhysicalIndex, swapAlias } from "../src/es/indices.js";
import { DuplicateGrouper, fingerprintOf } from "../src/ingest/duplicates/grouper.js";
import { runImport } from "../src/ingest/pipeline.js";
import { RejectsFile } from "../src/ingest/report.js";
import { projectRoot } from "../src/project-root.js";
import { BAND_ROWS, bandNumbers, bands, encodeFingerprint } from "../src/text/fingerprint.js";
import { createTestIndex, removeTestIndices, testClient, uniqueAlias } from "./helpers/es.js";
import { indexCommand } from "./helpers/index-command.js";

const client = testClient();
afterAll(async () => {
  await removeTestIndices(client, "test-dups");
  await client.close();
});

const story = {
  title: "وزارة الصحة تطلق حملة تطعيم موسعة ضد الحصبة في المحافظات الجنوبية",
  body:
    "أعلنت وزارة الصحة صباح اليوم إطلاق حملة تطعيم موسعة ضد مرض الحصبة تستهدف أكثر من مليوني طفل " +
    "في المحافظات الجنوبية، وتستمر الحملة عشرة أيام بمشاركة ثلاثة آلاف فريق صحي متنقل يزور المدارس " +
    "والقرى النائية. وقال المتحدث باسم الوزارة إن الحملة تأتي بعد تسجيل إصابات جديدة خلال الشهر الماضي، " +
    "داعيا الأسر إلى التعاون مع الفرق الصحية وإحضار بطاقات التطعيم السابقة.",
};
/** A wire copy: another outlet's headline and a dropped closing clause. */
const copy = {
  title: "الصحة تطلق حملة تطعيم موسعة ضد الحصبة في المحافظات الجنوبية",
  body: story.body.replace(" وإحضار بطاقات التطعيم السابقة", ""),
};
const fillers = [
  {
    title: "ارتفاع أسعار الذهب في السوق المحلية مع تراجع الدولار",
    body: "سجلت أسعار الذهب ارتفاعا ملحوظا في تعاملات اليوم بالسوق المحلية، مدفوعة بتراجع سعر صرف الدولار وزيادة الطلب قبل موسم الأعراس، وتوقع تجار أن تستمر الزيادة حتى نهاية الأسبوع.",
  },
  {
    title: "افتتاح معرض الكتاب الدولي بمشاركة أربعمئة دار نشر",
    body: "افتتح وزير الثقافة معرض الكتاب الدولي في دورته الجديدة بمشاركة أربعمئة دار نشر من عشرين دولة، ويضم المعرض ندوات فكرية وأمسيات شعرية وجناحا خاصا بكتب الأطفال.",
  },
  {
    title: "المنتخب الوطني يفوز على ضيفه بهدفين نظيفين في التصفيات",
    body: "حقق المنتخب الوطني فوزا مستحقا على ضيفه بهدفين نظيفين في مباراة التصفيات المؤهلة لكأس آسيا، سجلهما المهاجم في الشوط الثاني بعد ضغط متواصل على مرمى الحارس.",
  },
  {
    title: "الأرصاد تتوقع أمطارا رعدية على المرتفعات الغربية",
    body: "توقعت هيئة الأرصاد هطول أمطار رعدية متوسطة إلى غزيرة على المرتفعات الغربية خلال اليومين المقبلين، ودعت السائقين إلى توخي الحذر في الطرق الجبلية وتجنب مجاري السيول.",
  },
];

let serial = 0;
function prepared(article: {
  title: string;
  body: string;
  published_at?: string;
  source?: string;
}): PreparedArticle {
  serial++;
  return prepareArticle(
    ArticleInputSchema.parse({
      published_at: "2026-11-20T08:00:00Z",
      source: "fixture",
      ...article,
      id: `dup-${serial}`,
    }),
  );
}

/** The story's text published on a day of November 2026. */
const storyOn = (day: number) =>
  prepared({ ...story, published_at: `2026-11-${String(day).padStart(2, "0")}T08:00:00Z` });

/** Sets each article's group as the grouper assigns it. */
async function assign(grouper: DuplicateGrouper, batch: PreparedArticle[]) {
  const groups = await grouper.assign(batch.map(fingerprintOf));
  for (const [position, { document }] of batch.entries()) document.dup_group = groups[position] ?? "";
}

/**
 * The article with a fingerprint that shares its first band with `other`'s and no other row, as an
 * article holding a common phrase shares one band with many others: never a copy of it.
 */
function sharingFirstBand(article: PreparedArticle, other: PreparedArticle, seed: number): PreparedArticle {
  const signature = other.signature.map((value, row) =>
    row < BAND_ROWS ? value : value ^ (0x9e3779b9 * (seed + 1)),
  );
  const { shingles } = other;
  article.document.minhash = encodeFingerprint({ signature, shingles });
  article.document.minhash_bands = bands(signature);
  return { ...article, signature, shingles, bands: bandNumbers(signature) };
}

/** Groups a batch, indexes it and (unless told not to) refreshes: what one import batch does. */
async function importBatch(
  grouper: DuplicateGrouper,
  index: string,
  batch: PreparedArticle[],
  { refresh = true } = {},
) {
  await assign(grouper, batch);
  await new BulkWriter({ client, index }).write(
    BulkBody.of(
      batch.map(({ document }) => ({
        id: document.id,
        origin: { source: "test" },
        json: JSON.stringify(document),
      })),
    ),
  );
  if (refresh) await client.indices.refresh({ index });
}

describe("near-duplicate groups", () => {
  it("finds a copy in memory without asking an empty index anything", async () => {
    const index = await createTestIndex(client, "dups");
    const grouper = new DuplicateGrouper(client, index, { soleWriter: true });
    const first = prepared(story);
    const other = prepared(fillers[0] ?? story);
    const second = prepared(copy);
    await importBatch(grouper, index, [first, other]);
    await importBatch(grouper, index, [second]);
    expect(second.document.dup_group).toBe(first.document.id);
    expect(other.document.dup_group).toBe(other.document.id);
    expect(grouper.bandsAskedOfIndex).toBe(0);
  });

  it("finds a copy in the index once memory has forgotten it, asking only about forgotten bands", async () => {
    const index = await createTestIndex(client, "dups");
    // One article fills a generation: two batches later the story is forgotten.
    const grouper = new DuplicateGrouper(client, index, { soleWriter: true, articlesPerGeneration: 1 });
    const first = prepared(story);
    await importBatch(grouper, index, [first]);
    for (const filler of fillers) await importBatch(grouper, index, [prepared(filler)]);
    const asked = grouper.bandsAskedOfIndex;
    const second = prepared(copy);
    await importBatch(grouper, index, [second]);
    expect(second.document.dup_group).toBe(first.document.id);
    // The copy's bands shared with the forgotten story, not every band of every batch.
    expect(grouper.bandsAskedOfIndex - asked).toBeGreaterThan(0);
    expect(grouper.bandsAskedOfIndex).toBeLessThan(
      second.document.minhash_bands.length * (fillers.length + 1),
    );
  });

  it("has an index that refreshes seldom show what was written before asking it about forgotten bands", async () => {
    const index = await createTestIndex(client, "dups");
    await client.indices.putSettings({ index, settings: { refresh_interval: "-1" } });
    // What the index had been asked when each refresh came: a lookup must follow one.
    const askedAtRefresh: number[] = [];
    const grouper = new DuplicateGrouper(client, index, {
      soleWriter: true,
      articlesPerGeneration: 1,
      beforeAskingForgotten: async () => {
        askedAtRefresh.push(grouper.bandsAskedOfIndex);
        await client.indices.refresh({ index });
      },
    });
    grouper.indexStartsEmpty();
    const first = prepared(story);
    const second = prepared(copy);
    for (const article of [first, ...fillers.map(prepared), second])
      await importBatch(grouper, index, [article], { refresh: false });
    // Elasticsearch may make writes visible on its own (freeing memory), so a run without the hook
    // proves nothing; the order of refresh and lookup does.
    expect(second.document.dup_group).toBe(first.document.id);
    expect(askedAtRefresh.length).toBeGreaterThan(0);
    expect(grouper.bandsAskedOfIndex).toBeGreaterThan(askedAtRefresh.at(-1) ?? Number.POSITIVE_INFINITY);
  });

  it("keeps every article of a batch larger than a generation in memory", async () => {
    const index = await createTestIndex(client, "dups");
    const grouper = new DuplicateGrouper(client, index, { soleWriter: true, articlesPerGeneration: 1 });
    const first = prepared(story);
    const second = prepared(copy);
    await assign(grouper, [first, ...fillers.map(prepared), second]);
    expect(second.document.dup_group).toBe(first.document.id);
    expect(grouper.bandsAskedOfIndex).toBe(0);
  });

  it("reads the indexed articles sharing the most bands first, when more share one than it reads", async () => {
    const index = await createTestIndex(client, "dups");
    const first = prepared(story);
    // Indexed before the story: in index order they would fill the lookup and leave the story out.
    const others = fillers.map((filler, seed) => sharingFirstBand(prepared(filler), first, seed));
    await importBatch(new DuplicateGrouper(client, index, { soleWriter: true }), index, others);
    await importBatch(new DuplicateGrouper(client, index), index, [first]);
    expect(first.document.dup_group).toBe(first.document.id);
    const grouper = new DuplicateGrouper(client, index, { candidatesPerArticle: 2 });
    const second = prepared(copy);
    await assign(grouper, [second]);
    expect(second.document.dup_group).toBe(first.document.id);
  });

  it("keeps a story to a week from its first report, so copies of copies do not chain a series into one", async () => {
    const index = await createTestIndex(client, "dups");
    const grouper = new DuplicateGrouper(client, index, { soleWriter: true });
    const [first, sixDaysOn, tenDaysOn, twelveDaysOn] = [storyOn(1), storyOn(7), storyOn(11), storyOn(13)];
    await importBatch(grouper, index, [first, sixDaysOn, tenDaysOn, twelveDaysOn]);
    expect(sixDaysOn.document.dup_group).toBe(first.document.id);
    // Four days after its last copy but ten after the story began: a story of its own, which the next copy joins.
    expect(tenDaysOn.document.dup_group).toBe(tenDaysOn.document.id);
    expect(twelveDaysOn.document.dup_group).toBe(tenDaysOn.document.id);
  });

  it("reads when an indexed copy's story began before letting an article join it", async () => {
    const index = await createTestIndex(client, "dups");
    const [first, sixDaysOn] = [storyOn(1), storyOn(7)];
    await importBatch(new DuplicateGrouper(client, index, { soleWriter: true }), index, [first, sixDaysOn]);
    expect(sixDaysOn.document.dup_group).toBe(first.document.id);
    // A grouper that remembers neither: the index's copy, four days away, is near enough; its story,
    // ten days away, is not.
    const [tenDaysOn, sevenDaysOn] = [storyOn(11), storyOn(8)];
    await assign(new DuplicateGrouper(client, index), [tenDaysOn]);
    await assign(new DuplicateGrouper(client, index), [sevenDaysOn]);
    expect(tenDaysOn.document.dup_group).toBe(tenDaysOn.document.id);
    expect(sevenDaysOn.document.dup_group).toBe(first.document.id);
  });

  it("reads only indexed articles whose stories it may join, so earlier copies do not crowd out this week's", async () => {
    const index = await createTestIndex(client, "dups");
    // Last month's reports of the same text share every band with the story; this week's copy fewer.
    const lastMonth = [1, 2, 3].map((day) =>
      prepared({ ...story, published_at: `2026-10-0${day}T08:00:00Z` }),
    );
    const thisWeek = prepared({ ...copy, published_at: "2026-11-18T08:00:00Z" });
    await importBatch(new DuplicateGrouper(client, index, { soleWriter: true }), index, [
      ...lastMonth,
      thisWeek,
    ]);
    const article = storyOn(20);
    await assign(new DuplicateGrouper(client, index, { candidatesPerArticle: 1 }), [article]);
    expect(article.document.dup_group).toBe(thisWeek.document.dup_group);
  });

  it("asks the index about every band when it held articles before the run, or may get others", async () => {
    const index = await createTestIndex(client, "dups");
    const first = prepared(story);
    await importBatch(new DuplicateGrouper(client, index, { soleWriter: true }), index, [first]);
    for (const soleWriter of [true, false]) {
      const grouper = new DuplicateGrouper(client, index, { soleWriter });
      const second = prepared(copy);
      await assign(grouper, [second]);
      expect(second.document.dup_group).toBe(first.document.id);
      expect(grouper.bandsAskedOfIndex).toBe(second.document.minhash_bands.length);
    }
  });
});

describe("fingerprints read back from the index", () => {
  /** Groups a copy of `first`, indexed alone, recording the request of the grouper's lookup. */
  async function groupCopy(index: string, first: PreparedArticle) {
    await importBatch(new DuplicateGrouper(client, index, { soleWriter: true }), index, [first]);
    const search = client.search.bind(client);
    const sent: estypes.SearchRequest[] = [];
    const spy = vi.spyOn(client, "search").mockImplementation(((request: estypes.SearchRequest) => {
      sent.push(request);
      return search(request);
    }) as never);
    try {
      const second = prepared(copy);
      await assign(new DuplicateGrouper(client, index), [second]);
      return {
        group: second.document.dup_group,
        lookup: sent.find((request) => request.query?.bool?.should),
      };
    } finally {
      spy.mockRestore();
    }
  }

  it("reads them from doc values, not from each article's source", async () => {
    const first = prepared(story);
    const { group, lookup } = await groupCopy(await createTestIndex(client, "dups"), first);
    expect(group).toBe(first.document.id);
    expect(lookup).toMatchObject({ _source: false, stored_fields: ["_none_"] });
  });

  /** An index of version 11's mappings, holding `first` with its fingerprint stored as count:signature. */
  async function olderIndex(alias: string, first: PreparedArticle) {
    const definition = loadIndexDefinition();
    const minhash = { type: "keyword", index: false, doc_values: false } as const;
    const properties = { ...definition.mappings.properties, minhash };
    const older = { ...definition, version: 11, mappings: { ...definition.mappings, properties } };
    const index = await createPhysicalIndex(client, alias, { definition: older });
    first.document.minhash = `${first.shingles}:${Buffer.from(first.signature.buffer).toString("base64")}`;
    await importBatch(new DuplicateGrouper(client, index, { soleWriter: true }), index, [first]);
    return index;
  }

  it("reads them from the source in an index of older mappings, which stored count:signature", async () => {
    const first = prepared(story);
    const { group, lookup } = await groupCopy(await olderIndex(uniqueAlias("dups-older"), first), first);
    expect(group).toBe(first.document.id);
    expect(lookup?._source).toEqual(expect.arrayContaining(["minhash"]));
  });

  it("follows its alias to an index of older mappings (a snapshot restored under a running server)", async () => {
    const alias = uniqueAlias("dups-moved");
    const first = prepared(story);
    const current = await createPhysicalIndex(client, alias);
    await importBatch(new DuplicateGrouper(client, current, { soleWriter: true }), current, [first]);
    await swapAlias(client, alias, current);
    const grouper = new DuplicateGrouper(client, alias);
    const storyCopy = prepared(copy);
    await assign(grouper, [storyCopy]);
    const report = prepared(wire);
    await swapAlias(client, alias, await olderIndex(`${alias}-restored`, report));
    const reportCopy = prepared({
      title: "خطة لرفع إنتاج القمح",
      body: wireParagraphs.slice(0, 4).join("\n\n"),
    });
    await assign(grouper, [reportCopy]);
    expect(storyCopy.document.dup_group).toBe(first.document.id);
    expect(reportCopy.document.dup_group).toBe(report.document.id);
  });
});

/** A wire report in five paragraphs, as an agency sends it. */
const wire = {
  title: "وزير الزراعة يعلن خطة لزيادة إنتاج القمح المحلي خلال ثلاث سنوات",
  body: [
    "عمّان - وكالة الأنباء العربية",
    "أعلن وزير الزراعة اليوم خطة وطنية لزيادة إنتاج القمح المحلي بنسبة أربعين في المئة خلال ثلاث سنوات، عبر توسيع المساحات المزروعة في المناطق الشرقية واستخدام أصناف بذور تتحمل الجفاف.",
    "وقال الوزير في مؤتمر صحفي إن الخطة تتضمن إنشاء سبعة مراكز لتخزين الحبوب ودعم المزارعين الصغار بقروض ميسرة على مدى خمس سنوات، إضافة إلى برنامج تدريب على أساليب الري الحديثة التي توفر المياه.",
    "وأوضح أن الحكومة خصصت مئتي مليون دينار للمرحلة الأولى التي تبدأ مع الموسم الزراعي المقبل، وأن وزارته ستنشر تقارير فصلية عن سير التنفيذ وتعرض نتائجها على لجنة الزراعة في مجلس النواب.",
    "وأشار إلى أن البلاد تستورد حاليا نحو سبعين في المئة من حاجتها من القمح، وأن ارتفاع أسعار الحبوب عالميا خلال العامين الماضيين دفع الحكومة إلى البحث عن بدائل تقلل الاعتماد على الاستيراد.",
    "من جهتها، رحبت نقابة المزارعين بالخطة، ودعت إلى إشراكها في لجان المتابعة وإلى تسعير عادل للمحصول يضمن للمزارع هامش ربح يشجعه على التوسع في الزراعة خلال السنوات المقبلة.",
  ].join("\n\n"),
};
const wireParagraphs = wire.body.split("\n\n");
/** Final ى where the agency wrote ي, as some outlets spell. */
const withAlefMaqsura = (text: string) => text.replace(/ي(?=[\s،.])/g, "ى");

describe("copies as outlets reprint them", () => {
  it("groups sample-039 and sample-041, one agency text with a new headline, dateline and end, through a real import", async () => {
    const index = await createTestIndex(client, "dups");
    const rejects = new RejectsFile(join(await mkdtemp(join(tmpdir(), "dups-")), "rejects.ndjson"));
    await runImport({ client, index, inputs: [join(projectRoot, "samples/articles.jsonl")], rejects });
    await rejects.close();
    const groupOf = async (id: string) =>
      (await client.get<{ dup_group: string }>({ index, id }))._source?.dup_group;
    expect(await groupOf("sample-041")).toBe(await groupOf("sample-039"));
    // Another phone call of the same president is another story.
    expect(await groupOf("sample-038")).not.toBe(await groupOf("sample-039"));
  });

  it("groups a copy cut to its first three paragraphs, under a new headline and dateline, with ى for final ي", async () => {
    const index = await createTestIndex(client, "dups");
    const grouper = new DuplicateGrouper(client, index, { soleWriter: true });
    const original = prepared(wire);
    const copy = prepared({
      title: "خطة حكومية لرفع إنتاج القمح أربعين بالمئة",
      body: withAlefMaqsura(["الزرقاء - صحيفة الميدان", ...wireParagraphs.slice(1, 4)].join("\n\n")),
    });
    await importBatch(grouper, index, [original, prepared(fillers[1] ?? wire)]);
    await importBatch(grouper, index, [copy]);
    expect(copy.document.dup_group).toBe(original.document.id);
  });

  it("keeps a follow-up on the same plan apart, though it repeats a paragraph of the first report", async () => {
    const index = await createTestIndex(client, "dups");
    const grouper = new DuplicateGrouper(client, index, { soleWriter: true });
    const original = prepared(wire);
    const followUp = prepared({
      title: "البرلمان يناقش خطة زيادة إنتاج القمح وسط انتقادات لكلفتها",
      body: [
        "عمّان - وكالة الأنباء العربية",
        "ناقشت لجنة الزراعة في مجلس النواب اليوم خطة الحكومة لزيادة إنتاج القمح، واستمعت إلى وزير الزراعة الذي عرض جدولا زمنيا لتوزيع البذور المحسنة على المزارعين في المحافظات الشرقية قبل نهاية الشهر.",
        "وانتقد عدد من النواب كلفة المرحلة الأولى، مطالبين بنشر تفاصيل العطاءات الخاصة بمراكز التخزين، فيما طالب آخرون بتوسيع الخطة لتشمل الشعير والذرة بسبب ارتفاع أسعار الأعلاف في الأسواق.",
        "وقرر رئيس اللجنة عقد جلسة ثانية الأسبوع المقبل بحضور ممثلين عن نقابة المزارعين والبنك الزراعي لبحث شروط القروض الميسرة ومدة سدادها وآلية اختيار المستفيدين منها.",
        wireParagraphs[4] ?? "",
      ].join("\n\n"),
    });
    await importBatch(grouper, index, [original]);
    await importBatch(grouper, index, [followUp]);
    expect(followUp.document.dup_group).toBe(followUp.document.id);
  });

  it("keeps a headline-only brief apart from the long article that holds its sentence", async () => {
    const index = await createTestIndex(client, "dups");
    const grouper = new DuplicateGrouper(client, index, { soleWriter: true });
    const original = prepared(wire);
    const firstSentence = (wireParagraphs[1] ?? "").split("،")[0] ?? "";
    const brief = prepared({ title: wire.title, body: `${firstSentence}.` });
    await importBatch(grouper, index, [original]);
    await importBatch(grouper, index, [brief]);
    expect(brief.document.dup_group).toBe(brief.document.id);
  });
});

/** One event as three outlets wrote it up, each in its own words, under one headline. */
const headline = "الدفاع المدني ينقذ طفلة سقطت من منحدر صخري في أبها";
const rewrites = [
  "أعلن الدفاع المدني بأبها اليوم الأربعاء عن إنقاذ طفلة تبلغ من العمر ست سنوات بعد أن سقطت من علو منحدر صخري وعر وانزلقت لمسافة مئة وأربعين مترا، مما تسبب بتعرضها لإصابات بليغة، وتم نقلها إلى المستشفى.",
  "تمكنت فرق الدفاع المدني بمدينة أبها ظهر الأربعاء من انتشال فتاة في السادسة إثر سقوطها في منحدر جبلي، حيث باشرت الفرق حالتها على الفور قبل تحويلها للعلاج، وناشد المتحدث الرسمي الأهالي مراقبة أطفالهم في المتنزهات.",
  "في حادثة مؤلمة شهدتها إحدى المتنزهات الجبلية جنوب المملكة، هرعت فرق الإنقاذ لمساعدة صغيرة انزلقت عشرات الأمتار بين الصخور، ونقلها الهلال الأحمر بحالة حرجة، وسط مطالبات بتسوير المواقع الخطرة.",
  "روت والدة الطفلة لحظات الرعب التي عاشتها الأسرة عصر ذلك اليوم حين اختفت ابنتها خلف الحاجز الحجري، مؤكدة أن رجال الإنقاذ وصلوا خلال دقائق واستخدموا الحبال للوصول إليها في قاع الوادي.",
];
const outlet = (source: string, body: string, published_at: string) =>
  prepared({ title: headline, body, source, published_at });

describe("one headline from several outlets", () => {
  it("groups the outlets' articles of one headline, each rewritten, in memory and from the index", async () => {
    const index = await createTestIndex(client, "dups");
    const [alriyadh, alweeam, okaz] = [
      outlet("الرياض", rewrites[0] ?? "", "2026-11-20T17:04:00Z"),
      outlet("الوئام", rewrites[1] ?? "", "2026-11-20T19:39:00Z"),
      outlet("عكاظ", rewrites[2] ?? "", "2026-11-21T06:10:00Z"),
    ];
    await importBatch(new DuplicateGrouper(client, index, { soleWriter: true }), index, [
      alriyadh,
      prepared(fillers[0] ?? story),
      alweeam,
    ]);
    expect(alweeam.document.dup_group).toBe(alriyadh.document.id);
    // The next morning's paper, grouped by a grouper that remembers none of them.
    await assign(new DuplicateGrouper(client, index), [okaz]);
    expect(okaz.document.dup_group).toBe(alriyadh.document.id);
  });

  it("keeps apart one outlet's headline run again and another's days later", async () => {
    const index = await createTestIndex(client, "dups");
    const first = outlet("الرياض", rewrites[0] ?? "", "2026-11-20T17:04:00Z");
    const again = outlet("الرياض", rewrites[1] ?? "", "2026-11-21T09:00:00Z");
    const later = outlet("عكاظ", rewrites[2] ?? "", "2026-11-23T06:10:00Z");
    await importBatch(new DuplicateGrouper(client, index, { soleWriter: true }), index, [
      first,
      again,
      later,
    ]);
    expect([again, later].map(({ document }) => document.dup_group)).toEqual([
      again.document.id,
      later.document.id,
    ]);
    // From the index: the outlet that ran it within a day and a half of it, not three days before.
    const elsewhere = outlet("الوئام", rewrites[3] ?? "", "2026-11-23T20:00:00Z");
    await assign(new DuplicateGrouper(client, index), [elsewhere]);
    expect(elsewhere.document.dup_group).toBe(later.document.id);
  });
});

describe("npm run index -- --reindex", () => {
  it("groups the copies of an index built before today's copy detection", async () => {
    const alias = uniqueAlias("dups-reindex");
    const index = await createPhysicalIndex(client, alias);
    await swapAlias(client, alias, index);
    const original = prepared(wire);
    const copy = prepared({ title: "خطة لرفع إنتاج القمح", body: wireParagraphs.slice(0, 4).join("\n\n") });
    // As an older version stored them: a signature without a count, and each its own group.
    for (const { document } of [original, copy])
      document.minhash = Buffer.from(new Uint32Array(64).fill(document.id.length)).toString("base64");
    await new BulkWriter({ client, index }).write(
      BulkBody.of(
        [original, copy].map(({ document }) => ({
          id: document.id,
          origin: { source: "test" },
          json: JSON.stringify(document),
        })),
      ),
    );
    const run = await indexCommand(await mkdtemp(join(tmpdir(), "dups-")), alias, ["--reindex"]);
    expect(run.code, run.stderr).toBe(0);
    const groupOf = async (id: string) =>
      (await client.get<{ dup_group: string }>({ index: alias, id }))._source?.dup_group;
    expect(await groupOf(copy.document.id)).toBe(original.document.id);
  });
});
