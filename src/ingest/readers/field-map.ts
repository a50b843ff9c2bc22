/**
 * @module ingest/readers/field-map
 * Turns a JSON record of any known shape into canonical article field names, so every later
 * stage sees one shape. Precedence per field: `--map` first, then the recognised dump shape,
 * then a field that already has the canonical name.
 */

/** The article fields of src/articles/schema.ts, the only names records leave a reader with. */
export const CANONICAL_FIELDS = [
  "id",
  "url",
  "title",
  "body",
  "lead",
  "source",
  "author",
  "published_at",
  "category",
  "tags",
  "language",
] as const;

export type CanonicalField = (typeof CANONICAL_FIELDS)[number];
type Fields = Record<string, unknown>;

/** A known dump shape: how to recognise it and how it spells (or computes) canonical fields. */
interface KnownShape {
  name: string;
  matches(record: Fields): boolean;
  fields: Partial<Record<CanonicalField, (record: Fields) => unknown>>;
}

const SAUDI_NEWS_NET: KnownShape = {
  name: "SaudiNewsNet",
  matches: (record) => "content" in record && "date_extracted" in record,
  fields: {
    body: (record) => record.content,
    published_at: (record) => saudiTimeToIso(record.date_extracted),
  },
};

const KNOWN_SHAPES = [SAUDI_NEWS_NET];

/**
 * SaudiNewsNet's `date_extracted` ("2015-07-21 02:51:32") has no zone. The crawl ran against
 * Saudi newspapers and the dataset's authors worked in Saudi time, so it is read as Arabia
 * Standard Time (UTC+03:00, no daylight saving) rather than guessed as UTC.
 */
function saudiTimeToIso(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)$/.exec(value.trim());
  return match ? `${match[1]}T${match[2]}+03:00` : value;
}

/** The canonical fields of one record; fields that map to nothing canonical are dropped. */
export function toCanonicalFields(record: Fields, fieldMap: Record<string, string> = {}): Fields {
  const shape = KNOWN_SHAPES.find((known) => known.matches(record));
  const canonical: Fields = {};
  for (const field of CANONICAL_FIELDS) {
    const mappedName = fieldMap[field];
    const fromShape = shape?.fields[field];
    let value: unknown;
    if (mappedName !== undefined) value = record[mappedName];
    else if (fromShape) value = fromShape(record);
    else value = record[field];
    if (value !== undefined && value !== null) canonical[field] = value;
  }
  return canonical;
}
