/**
 * The production build end to end (`npm run test:smoke` builds first): the built importer loads
 * the fixtures, `node dist/serve.js` serves them from a folder laid out like the Docker image, and
 * every kind of route answers over HTTP: ops, search, suggest, related, pages, assets, OpenAPI, a
 * keyed write; the terminal command searches the same index; SIGTERM drains to exit 0.
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { RelatedResponse, SearchResponse } from "../../src/search/responses.js";
import { removeTestIndices, testClient, uniqueAlias } from "../helpers/es.js";
import { type BuiltServer, runBuilt, stageRuntime, startBuiltServer } from "./runtime.js";

const KEY = "smoke-key-0123456789abcdef";
const alias = uniqueAlias("smoke");
const env = { ES_URL: inject("esUrls").join(","), ES_INDEX_ALIAS: alias, API_KEYS: KEY };
const client = testClient();
let dir: string;
let server: BuiltServer;

const get = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);
const q = (text: string) => encodeURIComponent(text);

beforeAll(async () => {
  dir = await stageRuntime();
  const fixtures = join(import.meta.dirname, "../fixtures/articles.jsonl");
  const imported = await runBuilt(
    dir,
    "index-command.js",
    [fixtures, "--rejects", join(dir, "rejects.ndjson")],
    env,
  );
  if (imported.code !== 0)
    throw new Error(`node dist/index-command.js exited with ${imported.code}:\n${imported.stderr}`);
  server = await startBuiltServer(dir, env);
});

afterAll(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
  await removeTestIndices(client, alias);
  await client.close();
});

describe("the built server", () => {
  it("answers /healthz and /readyz", async () => {
    expect(await (await get("/healthz")).json()).toEqual({ status: "ok" });
    expect(await (await get("/readyz")).json()).toMatchObject({ status: "ready", alias });
  });

  it("searches the imported articles", async () => {
    const response = await get(`/api/search?q=${q("بوتين")}`);
    expect(response.status).toBe(200);
    const ids = ((await response.json()) as SearchResponse).hits.map((hit) => hit.id);
    expect(ids).toEqual(expect.arrayContaining(["fx-sisi-1", "fx-china-1"]));
  });

  it("suggests titles while a word is typed", async () => {
    const response = await get(`/api/suggest?q=${q("بوتين وش")}`);
    const { suggestions } = (await response.json()) as { suggestions: Array<{ id: string }> };
    expect(suggestions.map((s) => s.id)).toContain("fx-china-1");
  });

  it("finds related coverage", async () => {
    const response = await get("/api/articles/fx-sisi-1/related");
    expect(response.status).toBe(200);
    const ids = ((await response.json()) as RelatedResponse).hits.map((hit) => hit.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain("fx-sisi-1");
  });

  it("renders the search and article pages", async () => {
    const search = await get(`/?q=${q("بوتين")}`);
    expect(search.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await search.text()).toContain("شي جين بينغ");
    const article = await (await get("/articles/fx-china-1")).text();
    expect(article).toContain("بوتين وشي جين بينغ يؤكدان متانة العلاقات الروسية الصينية");
  });

  it("serves the widget, stylesheet and font from public/ and node_modules", async () => {
    const widget = await get("/widget.js");
    expect(widget.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(await widget.text()).toContain("customElements.define");
    expect((await get("/static/app.css")).status).toBe(200);
    const font = await get("/static/fonts/noto-naskh-arabic-arabic-400-normal.woff2");
    expect(font.headers.get("content-type")).toBe("font/woff2");
    expect((await font.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
  });

  it("publishes its OpenAPI document and docs page", async () => {
    const document = (await (await get("/api/openapi.json")).json()) as { openapi: string; paths: object };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toContain("/api/search");
    expect((await get("/api/docs")).status).toBe(200);
  });

  it("writes with a key only, and the article is then found", async () => {
    const article = {
      id: "smoke-write-1",
      title: "افتتاح جسر جديد فوق النهر",
      body: "افتتحت المحافظة جسرا جديدا فوق النهر يربط ضفتيه.",
      source: "اختبار",
      published_at: "2025-06-01T08:00:00Z",
    };
    const post = (headers: Record<string, string>) =>
      get("/api/articles?refresh=true", {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(article),
      });
    expect((await post({})).status).toBe(401);
    expect((await post({ authorization: `Bearer ${KEY}` })).status).toBe(201);
    const found = (await (await get(`/api/search?q=${q("جسر النهر")}`)).json()) as SearchResponse;
    expect(found.hits.map((hit) => hit.id)).toContain("smoke-write-1");
  });

  it("has the built terminal command search the same index", async () => {
    const result = await runBuilt(dir, "search-command.js", ["بوتين", "--raw", "--size", "3"], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("fx-china-1");
  });

  it("logged every request as JSON without an error, and drains on SIGTERM to exit 0", async () => {
    expect(server.logs.some((entry) => entry.path === "/api/search" && entry.status === 200)).toBe(true);
    expect(server.logs.filter((entry) => Number(entry.level) >= 50)).toEqual([]);
    expect(await server.stop()).toBe(0);
  });
});
