/**
 * @module ingest/readers/feed
 * RSS 2.0 (and 1.0) `<item>`s and Atom `<entry>`s, one at a time. The channel's (or feed's) title
 * names the source of every item. No id is taken: a guid is often a URL or a CMS number, and the
 * url identifies a feed item better. HTML inside descriptions is kept for the cleaning stage.
 */
import type { InputFormat, Origin, Reader, ReadItem } from "../types.js";
import { rfc822ToIso } from "./dates.js";
import { excerptOf, partOrigin } from "./text-lines.js";
import { childElements, textOf, type XmlElement, xmlRecords } from "./xml-records.js";

type Fields = Record<string, unknown>;
/** Whether an element is the one of a feed vocabulary called `localName`. */
type Vocabulary = (element: XmlElement, localName: string) => boolean;

const ATOM_NAMESPACE = "http://www.w3.org/2005/Atom";
const CONTENT_NAMESPACE = "http://purl.org/rss/1.0/modules/content/";
const DUBLIN_CORE_NAMESPACE = "http://purl.org/dc/elements/1.1/";

/** RSS's own elements are unprefixed: RSS 1.0 puts them in a default namespace, 2.0 in none. */
const rss: Vocabulary = (element, localName) => element.localName === localName && element.prefix === "";
/** Atom's, under any prefix bound to its namespace, or unprefixed where a feed forgot to declare it. */
const atom: Vocabulary = (element, localName) =>
  element.localName === localName &&
  (element.namespace === ATOM_NAMESPACE || (element.prefix === "" && element.namespace === undefined));
/** An RSS module's, by its namespace or, where a feed forgot to declare it, by its usual prefix. */
const rssModule =
  (namespace: string, usualPrefix: string): Vocabulary =>
  (element, localName) =>
    element.localName === localName &&
    (element.namespace === namespace || (element.namespace === undefined && element.prefix === usualPrefix));
const content = rssModule(CONTENT_NAMESPACE, "content");
const dublinCore = rssModule(DUBLIN_CORE_NAMESPACE, "dc");

/** What tells one kind of feed from the other: its vocabulary, its items, where its title is. */
interface FeedShape {
  vocabulary: Vocabulary;
  itemName: string;
  /** The element whose title is the feed's: Atom's root, RSS's channel. */
  head: (root: XmlElement) => XmlElement | undefined;
  fields: (item: XmlElement) => Fields;
}

const SHAPES: Record<Extract<InputFormat, "rss" | "atom">, FeedShape> = {
  rss: {
    vocabulary: rss,
    itemName: "item",
    head: (root) => childElements(root, (child) => rss(child, "channel"))[0],
    fields: rssItemFields,
  },
  atom: { vocabulary: atom, itemName: "entry", head: (root) => root, fields: atomEntryFields },
};

export function feedReader(format: Extract<InputFormat, "rss" | "atom">): Reader {
  const shape = SHAPES[format];
  const { itemName } = shape;
  const isItem = (element: XmlElement) => shape.vocabulary(element, itemName);
  return async function* (chunks, origin): AsyncGenerator<ReadItem> {
    const stream = xmlRecords(chunks, isItem);
    let source: string | undefined;
    let index = 0;
    for await (const item of stream.records) {
      // The channel's title comes before its items.
      source ??= feedTitle(stream.document, shape);
      const itemOrigin: Origin = { ...partOrigin(origin, `${itemName} ${++index}`), line: item.line };
      if (!item.closed) {
        yield {
          kind: "failure",
          origin: itemOrigin,
          reason: `<${item.name}> starting at line ${item.line} has no closing </${item.name}>`,
          excerpt: excerptOf(textOf(item) ?? ""),
        };
        continue;
      }
      const fields = shape.fields(item);
      if (source !== undefined && fields.source === undefined) fields.source = source;
      yield { kind: "record", origin: itemOrigin, fields };
    }
  };
}

/** The feed's own title: not an image's or an item's. */
function feedTitle(document: XmlElement, shape: FeedShape): string | undefined {
  const [root] = childElements(document, () => true);
  const head = root && shape.head(root);
  return head && firstText(head, shape.vocabulary, "title");
}

/** The text of the first child of `parent` called `localName` in `vocabulary`. */
function firstText(parent: XmlElement, vocabulary: Vocabulary, localName: string): string | undefined {
  const [element] = childElements(parent, (child) => vocabulary(child, localName));
  return element ? textOf(element) : undefined;
}

function rssItemFields(item: XmlElement): Fields {
  const description = firstText(item, rss, "description");
  const categories = childElements(item, (child) => rss(child, "category"))
    .map((category) => textOf(category))
    .filter((name): name is string => name !== undefined);
  const pubDate = firstText(item, rss, "pubdate");
  return withoutEmpty({
    title: firstText(item, rss, "title"),
    url: firstText(item, rss, "link"),
    lead: description,
    body: firstText(item, content, "encoded") ?? description,
    published_at: pubDate === undefined ? undefined : (rfc822ToIso(pubDate) ?? pubDate),
    author: firstText(item, dublinCore, "creator") ?? firstText(item, rss, "author"),
    category: categories[0],
    tags: categories.length > 0 ? categories : undefined,
  });
}

function atomEntryFields(entry: XmlElement): Fields {
  const summary = firstText(entry, atom, "summary");
  const links = childElements(entry, (child) => atom(child, "link"));
  // rel defaults to "alternate" in Atom, so a link without rel is the article too.
  const link =
    links.find((candidate) => (candidate.attributes.rel ?? "alternate") === "alternate") ?? links[0];
  const terms = childElements(entry, (child) => atom(child, "category"))
    .map((category) => category.attributes.term?.trim())
    .filter((term): term is string => Boolean(term));
  const [author] = childElements(entry, (child) => atom(child, "author"));
  return withoutEmpty({
    title: firstText(entry, atom, "title"),
    url: link?.attributes.href,
    lead: summary,
    body: firstText(entry, atom, "content") ?? summary,
    published_at: firstText(entry, atom, "published") ?? firstText(entry, atom, "updated"),
    author: author ? firstText(author, atom, "name") : undefined,
    category: terms[0],
    tags: terms.length > 0 ? terms : undefined,
  });
}

function withoutEmpty(fields: Fields): Fields {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined && value !== ""),
  );
}
