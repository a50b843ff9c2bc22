import { describe, expect, it } from "vitest";
import { feedReader } from "./feed.js";
import { readAll, recordsOf } from "./testing.js";

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>صحيفة الخليج</title>
  <image><title>شعار</title></image>
  <item>
    <title><![CDATA[افتتاح جسر جديد في دبي]]></title>
    <link>https://example.ae/news/1?a=1&amp;b=2</link>
    <description>&lt;p&gt;افتتح الجسر اليوم.&lt;/p&gt;</description>
    <content:encoded><![CDATA[<p>افتتح الجسر اليوم أمام حركة السير.</p>]]></content:encoded>
    <pubDate>Thu, 16 May 2024 09:30:00 +0400</pubDate>
    <dc:creator>مراسل الصحيفة</dc:creator>
    <category>محليات</category><category>نقل</category>
    <guid isPermaLink="false">12345</guid>
  </item>
  <item>
    <title>خبر بلا محتوى موسع</title>
    <description>ملخص الخبر فقط.</description>
    <pubDate>Fri, 17 May 2024 08:00:00 GMT</pubDate>
  </item>
</channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">وكالة الأنباء</title>
  <entry>
    <title>اتفاقية تعاون بين البلدين</title>
    <link href="https://example.org/comments/9" rel="replies"/>
    <link type="text/html" href="https://example.org/news/9" rel="alternate"/>
    <summary>وقع البلدان اتفاقية.</summary>
    <published>2024-05-16T10:00:00+03:00</published>
    <author><name>محرر الشؤون الدولية</name></author>
    <category term="سياسة"/><category scheme="x" term="دولي"/>
  </entry>
  <entry>
    <title>خبر ثان</title>
    <link href='https://example.org/news/10'/>
    <content type="html">&lt;p&gt;النص الكامل&lt;/p&gt;</content>
    <updated>2024-05-17T11:00:00Z</updated>
  </entry>
</feed>`;

describe("feedReader", () => {
  it("reads RSS items: CDATA, escaped HTML kept, RFC 822 dates, channel title as source", async () => {
    const [first, second] = recordsOf(await readAll(feedReader("rss"), RSS));
    expect(first).toEqual({
      title: "افتتاح جسر جديد في دبي",
      url: "https://example.ae/news/1?a=1&b=2",
      lead: "<p>افتتح الجسر اليوم.</p>",
      body: "<p>افتتح الجسر اليوم أمام حركة السير.</p>",
      published_at: "2024-05-16T09:30:00+04:00",
      author: "مراسل الصحيفة",
      category: "محليات",
      tags: ["محليات", "نقل"],
      source: "صحيفة الخليج",
    });
    expect(second?.body).toBe("ملخص الخبر فقط.");
    expect(second?.published_at).toBe("2024-05-17T08:00:00+00:00");
  });

  it("reads Atom entries: the alternate link, summary as fallback body, category terms", async () => {
    const items = await readAll(feedReader("atom"), ATOM);
    expect(items.map((item) => item.origin.entry)).toEqual(["entry 1", "entry 2"]);
    const [first, second] = recordsOf(items);
    expect(first).toEqual({
      title: "اتفاقية تعاون بين البلدين",
      url: "https://example.org/news/9",
      lead: "وقع البلدان اتفاقية.",
      body: "وقع البلدان اتفاقية.",
      published_at: "2024-05-16T10:00:00+03:00",
      author: "محرر الشؤون الدولية",
      category: "سياسة",
      tags: ["سياسة", "دولي"],
      source: "وكالة الأنباء",
    });
    expect(second).toMatchObject({ url: "https://example.org/news/10", body: "<p>النص الكامل</p>" });
    expect(second?.published_at).toBe("2024-05-17T11:00:00Z");
  });

  it("skips a commented-out item and keeps a CDATA section whole, </item> inside and all", async () => {
    const rss = `<rss version="2.0"><channel><title>نشرة</title>
<!-- <item><title>خبر مسحوب</title><description>لا ينشر.</description></item> -->
<item><title>خبر أول</title><description><![CDATA[قبل </item> وبعد]]></description></item>
<item><title>خبر ثان</title><description>نص.</description></item>
</channel></rss>`;
    const items = recordsOf(await readAll(feedReader("rss"), rss));
    expect(items.map((item) => item.title)).toEqual(["خبر أول", "خبر ثان"]);
    expect(items[0]?.body).toBe("قبل </item> وبعد");
  });

  it("reads Atom under any prefix bound to its namespace, and only Atom's elements", async () => {
    const atom = `<?xml version="1.0"?>
<a:feed xmlns:a="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
<a:title>وكالة</a:title>
<a:entry><media:title>صورة</media:title><a:title>خبر</a:title><a:link href="https://example.org/1"/>
<a:summary>ملخص.</a:summary><a:author><a:name>محرر</a:name></a:author></a:entry>
</a:feed>`;
    expect(recordsOf(await readAll(feedReader("atom"), atom))).toEqual([
      {
        title: "خبر",
        url: "https://example.org/1",
        lead: "ملخص.",
        body: "ملخص.",
        author: "محرر",
        source: "وكالة",
      },
    ]);
  });

  it("reads RSS modules by their namespace, whatever prefix a feed gives them", async () => {
    const rss = `<rss xmlns:c="http://purl.org/rss/1.0/modules/content/" xmlns:creator="http://purl.org/dc/elements/1.1/">
<channel><item><title>خبر</title><c:encoded>النص الكامل</c:encoded><creator:creator>كاتب</creator:creator></item></channel></rss>`;
    const [item] = recordsOf(await readAll(feedReader("rss"), rss));
    expect(item).toMatchObject({ body: "النص الكامل", author: "كاتب" });
  });

  it("reports an item cut off by the next one or by the end of input, with its line", async () => {
    const rss =
      "<rss><channel>\n<item><title>أول</title>\n<item><title>ثان</title></item>\n<item><title>مقطوع";
    const items = await readAll(feedReader("rss"), rss);
    expect(items.map((item) => [item.kind, item.origin.line])).toEqual([
      ["failure", 2],
      ["record", 3],
      ["failure", 4],
    ]);
    expect(items[0]?.kind === "failure" && items[0].reason).toBe(
      "<item> starting at line 2 has no closing </item>",
    );
  });
});
