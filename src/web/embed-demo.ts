/**
 * @module web/embed-demo
 * A publisher's article page that embeds both widgets exactly as docs/embedding.md shows, served
 * on a port of its own: another origin, as a third-party site is. `npm start` runs it beside the
 * API so a newcomer sees the widgets work where they will be used.
 */
import { createServer } from "node:http";

/**
 * The page, pointed at the API at `api` (its origin, no trailing slash), with the related block of
 * the article `articleId` when there is one to relate to. Values are the start command's own.
 */
export function embedDemoPage(api: string, articleId?: string): string {
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>صحيفة تجريبية: مثال تضمين البحث</title>
<style>body{font-family:Tahoma,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.7}
arabic-news-search,arabic-news-related{margin:1.5rem 0;--ans-accent:#7a1f1f}</style>
<script src="${api}/widget.js" defer></script>
</head>
<body>
<h1>صحيفة تجريبية</h1>
<p>صفحة ناشر على أصل آخر غير واجهة البحث، تضمّن المكوّنين كما يضمّنهما أي موقع.</p>
<arabic-news-search api="${api}" size="5"></arabic-news-search>
<article><h2>مقال الناشر</h2><p>نص المقال…</p></article>
${articleId ? `<arabic-news-related api="${api}" article-id="${encodeURIComponent(articleId)}" size="4"></arabic-news-related>` : ""}
</body>
</html>`;
}

export interface RunningDemo {
  url: string;
  close: () => Promise<void>;
}

/** Serves the page on `host:port` (0: any free port). */
export async function startEmbedDemo({
  api,
  articleId,
  host,
  port,
}: {
  api: string;
  articleId?: string;
  host: string;
  port: number;
}): Promise<RunningDemo> {
  const page = embedDemoPage(api, articleId);
  const server = createServer((_request, response) => {
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.end(page);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const bound = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${bound}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
