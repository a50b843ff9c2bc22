/**
 * @module web/facets
 * The search page's filters as plain links (one click, no JavaScript): each value toggles
 * itself in the URL and shows its count; the active ones are marked for sight and for screen
 * readers (aria-current), and a date range can also be typed in the search form.
 */
import { html } from "hono/html";
import type { SearchInput } from "../search/params.js";
import type { FacetValue, SearchResponse } from "../search/responses.js";
import { dateBucket, dateInterval, formatNumber, searchHref, toggle } from "./format.js";
import type { Markup } from "./layout.js";

function valueLink(href: string, label: string, count: number, active: boolean): Markup {
  return html`<li><a href="${href}"${active ? html` aria-current="true" class="active"` : ""}>
<span class="label">${label}</span> <span class="count">${formatNumber(count)}</span></a></li>`;
}

function termFacet(
  input: SearchInput,
  field: "source" | "category",
  heading: string,
  values: FacetValue[],
): Markup {
  if (!values.length) return html``;
  const selected = input[field] ?? [];
  // A selected value the current results no longer count still needs a way back out.
  const missing = selected.filter((value) => !values.some((facet) => facet.value === value));
  const all = [...values, ...missing.map((value) => ({ value, count: 0 }))];
  return html`<section class="facet" aria-labelledby="facet-${field}">
<h2 id="facet-${field}">${heading}</h2>
<ul>${all.map((facet) =>
    valueLink(
      searchHref(input, { [field]: toggle(selected, facet.value) }),
      facet.value,
      facet.count,
      selected.includes(facet.value),
    ),
  )}</ul>
</section>`;
}

function dateFacet(input: SearchInput, values: FacetValue[]): Markup {
  const interval = dateInterval(input.from, input.to);
  const active = Boolean(input.from || input.to);
  const buckets = values.slice(-12).reverse();
  return html`<section class="facet" aria-labelledby="facet-date">
<h2 id="facet-date">تاريخ النشر</h2>
<ul>${buckets.map((facet) => {
    const bucket = dateBucket(facet.value, interval);
    const selected = input.from?.startsWith(bucket.from) && input.to?.startsWith(bucket.to);
    return valueLink(
      searchHref(input, { from: bucket.from, to: bucket.to }),
      bucket.label,
      facet.count,
      Boolean(selected),
    );
  })}</ul>
${active ? html`<p><a class="clear" href="${searchHref(input, { from: undefined, to: undefined })}">كل التواريخ</a></p>` : ""}
</section>`;
}

export function facets(input: SearchInput, result: SearchResponse): Markup {
  const anyFilter = Boolean(input.source?.length || input.category?.length || input.from || input.to);
  return html`<aside class="facets" id="filters" aria-label="تصفية النتائج">
<p class="filters-close"><a href="#results">عودة إلى النتائج</a></p>
${anyFilter ? html`<p><a class="clear" href="${searchHref({ ...input, source: [], category: [], from: undefined, to: undefined })}">إزالة كل المرشحات</a></p>` : ""}
${termFacet(input, "source", "المصدر", result.facets.source)}
${termFacet(input, "category", "القسم", result.facets.category)}
${result.facets.published.length ? dateFacet(input, result.facets.published) : ""}
</aside>`;
}
