/**
 * Hostile requests to the app served on loopback, and the judging of each answer. Requests go
 * through node:http, so the request target, headers and body reach the server as written (broken
 * percent-encoding, raw bytes, lying content types, chunked bodies); the app's log is captured, so
 * an error it logged counts against the request that caused it. Every answer is tallied for the
 * record in docs/reliability.md.
 */
import { Agent, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { serve } from "@hono/node-server";
import { projectRoot } from "../../../src/project-root.js";

/** What a route owes on error: the API answers problem+json, a page answers HTML whatever the status. */
export type Kind = "api" | "page" | "other";

export type Body = string | Uint8Array;

export interface Probe {
  /** The route aimed at, as the tally names it: "GET /api/search". */
  route: string;
  kind: Kind;
  method?: string;
  /** The request target exactly as sent: path and query, encoded (or deliberately mis-encoded). */
  target: string;
  headers?: Record<string, string>;
  body?: Body;
  /** Send the body as two chunks (Transfer-Encoding: chunked) instead of with a Content-Length. */
  chunked?: boolean;
  /** For a 400 from the API: the parameter the problem must name. */
  parameter?: string;
  /** Statuses the app must answer with ([200] for /healthz), or must not ({ not: [401, 403] }). */
  statuses?: number[] | { not: number[] };
  /** What a 200 may be (a scanned path must not serve some other file). */
  served?: RegExp;
}

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  ms: number;
}

interface LogLine {
  level?: number;
  msg?: string;
  err?: { type?: string; message?: string };
}

/** A V8 stack trace, a file path after "Error:", the dependency tree: what must never reach a client. */
const LEAKS: Array<[string, RegExp]> = [
  ["stack frame", /\bat [^\n]{0,200}\([^\n]{0,300}:\d+:\d+\)/],
  ["stack frame", /\bat (?:file:\/\/|\/)\S+:\d+:\d+/],
  ["node_modules", /node_modules/],
  ["Error: with a path", /\w*Error: [^\n]{0,300}[\\/][\w.-]+\.[cm]?[jt]s\b/],
  ["project path", new RegExp(projectRoot.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))],
];

const decoded = (target: string): string => {
  try {
    return decodeURIComponent(target.replace(/\+/g, " "));
  } catch {
    return target;
  }
};

export class Prober {
  /**
   * Idle connections closed after two seconds, before the server's keep-alive timeout: a request
   * never races the server closing the connection it was sent on.
   */
  readonly agent = new Agent({ keepAlive: true, maxSockets: 1, timeout: 2_000 });
  requests = 0;
  serverErrors = 0;
  leaks = 0;
  loggedErrors = 0;
  /** Answered by Node's parser or the adapter (no X-Request-Id): the app never saw them. */
  beforeApp = 0;
  slowest = { ms: 0, route: "" };
  readonly byRoute = new Map<string, number>();
  /** One example of each distinct failure (route and what went wrong), in the order found. */
  readonly failures = new Map<string, string>();
  private readonly log: string[] = [];
  private port = 0;
  private close: () => Promise<void> = async () => undefined;

  /** @param forbidden Text no answer may show unless the request itself sent it (a key, a file). */
  constructor(private readonly forbidden: string[]) {}

  /** Where the app's pino logger writes: each line is judged with the request that caused it. */
  readonly logDestination = { write: (line: string) => void this.log.push(line) };

  async listen(fetch: (request: Request) => Response | Promise<Response>): Promise<void> {
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const listening = serve({ fetch, hostname: "127.0.0.1", port: 0 }, () => resolve(listening));
    });
    this.port = (server.address() as AddressInfo).port;
    this.close = () => new Promise((resolve) => server.close(() => resolve()));
  }

  async stop(): Promise<void> {
    this.agent.destroy();
    await this.close();
  }

  /** Sends the probe and throws (for fast-check to shrink) when the answer breaks a rule. */
  async check(probe: Probe): Promise<Answer> {
    this.log.length = 0;
    const answer = await this.send(probe);
    this.requests++;
    this.byRoute.set(probe.route, (this.byRoute.get(probe.route) ?? 0) + 1);
    if (answer.ms > this.slowest.ms) this.slowest = { ms: answer.ms, route: probe.route };
    const problems = this.judge(probe, answer);
    if (problems.length) {
      const request = `${probe.method ?? "GET"} ${probe.target.slice(0, 200)}`;
      const key = `${probe.route} ${problems.map((problem) => problem.key).join(", ")}`;
      if (!this.failures.has(key))
        this.failures.set(key, `${request} → ${problems.map((problem) => problem.what).join("; ")}`);
      throw new Error(`${request} →\n${problems.map((problem) => `  ${problem.what}`).join("\n")}`);
    }
    return answer;
  }

  private judge(probe: Probe, answer: Answer): Array<{ key: string; what: string }> {
    const problems: Array<{ key: string; what: string }> = [];
    const said = answer.text.slice(0, 300).replace(/\s+/g, " ");
    if (answer.status >= 500) {
      this.serverErrors++;
      problems.push({ key: `${answer.status}`, what: `${answer.status}: ${said}` });
    }
    for (const line of this.log.splice(0)) {
      const entry = JSON.parse(line) as LogLine;
      if ((entry.level ?? 0) < 50) continue;
      this.loggedErrors++;
      const error = `${entry.err?.type ?? ""}: ${entry.err?.message?.split("\n")[0]?.slice(0, 200) ?? ""}`;
      problems.push({ key: `logged ${entry.msg}`, what: `logged "${entry.msg}" ${error}` });
    }
    // An answer echoing what was sent (a page showing the query) is not a leak.
    const sent = `${probe.target} ${decoded(probe.target)} ${Buffer.from(probe.body ?? "").toString()}`;
    const binary = /^(font|image)\//.test(answer.headers["content-type"] ?? "");
    for (const [name, pattern] of binary ? [] : LEAKS)
      if (pattern.test(answer.text) && !pattern.test(sent)) {
        this.leaks++;
        problems.push({
          key: name,
          what: `${answer.status} with a ${name}: ${answer.text.match(pattern)?.[0]}`,
        });
      }
    for (const text of this.forbidden)
      if (answer.text.includes(text) && !sent.includes(text))
        problems.push({ key: "forbidden", what: `${answer.status} shows ${text.slice(0, 12)}…` });
    // Node's parser and the adapter refuse some requests before the app (no X-Request-Id): a raw
    // byte in the request line, 16 KB of headers. Nothing more is owed for those.
    if (!answer.headers["x-request-id"]) {
      this.beforeApp++;
      return problems;
    }
    const expected = probe.statuses;
    if (expected && answer.status < 500) {
      const listed = Array.isArray(expected) ? expected : expected.not;
      if (listed.includes(answer.status) !== Array.isArray(expected))
        problems.push({
          key: `status ${answer.status}`,
          what: `${answer.status} (expected ${Array.isArray(expected) ? "" : "not "}${listed.join(" or ")}): ${said}`,
        });
    }
    const type = answer.headers["content-type"] ?? "";
    if (probe.served && answer.status === 200 && !probe.served.test(type))
      problems.push({ key: `served ${type}`, what: `200 as ${type}` });
    if ((probe.method ?? "GET") === "HEAD") return problems;
    if (probe.kind === "page" && !type.startsWith("text/html"))
      problems.push({ key: `${answer.status} not html`, what: `${answer.status} as ${type}: ${said}` });
    if (probe.kind === "api" && answer.status >= 400 && !type.startsWith("application/problem+json"))
      problems.push({ key: `${answer.status} not problem`, what: `${answer.status} as ${type}: ${said}` });
    if (
      probe.kind === "api" &&
      probe.parameter &&
      answer.status === 400 &&
      !answer.text.includes(probe.parameter)
    )
      problems.push({ key: "parameter unnamed", what: `400 without naming ${probe.parameter}: ${said}` });
    return problems;
  }

  private send(probe: Probe): Promise<Answer> {
    const body = probe.body === undefined ? undefined : Buffer.from(probe.body);
    // Framing said outright: Node's client sends a GET's or DELETE's body without either header.
    const framing =
      body === undefined
        ? {}
        : probe.chunked
          ? { "transfer-encoding": "chunked" }
          : { "content-length": `${body.length}` };
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const request = httpRequest(
        {
          host: "127.0.0.1",
          port: this.port,
          method: probe.method ?? "GET",
          path: probe.target,
          headers: { ...probe.headers, ...framing },
          // A body gets a connection of its own: a server that answers before reading all of it
          // may close the connection after, and the next request must not be blamed for that.
          agent: body === undefined ? this.agent : false,
        },
        (response) => {
          const chunks: Buffer[] = [];
          const answer = (whole: boolean) => {
            const raw = Buffer.concat(chunks);
            // A gzip stream cut short cannot be read: a cut answer is judged by status and headers.
            const gzipped = response.headers["content-encoding"] === "gzip" && raw.length > 0;
            return {
              status: response.statusCode ?? 0,
              headers: response.headers,
              text: gzipped ? (whole ? gunzipSync(raw).toString() : "") : raw.toString(),
              ms: Math.round(performance.now() - started),
            };
          };
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          // A body the route never reads may still be arriving when the server, having answered,
          // closes the connection; the reset can cut the answer short. Its status and headers
          // arrived and are judged; without a body sent, a cut answer is a failure.
          response.on("error", (error) => {
            if (body) resolve(answer(false));
            else reject(error);
          });
          response.on("end", () => resolve(answer(true)));
        },
      );
      request.setTimeout(30_000, () => request.destroy(new Error("no answer within 30 s")));
      request.on("error", (error) => reject(new Error(`${probe.route}: ${error.message}`)));
      // The server may close while the rest of a refused body is still being written (EPIPE after
      // the answer): the answer is what is judged. (A body has its connection to itself.)
      if (body) request.on("socket", (socket) => socket.on("error", () => undefined));
      if (body && probe.chunked) {
        request.write(body.subarray(0, body.length >> 1));
        request.end(body.subarray(body.length >> 1));
      } else request.end(body);
    });
  }

  /** The record's figures: totals, and requests per route in one line. */
  figures(): Record<string, string | number> {
    const routes = [...this.byRoute.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([route, count]) => `${route} ${count.toLocaleString("en-US")}`)
      .join(" · ");
    return {
      requests: this.requests,
      "5xx": this.serverErrors,
      "stack traces in answers": this.leaks,
      "errors logged": this.loggedErrors,
      "distinct failures": this.failures.size,
      "refused before the app (Node's parser, the adapter)": this.beforeApp,
      "slowest answer (ms)": `${this.slowest.ms} (${this.slowest.route})`,
      "requests per route": routes,
    };
  }
}
