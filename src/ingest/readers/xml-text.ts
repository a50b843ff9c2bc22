/**
 * @module ingest/readers/xml-text
 * Tolerant XML-ish extraction for TREC and feeds: elements by name with regexes, attributes in
 * any order and quoting, CDATA kept verbatim, entities decoded strictly. Real feeds and corpora
 * are often not well-formed (a bare & in a URL, an unclosed tag), and a strict XML parser would
 * lose a whole file to one such slip.
 */
import { decodeHTMLStrict } from "entities";

export interface XmlElement {
  attributes: Record<string, string>;
  /** The raw inner markup, not yet decoded; undefined for a self-closing element. */
  inner: string | undefined;
}

const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Every `<name …>…</name>` or `<name …/>` in `xml`, in document order; names are exact (`dc:creator`). */
export function elements(xml: string, name: string): XmlElement[] {
  const tag = escapeRegExp(name);
  const pattern = new RegExp(`<${tag}(\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${tag}\\s*>)`, "g");
  return [...xml.matchAll(pattern)].map((match) => ({
    attributes: attributesOf(match[1] ?? ""),
    inner: match[2],
  }));
}

/** The decoded text of the first element called `name`, or undefined when absent or empty. */
export function firstText(xml: string, name: string): string | undefined {
  const [element] = elements(xml, name);
  return element?.inner === undefined ? undefined : xmlText(element.inner);
}

export function attributesOf(tagBody: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of tagBody.matchAll(ATTRIBUTE))
    attributes[match[1] ?? ""] = decodeHTMLStrict(match[2] ?? match[3] ?? "");
  return attributes;
}

/**
 * Text content: CDATA sections verbatim, entities decoded elsewhere. Strict decoding leaves a
 * bare `&` (and `&copy=2` in a query string) alone instead of reading it as an entity.
 * Markup inside is kept; the cleaning stage strips it. Empty after trimming → undefined.
 */
export function xmlText(inner: string): string | undefined {
  let text = "";
  let last = 0;
  for (const match of inner.matchAll(CDATA)) {
    text += decodeHTMLStrict(inner.slice(last, match.index)) + (match[1] ?? "");
    last = match.index + match[0].length;
  }
  text += decodeHTMLStrict(inner.slice(last));
  const trimmed = text.trim();
  return trimmed === "" ? undefined : trimmed;
}
