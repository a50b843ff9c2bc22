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
  // Read from the parsed parts, never written back: each URL setter re-serialises the whole URL.
  const url = new URL(raw.trim());
  const host = url.hostname.toLowerCase().replace(/^www\./, "");
  let query = "";
  if (url.search) {
    const params = url.searchParams;
    for (const key of [...params.keys()]) if (TRACKING_PARAMS.test(key)) params.delete(key);
    params.sort();
    query = params.toString();
  }
  let path = url.pathname;
  try {
    path = decodeURI(path);
  } catch {
    // A malformed escape stays as written; it still identifies the page.
  }
  if (path.length > 1) path = path.replace(/\/+$/, "");
  return `${host}${url.port ? `:${url.port}` : ""}${path}${query ? `?${query}` : ""}`;
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
