/**
 * @module web/static
 * The few files the pages and widgets need, read once at start and served from memory with
 * long-lived caching: the stylesheet, the enhancement script, the embeddable widget and the
 * self-hosted Arabic font from @fontsource (no CDN, so pages work offline and leak no readers).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../http/app-env.js";
import { projectRoot } from "../project-root.js";

interface Asset {
  body: Uint8Array;
  /** Text assets compressed once at start (the widget's size is what embedding sites pay). */
  gzipped?: Uint8Array;
  type: string;
}

const publicDir = join(projectRoot, "public/");
const require = createRequire(import.meta.url);

const TYPES: Record<string, string> = {
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  woff2: "font/woff2",
  svg: "image/svg+xml",
};

/** Only these font files: the Arabic and Latin subsets in the two weights the CSS uses. */
const FONTS = ["arabic-400", "arabic-700", "latin-400", "latin-700"].map(
  (subset) => `noto-naskh-arabic-${subset}-normal.woff2`,
);

function load(path: string): Asset {
  const extension = path.slice(path.lastIndexOf(".") + 1);
  const body = readFileSync(path);
  const type = TYPES[extension] ?? "application/octet-stream";
  return extension === "woff2" ? { body, type } : { body, gzipped: gzipSync(body, { level: 9 }), type };
}

export function loadAssets(): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const name of ["app.css", "app.js"]) assets.set(`/static/${name}`, load(publicDir + name));
  assets.set("/widget.js", load(`${publicDir}widget.js`));
  // Browsers and feed readers ask for /favicon.ico without reading the page; an SVG answers both.
  const icon = load(`${publicDir}favicon.svg`);
  assets.set("/favicon.svg", icon);
  assets.set("/favicon.ico", icon);
  for (const font of FONTS)
    assets.set(`/static/fonts/${font}`, load(require.resolve(`@fontsource/noto-naskh-arabic/files/${font}`)));
  return assets;
}

export function registerStatic(app: OpenAPIHono<AppEnv>, assets = loadAssets()): void {
  const serve = (c: Context) => {
    const asset = assets.get(c.req.path);
    if (!asset) return c.notFound();
    // The widget's URL is pasted into other sites, so it must pick up fixes within the hour;
    // the rest is only referenced by our own pages.
    const maxAge = c.req.path === "/widget.js" ? 3600 : 86_400;
    c.header("Content-Type", asset.type);
    c.header("Cache-Control", `public, max-age=${maxAge}`);
    if (!asset.gzipped) return c.body(asset.body as Uint8Array<ArrayBuffer>);
    c.header("Vary", "Accept-Encoding");
    if (!/\bgzip\b/.test(c.req.header("Accept-Encoding") ?? ""))
      return c.body(asset.body as Uint8Array<ArrayBuffer>);
    c.header("Content-Encoding", "gzip");
    return c.body(asset.gzipped as Uint8Array<ArrayBuffer>);
  };
  app.get("/static/*", serve);
  app.get("/widget.js", serve);
  app.get("/favicon.svg", serve);
  app.get("/favicon.ico", serve);
}
