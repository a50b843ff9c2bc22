/**
 * Hostile and malformed input, generated: random Unicode (RTL marks, combining marks, lone
 * surrogates, NUL), huge strings, Lucene syntax, regex and wildcard bombs, deep JSON, wrong types,
 * against every parameter and body. Never a 5xx, never a stack trace; a 4xx is problem+json that
 * names the parameter. Also: API keys are never logged, revoked keys stop working.
 */
import { Writable } from "node:stream";
import fc from "fast-check";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createEsClient } from "../../src/es/client.js";
import { ensureIndex } from "../../src/es/indices.js";
import { createApp } from "../../src/server/app.js";
import { TEST_API_KEY, testApp, testConfig } from "../helpers/api.js";
import { removeTestIndices, uniqueAlias } from "../helpers/es.js";
import { record, short } from "./helpers/record.js";

const alias = uniqueAlias("hostile");
const { app, client } = testApp(alias);
const runs = short ? 60 : 300;
const failures: string[] = [];
let checked = 0;
let slowest = 0;

beforeAll(async () => {
  await ensureIndex(client, alias);
});
afterAll(async () => {
  record({
    scenario: "Hostile and malformed input (property-based)",
    done: `${checked} generated requests over every parameter and body (fast-check, ${runs} runs a property)`,
    figures: { "5xx or stack traces": failures.length, "slowest answer (ms)": slowest },
    target: "no 5xx, no stack trace, problem+json naming the parameter, bounded time",
    pass: failures.length === 0 && slowest < 5_000,
  });
  await removeTestIndices(client, alias);
  await client.close();
});

const hostileString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 100 }),
  fc.constantFrom(
    "\u202E\u200F\u061C",
    "\u0301\u0301\u0301",
    "\uD800",
    "\uDFFF",
    "\u0000",
    "*:*",
    "a~99999",
    "/.*.*.*.*.*/",
    "((((((((((((",
    "title:[* TO *]",
    "\\",
    '"',
    "?".repeat(400),
    "*".repeat(400),
    "السيسي".repeat(200),
    "<script>alert(1)</script>",
    "%00",
    "OR OR AND NOT",
    "-".repeat(50),
  ),
  fc.string({ minLength: 400, maxLength: 5_000 }),
);

/** Percent-encodes anything; a lone surrogate becomes the malformed bytes a hostile client sends. */
function encodeHostile(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    const wellFormed = value.replace(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      "",
    );
    return `${encodeURIComponent(wellFormed)}%ED%A0%80`;
  }
}

async function check(request: Request | string, init?: RequestInit, parameter?: string): Promise<void> {
  const started = Date.now();
  const response = await app.request(request, init);
  slowest = Math.max(slowest, Date.now() - started);
  checked++;
  const text = await response.text();
  const where = typeof request === "string" ? request.slice(0, 120) : request.url;
  if (response.status >= 500 || /at \S+\.(ts|js):\d+/.test(text))
    failures.push(`${response.status} ${where}`);
  expect(response.status, `${where}: ${text.slice(0, 300)}`).toBeLessThan(500);
  // The API answers problem+json; pages answer an HTML error page.
  if (response.status >= 400 && where.startsWith("/api")) {
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    if (parameter && response.status === 400) expect(text).toContain(parameter);
  }
}

describe("random input to every parameter", () => {
  it.each(["q", "page", "size", "source", "category", "from", "to", "sort", "highlight", "cursor"])(
    "/api/search?%s=…",
    async (parameter) => {
      await fc.assert(
        fc.asyncProperty(hostileString, async (value) => {
          await check(`/api/search?${new URLSearchParams({ [parameter]: value })}`, undefined, parameter);
        }),
        { numRuns: runs },
      );
    },
    120_000,
  );

  it("/api/suggest and /api/articles/:id/related", async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, hostileString, async (q, id) => {
        await check(`/api/suggest?${new URLSearchParams({ q })}`, undefined, "q");
        await check(`/api/articles/${encodeHostile(id)}/related`);
        await check(`/api/articles/${encodeHostile(id)}`);
        await check(`/articles/${encodeHostile(id)}`);
        await check(`/?${new URLSearchParams({ q })}`);
      }),
      { numRuns: runs },
    );
  }, 120_000);

  it("bodies: deep JSON, wrong types, random text", async () => {
    const body = fc.oneof(
      fc.json({ depthSize: "large" }),
      fc.anything().map((value) => {
        try {
          return JSON.stringify(value) ?? "null";
        } catch {
          return "{}";
        }
      }),
      fc.constant(`${"[".repeat(5_000)}${"]".repeat(5_000)}`),
      hostileString,
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const init = (headers: Record<string, string> = {}) => ({
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: text,
        });
        await check("/api/related", init());
        await check("/api/articles", init({ authorization: `Bearer ${TEST_API_KEY}` }));
        await check("/api/articles/_bulk", init({ authorization: `Bearer ${TEST_API_KEY}` }));
      }),
      { numRuns: runs },
    );
  }, 180_000);
});

describe("API keys", () => {
  it("are never written to the log, and a revoked key stops working", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const config = testConfig(alias, { LOG_LEVEL: "info" });
    const logged = createApp({ client, config, logger: pino({ level: "info" }, sink) });
    const secret = TEST_API_KEY;
    await logged.request("/api/articles", {
      method: "POST",
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
      body: JSON.stringify({ title: "x" }),
    });
    await logged.request("/api/articles", {
      method: "POST",
      headers: { "x-api-key": `${secret}-wrong` },
      body: "{}",
    });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join("\n")).not.toContain(secret);

    const revoked = createApp({
      client: createEsClient({ nodes: inject("esUrls"), config }),
      config: testConfig(alias, { API_KEYS: "another-key-0123456789" }),
      logger: pino({ level: "silent" }),
    });
    const response = await revoked.request("/api/articles", {
      method: "POST",
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
      body: "{}",
    });
    expect(response.status).toBe(403);
  });
});
