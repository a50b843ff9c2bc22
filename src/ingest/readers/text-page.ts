/**
 * @module ingest/readers/text-page
 * Plain-text news pages as saved from a browser: stories separated by an "اقرأ أيضاً:" line,
 * then a "مقالات مشابهة" list of links to other stories, which is not an article. Each story
 * may open with a title and a dateline ("بكين-سانا") and may close with "المصدر: …".
 */
import path from "node:path";
import type { Reader, ReadItem } from "../types.js";
import { findDateIn } from "./dates.js";
import { type NumberedLine, numberedLines } from "./text-lines.js";

/** A title cut from the first sentence keeps this many words, like a headline. */
const TITLE_WORDS = 14;
const SOURCE_LINE = /^المصدر\s*[:：]\s*(.+)$/;

/** Compare separators after folding the spellings: hamza on alef or not, tanween, tatweel. */
function foldSpelling(line: string): string {
  return line
    .replace(/[أإآٱ]/g, "ا")
    .replace(/[\u064B-\u0652\u0640]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
const isReadAlso = (line: string) => /^اقر[اء] ايضا ?[:：]?$/.test(foldSpelling(line));
const isRelatedList = (line: string) => /^(مقالات|اخبار) (مشابهة|ذات صلة) ?[:：]?$/.test(foldSpelling(line));

const wordCount = (line: string) => line.split(/\s+/).filter(Boolean).length;

/** "بكين-سانا", "القاهرة - أ ش أ", or a line that is only a date. */
function isDateline(line: string): boolean {
  if (findDateIn(line) && wordCount(line) <= 4) return true;
  return wordCount(line) <= 5 && /[-–—]/.test(line) && !/[.!؟?]$/.test(line);
}

/** A headline is short and is not a sentence: no closing full stop. */
function isTitleLine(line: string): boolean {
  return wordCount(line) <= 25 && !/[.!؟?:؛]$/.test(line);
}

/** The first sentence of the body, up to TITLE_WORDS words, cut at a word boundary. */
function titleFromBody(paragraph: string): string {
  const sentence = /^[\s\S]*?[.!؟?](?=\s|$)/.exec(paragraph)?.[0] ?? paragraph;
  const words = sentence.split(/\s+/).filter(Boolean);
  return words
    .slice(0, TITLE_WORDS)
    .join(" ")
    .replace(/[.!؟?،,:؛]+$/, "");
}

function nameOfInput(source: string, entry: string | undefined): string {
  if (entry) return path.basename(entry, path.extname(entry));
  if (/^https?:\/\//i.test(source)) return new URL(source).hostname;
  return path.basename(source, path.extname(source));
}

export const readTextPage: Reader = async function* (chunks, origin, options): AsyncGenerator<ReadItem> {
  const fallbackDate = options.fallbackDate ?? new Date().toISOString();
  const fallbackSource = nameOfInput(origin.source, origin.entry);
  let story: NumberedLine[] = [];
  const storyItem = (lines: NumberedLine[]): ReadItem => ({
    kind: "record",
    origin: { ...origin, line: lines[0]?.number ?? 1 },
    fields: storyFields(lines, fallbackDate, fallbackSource),
  });
  for await (const line of numberedLines(chunks)) {
    const text = line.text.trim();
    if (isRelatedList(text)) break; // links to other stories, and the page footer after them
    if (isReadAlso(text)) {
      if (story.length > 0) yield storyItem(story);
      story = [];
    } else if (text !== "") story.push({ text, number: line.number });
  }
  if (story.length > 0) yield storyItem(story);
};

function storyFields(lines: NumberedLine[], fallbackDate: string, fallbackSource: string) {
  let source: string | undefined;
  const paragraphs: string[] = [];
  for (const { text } of lines) {
    const credit = SOURCE_LINE.exec(text);
    if (credit?.[1]) source = credit[1].trim();
    else paragraphs.push(text);
  }
  let title: string | undefined;
  let dateline: string | undefined;
  let first = 0;
  if (paragraphs[0] !== undefined && isDateline(paragraphs[0])) {
    dateline = paragraphs[first++];
  } else if (paragraphs.length > 1 && paragraphs[0] !== undefined && isTitleLine(paragraphs[0])) {
    title = paragraphs[first++];
    if (paragraphs[first] !== undefined && isDateline(paragraphs[first] ?? ""))
      dateline = paragraphs[first++];
  }
  const body = paragraphs.slice(first);
  // A story that opens with its dateline has no headline; its first sentence stands in, cut
  // to headline length, because search results need a title and the schema requires one.
  title ??= body[0] === undefined ? undefined : titleFromBody(body[0]);
  const statedDate = (dateline && findDateIn(dateline)) || (title && findDateIn(title));
  return {
    ...(title ? { title } : {}),
    body: body.join("\n\n"),
    source: source ?? fallbackSource,
    published_at: statedDate || fallbackDate,
  };
}
