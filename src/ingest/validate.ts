/**
 * @module ingest/validate
 * Raw record → cleaned, validated article, or a rejection that names the record, the field and
 * the reason. Nothing here throws: a bad record is reported and the import goes on.
 */
import { z } from "zod";
import {
  type Article,
  ArticleInputSchema,
  MAX_ARTICLE_BYTES,
  toIsoDate,
  utf8BytesOver,
} from "../articles/schema.js";
import type { Origin, RawRecord } from "./types.js";

export interface Rejection {
  kind: "rejection";
  origin: Origin;
  /** The field at fault, or undefined when the record as a whole is (unparseable input). */
  field?: string | undefined;
  reason: string;
  /** The record as read, cut to a few KB, so the rejects file stays readable. */
  record?: unknown;
}

export interface Accepted {
  kind: "article";
  origin: Origin;
  article: Article;
}

const MAX_RECORD_ECHO = 2_000;

/** Long strings are cut in the rejects file; a 5 MB body need not be copied there. */
function excerptOf(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) =>
      typeof value === "string" && value.length > MAX_RECORD_ECHO
        ? [key, `${value.slice(0, MAX_RECORD_ECHO)}… (${value.length} characters)`]
        : [key, value],
    ),
  );
}

/** Raw text this large is refused before cleaning, which would copy it several times over. */
function oversize(fields: Record<string, unknown>): string | undefined {
  const texts = ["title", "body", "lead"].map((key) => fields[key]).filter((v) => typeof v === "string");
  // Markup can double the size of the text it carries; beyond that the cleaned text cannot fit.
  const bytes = utf8BytesOver(texts, 2 * MAX_ARTICLE_BYTES);
  if (bytes === undefined) return undefined;
  return `body: article is ${(bytes / 1e6).toFixed(1)} MB, over the ${MAX_ARTICLE_BYTES / 1e6} MB limit`;
}

/**
 * The article schema compiled by zod into generated code: the same answers and issues as the
 * schema itself, for less CPU per record.
 */
const articleSchema = z.compile(ArticleInputSchema);

/**
 * `published_at` as a source writes a local time (no zone), read in the import's `timezone`; any
 * other value is left for the schema to judge.
 */
function withZone(fields: Record<string, unknown>, timezone: string | undefined): Record<string, unknown> {
  const written = fields.published_at;
  if (!timezone || typeof written !== "string" || toIsoDate(written)) return fields;
  const read = toIsoDate(written, timezone);
  return read ? { ...fields, published_at: read } : fields;
}

/** `timezone`: the zone of dates written without one (importer's --timezone); none refuses them. */
export function validateRecord(record: RawRecord, timezone?: string): Accepted | Rejection {
  const tooLarge = oversize(record.fields);
  if (tooLarge)
    return {
      kind: "rejection",
      origin: record.origin,
      field: "body",
      reason: tooLarge,
      record: excerptOf(record.fields),
    };
  const result = articleSchema.safeParse(withZone(record.fields, timezone));
  if (result.success) return { kind: "article", origin: record.origin, article: result.data };
  const issue = result.error.issues[0];
  const field = issue?.path.join(".") || undefined;
  const more = result.error.issues.length > 1 ? ` (+${result.error.issues.length - 1} more)` : "";
  const message =
    issue?.code === "invalid_type" && record.fields[field ?? ""] === undefined
      ? "is missing"
      : (issue?.message ?? "invalid");
  return {
    kind: "rejection",
    origin: record.origin,
    field,
    reason: `${field ?? "record"}: ${message}${more}`,
    record: excerptOf(record.fields),
  };
}
