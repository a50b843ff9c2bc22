/**
 * @module ingest/readers/trec
 * TREC-style documents, `<DOC>…</DOC>`, as the ANT corpus ships them: one element per field,
 * free text inside, and no promise of well-formed XML. Fields are found by tag name, in any case,
 * and a field's text ends at the next known tag, so an unclosed one costs a field, not the file.
 */
import type { Reader, ReadItem } from "../types.js";
import { dayMonthYearToIso } from "./dates.js";
import { excerptOf } from "./text-lines.js";
import { descendants, textOf, type XmlElement, xmlRecords } from "./xml-records.js";

/** TREC/ANT tag (lower-cased, as the reader sees it) → canonical article field. Others are ignored. */
const TREC_FIELDS = new Map([
  ["docno", "id"],
  ["url", "url"],
  ["src", "source"],
  ["cat", "category"],
  ["title", "title"],
  ["time", "published_at"],
  ["author", "author"],
  ["abstract", "lead"],
  ["text", "body"],
]);
const isField = (element: XmlElement) => TREC_FIELDS.has(element.name);
const isDoc = (element: XmlElement) => element.name === "doc";

export const readTrec: Reader = async function* (chunks, origin): AsyncGenerator<ReadItem> {
  for await (const doc of xmlRecords(chunks, isDoc).records) {
    const fields = trecFields(doc);
    // The line of <DOC> locates it in a file of many; its DOCNO becomes the article id anyway.
    const docOrigin = { ...origin, line: doc.line };
    if (!doc.closed) {
      const which = fields.id ? `DOC ${fields.id}` : `DOC starting at line ${doc.line}`;
      yield {
        kind: "failure",
        origin: docOrigin,
        reason: `${which} has no closing </DOC>; the document may be cut off`,
        excerpt: excerptOf(textOf(doc) ?? ""),
      };
      continue;
    }
    if (typeof fields.published_at === "string") fields.published_at = trecTime(fields.published_at);
    yield { kind: "record", origin: docOrigin, fields };
  }
};

/**
 * The canonical fields of one DOC; an empty element leaves its field absent. An unclosed field
 * holds the fields after it (the tokenizer nests them), so they are looked for at any depth.
 */
function trecFields(doc: XmlElement): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const element of descendants(doc)) {
    const field = TREC_FIELDS.get(element.name);
    if (field === undefined || field in fields) continue;
    const value = textOf(element, isField);
    if (value !== undefined) fields[field] = value;
  }
  return fields;
}

/** TIME is ISO-8601 in ANT; older dumps write the day first (16/05/2024). Others pass as is. */
function trecTime(time: string): string {
  return dayMonthYearToIso(time) ?? time;
}
