/**
 * An attack within the rate limit. Eight client addresses send what costs the most to answer
 * (words longer than any language has, queries of many common words, deeply nested JSON,
 * tampered cursors, floods of pages and drafts at their size limit, bodies trickled a byte at a
 * time), each under the request rate limit, while a reader searches from another address. The
 * API runs with its default limits, as `npm start` serves it. The reader's median must stay within
 * twice its quiet value, nobody gets a 5xx, and the API's memory stays bounded. The quiet value is
 * measured half before the attack and half after it, so a machine that drifts faster or slower
 * during the run does not pass for the attack's effect.
 */
import { Agent, request } from "node:http";
import { connect } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type ApiProcess, startApiProcess } from "../../scripts/bench/api-process.js";
import { ElasticsearchConfigSchema } from "../../src/config.js";
import { createEsClient, type EsClient } from "../../src/es/client.js";
import { createPhysicalIndex, swapAlias } from "../../src/es/indices.js";
import { runImport } from "../../src/ingest/pipeline.js";
import { RejectsFile } from "../../src/ingest/report.js";
import { projectRoot } from "../../src/project-root.js";
import { KEYBOARD_NEIGHBOURS } from "../../src/text/keyboard.js";
import { removeTestIndices, uniqueAlias } from "../helpers/es.js";
import { corpusSlice, requireCorpus, saudiNewsNet } from "./helpers/corpus.js";
import { record, short } from "./helpers/record.js";

const alias = uniqueAlias("attack");
const quietMs = short ? 12_000 : 20_000;
const attackMs = short ? 20_000 : 60_000;
/** Requests each attacker sends a second: just under the default limit of 600 a minute. */
const attackerRate = 9;
const attackers = Array.from({ length: 8 }, (_, i) => `127.0.0.${i + 2}`);
const readerAddress = "127.0.0.10";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let client: EsClient;
let api: ApiProcess;
let port = 0;

beforeAll(async () => {
  requireCorpus("the attack scenario");
  client = createEsClient({ nodes: inject("esUrls"), config: ElasticsearchConfigSchema.parse({}) });
  await swapAlias(client, alias, await createPhysicalIndex(client, alias));
  const input = short ? await corpusSlice(4_000, "attack-slice") : saudiNewsNet;
  const rejects = new RejectsFile(join(projectRoot, "test-results/attack-rejects.ndjson"));
  await runImport({ client, index: alias, inputs: [input], rejects });
  await rejects.close();
  await client.indices.refresh({ index: alias });
  // The defaults a deployment gets: only the index differs.
  api = await startApiProcess(inject("esUrls"), { ES_INDEX_ALIAS: alias, LOG_LEVEL: "warn" });
  port = Number(new URL(api.url).port);
}, 600_000);

afterAll(async () => {
  await api?.stop();
  await removeTestIndices(client, alias);
  await client?.close();
}, 120_000);

interface Sent {
  at: number;
  ms: number;
  status: number;
}

/**
 * Connections kept open between requests, closed after two idle seconds: before the server's own
 * keep-alive timeout, so a request never races the server closing the connection it was sent on.
 */
const keepAliveAgent = (maxSockets: number) => new Agent({ keepAlive: true, maxSockets, timeout: 2_000 });

/** One request from `address`, over that address's keep-alive connections. */
function send(
  agent: Agent,
  address: string,
  method: string,
  path: string,
  body?: { type: string; content: string },
): Promise<Sent> {
  const at = Date.now();
  return new Promise((resolve) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method,
        path,
        agent,
        localAddress: address,
        headers: body ? { "content-type": body.type, "content-length": Buffer.byteLength(body.content) } : {},
        signal: AbortSignal.timeout(30_000),
      },
      (res) => {
        if ((res.statusCode ?? 0) >= 500)
          process.stderr.write(
            `attack.test: ${method} ${path.slice(0, 80)} from ${address}: ${res.statusCode}\n`,
          );
        res.resume();
        res.on("end", () => resolve({ at, ms: Date.now() - at, status: res.statusCode ?? 0 }));
      },
    );
    // 0: the connection failed or hung; counted apart from HTTP statuses.
    req.on("error", (error) => {
      process.stderr.write(`attack.test: ${method} ${path.slice(0, 60)} failed: ${error.message}\n`);
      resolve({ at, ms: Date.now() - at, status: 0 });
    });
    req.end(body?.content);
  });
}

const q = (text: string) => `q=${encodeURIComponent(text)}`;
const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const commonWords =
  "المملكة السعودية الرياض وزير الملك الأمير مجلس العام اليوم الدولة الحكومة عبدالله محمد رئيس التعليم الصحة جامعة مدينة مشروع برنامج خادم الحرمين الشريفين ولي";
const draft = "أعلنت وزارة الصحة اليوم عن خطة جديدة لتطوير المستشفيات في المناطق. ".repeat(1_800);
const keys = [...KEYBOARD_NEIGHBOURS.keys()];
/** Four words of random letters, which no title holds: each one looked for within typos. */
const unheldWords = (letters: number) =>
  Array.from({ length: 4 }, () =>
    Array.from({ length: letters }, () => keys[Math.floor(Math.random() * keys.length)]).join(""),
  ).join(" ");

/** Four common words, each in some title, seldom all in one: any of them may be the slip. */
const commonHeldWords = () => {
  const words = commonWords.split(" ");
  return Array.from({ length: 4 }, () => words[Math.floor(Math.random() * words.length)]).join(" ");
};

/** What the attackers send, in turn: each costs the most its route allows. */
const attacks: Array<() => [string, string, { type: string; content: string }?]> = [
  () => ["GET", `/api/search?${q("اب".repeat(250))}`],
  () => [
    "GET",
    `/api/search?${q(Array.from({ length: 6 }, (_, i) => `الاستراتيجيات${"ا".repeat(5)}${i}`).join(" "))}`,
  ],
  () => ["GET", `/api/search?${q(commonWords)}`],
  () => ["GET", `/api/search?${q(commonWords.split(" ").join(" OR "))}&facets=true`],
  () => ["GET", `/api/search?${q("الرياض")}&cursor=${cursor([null, { a: 1 }, [true]])}`],
  () => ["GET", `/api/suggest?${q("ال".repeat(50))}`],
  () => ["GET", `/api/suggest?${q(unheldWords(7))}`],
  () => ["GET", `/api/suggest?${q(unheldWords(12))}`],
  () => ["GET", `/api/suggest?${q(commonHeldWords())}`],
  () => ["GET", `/?${q(commonWords)}`],
  () => ["GET", `/?${q("وزير الصحة")}&page=${1 + Math.floor(Math.random() * 90)}`],
  () => ["POST", "/api/related", { type: "application/json", content: `{"text":${"[".repeat(120_000)}` }],
  () => [
    "POST",
    "/api/related",
    { type: "application/json", content: JSON.stringify({ text: draft.slice(0, 99_000) }) },
  ],
  () => [
    "POST",
    "/editor",
    {
      type: "application/x-www-form-urlencoded",
      content: `title=&body=${encodeURIComponent(draft.slice(0, 40_000))}`,
    },
  ],
];

const readerQueries = [
  "الرياض",
  "وزير الصحة",
  "كأس",
  "أسعار النفط",
  "جامعة الملك",
  "الأمطار",
  "مجلس الشورى",
  "المرو",
];

/** The reader: a search every few hundred milliseconds, as a quick reader refining a query. */
async function readUntil(end: number): Promise<Sent[]> {
  const agent = keepAliveAgent(1);
  const sent: Sent[] = [];
  for (let i = 0; Date.now() < end; i++) {
    const path = `/api/search?${q(readerQueries[i % readerQueries.length] as string)}`;
    sent.push(await send(agent, readerAddress, "GET", path));
    await sleep(300);
  }
  agent.destroy();
  return sent;
}

/** One attacker: `attackerRate` requests a second, whether or not the last came back. */
async function attackUntil(address: string, end: number, offset: number): Promise<Sent[]> {
  const agent = keepAliveAgent(8);
  const pending: Array<Promise<Sent>> = [];
  for (let i = offset; Date.now() < end; i++) {
    const [method, path, body] = (attacks[i % attacks.length] as (typeof attacks)[number])();
    pending.push(send(agent, address, method, path, body));
    await sleep(1_000 / attackerRate);
  }
  const sent = await Promise.all(pending);
  agent.destroy();
  return sent;
}

/**
 * A body trickled a byte every two seconds, reopened when the server closes it. Resolves with how
 * long the server let each connection live.
 */
async function trickleUntil(address: string, end: number): Promise<number[]> {
  const lifetimes: number[] = [];
  while (Date.now() < end) {
    const opened = Date.now();
    await new Promise<void>((resolve) => {
      const socket = connect({ host: "127.0.0.1", port, localAddress: address });
      let timer: NodeJS.Timeout | undefined;
      const finish = () => {
        clearInterval(timer);
        socket.destroy();
        resolve();
      };
      socket.on("connect", () => {
        socket.write(
          "POST /api/related HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{",
        );
        timer = setInterval(() => (Date.now() < end ? socket.write(" ") : finish()), 2_000);
      });
      socket.on("close", finish);
      socket.on("error", finish);
    });
    if (Date.now() < end) lifetimes.push(Date.now() - opened);
  }
  return lifetimes;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

describe("an attack within the rate limit", () => {
  it("leaves other readers' searches within twice their quiet time, with no 5xx", async () => {
    await readUntil(Date.now() + 3_000); // warm caches, as a server that has been serving has
    const quietBefore = await readUntil(Date.now() + quietMs / 2);
    const rssBefore = api.rssMb();
    let rssPeak = rssBefore;
    const sampling = setInterval(() => {
      rssPeak = Math.max(rssPeak, api.rssMb());
    }, 1_000);

    const end = Date.now() + attackMs;
    const [reading, attacking, trickling] = await Promise.all([
      // The reader starts once the attack is under way, so its median is the attack's.
      sleep(2_000).then(() => readUntil(end)),
      Promise.all(attackers.map((address, i) => attackUntil(address, end, i))),
      Promise.all(attackers.flatMap((address) => [trickleUntil(address, end), trickleUntil(address, end)])),
    ]);
    clearInterval(sampling);
    // Every attack request has been answered: the server is quiet again.
    const quiet = [...quietBefore, ...(await readUntil(Date.now() + quietMs / 2))];

    const attackSent = attacking.flat();
    const everything = [...quiet, ...reading, ...attackSent];
    const serverErrors = everything.filter((sent) => sent.status >= 500).length;
    const failed = everything.filter((sent) => sent.status === 0).length;
    const readerFailed = [...quiet, ...reading].filter((sent) => sent.status !== 200).length;
    const quietP50 = median(quiet.map((sent) => sent.ms));
    const attackP50 = median(reading.map((sent) => sent.ms));
    const ratio = attackP50 / Math.max(1, quietP50);
    const statuses = new Map<number, number>();
    for (const sent of attackSent) statuses.set(sent.status, (statuses.get(sent.status) ?? 0) + 1);
    const lifetimes = trickling.flat();
    const growth = rssPeak - rssBefore;
    const pass = serverErrors === 0 && failed === 0 && readerFailed === 0 && ratio <= 2 && growth < 150;

    record({
      scenario: "Attack within the rate limit",
      done: `${short ? "4,000" : "31,030"} SaudiNewsNet articles; API with its default limits. A reader (one address) searched alone for ${quietMs / 2000} s, for ${attackMs / 1000} s while 8 other addresses each sent ${attackerRate} requests a second (long words, 24 common words, OR chains, tampered cursors, long suggestions, suggestions of four misspelt words or four common ones, page floods, nested JSON, 99,000-letter drafts, editor drafts) and held 2 bodies each trickling a byte every 2 s, then alone again for ${quietMs / 2000} s`,
      figures: {
        "reader p50 quiet / under attack (ms)": `${quietP50} / ${attackP50}`,
        "ratio under attack": ratio.toFixed(2),
        "reader searches (quiet + attack)": `${quiet.length} + ${reading.length}`,
        "reader searches not answered 200": readerFailed,
        "attack requests": attackSent.length,
        "attack answers by status": [...statuses.entries()]
          .sort(([a], [b]) => a - b)
          .map(([status, count]) => `${status}: ${count}`)
          .join(", "),
        "5xx (anyone)": serverErrors,
        "connections failed": failed,
        "trickled bodies cut after (s, median)": (median(lifetimes) / 1000).toFixed(1),
        "API RSS before / peak (MB)": `${rssBefore.toFixed(0)} / ${rssPeak.toFixed(0)}`,
      },
      target: "reader p50 ≤ 2× quiet, 0 5xx, every reader search answered, API RSS growth < 150 MB",
      pass,
    });
    // The server's warnings say why (timeout, rejected execution, breaker) where a 5xx only says 503.
    const warnings = api
      .logTail()
      .split("\n")
      .filter((line) => /"level":(40|50)/.test(line));
    expect(serverErrors, warnings.join("\n")).toBe(0);
    expect(failed).toBe(0);
    expect(readerFailed).toBe(0);
    expect(ratio).toBeLessThanOrEqual(2);
    expect(growth).toBeLessThan(150);
  });
});
