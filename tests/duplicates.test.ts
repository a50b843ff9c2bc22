/**
 * Near-duplicate grouping against a real Elasticsearch: copies found in memory, in the index, and
 * after memory has forgotten them; an import into an empty index asks the index only about
 * forgotten bands.
 */
import { afterAll, describe, expect, it } from "vitest";
import { type PreparedArticle, prepareArticle } from "../src/articles/document.js";
import { ArticleInputSchema } from "../src/articles/schema.js";
import { BulkBody, BulkWriter } from "../src/es/bulk-writer.js";
import { DuplicateGrouper, fingerprintOf } from "../src/ingest/duplicates/grouper.js";
import { createTestIndex, removeTestIndices, testClient } from "./helpers/es.js";

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
function prepared(article: { title: string; body: string }): PreparedArticle {
  serial++;
  return prepareArticle(
    ArticleInputSchema.parse({
      ...article,
      id: `dup-${serial}`,
      source: "fixture",
      published_at: "2026-11-20T08:00:00Z",
    }),
  );
}

/** Sets each article's group as the grouper assigns it. */
async function assign(grouper: DuplicateGrouper, batch: PreparedArticle[]) {
  const groups = await grouper.assign(batch.map(fingerprintOf));
  for (const [position, { document }] of batch.entries()) document.dup_group = groups[position] ?? "";
}

/** Groups a batch, indexes it and refreshes: what one import batch does. */
async function importBatch(grouper: DuplicateGrouper, index: string, batch: PreparedArticle[]) {
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
  await client.indices.refresh({ index });
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
    // The copy's bands shared with the forgotten story, not all 16 of every batch.
    expect(grouper.bandsAskedOfIndex - asked).toBeGreaterThan(0);
    expect(grouper.bandsAskedOfIndex).toBeLessThan(16 * (fillers.length + 1));
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
