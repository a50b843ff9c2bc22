/**
 * @module web/story-page
 * A story's page (/stories/:id): every outlet's version of it, oldest first, so an editor sees who
 * ran it when; then its timeline. The timeline section ("تطور القصة") is the article page's too:
 * the stories of the event's coverage over the days around it, each by its first report.
 */
import { html } from "hono/html";
import type { StoryArticle, StoryResponse, TimelineResponse } from "../search/responses.js";
import { articleHref, formatDateTime } from "./format.js";
import { type Markup, page } from "./layout.js";
import { arabicCount, sourcesLabel, storyHref } from "./results.js";

const articlesLabel = (count: number) =>
  arabicCount(count, { one: "مقال واحد", two: "مقالان", few: "مقالات", many: "مقالًا", other: "مقال" });

function published(article: StoryArticle): Markup {
  return html`<time datetime="${article.published_at}">${formatDateTime(article.published_at)}</time>`;
}

function storyArticle(article: StoryArticle): Markup {
  return html`<li class="hit">
<h3 class="title"><a href="${articleHref(article.id)}">${article.title}</a></h3>
<p class="meta"><span class="source">${article.source}</span> ${published(article)}
${article.category ? html`<span class="category">${article.category}</span>` : ""}</p>
</li>`;
}

export function storyPage(story: StoryResponse, page1: boolean, timeline?: TimelineResponse): Markup {
  const first = story.articles[0];
  const more = story.next_page
    ? html`<p><a rel="next" href="${storyHref(story.story)}?page=${story.next_page}">المزيد من المقالات</a></p>`
    : "";
  return page({
    title: first ? first.title : "قصة",
    body: html`<article class="story">
<header>
<p class="kicker">قصة</p>
<h1>${first?.title ?? ""}</h1>
<p class="meta story-count">نشرها ${sourcesLabel(story.sources)} في ${articlesLabel(story.total)}</p>
</header>
<section aria-labelledby="story-articles">
<h2 id="story-articles">من نشرها ومتى${page1 ? "" : html` (تتمة)`}</h2>
<ol class="hits story-articles" aria-label="مقالات القصة، الأقدم أولًا">${story.articles.map(storyArticle)}</ol>
${more}
</section>
</article>
${timeline ? timelineSection(timeline) : ""}`,
  });
}

/** The event's coverage over days: one entry per story, at its first report, the current one marked. */
export function timelineSection(timeline: TimelineResponse): Markup {
  const others = timeline.stories.filter((entry) => !entry.current).length;
  const entries = timeline.stories.map(
    (entry) => html`<li${entry.current ? html` class="current" aria-current="true"` : ""}>
${published(entry.first_report)}
<a class="title" href="${articleHref(entry.first_report.id)}">${entry.first_report.title}</a>
<span class="source">${entry.first_report.source}</span>
<a class="copies" href="${storyHref(entry.story)}">${sourcesLabel(entry.sources)}</a>
${entry.current ? html`<span class="badge">هذه القصة</span>` : ""}
</li>`,
  );
  return html`<section class="timeline" aria-labelledby="timeline-heading">
<h2 id="timeline-heading">تطور القصة</h2>
${
  others
    ? html`<ol class="timeline-entries">${entries}</ol>`
    : html`<p class="empty">لا تغطية أخرى لهذا الحدث خلال ${daysLabel(daysEachSide(timeline))} قبل أول خبر عنه أو بعده.</p>`
}
</section>`;
}

/** How far the window reaches either side of the story's first report, in whole days. */
function daysEachSide(timeline: TimelineResponse): number {
  return Math.round((Date.parse(timeline.window.to) - Date.parse(timeline.window.from)) / 2 / 86_400_000);
}

/** After خلال: «يومين»، «٣ أيام»، «١٤ يومًا». */
const daysLabel = (count: number) =>
  arabicCount(count, { one: "يوم واحد", two: "يومين", few: "أيام", many: "يومًا", other: "يوم" });

export function storyNotFoundPage(id: string): Markup {
  return page({
    title: "غير موجود",
    body: html`<section class="empty"><h1>القصة غير موجودة</h1>
<p>لا يوجد في الأرشيف مقال من القصة «${id}».</p>
<p><a href="/">العودة إلى البحث</a></p></section>`,
  });
}
