/**
 * Tampered cursors and loosely written parameters, sent over loopback to a real listener with the
 * app's log captured: each must be a 400 problem+json naming the parameter, with no 5xx and no
 * stack trace in the answers or in the log.
 */
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { Writable } from "node:stream";
import { type ServerType, serve } from "@hono/node-server";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createEsClient } from "../../src/es/client.js";
import { createApp } from "../../src/server/app.js";
import { loadFixtures, testConfig } from "../helpers/api.js";
import { LOOSE_PARAMETERS, TAMPERED_CURSORS } from "../helpers/crafted-params.js";
import { removeTestIndices, uniqueAlias } from "../helpers/es.js";
import { record } from "./helpers/record.js";

const alias = uniqueAlias("hardening");
const config = testConfig(alias, { LOG_LEVEL: "info" });
const client = createEsClient({ nodes: inject("esUrls"), config });
const logLines: string[] = [];
const log = new Writable({
  write(chunk, _encoding, done) {
    logLines.push(...String(chunk).split("\n").filter(Boolean));
    done();
  },
});
const app = createApp({ client, config, logger: pino({ level: "info" }, log) });
let server: ServerType;
let base = "";

const STACK = /at \S+\.(ts|js):\d+|"stack":/;

interface Tally {
  sent: number;
  named: number;
  serverErrors: number;
  stacks: number;
  misses: string[];
}
const tally = (): Tally => ({ sent: 0, named: 0, serverErrors: 0, stacks: 0, misses: [] });
const cursors = tally();
const loose = tally();

/** Sends one request; counts it as named when it is a 400 problem naming `parameter`. */
async function send(into: Tally, path: string, parameter: string, init?: RequestInit): Promise<void> {
  const logged = logLines.length;
  const response = await fetch(`${base}${path}`, init);
  const text = await response.text();
  into.sent++;
  if (response.status >= 500) into.serverErrors++;
  const newLines = logLines.slice(logged);
  into.stacks += (STACK.test(text) ? 1 : 0) + newLines.filter((line) => STACK.test(line)).length;
  const problem = response.headers.get("content-type")?.includes("application/problem+json")
    ? (JSON.parse(text) as { errors?: Array<{ parameter: string }> })
    : undefined;
  if (response.status === 400 && problem?.errors?.some((error) => error.parameter === parameter))
    into.named++;
  else into.misses.push(`${response.status} ${path.slice(0, 100)}`);
}

beforeAll(async () => {
  await loadFixtures(client, alias, [join(import.meta.dirname, "../fixtures/articles.jsonl")]);
  server = await new Promise<ServerType>((resolve) => {
    const listening = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, () => resolve(listening));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await removeTestIndices(client, alias);
  await client.close();
});

describe("Hardening: tampered cursors", () => {
  it("answers every crafted cursor 400 naming cursor, logs no stack, and still pages with a genuine one", async () => {
    for (const [, query] of TAMPERED_CURSORS) await send(cursors, `/api/search?${query}`, "cursor");
    const first = (await (await fetch(`${base}/api/search?sort=newest&size=2`)).json()) as {
      next_cursor: string | null;
    };
    const next = await fetch(`${base}/api/search?sort=newest&size=2&cursor=${first.next_cursor}`);
    const pass =
      cursors.named === TAMPERED_CURSORS.length &&
      cursors.serverErrors === 0 &&
      cursors.stacks === 0 &&
      next.status === 200;
    record({
      scenario: "Hardening: tampered cursors",
      done: `${cursors.sent} crafted cursors to /api/search over loopback (wrong types and lengths, nested objects, huge numbers, another sort's cursor), log captured; then a genuine cursor`,
      figures: {
        "crafted cursors sent": cursors.sent,
        "400 naming cursor": cursors.named,
        "5xx": cursors.serverErrors,
        "stack traces (answers and log)": cursors.stacks,
        "genuine cursor": next.status,
      },
      target: "every one 400 naming cursor; 0 5xx; 0 stack traces; a genuine cursor pages (200)",
      pass,
    });
    expect(cursors.misses).toEqual([]);
    expect(pass).toBe(true);
  });
});

describe("Hardening: loose parameters", () => {
  it("answers loose numbers, bracketed names, broken encoding and long URLs 400 naming the parameter", async () => {
    for (const [path, parameter] of LOOSE_PARAMETERS) await send(loose, path, parameter);
    const oneLetter = await fetch(`${base}/api/suggest?q=${encodeURIComponent("م")}`);
    const wrongType = await fetch(`${base}/api/related`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "text",
    });
    const title = ((await wrongType.json()) as { title: string }).title;
    const pass =
      loose.named === LOOSE_PARAMETERS.length &&
      loose.serverErrors === 0 &&
      loose.stacks === 0 &&
      oneLetter.status === 200 &&
      title === "Unsupported media type";
    record({
      scenario: "Hardening: loose parameters",
      done: `${loose.sent} loosely written requests over loopback (0x10, 1e2, +5, 0b11, q[]=, source[a]=, broken percent-encoding, a 2,100-character url), log captured; a one-letter suggestion; a text/plain body`,
      figures: {
        "loose requests sent": loose.sent,
        "400 naming the parameter": loose.named,
        "5xx": loose.serverErrors,
        "stack traces (answers and log)": loose.stacks,
        "one-letter suggest": oneLetter.status,
        "415 title": title,
      },
      target: "every one 400 naming the parameter; 0 5xx; 0 stack traces; one letter 200 (no suggestions)",
      pass,
    });
    expect(loose.misses).toEqual([]);
    expect(pass).toBe(true);
  });
});
