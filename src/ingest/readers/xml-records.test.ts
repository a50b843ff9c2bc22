import { describe, expect, it } from "vitest";
import { chunked, collect } from "./testing.js";
import { descendants, textOf, type XmlElement, type XmlNode, xmlRecords } from "./xml-records.js";

const isItem = (element: XmlElement) => element.localName === "item";
const read = (xml: string, chunkSize = 7) => collect(xmlRecords(chunked(xml, chunkSize), isItem).records);

describe("xmlRecords", () => {
  it("numbers each record's line, however the chunks cut its start tag", async () => {
    const xml = '<feed>\n<item a="1"\n  b="2">x</item>\n\n<!-- <item>\n -->\n<item>y</item>\n</feed>';
    for (const size of [1, 2, 5, 64])
      expect((await read(xml, size)).map((item) => [textOf(item), item.line])).toEqual([
        ["x", 2],
        ["y", 7],
      ]);
  });

  it("decodes entities strictly outside CDATA, keeps CDATA verbatim, decodes attributes", async () => {
    const [item] = await read(
      '<item href="/a?x=1&amp;copy=2&lang=ar">&amp; &copy=2 &lt;b&gt; <![CDATA[&amp; <p>]]></item>',
    );
    expect(item?.attributes.href).toBe("/a?x=1&copy=2&lang=ar");
    expect(item?.children).toEqual(["& &copy=2 <b> ", "&amp; <p>"]);
  });

  it("binds each prefix to the namespace declared for it, on the element or around it", async () => {
    const [item] = await read(
      '<r xmlns="urn:default" xmlns:a="urn:a"><item><a:x/><y xmlns="urn:y"/><z/><b:w/></item></r>',
    );
    const inner = [...descendants(item as XmlElement)].map((element) => [element.name, element.namespace]);
    expect(inner).toEqual([
      ["a:x", "urn:a"],
      ["y", "urn:y"],
      ["z", "urn:default"],
      ["b:w", undefined],
    ]);
    expect(item?.namespace).toBe("urn:default");
  });

  it("tells an element that closed itself from one whose end tag never came", async () => {
    const [empty, open] = await read("<r><item/><item><x></r>");
    expect(empty?.closed).toBe(true);
    expect(open?.closed).toBe(false);
  });

  it("keeps no record in the document, and only its first part when it is large", async () => {
    const description = "وصف ".repeat(50);
    const items = `<item><title>خبر</title><description>${description}</description></item>\n`.repeat(5_000);
    const stream = xmlRecords(
      chunked(
        `<rss><channel><title>القناة</title>${items}${"<x>نص</x>".repeat(100_000)}</channel></rss>`,
        4096,
      ),
      isItem,
    );
    expect(await collect(stream.records)).toHaveLength(5_000);
    const chars = (node: XmlNode): number =>
      typeof node === "string" ? node.length : node.children.reduce((sum, child) => sum + chars(child), 0);
    expect(chars(stream.document)).toBeLessThanOrEqual(256 * 1024);
    expect([...descendants(stream.document)].some(isItem)).toBe(false);
  });

  it("writes back the markup inside a record, up to where it is told to stop", async () => {
    const [item] = await read(`<item>نص <p>في <b>فقرة</b></p><stop/>بعد</item>`);
    expect(textOf(item as XmlElement, (inner) => inner.name === "stop")).toBe("نص <p>في <b>فقرة</b></p>");
  });

  it("reads elements nested however deep, in time that grows with the input alone", async () => {
    const depth = 200_000;
    const started = Date.now();
    const [deep, after] = await read(
      `<item>${"<a>".repeat(depth)}عميق${"</a>".repeat(depth)}</item><item>بعد</item>`,
      65_536,
    );
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(textOf(deep as XmlElement)).toContain("عميق");
    expect([...descendants(deep as XmlElement)].length).toBeLessThan(1_000);
    expect(after && textOf(after)).toBe("بعد");
  });

  it("hands over an item left open when the next one starts, and reads that one in full", async () => {
    const [open, next] = await read("<rss><item><title>أول<p>فقرة<item><title>ثان</title></item></rss>");
    expect(open?.closed).toBe(false);
    expect(next && [next.closed, textOf(next)]).toEqual([true, "<title>ثان</title>"]);
  });
});
