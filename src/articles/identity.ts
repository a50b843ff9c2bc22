/**
 * @module articles/identity
 * Stable article ids, so re-running an import updates documents instead of duplicating them:
 * the given id; else a hash of the normalised URL; else a hash of source + title + date.
 */
import { createHash } from "node:crypto";
import { normalizeArabic } from "../text/arabic.js";

const TRACKING_PARAMS = /^(utm_\w+|fbclid|gclid|ref|ocid|cmpid)$/i;

/** The same page however it was linked: host case, fragment, tracking, trailing slash, %-escapes. */
export function normalizeUrl(raw: string): string {
  const url = new URL(raw.trim());
  url.hash = "";
  url.hostname = url.hostname.toLowerCase().replace(/^www\./, "");
  for (const key of [...url.searchParams.keys()]) if (TRACKING_PARAMS.test(key)) url.searchParams.delete(key);
  url.searchParams.sort();
  let path = url.pathname;
  try {
    path = decodeURI(path);
  } catch {
    // A malformed escape stays as written; it still identifies the page.
  }
  if (path.length > 1) path = path.replace(/\/+$/, "");
  const query = url.searchParams.toString();
  return `${url.hostname}${url.port ? `:${url.port}` : ""}${path}${query ? `?${query}` : ""}`;
}

const digest = (text: string) => createHash("sha256").update(text).digest("base64url").slice(0, 22);

export interface IdentityFields {
  id?: string | undefined;
  url?: string | undefined;
  source: string;
  title: string;
  published_at: string;
}

export function articleId(article: IdentityFields): string {
  if (article.id) return article.id;
  if (article.url) return `u-${digest(normalizeUrl(article.url))}`;
  const day = article.published_at.slice(0, 10);
  return `t-${digest(`${normalizeArabic(article.source)}\n${normalizeArabic(article.title)}\n${day}`)}`;
}
