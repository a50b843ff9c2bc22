/**
 * @module web/results
 * One result as a list item, shared by search, related coverage and the editor view, linking to
 * its story when copies were collapsed behind it. The API's highlights and snippets are already
 * HTML-safe (escaped text plus <mark>), so they alone go through raw(); every other field is
 * interpolated and therefore escaped by html``.
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
${
  // Copies collapsed behind this one: the story's page lists every version, oldest first.
  hit.copies > 0
    ? html`<a class="copies" href="${storyHref(hit.story)}" title="من نشر هذه القصة ومتى">${sourcesLabel(hit.sources)}</a>`
    : ""
}
</p>`;
}

export const storyHref = (story: string) => `/stories/${encodeURIComponent(story)}`;

const arabicPlural = new Intl.PluralRules("ar");

/**
 * A count as Arabic says it: a word of its own for one and for two; after the number, the plural
 * for 3–10, the singular in the accusative for 11–99, the singular from 100 (then by the last two
 * digits, as Intl.PluralRules reads them).
 */
export function arabicCount(
  count: number,
  words: { one: string; two: string; few: string; many: string; other: string },
): string {
  if (count === 1) return words.one;
  if (count === 2) return words.two;
  const form = arabicPlural.select(count);
  const word = form === "few" ? words.few : form === "many" ? words.many : words.other;
  return `${formatNumber(count)} ${word}`;
}

/** "N sources": «مصدران»، «٣ مصادر»، «١١ مصدرًا»، «١٠٠ مصدر». */
export const sourcesLabel = (count: number) =>
  arabicCount(count, { one: "مصدر واحد", two: "مصدران", few: "مصادر", many: "مصدرًا", other: "مصدر" });

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
