/**
 * @module ingest/readers/trec
 * TREC-style documents, `<DOC>…</DOC>`, as the ANT corpus ships them: one element per field,
 * free text inside, and no promise of well-formed XML. Fields are found by tag name, and an
 * unclosed field ends at the next known tag, so one slip costs a field, not the file.
 */
import type { Reader, ReadItem } from "../types.js";
import { dayMonthYearToIso } from "./dates.js";
import { elementBlocks } from "./element-blocks.js";
import { excerptOf } from "./text-lines.js";
import { xmlText } from "./xml-text.js";

/** TREC/ANT tag → canonical article field. Tags not listed are ignored. */
const TREC_FIELDS: Record<string, string> = {
  DOCNO: "id",
  URL: "url",
  SRC: "source",
  CAT: "category",
  TITLE: "title",
  TIME: "published_at",
  AUTHOR: "author",
  ABSTRACT: "lead",
  TEXT: "body",
};
const KNOWN_TAGS = [...Object.keys(TREC_FIELDS), "DOC"].join("|");

export const readTrec: Reader = async function* (chunks, origin): AsyncGenerator<ReadItem> {
  for await (const block of elementBlocks(chunks, "DOC").blocks) {
    const fields = trecFields(block.text);
    // The line of <DOC> locates it in a file of many; its DOCNO becomes the article id anyway.
    const docOrigin = { ...origin, line: block.line };
    if (!block.closed) {
      const which = fields.id ? `DOC ${fields.id}` : `DOC starting at line ${block.line}`;
      yield {
        kind: "failure",
        origin: docOrigin,
        reason: `${which} has no closing </DOC>; the document may be cut off`,
        excerpt: excerptOf(block.text),
      };
      continue;
    }
    if (typeof fields.published_at === "string") fields.published_at = trecTime(fields.published_at);
    yield { kind: "record", origin: docOrigin, fields };
  }
};

/** The canonical fields of one DOC; an empty element leaves its field absent. */
function trecFields(doc: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [tag, field] of Object.entries(TREC_FIELDS)) {
    const value = elementText(doc, tag);
    if (value !== undefined) fields[field] = value;
  }
  return fields;
}

function elementText(doc: string, tag: string): string | undefined {
  const open = new RegExp(`<${tag}(?:\\s[^>]*)?>`, "i").exec(doc);
  if (!open) return undefined;
  const rest = doc.slice(open.index + open[0].length);
  // The element ends at its closing tag or, when that is missing, at the next known tag.
  const end = new RegExp(`</${tag}\\s*>|</?(?:${KNOWN_TAGS})(?:\\s[^>]*)?>`, "i").exec(rest);
  return xmlText(end ? rest.slice(0, end.index) : rest);
}

/** TIME is ISO-8601 in ANT; older dumps write the day first (16/05/2024). Others pass as is. */
function trecTime(time: string): string {
  return dayMonthYearToIso(time) ?? time;
}
