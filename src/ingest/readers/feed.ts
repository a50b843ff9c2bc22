/**
 * @module ingest/readers/feed
 * RSS 2.0 `<item>`s and Atom `<entry>`s, one at a time. The channel's (or feed's) title names
 * the source of every item. No id is taken: a guid is often a URL or a CMS number, and the url
 * identifies a feed item better. HTML inside descriptions is kept for the cleaning stage.
 */
import type { InputFormat, Origin, Reader, ReadItem } from "../types.js";
import { rfc822ToIso } from "./dates.js";
import { elementBlocks } from "./element-blocks.js";
import { excerptOf, partOrigin } from "./text-lines.js";
import { elements, firstText, xmlText } from "./xml-text.js";

type Fields = Record<string, unknown>;

export function feedReader(format: Extract<InputFormat, "rss" | "atom">): Reader {
  const itemTag = format === "rss" ? "item" : "entry";
  const toFields = format === "rss" ? rssItemFields : atomEntryFields;
  return async function* (chunks, origin): AsyncGenerator<ReadItem> {
    const stream = elementBlocks(chunks, itemTag);
    let source: string | undefined;
    let index = 0;
    for await (const block of stream.blocks) {
      // The preamble is complete once the first item is seen.
      source ??= feedTitle(stream.preamble());
      const itemOrigin: Origin = { ...partOrigin(origin, `${itemTag} ${++index}`), line: block.line };
      if (!block.closed) {
        yield {
          kind: "failure",
          origin: itemOrigin,
          reason: `<${itemTag}> starting at line ${block.line} has no closing </${itemTag}>`,
          excerpt: excerptOf(block.text),
        };
        continue;
      }
      const fields = toFields(block.text);
      if (source !== undefined && fields.source === undefined) fields.source = source;
      yield { kind: "record", origin: itemOrigin, fields };
    }
  };
}

/** The first <title> before any item is the channel's (an <image> title comes after it). */
function feedTitle(preamble: string): string | undefined {
  return firstText(preamble, "title");
}

function rssItemFields(item: string): Fields {
  const description = firstText(item, "description");
  const categories = elements(item, "category")
    .map((category) => (category.inner === undefined ? undefined : xmlText(category.inner)))
    .filter((name): name is string => name !== undefined);
  const pubDate = firstText(item, "pubDate");
  return withoutEmpty({
    title: firstText(item, "title"),
    url: firstText(item, "link"),
    lead: description,
    body: firstText(item, "content:encoded") ?? description,
    published_at: pubDate === undefined ? undefined : (rfc822ToIso(pubDate) ?? pubDate),
    author: firstText(item, "dc:creator") ?? firstText(item, "author"),
    category: categories[0],
    tags: categories.length > 0 ? categories : undefined,
  });
}

function atomEntryFields(entry: string): Fields {
  const summary = firstText(entry, "summary");
  const links = elements(entry, "link");
  // rel defaults to "alternate" in Atom, so a link without rel is the article too.
  const link =
    links.find((candidate) => (candidate.attributes.rel ?? "alternate") === "alternate") ?? links[0];
  const terms = elements(entry, "category")
    .map((category) => category.attributes.term?.trim())
    .filter((term): term is string => Boolean(term));
  const [author] = elements(entry, "author");
  return withoutEmpty({
    title: firstText(entry, "title"),
    url: link?.attributes.href,
    lead: summary,
    body: firstText(entry, "content") ?? summary,
    published_at: firstText(entry, "published") ?? firstText(entry, "updated"),
    author: author?.inner === undefined ? undefined : firstText(author.inner, "name"),
    category: terms[0],
    tags: terms.length > 0 ? terms : undefined,
  });
}

function withoutEmpty(fields: Fields): Fields {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined && value !== ""),
  );
}
