/**
 * @module articles/schema
 * The article model: one zod schema for the importer and the write API. Text is cleaned (HTML,
 * entities, presentation forms, invisible controls) before validation, so "non-empty" means
 * non-empty to a reader; the orthography is kept as written, for display.
 */
import { z } from "zod";
import { cleanText } from "../text/clean.js";

/** An article larger than this is a broken dump row, not news; it is rejected with a reason. */
export const MAX_ARTICLE_BYTES = 1_000_000;

/**
 * The UTF-8 size of `texts` when it is over `limit`, else undefined. A UTF-16 unit is at most
 * 3 bytes of UTF-8, so most texts are cleared without measuring them.
 */
export function utf8BytesOver(texts: string[], limit: number): number | undefined {
  if (3 * texts.reduce((sum, text) => sum + text.length, 0) <= limit) return undefined;
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  return bytes > limit ? bytes : undefined;
}

const cleanedString = z.string().transform(cleanText);
const requiredText = (what: string) =>
  cleanedString.pipe(z.string().min(1, `${what} is empty after removing markup and whitespace`));
const optionalText = z
  .string()
  .nullish()
  .transform((value) => (value ? cleanText(value) || undefined : undefined));

/** ISO date-time with a zone, or a date alone (taken as midnight UTC); returned as ISO UTC. A
 * date-time without a zone is refused here; the importer reads it in `--timezone` (validate.ts). */
export const PublishedAt = z.union([z.string(), z.date()]).transform((value, ctx) => {
  const iso = toIsoDate(value);
  if (!iso) {
    ctx.addIssue({ code: "custom", message: `"${String(value)}" is not a date-time with zone or a date` });
    return z.NEVER;
  }
  return iso;
});

const DATE_ONLY = /^(\d{4})-?(\d{2})-?(\d{2})$/;
/** ISO 8601 date-time, extended or basic (2017-01-22T18:56:00+01:00, 20170122T1856Z, 2017-01-22T185600). */
const DATE_TIME =
  /^(\d{4})-?(\d{2})-?(\d{2})[T ](\d{2}):?(\d{2})(?::?(\d{2})(\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * An ISO 8601 date or date-time as ISO UTC, or undefined. A date alone is midnight UTC. A
 * date-time without a zone is read in `zone` (Z, ±HH:MM or an IANA name such as Asia/Riyadh) when
 * given, and refused otherwise: the same words mean different instants in different newsrooms.
 */
export function toIsoDate(value: string | Date, zone?: string): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  const text = value.trim();
  const day = DATE_ONLY.exec(text);
  const time = day ? undefined : DATE_TIME.exec(text);
  const parts = day ?? time;
  if (!parts) return undefined;
  const [year, month, date] = [parts[1], parts[2], parts[3]].map(Number) as [number, number, number];
  // NaN fails both. A real news date: rules out 0001-01-01 placeholders and far-future typos.
  if (!(year >= 1900 && year <= thisYear() + 1)) return undefined;
  // Date.parse would roll 2023-02-31 over to March; the written day must exist in the calendar.
  if (!isCalendarDay(year, month, date)) return undefined;
  const ymd = `${parts[1]}-${parts[2]}-${parts[3]}`;
  if (!time) return new Date(`${ymd}T00:00:00Z`).toISOString();
  const [, , , , hour, minute, second = "00", fraction = "", written] = time;
  const local = `${ymd}T${hour}:${minute}:${second}${fraction}`;
  if (written) {
    const offset =
      written.toUpperCase() === "Z"
        ? "Z"
        : `${written.slice(0, 3)}:${written.slice(3).replace(":", "") || "00"}`;
    const parsed = Date.parse(`${local}${offset}`);
    return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString();
  }
  if (!zone) return undefined;
  const instant = inZone(local, zone);
  return instant === undefined ? undefined : new Date(instant).toISOString();
}

/** One formatter a zone, built once: an import asks it for every article's date. */
const zoneFormats = new Map<string, Intl.DateTimeFormat>();
function zoneFormat(zone: string): Intl.DateTimeFormat {
  let format = zoneFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
    zoneFormats.set(zone, format);
  }
  return format;
}

/** Minutes `zone` is ahead of UTC at `instant`, or undefined for a zone nobody knows. */
function zoneOffsetMinutes(zone: string, instant: number): number | undefined {
  const fixed = /^(Z|UTC|[+-]\d{2}:?\d{2})$/i.exec(zone);
  if (fixed) {
    if (/^(Z|UTC)$/i.test(zone)) return 0;
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  }
  try {
    const name = zoneFormat(zone)
      .formatToParts(instant)
      .find((part) => part.type === "timeZoneName")?.value;
    const match = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(name ?? "");
    if (!match) return undefined;
    return match[1] ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  } catch {
    return undefined;
  }
}

/** Whether `zone` is one toIsoDate can read local times in. */
export const isKnownZone = (zone: string): boolean => zoneOffsetMinutes(zone, Date.now()) !== undefined;

/** The instant a local date-time (no zone) names in `zone`; twice, so a DST change between is met. */
function inZone(local: string, zone: string): number | undefined {
  const asUtc = Date.parse(`${local}Z`);
  const first = zoneOffsetMinutes(zone, asUtc);
  if (Number.isNaN(asUtc) || first === undefined) return undefined;
  const guess = asUtc - first * 60_000;
  const second = zoneOffsetMinutes(zone, guess) ?? first;
  return asUtc - second * 60_000;
}

let currentYear = 0;
let currentYearEndsAt = 0;

/** The current UTC year, without a Date per call (one per article); a server running past New Year follows. */
function thisYear(): number {
  const now = Date.now();
  if (now >= currentYearEndsAt) {
    currentYear = new Date(now).getUTCFullYear();
    currentYearEndsAt = Date.UTC(currentYear + 1, 0, 1);
  }
  return currentYear;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether the day exists in that month and year (Gregorian), without building a Date. */
function isCalendarDay(year: number, month: number, day: number): boolean {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day >= 1 && day <= days;
}

/** YYYY-MM-DD for a year, month and day that exist in the calendar, else undefined. */
export function calendarDate(year: number, month: number, day: number): string | undefined {
  // Date.UTC reads years 0–99 as 1900–1999.
  if (year < 100 || !isCalendarDay(year, month, day)) return undefined;
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

export const ArticleInputSchema = z
  .object({
    id: z
      .string()
      .trim()
      .regex(/^[\p{L}\p{N}._:-]{1,200}$/u, "must be 1–200 letters, digits or . _ : -")
      .optional(),
    url: z
      .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
      .max(2048)
      .optional(),
    title: requiredText("title"),
    body: requiredText("body"),
    lead: optionalText,
    source: requiredText("source"),
    author: optionalText,
    published_at: PublishedAt,
    category: optionalText,
    tags: z
      .array(cleanedString)
      .max(50)
      .transform((tags) => tags.filter(Boolean))
      .optional(),
    language: z.string().trim().min(2).max(12).default("ar"),
  })
  .superRefine((article, ctx) => {
    const bytes = utf8BytesOver([article.title, article.body], MAX_ARTICLE_BYTES);
    if (bytes !== undefined)
      ctx.addIssue({
        code: "custom",
        path: ["body"],
        message: `article is ${(bytes / 1e6).toFixed(1)} MB, over the ${MAX_ARTICLE_BYTES / 1e6} MB limit`,
      });
  });

/** What the importer and the write API accept. */
export type ArticleInput = z.input<typeof ArticleInputSchema>;
/** A cleaned, validated article, before the index adds its derived fields. */
export type Article = z.output<typeof ArticleInputSchema>;
