/**
 * @module web/results
 * One result as a list item, shared by search, related coverage and the editor view. The API's
 * highlights and snippets are already HTML-safe (escaped text plus <mark>), so they alone go
 * through raw(); every other field is interpolated and therefore escaped by html``.
 */
import { html, raw } from "hono/html";
import type { SearchHit } from "../search/responses.js";
import { escapeHtml } from "../text/html.js";
import { articleHref, formatDate, formatNumber } from "./format.js";
import type { Markup } from "./layout.js";

export function hitMeta(hit: SearchHit): Markup {
  return html`<p class="meta">
<span class="source">${hit.source}</span>
<time datetime="${hit.published_at}">${formatDate(hit.published_at)}</time>
${hit.category ? html`<span class="category">${hit.category}</span>` : ""}
${hit.duplicates > 0 ? html`<span class="copies">${copiesLabel(hit.duplicates)}</span>` : ""}
</p>`;
}

/** "N similar copies", with Arabic's singular, dual and plural forms. */
export function copiesLabel(count: number): string {
  if (count === 1) return "نسخة مشابهة واحدة";
  if (count === 2) return "نسختان مشابهتان";
  if (count <= 10) return `${formatNumber(count)} نسخ مشابهة`;
  return `${formatNumber(count)} نسخة مشابهة`;
}

export function hitItem(hit: SearchHit, headingLevel: 2 | 3 = 2): Markup {
  const title = hit.highlights.title[0] ? raw(hit.highlights.title[0]) : hit.title;
  const heading =
    headingLevel === 2
      ? html`<h2 class="title"><a href="${articleHref(hit.id)}">${title}</a></h2>`
      : html`<h3 class="title"><a href="${articleHref(hit.id)}">${title}</a></h3>`;
  return html`<li class="hit">
${heading}
${hitMeta(hit)}
${
  // Without a body match the snippet falls back to the title; saying it twice helps nobody.
  hit.snippet && hit.snippet !== escapeHtml(hit.title) ? html`<p class="snippet">${raw(hit.snippet)}</p>` : ""
}
</li>`;
}

export function hitList(hits: SearchHit[], label: string, headingLevel: 2 | 3 = 2): Markup {
  return html`<ol class="hits" aria-label="${label}">${hits.map((hit) => hitItem(hit, headingLevel))}</ol>`;
}
