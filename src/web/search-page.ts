/**
 * @module web/search-page
 * The search page: a plain GET form (works without JavaScript; /static/app.js adds
 * suggestions), then results with facets, sort, paging, "did you mean" and an empty state.
 */
import { html } from "hono/html";
import { MAX_WINDOW } from "../search/build-search.js";
import type { SearchInput } from "../search/params.js";
import { endsInWord, unquotedQuery } from "../search/query-parser.js";
import type { SearchResponse } from "../search/responses.js";
import { facets } from "./facets.js";
import { dateInputValue, formatNumber, searchHref } from "./format.js";
import { type Markup, page } from "./layout.js";
import { arabicCount, hitList } from "./results.js";

const storiesLabel = (count: number) =>
  arabicCount(count, {
    one: "قصة واحدة",
    two: "قصتان مختلفتان",
    few: "قصص مختلفة",
    many: "قصة مختلفة",
    other: "قصة مختلفة",
  });

function searchForm(input: SearchInput): Markup {
  return html`<form class="search" role="search" action="/" method="get">
<label for="q">ابحث في الأخبار</label>
<div class="box">
<input id="q" name="q" type="search" value="${input.q}" maxlength="500" autocomplete="off"
 placeholder="مثال: أسعار القمح" aria-describedby="q-help" role="combobox"
 aria-autocomplete="list" aria-expanded="false" aria-controls="q-suggestions">
<button type="submit">بحث</button>
<ul id="q-suggestions" role="listbox" aria-label="اقتراحات" hidden></ul>
</div>
<p id="q-help" class="help">استخدم "علامات التنصيص" لعبارة كاملة، و- لاستبعاد كلمة.</p>
${(input.source ?? []).map((value) => html`<input type="hidden" name="source" value="${value}">`)}
${(input.category ?? []).map((value) => html`<input type="hidden" name="category" value="${value}">`)}
${input.sort === "newest" ? html`<input type="hidden" name="sort" value="newest">` : ""}
<fieldset class="dates"><legend>الفترة</legend>
<label for="from">من</label> <input id="from" name="from" type="date" value="${dateInputValue(input.from)}">
<label for="to">إلى</label> <input id="to" name="to" type="date" value="${dateInputValue(input.to)}">
</fieldset>
</form>`;
}

function sortLinks(input: SearchInput): Markup {
  const href = (sort: string) => searchHref(input, { sort: sort === "relevance" ? undefined : sort });
  const link = (sort: "relevance" | "newest", label: string) =>
    input.sort === sort
      ? html`<a href="${href(sort)}" aria-current="true" class="active">${label}</a>`
      : html`<a href="${href(sort)}">${label}</a>`;
  return html`<nav class="sort" aria-label="الترتيب">الترتيب: ${link("relevance", "الأكثر صلة")} ${link("newest", "الأحدث")}</nav>`;
}

/** Arabic counts: singular, dual, plural for 3–10, singular again from 11. */
function resultsLabel(count: number): string {
  if (count === 1) return "نتيجة واحدة";
  if (count === 2) return "نتيجتان";
  return `${formatNumber(count)} ${count >= 3 && count <= 10 ? "نتائج" : "نتيجة"}`;
}

function pager(input: SearchInput, count: number): Markup {
  const last = Math.min(Math.ceil(count / input.size), Math.floor(MAX_WINDOW / input.size));
  if (last <= 1) return html``;
  const pages: number[] = [];
  for (let n = Math.max(1, input.page - 2); n <= Math.min(last, input.page + 2); n++) pages.push(n);
  const href = (n: number) => searchHref(input, { page: n === 1 ? undefined : String(n) });
  return html`<nav class="pager" aria-label="الصفحات">
${input.page > 1 ? html`<a rel="prev" href="${href(input.page - 1)}">السابقة</a>` : ""}
${pages.map((n) =>
  n === input.page
    ? html`<a aria-current="page" class="active" href="${href(n)}">${formatNumber(n)}</a>`
    : html`<a href="${href(n)}" aria-label="الصفحة ${formatNumber(n)}">${formatNumber(n)}</a>`,
)}
${input.page < last ? html`<a rel="next" href="${href(input.page + 1)}">التالية</a>` : ""}
</nav>`;
}

/** What the pager pages: stories (copies show as one result), when counted, up to the window. */
function pageable(result: SearchResponse): number {
  return Math.min(result.stories ?? result.total.value, MAX_WINDOW);
}

/** A page beyond the last (an old link, a hand-edited URL): say so, and link to the last one. */
function pastTheEnd(input: SearchInput, count: number): Markup {
  const last = Math.max(1, Math.ceil(count / input.size));
  const href = searchHref(input, { page: last === 1 ? undefined : String(last) });
  return html`<section class="empty" role="status"><h2>لا نتائج في هذه الصفحة</h2>
<p>النتائج تنتهي عند الصفحة ${formatNumber(last)}. <a href="${href}">الصفحة الأخيرة</a></p></section>`;
}

/**
 * The correction of a query whose last word the reader finished (a space or punctuation after it,
 * as the search reads it) is finished too.
 */
function didYouMean(input: SearchInput, suggestion: string | null): Markup {
  if (!suggestion) return html``;
  const q = endsInWord(input.q) ? suggestion : `${suggestion} `;
  return html`<p class="did-you-mean">هل تقصد: <a href="${searchHref(input, { q })}">${suggestion}</a>؟</p>`;
}

/**
 * The results are for `query`, not what was typed: say why (`reason`), and link the query as it was
 * searched (`searched`: a space after a last word read whole, not as the start of a longer one).
 * kind: the notice's class (unquoted phrase, keys typed on the Latin layout, a name in Latin letters).
 */
function readAsNotice(
  input: SearchInput,
  kind: string,
  reason: string,
  query: string | null,
  searched?: string | null,
): Markup {
  if (!query) return html``;
  return html`<p class="did-you-mean ${kind}" role="status">${reason}: <a href="${searchHref(input, { q: searched ?? query })}">${query}</a></p>`;
}

/** A correction or a name is searched whole: its last word is no start of a longer one. */
const whole = (query: string | null) => query && `${query} `;

/** The search ran out of its time budget: say these are the results found until then. */
function partialNotice(partial: boolean): Markup {
  if (!partial) return html``;
  return html`<p class="did-you-mean partial" role="status">استغرق البحث وقتًا أطول من المعتاد؛ هذه النتائج التي وُجدت حتى الآن.</p>`;
}

function emptyState(input: SearchInput, result: SearchResponse | undefined): Markup {
  if (!input.q && !result?.hits.length)
    return html`<section class="empty"><h2>ابدأ البحث</h2>
<p>اكتب كلمة أو عبارة، أو جرّب: <a href="/?q=${encodeURIComponent("الاقتصاد")}">الاقتصاد</a>،
<a href="/?q=${encodeURIComponent("الانتخابات")}">الانتخابات</a>.</p></section>`;
  return html`<section class="empty" role="status"><h2>لا توجد نتائج${input.q ? html` لـ «${input.q}»` : ""}</h2>
<ul><li>تحقّق من الإملاء أو جرّب كلمات أقل أو أعمّ.</li>
<li>أزل بعض المرشحات أو وسّع الفترة الزمنية.</li></ul>
${didYouMean(input, result?.suggestion ?? null)}</section>`;
}

export function searchPage(input: SearchInput, result: SearchResponse | undefined, error?: string): Markup {
  const title = input.q ? `${input.q} - بحث` : "البحث";
  const count = result
    ? html`<p class="result-count" role="status">${result.total.exact ? "" : "أكثر من "}${resultsLabel(result.total.value)}
${result.stories !== null && result.stories !== result.total.value ? html` (${storiesLabel(result.stories)})` : ""}</p>`
    : "";
  const results = result?.hits.length
    ? html`<div class="results-head">${count}${sortLinks(input)}<a class="filters-button" href="#filters">التصفية</a></div>
${readAsNotice(input, "corrected", `لم ترد «${input.q.trim()}» في أي خبر؛ هذه نتائج`, result.corrected_query, whole(result.corrected_query))}
${readAsNotice(input, "unquoted", "لا توجد نتائج للعبارة كما وردت بين علامتَي التنصيص؛ هذه نتائج كلماتها", result.unquoted_query, unquotedQuery(input.q))}
${readAsNotice(input, "arabic-keys", "يبدو أن لوحة المفاتيح كانت على الإنجليزية؛ هذه نتائج", result.arabic_keys_query)}
${readAsNotice(input, "arabic-name", "تكتب الأخبار هذا الاسم بالعربية؛ هذه نتائج", result.arabic_name_query, whole(result.arabic_name_query))}
${partialNotice(result.partial)}
${didYouMean(input, result.suggestion)}
${hitList(result.hits, "نتائج البحث")}
${pager(input, pageable(result))}`
    : result && result.total.value > 0 && input.page > 1
      ? pastTheEnd(input, pageable(result))
      : emptyState(input, result);
  return page({
    title,
    current: "search",
    script: true,
    body: html`<h1 class="visually-hidden">${input.q ? `نتائج البحث عن «${input.q}»` : "البحث في أرشيف الأخبار"}</h1>
${searchForm(input)}
${error ? html`<p class="error" role="alert">${error}</p>` : ""}
<div class="layout">
<section class="results" id="results" aria-label="النتائج">${results}</section>
${result?.hits.length || input.source?.length || input.category?.length ? facets(input, result ?? emptyResult) : ""}
</div>`,
  });
}

const emptyResult: SearchResponse = {
  total: { value: 0, exact: true },
  took_ms: 0,
  partial: false,
  stories: 0,
  hits: [],
  facets: { source: [], category: [], published: [] },
  suggestion: null,
  next_cursor: null,
  corrected_query: null,
  unquoted_query: null,
  arabic_keys_query: null,
  arabic_name_query: null,
};
