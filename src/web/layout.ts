/**
 * @module web/layout
 * The page shell every reader page shares: Arabic, right to left, a skip link, the site header
 * with its navigation, and only same-origin styles, fonts and scripts (see PAGE_CSP).
 */
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

export type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

/**
 * Pages load nothing inline and nothing from elsewhere, so a policy this strict costs nothing
 * and makes any escaping slip inert: an injected <script> or onerror= would not run.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join("; ");

export interface PageOptions {
  title: string;
  /** Which navigation entry is the current page. */
  current?: "search" | "editor";
  body: Markup;
  /** Load the suggestions enhancement (the search page). */
  script?: boolean;
}

export function page({ title, current, body, script }: PageOptions): Markup {
  const nav = (href: string, label: string, key: PageOptions["current"]) =>
    html`<a href="${href}"${current === key ? html` aria-current="page"` : ""}>${label}</a>`;
  return html`<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · أرشيف الأخبار</title>
<link rel="preload" href="/static/fonts/noto-naskh-arabic-arabic-400-normal.woff2" as="font" type="font/woff2" crossorigin>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/app.css">
${script ? html`<script src="/static/app.js" defer></script>` : ""}
</head>
<body>
<a class="skip" href="#main">انتقل إلى المحتوى</a>
<header class="site">
<a class="brand" href="/">أرشيف الأخبار</a>
<nav aria-label="الأقسام">${nav("/", "البحث", "search")} ${nav("/editor", "مساعد المحرر", "editor")}</nav>
</header>
<main id="main" tabindex="-1">
${body}
</main>
<footer class="site"><p>بحث في الأخبار العربية · <a href="/api/docs">واجهة البرمجة</a></p></footer>
</body>
</html>`;
}
