import { describe, expect, it } from "vitest";
import { readAll, recordsOf } from "./testing.js";
import { readTrec } from "./trec.js";

const doc = (docno: string, inner: string) => `<DOC>\n<DOCNO>${docno}</DOCNO>\n${inner}\n</DOC>\n`;

describe("readTrec", () => {
  it("maps ANT tags to canonical fields, several DOCs per input, each with its line", async () => {
    const text =
      doc(
        "TN-sport-1",
        `<URL>https://example.tn/sport/1</URL>
<SRC>إذاعة تونس</SRC>
<CAT>sport</CAT>
<TITLE>الترجي يتأهل إلى النهائي</TITLE>
<TIME>2017-04-02T21:30:00+01:00</TIME>
<AUTHOR>سامي الحداد</AUTHOR>
<ABSTRACT>تأهل الترجي بعد فوزه بهدف.</ABSTRACT>
<TEXT>
تأهل الترجي إلى النهائي بعد فوزه بهدف نظيف.
</TEXT>`,
      ) + doc("TN-sport-2", "<TITLE>خبر ثان</TITLE><TEXT>نص الخبر الثاني.</TEXT>");
    const items = await readAll(readTrec, text);
    expect(items.map((item) => item.origin.line)).toEqual([1, 14]);
    expect(recordsOf(items)[0]).toEqual({
      id: "TN-sport-1",
      url: "https://example.tn/sport/1",
      source: "إذاعة تونس",
      category: "sport",
      title: "الترجي يتأهل إلى النهائي",
      published_at: "2017-04-02T21:30:00+01:00",
      author: "سامي الحداد",
      lead: "تأهل الترجي بعد فوزه بهدف.",
      body: "تأهل الترجي إلى النهائي بعد فوزه بهدف نظيف.",
    });
  });

  it("keeps a bare & in a URL, decodes entities and CDATA, ignores unknown tags", async () => {
    const text = doc(
      "x1",
      `<URL>https://example.com/news?id=7&copy=2&amp;lang=ar</URL>
<TITLE>الصحة &amp; التعليم</TITLE><EXTRA>مجهول</EXTRA>
<TEXT><![CDATA[نص <b>مهم</b> & أكيد]]></TEXT>`,
    );
    const [fields] = recordsOf(await readAll(readTrec, text));
    expect(fields?.url).toBe("https://example.com/news?id=7&copy=2&lang=ar");
    expect(fields?.title).toBe("الصحة & التعليم");
    expect(fields?.body).toBe("نص <b>مهم</b> & أكيد");
  });

  it("turns a day-first TIME into YYYY-MM-DD and leaves empty elements out", async () => {
    const [fields] = recordsOf(
      await readAll(readTrec, doc("x2", "<TIME>05/11/2016</TIME><AUTHOR> </AUTHOR><TEXT>نص</TEXT>")),
    );
    expect(fields).toEqual({ id: "x2", published_at: "2016-11-05", body: "نص" });
  });

  it("ends an unclosed field at the next tag", async () => {
    const [fields] = recordsOf(
      await readAll(readTrec, doc("x3", "<TITLE>عنوان بلا إغلاق\n<TEXT>النص</TEXT>")),
    );
    expect(fields?.title).toBe("عنوان بلا إغلاق");
    expect(fields?.body).toBe("النص");
  });

  it("reports a DOC cut off at the end of input by its DOCNO", async () => {
    const text = `${doc("ok-1", "<TEXT>كامل</TEXT>")}<DOC>\n<DOCNO>cut-2</DOCNO>\n<TEXT>نص مقطو`;
    const items = await readAll(readTrec, text);
    expect(items.map((item) => item.kind)).toEqual(["record", "failure"]);
    expect(items[1]?.kind === "failure" && items[1].reason).toBe(
      "DOC cut-2 has no closing </DOC>; the document may be cut off",
    );
  });

  it("skips a commented-out DOC, keeps CDATA whole and reads field tags in any case", async () => {
    const text = `<!-- ${doc("gone", "<TEXT>محذوف</TEXT>")} -->
<doc><docno>x4</docno><Text><![CDATA[نص فيه </DOC> ثم بقية]]></TEXT></doc>\n`;
    const items = await readAll(readTrec, text);
    expect(recordsOf(items)).toEqual([{ id: "x4", body: "نص فيه </DOC> ثم بقية" }]);
    expect(items[0]?.origin.line).toBe(6);
  });
});
