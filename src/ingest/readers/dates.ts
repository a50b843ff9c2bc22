/**
 * @module ingest/readers/dates
 * The date spellings readers meet, turned into what the article schema accepts (ISO-8601 with a
 * zone, or a bare YYYY-MM-DD). A value no rule understands is passed on unchanged, so that
 * validation rejects it with the original text in the reason.
 */
import { calendarDate } from "../../articles/schema.js";
import { toAsciiDigits } from "../../text/arabic.js";

/** "16/05/2024" (day first, as Arabic newspapers write it) → "2024-05-16". */
export function dayMonthYearToIso(text: string): string | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(toAsciiDigits(text.trim()));
  return match ? calendarDate(Number(match[3]), Number(match[2]), Number(match[1])) : undefined;
}

/** The first date written inside a line of text, ISO or day-first, in either digit system. */
export function findDateIn(text: string): string | undefined {
  const ascii = toAsciiDigits(text);
  const iso = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/.exec(ascii);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayFirst = /(?<!\d)(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/.exec(ascii);
  if (dayFirst) return calendarDate(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
  return undefined;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
/** RFC 822 zone names still common in feeds; military single letters are too rare to bother. */
const ZONE_OFFSETS: Record<string, string> = {
  UT: "+00:00",
  UTC: "+00:00",
  GMT: "+00:00",
  Z: "+00:00",
  EST: "-05:00",
  EDT: "-04:00",
  CST: "-06:00",
  CDT: "-05:00",
  MST: "-07:00",
  MDT: "-06:00",
  PST: "-08:00",
  PDT: "-07:00",
};

/**
 * RSS pubDate ("Thu, 16 May 2024 09:30:00 +0300") → "2024-05-16T09:30:00+03:00", keeping the
 * publisher's offset. A date without a zone breaks RFC 822; it is read as UTC rather than as
 * this machine's local time, so an import gives the same result wherever it runs.
 */
export function rfc822ToIso(text: string): string | undefined {
  const match =
    /^\s*(?:[A-Za-z]+,?\s*)?(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{2}:?\d{2}|[A-Za-z]{1,4})?\s*$/.exec(
      text,
    );
  if (!match) return undefined;
  const [, day, monthName, yearText, hour, minute, second = "00", zone] = match;
  const month = MONTHS.indexOf((monthName ?? "").toLowerCase()) + 1;
  let year = Number(yearText);
  if (year < 100) year += year < 50 ? 2000 : 1900; // RFC 822 two-digit years
  const date = month > 0 ? calendarDate(year, month, Number(day)) : undefined;
  if (!date) return undefined;
  const offset = zoneOffset(zone);
  if (offset === undefined) return undefined;
  return `${date}T${hour?.padStart(2, "0")}:${minute}:${second}${offset}`;
}

function zoneOffset(zone: string | undefined): string | undefined {
  if (!zone) return "+00:00";
  const numeric = /^([+-]\d{2}):?(\d{2})$/.exec(zone);
  if (numeric) return `${numeric[1]}:${numeric[2]}`;
  return ZONE_OFFSETS[zone.toUpperCase()];
}
