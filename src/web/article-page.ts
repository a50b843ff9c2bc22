/**
 * @module web/article-page
 * One article, its related coverage ("مقالات مشابهة", the same list the embeddable related-articles
 * block shows on a publisher's page) and its story's timeline ("تطور القصة"). Stored text is raw:
 * all of it is escaped.
 */
import { html } from "hono/html";
import type { RelatedResponse, StoredArticle, TimelineResponse } from "../search/responses.js";
import { formatDate, safeExternalUrl } from "./format.js";
import { type Markup, page } from "./layout.js";
import { hitList } from "./results.js";
import { timelineSection } from "./story-page.js";

const paragraphs = (text: string) =>
  text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean);

/** `timeline`: the story's, when it could be built (the page stands without it). */
export function articlePage(
  article: StoredArticle,
  related: RelatedResponse | undefined,
  timeline?: TimelineResponse,
): Markup {
  const original = safeExternalUrl(article.url);
  const relatedBlock = related?.hits.length
    ? hitList(related.hits, "مقالات مشابهة", 3)
    : html`<p class="empty">لا توجد تغطية مشابهة في الأرشيف.</p>`;
  return page({
    title: article.title,
    body: html`<article class="article">
<header>
<h1>${article.title}</h1>
<p class="meta">
<span class="source">${article.source}</span>
<time datetime="${article.published_at}">${formatDate(article.published_at)}</time>
${article.author ? html`<span class="author">${article.author}</span>` : ""}
${article.category ? html`<span class="category">${article.category}</span>` : ""}
</p>
</header>
${article.lead ? html`<p class="lead">${article.lead}</p>` : ""}
<div class="body">${paragraphs(article.body).map((text) => html`<p>${text}</p>`)}</div>
${
  article.tags?.length
    ? html`<ul class="tags" aria-label="الوسوم">${article.tags.map((tag) => html`<li>${tag}</li>`)}</ul>`
    : ""
}
${original ? html`<p><a href="${original}" rel="noopener noreferrer nofollow">المصدر الأصلي</a></p>` : ""}
</article>
<section class="related" aria-labelledby="related-heading">
<h2 id="related-heading">مقالات مشابهة</h2>
${related ? relatedBlock : html`<p class="error" role="alert">تعذّر تحميل التغطية المشابهة الآن.</p>`}
</section>
${timeline ? timelineSection(timeline) : ""}`,
  });
}

export function notFoundPage(id: string): Markup {
  return page({
    title: "غير موجود",
    body: html`<section class="empty"><h1>المقال غير موجود</h1>
<p>لا يوجد في الأرشيف مقال بالمعرّف «${id}».</p>
<p><a href="/">العودة إلى البحث</a></p></section>`,
  });
}

export function errorPage(message: string): Markup {
  return page({
    title: "خطأ",
    body: html`<section class="empty" role="alert"><h1>تعذّر إكمال الطلب</h1><p>${message}</p>
<p><a href="/">العودة إلى البحث</a></p></section>`,
  });
}
