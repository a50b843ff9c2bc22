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
});
