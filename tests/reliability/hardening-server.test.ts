/**
 * What an attacker and a careless client found at the server's edge, each through the real
 * listener (sockets, timeouts, headers) over a real Elasticsearch: bodies trickled to hold search
 * slots, pages without limits, nested JSON, aborted bodies, public operations endpoints, a
 * forged X-Forwarded-For. Each records a row in docs/reliability.md.
 */
import { request } from "node:http";
import { connect, type Socket } from "node:net";
import { join } from "node:path";
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { projectRoot } from "../../src/project-root.js";
import { type RunningServer, startServer } from "../../src/server/main.js";
import { loadFixtures, testConfig } from "../helpers/api.js";
import { removeTestIndices, testClient, uniqueAlias } from "../helpers/es.js";
import { record } from "./helpers/record.js";

const alias = uniqueAlias("edge");
const client = testClient();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const OPS_TOKEN = "ops-token-0123456789abcdef";

beforeAll(async () => {
  await loadFixtures(client, alias, [join(projectRoot, "tests/fixtures/articles.jsonl")]);
}, 120_000);
afterAll(async () => {
  await removeTestIndices(client, alias);
  await client.close();
});

interface Served extends RunningServer {
  port: number;
  /** Every line the server logged, parsed. */
  logged: Array<Record<string, unknown>>;
}

async function serve(overrides: Record<string, string> = {}): Promise<Served> {
  const logged: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) logged.push(JSON.parse(line));
      done();
    },
  });
  const config = testConfig(alias, { PORT: "0", ...overrides });
  const server = await startServer(inject("esUrls"), config, pino({ level: "info" }, sink));
  return { ...server, port: Number(new URL(server.url).port), logged };
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  ms: number;
}

function send(
  port: number,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string; localAddress?: string } = {},
): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, method, path, headers: options.headers, localAddress: options.localAddress },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            ms: performance.now() - started,
          }),
        );
      },
    );
    req.on("error", reject);
    // A server may answer (413) and close before a large body is all written: not this request's error.
    req.on("socket", (socket) => socket.on("error", () => undefined));
    req.end(options.body);
  });
}

/** A POST whose headers promise a body that then arrives a byte at a time. */
function trickle(port: number, path: string, localAddress?: string): Socket {
  const socket = connect({ host: "127.0.0.1", port, localAddress });
  socket.on("error", () => undefined);
  socket.on("connect", () => {
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{`,
    );
    const timer = setInterval(() => socket.write(" "), 500);
    socket.on("close", () => clearInterval(timer));
  });
  return socket;
}

const closedWithin = (socket: Socket, ms: number) =>
  new Promise<boolean>((resolve) => {
    if (socket.destroyed) return resolve(true);
    const timer = setTimeout(() => resolve(false), ms);
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

describe("slow bodies", () => {
  it("never hold the search slots other readers need, and are cut off at the request timeout", async () => {
    const server = await serve({ MAX_CONCURRENT_SEARCHES: "4", REQUEST_TIMEOUT_MS: "3000" });
    const sockets = Array.from({ length: 16 }, () => trickle(server.port, "/api/related"));
    await sleep(1_000);
    const searches = await Promise.all(
      Array.from({ length: 4 }, () =>
        send(server.port, "GET", "/api/search?q=%D8%A7%D9%84%D9%86%D9%81%D8%B7"),
      ),
    );
    const opened = Date.now();
    const closed = await Promise.all(sockets.map((socket) => closedWithin(socket, 8_000)));
    const cutAfter = Date.now() - opened + 1_000;
    await server.close();
    const served = searches.filter((answer) => answer.status === 200).length;
    const cut = closed.filter(Boolean).length;
    record({
      scenario: "Hardening: slow bodies",
      done: "16 connections trickled POST /api/related bodies (a byte every 0.5 s) at an API allowed 4 searches in flight, request timeout 3 s; meanwhile 4 searches",
      figures: {
        "searches answered 200": `${served} of 4`,
        "trickling connections closed by the server": `${cut} of 16`,
        "closed within (s)": (cutAfter / 1000).toFixed(1),
      },
      target:
        "every search answered (the bodies are read before a slot is taken), every trickle closed soon after the timeout",
      pass: served === 4 && cut === 16,
    });
    expect(served).toBe(4);
    expect(cut).toBe(16);
  });

  it("closes connections beyond the per-address cap at once", async () => {
    const server = await serve({ MAX_CONNECTIONS_PER_CLIENT: "5", REQUEST_TIMEOUT_MS: "10000" });
    const sockets = Array.from({ length: 8 }, () => trickle(server.port, "/api/related"));
    const closed = await Promise.all(sockets.map((socket) => closedWithin(socket, 1_500)));
    for (const socket of sockets) socket.destroy();
    await server.close();
    expect(closed.filter(Boolean).length).toBe(3);
  });
});

describe("pages", () => {
  it("are rate limited like the API, with an HTML answer", async () => {
    const server = await serve({ RATE_LIMIT_PER_MINUTE: "4" });
    const answers: Answer[] = [];
    for (const path of ["/?q=x", "/articles/x", "/editor", "/?q=y", "/?q=z"])
      answers.push(await send(server.port, "GET", path));
    const editor = await send(server.port, "POST", "/editor", {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "title=x&body=y",
    });
    await server.close();
    const limited = [...answers.slice(4), editor];
    record({
      scenario: "Hardening: pages limited like the API",
      done: "GET /, /articles/:id, /editor and POST /editor from one address, limit 4 a minute",
      figures: { statuses: [...answers, editor].map((answer) => answer.status).join(", ") },
      target: "429 past the limit, as an HTML page with Retry-After",
      pass: limited.every(
        (answer) => answer.status === 429 && /text\/html/.test(String(answer.headers["content-type"])),
      ),
    });
    for (const answer of limited) {
      expect(answer.status).toBe(429);
      expect(answer.headers["content-type"]).toMatch(/text\/html/);
      expect(answer.headers["retry-after"]).toBeDefined();
    }
  });

  it("log a failure with the request's id and answer an HTML page, not an unlogged 503", async () => {
    // An index the search cannot run on (dates mapped as words): a fault, not the engine being down.
    const broken = uniqueAlias("edge-broken");
    await client.indices.create({
      index: `${broken}-v1`,
      mappings: { properties: { published_at: { type: "keyword" }, title: { type: "text" } } },
      aliases: { [broken]: {} },
    });
    await client.index({
      index: broken,
      id: "a",
      document: { title: "النفط", published_at: "x" },
      refresh: true,
    });
    const server = await serve({ ES_INDEX_ALIAS: broken });
    const answer = await send(server.port, "GET", "/?q=%D8%A7%D9%84%D9%86%D9%81%D8%B7");
    await server.close();
    await removeTestIndices(client, broken);
    const id = answer.headers["x-request-id"];
    const logged = server.logged.find((line) => line.id === id && Number(line.level) >= 40);
    record({
      scenario: "Hardening: page failures logged",
      done: "GET / against an index the search cannot run on",
      figures: {
        status: answer.status,
        "content type": String(answer.headers["content-type"]),
        "logged with the request id": logged ? String(logged.msg) : "no",
      },
      target: "an HTML error page, and a warning or error in the log with the request id",
      pass:
        Boolean(logged) && /text\/html/.test(String(answer.headers["content-type"])) && answer.status !== 503,
    });
    expect(answer.headers["content-type"]).toMatch(/text\/html/);
    expect(answer.status).not.toBe(503);
    expect(logged).toBeDefined();
  });
});

describe("nested JSON", () => {
  it("is refused before it is parsed, without holding up other requests", async () => {
    const server = await serve();
    const deep = `{"text":${"[".repeat(200_000)}`;
    const huge = `{"text":${"[".repeat(5_000_000)}`;
    const attacks = Array.from({ length: 4 }, (_, i) =>
      send(server.port, "POST", "/api/related", {
        headers: { "content-type": "application/json" },
        body: i % 2 ? huge : deep,
      }),
    );
    const health: number[] = [];
    const probing = (async () => {
      for (let i = 0; i < 10; i++) health.push((await send(server.port, "GET", "/healthz")).ms);
    })();
    const answers = await Promise.all(attacks);
    await probing;
    await server.close();
    const statuses = answers.map((answer) => answer.status);
    const slowest = Math.max(...answers.map((answer) => answer.ms));
    const slowestHealth = Math.max(...health);
    record({
      scenario: "Hardening: nested JSON",
      done: "4 clients POST /api/related: 200,000 nested brackets (under the route's 256 kB) and 5,000,000 (over it); /healthz probed meanwhile",
      figures: {
        statuses: statuses.join(", "),
        "slowest refusal (ms)": Math.round(slowest),
        "slowest /healthz meanwhile (ms)": Math.round(slowestHealth),
      },
      target: "400 (too deep) and 413 (too large), each refused in < 500 ms, /healthz < 500 ms",
      pass:
        statuses.every((status) => status === 400 || status === 413) && slowest < 500 && slowestHealth < 500,
    });
    expect(statuses.filter((_, i) => i % 2 === 0)).toEqual([400, 400]);
    expect(statuses.filter((_, i) => i % 2 === 1)).toEqual([413, 413]);
    expect(answers[0]?.text).toMatch(/nested deeper/);
    expect(slowestHealth).toBeLessThan(500);
  });
});

describe("an aborted body", () => {
  it("counts as the client's abort, not a server error", async () => {
    const server = await serve();
    const socket = connect({ host: "127.0.0.1", port: server.port });
    socket.on("error", () => undefined);
    await new Promise((resolve) => socket.on("connect", resolve));
    socket.write(
      'POST /api/related HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"tex\r\n',
    );
    await sleep(300);
    socket.destroy();
    await sleep(500);
    const metrics = (await send(server.port, "GET", "/metrics")).text;
    await server.close();
    const errors = server.logged.filter((line) => Number(line.level) >= 50);
    const counted =
      metrics.match(/http_requests_total\{method="POST",route="[^"]*",status="(\d+)"\} (\d+)/g) ?? [];
    record({
      scenario: "Hardening: aborted bodies",
      done: "a chunked POST /api/related cut off after its first chunk",
      figures: { "counted as": counted.join(" ") || "nothing", "errors logged": errors.length },
      target: "counted with status 499 (client closed), nothing logged as an error",
      pass: counted.some((line) => line.includes('status="499"')) && errors.length === 0,
    });
    expect(counted.some((line) => line.includes('status="499"'))).toBe(true);
    expect(counted.some((line) => /status="5\d\d"/.test(line))).toBe(false);
    expect(errors).toEqual([]);
  });
});

describe("operations endpoints and security headers", () => {
  it("keeps /metrics and /readyz behind OPS_TOKEN when set, /healthz open", async () => {
    const server = await serve({ OPS_TOKEN });
    const bearer = { authorization: `Bearer ${OPS_TOKEN}` };
    const statuses = {
      metrics: (await send(server.port, "GET", "/metrics")).status,
      metricsWithToken: (await send(server.port, "GET", "/metrics", { headers: bearer })).status,
      readyz: (await send(server.port, "GET", "/readyz")).status,
      readyzWithToken: (await send(server.port, "GET", "/readyz", { headers: bearer })).status,
      healthz: (await send(server.port, "GET", "/healthz")).status,
    };
    await server.close();
    const open = await serve();
    const metricsOpen = (await send(open.port, "GET", "/metrics")).status;
    await open.close();
    record({
      scenario: "Hardening: operations endpoints",
      done: "GET /metrics, /readyz, /healthz with OPS_TOKEN set, with and without the token; /metrics without OPS_TOKEN",
      figures: { ...statuses, "metrics, OPS_TOKEN unset": metricsOpen },
      target: "401 without the token, 200 with it; /healthz 200; public when unset",
      pass:
        statuses.metrics === 401 &&
        statuses.readyz === 401 &&
        statuses.metricsWithToken === 200 &&
        statuses.readyzWithToken === 200 &&
        statuses.healthz === 200 &&
        metricsOpen === 200,
    });
    expect(statuses).toEqual({
      metrics: 401,
      metricsWithToken: 200,
      readyz: 401,
      readyzWithToken: 200,
      healthz: 200,
    });
    expect(metricsOpen).toBe(200);
  });

  it("sends HSTS only over HTTPS, forbids framing consistently, and gives /api/docs a CSP", async () => {
    const server = await serve({ TRUST_PROXY: "1" });
    const plain = await send(server.port, "GET", "/?q=x");
    const viaTls = await send(server.port, "GET", "/?q=x", { headers: { "x-forwarded-proto": "https" } });
    const docs = await send(server.port, "GET", "/api/docs");
    await server.close();
    const figures = {
      "HSTS over http": String(plain.headers["strict-transport-security"] ?? "none"),
      "HSTS behind a TLS proxy": String(viaTls.headers["strict-transport-security"] ?? "none"),
      "X-Frame-Options": String(plain.headers["x-frame-options"]),
      "/api/docs CSP": String(docs.headers["content-security-policy"] ?? "none"),
    };
    const pass =
      plain.headers["strict-transport-security"] === undefined &&
      Boolean(viaTls.headers["strict-transport-security"]) &&
      plain.headers["x-frame-options"] === "DENY" &&
      /frame-ancestors 'none'/.test(String(plain.headers["content-security-policy"])) &&
      /default-src 'none'/.test(String(docs.headers["content-security-policy"]));
    record({
      scenario: "Hardening: security headers",
      done: "GET / over plain HTTP and as forwarded by a TLS proxy; GET /api/docs",
      figures,
      target:
        "no HSTS over HTTP, HSTS over HTTPS; X-Frame-Options DENY as CSP frame-ancestors 'none'; a CSP on /api/docs",
      pass,
    });
    expect(pass).toBe(true);
  });
});

describe("the engine-time budget", () => {
  it("answers 429 to a client that has used its share of Elasticsearch time, and serves others", async () => {
    const server = await serve({ ENGINE_MS_PER_MINUTE: "60" });
    const heavy = `/api/search?q=${encodeURIComponent("النفط الرياض الملك وزير الصحة مجلس الشورى جامعة")}&facets=true`;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await send(server.port, "GET", heavy, { localAddress: "127.0.0.21" })).status);
    const refused = statuses.indexOf(429);
    const last = await send(server.port, "GET", heavy, { localAddress: "127.0.0.21" });
    const other = await send(server.port, "GET", heavy, { localAddress: "127.0.0.22" });
    await server.close();
    record({
      scenario: "Hardening: engine-time budget",
      done: "ENGINE_MS_PER_MINUTE=60: one address sent 7 searches with facets in a row, then another address one",
      figures: { "first address": [...statuses, last.status].join(", "), "another address": other.status },
      target: "429 with Retry-After once the address's share is used; another address served",
      pass: refused > 0 && last.status === 429 && other.status === 200,
    });
    expect(refused).toBeGreaterThan(0);
    expect(last.status).toBe(429);
    expect(last.headers["retry-after"]).toBeDefined();
    expect(last.text).toMatch(/share of the search engine/);
    expect(other.status).toBe(200);
  });
});

describe("X-Forwarded-For behind a trusted proxy", () => {
  it("limits by the address the proxy saw, whatever the client wrote to the left of it", async () => {
    const server = await serve({ TRUST_PROXY: "1", RATE_LIMIT_PER_MINUTE: "3" });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (
          await send(server.port, "GET", "/api/search?q=x", {
            headers: { "x-forwarded-for": `10.9.9.${i}, 203.0.113.7` },
          })
        ).status,
      );
    const other = await send(server.port, "GET", "/api/search?q=x", {
      headers: { "x-forwarded-for": "203.0.113.8" },
    });
    await server.close();
    const twoHops = await serve({ TRUST_PROXY: "2", RATE_LIMIT_PER_MINUTE: "1" });
    const first = await send(twoHops.port, "GET", "/api/search?q=x", {
      headers: { "x-forwarded-for": "1.1.1.1, 203.0.113.9, 10.0.0.1" },
    });
    const spoofed = await send(twoHops.port, "GET", "/api/search?q=x", {
      headers: { "x-forwarded-for": "2.2.2.2, 203.0.113.9, 10.0.0.1" },
    });
    await twoHops.close();
    record({
      scenario: "Hardening: X-Forwarded-For",
      done: "TRUST_PROXY=1, limit 3 a minute: 5 requests from one proxied address with a different forged left-most entry each, then another address; TRUST_PROXY=2, limit 1: two requests differing only in the forged entry",
      figures: {
        "one hop": statuses.join(", "),
        "another address": other.status,
        "two hops": `${first.status}, ${spoofed.status}`,
      },
      target: "the forged entries share one limit (429 from the 4th); another address has its own",
      pass: statuses.join() === "200,200,200,429,429" && other.status === 200 && spoofed.status === 429,
    });
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(other.status).toBe(200);
    expect([first.status, spoofed.status]).toEqual([200, 429]);
  });
});
