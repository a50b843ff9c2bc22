/**
 * @module ingest/detect
 * Which reader an input needs, judged from its first few KB of decoded text, so inputs need no
 * naming convention and a mislabelled file still reads. (gzip and tar are recognised earlier,
 * from bytes, by open-input.)
 */
import type { InputFormat } from "./types.js";

/** XML declaration, comments, doctype and processing instructions before the root element. */
const XML_PROLOGUE = /^(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|\s+)*/i;

export function detectFormat(head: string): InputFormat | undefined {
  const text = head.replace(/^\uFEFF/, "").trimStart();
  if (text === "") return undefined;
  if (text.startsWith("[")) return "json";
  if (text.startsWith("{")) return firstLineIsObject(text) ? "jsonl" : "json";
  if (/^<DOC[\s>]/i.test(text)) return "trec";
  if (text.startsWith("<")) return markupFormat(text);
  return "text";
}

/**
 * JSON Lines if the first line is a whole object; a pretty-printed object spreads over many
 * lines and is one JSON document. A first line longer than the head cannot be checked, but
 * pretty-printers break lines early, so a long unbroken line means JSON Lines.
 */
function firstLineIsObject(text: string): boolean {
  const newline = text.indexOf("\n");
  if (newline === -1) return true;
  try {
    const value: unknown = JSON.parse(text.slice(0, newline));
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * Feeds by their root element. Other markup (HTML, unknown XML) is not taken for a text page:
 * its tags would be indexed as words, so it is left unrecognised and reported.
 */
function markupFormat(text: string): InputFormat | undefined {
  const root = text.replace(XML_PROLOGUE, "");
  if (/^<rss[\s>]/i.test(root) || /^<rdf:RDF[\s>]/.test(root)) return "rss";
  // Atom's root may carry any namespace prefix (<atom:feed xmlns:atom="…">).
  if (/^<(?:[\w.-]+:)?feed[\s>]/i.test(root)) return "atom";
  if (/^<DOC[\s>]/i.test(root)) return "trec";
  return undefined;
}
