/**
 * @module web/format
 * Small formatting helpers shared by the reader pages: Arabic dates and numbers, and query
 * strings that keep the reader's other choices when one changes (a facet, a page, the sort).
 */
import { histogramInterval } from "../search/filters.js";
import { DEFAULT_PAGE_SIZE, type SearchInput } from "../search/params.js";

// UTC so a page renders the same wherever the server runs; ar-EG gives Arabic-Indic digits
// and Arabic month names, which readers of the sample's sources expect.
const longDate = new Intl.DateTimeFormat("ar-EG", { dateStyle: "long", timeZone: "UTC" });
const monthYear = new Intl.DateTimeFormat("ar-EG", { month: "long", year: "numeric", timeZone: "UTC" });
const yearOnly = new Intl.DateTimeFormat("ar-EG", { year: "numeric", timeZone: "UTC" });
// To the minute where it matters: who ran a wire story first is a matter of minutes.
const dateTime = new Intl.DateTimeFormat("ar-EG", {
  year: "numeric",
  month: "long",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});
const numbers = new Intl.NumberFormat("ar-EG");

function formatWith(format: Intl.DateTimeFormat, iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? "" : format.format(time);
}

export const formatDate = (iso: string) => formatWith(longDate, iso);
export const formatDateTime = (iso: string) => formatWith(dateTime, iso);

export const formatNumber = (value: number) => numbers.format(value);

export type Interval = "day" | "month" | "year";

/** The histogram interval the search chose for its date facet. */
export function dateInterval(from?: string, to?: string): Interval {
  return histogramInterval({ from, to });
}

/** A date bucket's label and its inclusive [from, to] day range, as YYYY-MM-DD. */
export function dateBucket(key: string, interval: Interval): { label: string; from: string; to: string } {
  const start = new Date(key);
  const end = new Date(start);
  if (interval === "day") end.setUTCDate(end.getUTCDate() + 1);
  else if (interval === "month") end.setUTCMonth(end.getUTCMonth() + 1);
  else end.setUTCFullYear(end.getUTCFullYear() + 1);
  end.setUTCDate(end.getUTCDate() - 1);
  const label = interval === "day" ? longDate : interval === "month" ? monthYear : yearOnly;
  return { label: label.format(start), from: day(start), to: day(end) };
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The date a form's <input type="date"> should show for a parsed ISO value. */
export const dateInputValue = (iso?: string) => (iso ? iso.slice(0, 10) : "");

/** The search's URL parameters, with `changes` applied (undefined removes a key). */
export function searchHref(
  input: SearchInput,
  changes: Partial<Record<"q" | "page" | "sort" | "from" | "to", string | undefined>> & {
    source?: string[];
    category?: string[];
  } = {},
): string {
  const merged = {
    q: input.q,
    sort: input.sort === "relevance" ? undefined : input.sort,
    size: input.size === DEFAULT_PAGE_SIZE ? undefined : String(input.size),
    from: dateInputValue(input.from) || undefined,
    to: dateInputValue(input.to) || undefined,
    page: undefined as string | undefined,
    source: input.source ?? [],
    category: input.category ?? [],
    ...changes,
  };
  const params = new URLSearchParams();
  if (merged.q) params.set("q", merged.q);
  for (const value of merged.source) params.append("source", value);
  for (const value of merged.category) params.append("category", value);
  for (const key of ["from", "to", "sort", "size", "page"] as const) {
    const value = merged[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `/?${query}` : "/";
}

/** Adds or removes one value of a repeatable filter. */
export function toggle(values: string[] | undefined, value: string): string[] {
  const list = values ?? [];
  return list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
}

/** Only http(s) links leave the site: an article's own URL could be javascript:. */
export function safeExternalUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

export const articleHref = (id: string) => `/articles/${encodeURIComponent(id)}`;
