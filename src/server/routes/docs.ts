/**
 * @module server/routes/docs
 * The OpenAPI 3.1 document, generated from the route schemas, and a plain browsable page of it
 * (self-contained: no external scripts).
 */
import { createHash } from "node:crypto";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/app-env.js";
import { escapeHtml } from "../../text/html.js";

const DOCS_STYLE =
  "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}code{background:#f3f3f3;padding:0 .2rem}section{border-top:1px solid #ddd}";

/** As strict as the pages': no script at all, and only this page's own stylesheet, by its hash. */
const DOCS_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash("sha256").update(DOCS_STYLE).digest("base64")}'`,
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const INFO = {
  title: "Arabic news search API",
  version: "1.0.0",
  description: "Orthography-insensitive search, suggestions and related coverage for Arabic news.",
};

export function registerDocs(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  app.doc31("/api/openapi.json", { openapi: "3.1.0", info: INFO });

  // Routes are all registered before the first request, so the page is rendered once, then reused.
  let page: string | undefined;
  app.get("/api/docs", (c) => {
    page ??= renderDocs(app);
    c.header("Content-Security-Policy", DOCS_CSP);
    return c.html(page);
  });
}

function renderDocs(app: OpenAPIHono<AppEnv>): string {
  const document = app.getOpenAPI31Document({ openapi: "3.1.0", info: INFO });
  const rows = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item ?? {}).map(([method, operation]) => {
      const op = operation as {
        summary?: string;
        parameters?: Array<{ name: string; in: string; description?: string }>;
      };
      const params = (op.parameters ?? [])
        .map(
          (p) =>
            `<li><code>${escapeHtml(p.name)}</code> (${escapeHtml(p.in)}) ${escapeHtml(p.description ?? "")}</li>`,
        )
        .join("");
      return `<section><h2><code>${method.toUpperCase()} ${escapeHtml(path)}</code></h2><p>${escapeHtml(op.summary ?? "")}</p><ul>${params}</ul></section>`;
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${INFO.title}</title><style>${DOCS_STYLE}</style></head><body><h1>${INFO.title}</h1><p>${INFO.description} Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>.</p>${rows.join("")}</body></html>`;
}
