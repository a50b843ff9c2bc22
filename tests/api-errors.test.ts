/**
 * The API under trouble: every error status as problem+json, the write endpoints' keys, CORS,
 * rate limiting, Elasticsearch going away and coming back without a restart, bad config.
 */
import { type AddressInfo, createServer, Socket } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from "vitest";
import { ConfigError, parseEnv, ServerConfigSchema } from "../src/config.js";
import { createPhysicalIndex } from "../src/es/indices.js";
import { loadFixtures, TEST_API_KEY, testApp } from "./helpers/api.js";
import { LOOSE_PARAMETERS, TAMPERED_CURSORS } from "./helpers/crafted-params.js";
import { removeTestIndices, uniqueAlias } from "./helpers/es.js";

const alias = uniqueAlias("errors");
const { app, client } = testApp(alias);

beforeAll(async () => {
  await loadFixtures(client, alias, [join(import.meta.dirname, "fixtures/articles.jsonl")]);
});
afterAll(async () => {
  await removeTestIndices(client, alias);
  await client.close();
});

async function expectProblem(response: Response, status: number, mentions?: RegExp) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toContain("application/problem+json");
  const body = (await response.json()) as {
    status: number;
    detail: string;
    title: string;
    errors?: Array<{ parameter: string }>;
  };
  expect(body.status).toBe(status);
  if (mentions) expect(body.detail).toMatch(mentions);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/);
  return body;
}

const article = {
  id: "api-write-1",
  title: "خبر من نظام إدارة المحتوى",
  body: "نص الخبر كما أرسله نظام إدارة المحتوى.",
  source: "غرفة الأخبار",
  published_at: "2025-04-01T08:00:00+03:00",
};
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const auth = { authorization: `Bearer ${TEST_API_KEY}` };

describe("400 for bad parameters, naming them", () => {
  it.each([
    ["size=500", /size/],
    ["page=0", /page/],
    ["sort=random", /sort/],
    ["from=yesterday", /from/],
    [`q=${"ب".repeat(600)}`, /q:/],
    ["highlight=maybe", /highlight/],
    ["cursor=***", /cursor/],
    ["page=200&size=100", /page/],
    ["page=2&cursor=WyIyMDI1LTA0LTEyVDEzOjA1OjAwLjAwMFoiLDEsImlkIl0", /page and cursor/],
  ])("GET /api/search?%s", async (query, mentions) => {
    await expectProblem(await app.request(`/api/search?${query}`), 400, mentions);
  });

  it("POST /api/related without text", async () => {
    await expectProblem(await post("/api/related", {}), 400, /text/);
  });

  it.each(LOOSE_PARAMETERS)("GET %s names %s", async (path, parameter) => {
    const body = await expectProblem(await app.request(path), 400);
    expect(body.errors?.map((error) => error.parameter)).toEqual([parameter]);
  });

  it("says a URL is too long, not that it is no URL", async () => {
    const url = `https://news.example/${"a".repeat(2_100)}`;
    const body = await expectProblem(await app.request(`/api/related?url=${url}`), 400, /url: .*2048/);
    expect(body.detail).not.toMatch(/http\(s\) URL/);
  });

  it("answers no suggestions, and no error, for fewer than two letters", async () => {
    for (const q of ["ا", "ا.", " "]) {
      const response = await app.request(`/api/suggest?q=${encodeURIComponent(q)}`);
      expect(response.status, q).toBe(200);
      expect(await response.json()).toEqual({ suggestions: [] });
    }
    const two = await app.request(`/api/suggest?q=${encodeURIComponent("بوت")}`);
    expect(((await two.json()) as { suggestions: unknown[] }).suggestions.length).toBeGreaterThan(0);
    await expectProblem(await app.request("/api/suggest"), 400, /q/);
  });

  it("titles a 415 for what it is", async () => {
    const response = await app.request("/api/related", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "text",
    });
    const body = await expectProblem(response, 415, /Content-Type/);
    expect(body.title).toBe("Unsupported media type");
  });
});

describe("cursors", () => {
  it.each(TAMPERED_CURSORS)("refuses %s with a 400 naming cursor", async (_, query) => {
    const body = await expectProblem(await app.request(`/api/search?${query}`), 400, /cursor/);
    expect(body.errors?.map((error) => error.parameter)).toEqual(["cursor"]);
  });

  it("pages on with a genuine one, newest first", async () => {
    const page = async (query: string) =>
      (await (await app.request(`/api/search?${query}`)).json()) as {
        hits: Array<{ id: string }>;
        next_cursor: string | null;
      };
    const whole = await page("sort=newest&size=10");
    const first = await page("sort=newest&size=2");
    const second = await page(`sort=newest&size=2&cursor=${first.next_cursor}`);
    // No query is newest first too: the cursor goes on without sort=newest.
    const third = await page(`size=2&cursor=${second.next_cursor}`);
    const ids = (...pages: Array<{ hits: Array<{ id: string }> }>) =>
      pages.flatMap((one) => one.hits.map((hit) => hit.id));
    expect(whole.hits.length).toBeGreaterThan(4);
    expect(ids(first, second, third)).toEqual(ids(whole).slice(0, 6));
  });
});

describe("Elasticsearch refusing a request", () => {
  it("is a 400 problem that shows none of its text", async () => {
    // An index whose dates are text: Elasticsearch refuses to sort by them, with a 400.
    const textDates = `${alias}-text-dates`;
    await client.indices.create({
      index: `${textDates}-1`,
      aliases: { [textDates]: {} },
      mappings: { properties: { published_at: { type: "text" } } },
    });
    const { app: refused, client: refusedClient } = testApp(textDates);
    const body = await expectProblem(await refused.request("/api/search?sort=newest"), 400);
    expect(JSON.stringify(body)).not.toMatch(/exception|published_at|fielddata/i);
    await refusedClient.close();
  });
});

describe("write endpoints", () => {
  it("refuse a missing key (401) and a wrong key (403)", async () => {
    await expectProblem(await post("/api/articles", article), 401);
    await expectProblem(
      await post("/api/articles", article, { authorization: "Bearer wrong-key-wrong-key-x" }),
      403,
    );
    await expectProblem(await app.request("/api/articles/x", { method: "DELETE" }), 401);
  });

  it("create, replace, bulk-load and delete with a key", async () => {
    const created = await post("/api/articles?refresh=true", article, auth);
    expect(created.status).toBe(201);
    const replaced = await app.request("/api/articles/api-write-1?refresh=true", {
      method: "PUT",
      headers: { "content-type": "application/json", "x-api-key": TEST_API_KEY },
      body: JSON.stringify({ ...article, title: "عنوان معدل" }),
    });
    expect(((await replaced.json()) as { results: Array<{ status: string }> }).results[0]?.status).toBe(
      "updated",
    );
    const ndjson = `${JSON.stringify({ ...article, id: "api-write-2" })}\nnot json\n${JSON.stringify({ ...article, id: "api-write-3", body: "" })}\n`;
    const bulk = await app.request("/api/articles/_bulk?refresh=true", {
      method: "POST",
      headers: { "content-type": "application/x-ndjson", ...auth },
      body: ndjson,
    });
    const { results } = (await bulk.json()) as {
      results: Array<{ line: number; status: string; reason?: string }>;
    };
    expect(results.map((r) => [r.line, r.status])).toEqual([
      [1, "created"],
      [2, "rejected"],
      [3, "rejected"],
    ]);
    expect(results[2]?.reason).toMatch(/body/);
    expect((await app.request("/api/articles/api-write-1")).status).toBe(200);
    expect((await app.request("/api/articles/api-write-1", { method: "DELETE", headers: auth })).status).toBe(
      204,
    );
    await expectProblem(
      await app.request("/api/articles/api-write-1", { method: "DELETE", headers: auth }),
      404,
    );
  });

  it("answer 503 naming the fix when the alias points at several indices and none takes writes", async () => {
    // An archive split in two by an operator, one alias over both and neither marked for writes.
    const split = uniqueAlias("errors-split");
    onTestFinished(() => removeTestIndices(client, split));
    const indices: string[] = [];
    for (const year of ["2016", "2024"]) {
      indices.push(await createPhysicalIndex(client, `${split}-${year}`));
      await client.indices.putAlias({ index: indices.at(-1) as string, name: split });
    }
    const { app: splitApp, client: splitClient } = testApp(split);
    onTestFinished(() => splitClient.close());
    const write = (method: string, path: string, body?: string, type = "application/json") =>
      splitApp.request(path, { method, headers: { "content-type": type, ...auth }, body });
    const one = JSON.stringify(article);
    for (const response of [
      await write("POST", "/api/articles", one),
      await write("PUT", "/api/articles/api-write-1", one),
      await write("POST", "/api/articles/_bulk", `${one}\n`, "application/x-ndjson"),
      await write("DELETE", "/api/articles/api-write-1"),
    ])
      await expectProblem(response, 503, new RegExp(`${split}.*is_write_index`));
    // Marked, the same write goes through.
    await client.indices.putAlias({ index: indices[1] as string, name: split, is_write_index: true });
    expect((await write("POST", "/api/articles", one)).status).toBe(201);
  });

  it("replace and delete an article in the index holding it when the alias spans several", async () => {
    // An archive the alias first held alone, then beside this year's index, which takes writes.
    const split = uniqueAlias("errors-archive");
    onTestFinished(() => removeTestIndices(client, split));
    const archive = await createPhysicalIndex(client, `${split}-2016`);
    const current = await createPhysicalIndex(client, `${split}-2024`);
    await client.indices.putAlias({ index: archive, name: split });
    const { app: splitApp, client: splitClient } = testApp(split);
    onTestFinished(() => splitClient.close());
    // No refresh between writes: an article written a moment ago is found where it lives.
    const write = (method: string, body?: object) =>
      splitApp.request(`/api/articles/${article.id}`, {
        method,
        headers: { "content-type": "application/json", ...auth },
        body: body && JSON.stringify(body),
      });
    expect((await write("PUT", article)).status).toBe(200);
    await client.indices.putAlias({ index: current, name: split, is_write_index: true });
    const held = async () => {
      await client.indices.refresh({ index: split });
      const { hits } = await client.search({ index: split, query: { ids: { values: [article.id] } } });
      return hits.hits.map((hit) => [hit._index, (hit._source as { title: string }).title]);
    };
    const revised = { ...article, title: "خبر منقح من نظام إدارة المحتوى" };
    expect((await write("PUT", revised)).status).toBe(200);
    expect(await held()).toEqual([[archive, revised.title]]);
    expect((await write("DELETE")).status).toBe(204);
    expect(await held()).toEqual([]);
  });

  it("reject an invalid article with 422 and the reason", async () => {
    const response = await post("/api/articles", { ...article, published_at: "soon" }, auth);
    expect(response.status).toBe(422);
    expect(JSON.stringify(await response.json())).toContain("published_at");
  });

  it("answer 400 for a body that is not JSON and 413 for one too large", async () => {
    await expectProblem(await post("/api/articles", "{not json", auth), 400, /JSON/);
    const { app: small } = testApp(alias, { MAX_BODY_BYTES: "1000" });
    const big = await small.request("/api/articles/_bulk", {
      method: "POST",
      headers: { "content-type": "application/x-ndjson", ...auth },
      body: JSON.stringify({ ...article, body: "ن".repeat(5_000) }),
    });
    const body = await expectProblem(big, 413);
    expect(body.title).toBe("Payload too large");
  });
});

describe("CORS, rate limiting, unknown routes", () => {
  it("allows the configured origin and no other", async () => {
    const allowed = await app.request("/api/search?q=x", { headers: { origin: "https://news.example" } });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://news.example");
    const denied = await app.request("/api/search?q=x", { headers: { origin: "https://evil.example" } });
    expect(denied.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("lets any site read and none write when no origins are configured", async () => {
    const { app: open } = testApp(alias, { CORS_ORIGINS: "" });
    const origin = { origin: "https://any-publisher.example" };
    const read = await open.request("/api/search?q=x", { headers: origin });
    expect(read.headers.get("access-control-allow-origin")).toBe("*");
    const writePreflight = await open.request("/api/articles", {
      method: "OPTIONS",
      headers: { ...origin, "access-control-request-method": "POST" },
    });
    expect(writePreflight.headers.get("access-control-allow-origin")).toBeNull();
    const readPreflight = await open.request("/api/search?q=x", {
      method: "OPTIONS",
      headers: { ...origin, "access-control-request-method": "GET" },
    });
    expect(readPreflight.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("answers 429 with Retry-After past the limit", async () => {
    const { app: limited } = testApp(alias, { RATE_LIMIT_PER_MINUTE: "3" });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await limited.request("/api/search?q=x")).status);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    const last = await limited.request("/api/search?q=x");
    await expectProblem(last, 429);
    expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("answers 404 as problem+json for an unknown route", async () => {
    await expectProblem(await app.request("/api/nothing"), 404);
  });

  it("sends ETag and Cache-Control on GETs, and security headers", async () => {
    const response = await app.request("/api/search?q=x");
    expect(response.headers.get("etag")).toBeTruthy();
    expect(response.headers.get("cache-control")).toContain("max-age");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const again = await app.request("/api/search?q=x", {
      headers: { "if-none-match": response.headers.get("etag") ?? "" },
    });
    expect([200, 304]).toContain(again.status);
  });
});

/**
 * A TCP relay to the test node on `port` (0: any free one), its answers held back `delayMs`: a
 * node that goes away when closed (live keep-alive connections cut too), or a slow one.
 */
async function esRelay({ port = 0, delayMs = 0 } = {}) {
  const target = new URL(inject("esUrls")[0] ?? "");
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    const upstream = new Socket();
    sockets.add(socket).add(upstream);
    upstream.connect(Number(target.port), target.hostname);
    socket.pipe(upstream);
    if (delayMs)
      upstream.on("data", (chunk) => setTimeout(() => socket.writable && socket.write(chunk), delayMs));
    else upstream.pipe(socket);
    socket.on("error", () => upstream.destroy());
    upstream.on("error", () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const bound = (server.address() as AddressInfo).port;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  return { port: bound, url: `http://127.0.0.1:${bound}`, close };
}

describe("Elasticsearch unreachable", () => {
  it("answers 503 with Retry-After while down, keeps /healthz up, and recovers without a restart", async () => {
    let node = await esRelay();
    const { app: proxied, client: proxiedClient } = testApp(alias, {}, [node.url]);
    expect((await proxied.request("/api/search?q=x")).status).toBe(200);
    expect((await proxied.request("/readyz")).status).toBe(200);

    await node.close();
    const down = await proxied.request("/api/search?q=x");
    await expectProblem(down, 503, /unreachable/);
    expect(down.headers.get("retry-after")).toBeTruthy();
    expect((await proxied.request("/readyz")).status).toBe(503);
    expect((await proxied.request("/healthz")).status).toBe(200);

    node = await esRelay({ port: node.port });
    let recovered = 0;
    for (let i = 0; i < 40 && recovered !== 200; i++) {
      recovered = (await proxied.request("/api/search?q=x")).status;
      if (recovered !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(recovered).toBe(200);
    await node.close();
    await proxiedClient.close();
  });
});

describe("Elasticsearch slow", () => {
  it("answers a reader 503 at SEARCH_TIMEOUT_MS however many requests the search sends, and lets writes finish", async () => {
    // Every answer 800 ms late: a search of several requests adds them up.
    const node = await esRelay({ delayMs: 800 });
    const patient = testApp(alias, {}, [node.url]);
    const hurried = testApp(alias, { SEARCH_TIMEOUT_MS: "1000" }, [node.url]);
    const query = `/api/search?q=${encodeURIComponent("السيسي")}`;
    // Through the slow node, with time enough, the same search succeeds: only the deadline differs.
    expect((await patient.app.request(query)).status).toBe(200);

    const started = performance.now();
    const cut = await hurried.app.request(query);
    const elapsed = performance.now() - started;
    await expectProblem(cut, 503, /overloaded/);
    expect(cut.headers.get("retry-after")).toBeTruthy();
    // Each request alone is within the client's timeout; it is the search's sum that is cut.
    expect(elapsed).toBeLessThan(2_000);

    const written = await hurried.app.request("/api/articles/api-slow-1", {
      method: "PUT",
      headers: { "content-type": "application/json", ...auth },
      body: JSON.stringify({ ...article, id: "api-slow-1" }),
    });
    expect(written.status).toBeLessThan(300);
    await node.close();
    await patient.client.close();
    await hurried.client.close();
  });
});

describe("configuration", () => {
  it("names every bad variable", () => {
    let message = "";
    try {
      parseEnv(ServerConfigSchema, {
        PORT: "eighty",
        API_KEYS: "short",
        ES_URL: "ftp://x",
        ES_USERNAME: "elastic",
      });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    for (const variable of ["PORT", "API_KEYS", "ES_URL"]) expect(message).toContain(variable);
  });
});
