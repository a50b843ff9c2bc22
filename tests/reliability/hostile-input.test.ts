/**
 * Hostile and malformed input, generated (fast-check), against every route the server answers:
 * the API (reads and writes, with and without a key), the reader pages and the editor's form,
 * docs, ops and static files. Requests go over loopback to a real listener: hostile path
 * segments, query strings (repeated and bracketed names, broken percent-encoding, huge values),
 * headers (lying content types, garbage charsets) and bodies (deep JSON, wrong types, huge
 * strings, junk forms). Never a 5xx, never a stack trace, never an error in the log; a 4xx from
 * the API is problem+json naming the parameter; a page answers HTML. Also: API keys are never
 * logged, revoked keys stop working.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createEsClient } from "../../src/es/client.js";
import { createApp } from "../../src/server/app.js";
import { loadFixtures, TEST_API_KEY, testConfig } from "../helpers/api.js";
import { removeTestIndices, uniqueAlias } from "../helpers/es.js";
import { type Body, type Kind, Prober } from "./helpers/probe.js";
import { record, short } from "./helpers/record.js";

const alias = uniqueAlias("hostile");
const config = testConfig(alias);
const client = createEsClient({
  nodes: inject("esUrls"),
  config: { ...config, ES_REQUEST_TIMEOUT_MS: 5_000 },
});
// What no answer may ever show: the write key, the project's package.json, a system file.
const prober = new Prober([TEST_API_KEY, '"name": "arabic-news-search"', "root:x:0:0"]);
const app = createApp({ client, config, logger: pino({ level: "warn" }, prober.logDestination) });
const runs = short ? 60 : 300;
const started = Date.now();

const fixtureFile = join(import.meta.dirname, "../fixtures/articles.jsonl");
const fixtures = readFileSync(fixtureFile, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { id: string; url: string });
const fixtureIds = fixtures.map((article) => article.id);

beforeAll(async () => {
  // Real articles, so ids, URLs and filters sometimes hit something and the full paths run.
  await loadFixtures(client, alias, [fixtureFile]);
  await prober.listen(app.fetch);
});

afterAll(async () => {
  const seconds = Math.round((Date.now() - started) / 1000);
  record({
    scenario: "Hostile and malformed input (property-based)",
    done: `${prober.requests.toLocaleString("en-US")} generated requests over every route, pages included, to a real listener (fast-check, ${runs} runs a property, ${seconds} s)`,
    figures: prober.figures(),
    target:
      "≥ 10,000 requests; no 5xx, no stack trace, no error logged; API 4xx in problem+json naming the parameter, pages in HTML; slowest under 5 s",
    pass: prober.failures.size === 0 && prober.slowest.ms < 5_000 && (short || prober.requests >= 10_000),
  });
  if (prober.failures.size)
    console.error(`Distinct failures:\n${[...prober.failures.values()].map((f) => `- ${f}`).join("\n")}`);
  await prober.stop();
  await removeTestIndices(client, alias);
  await client.close();
});

// ---- Arbitraries --------------------------------------------------------------------------------

/** Text a hostile client types: any Unicode (RTL marks, lone surrogates, NUL), query syntax, bombs. */
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

const safeJson = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? "null";
  } catch {
    return "{}"; // BigInt, cycles
  }
};

/** Percent-encoding that does not decode: truncated, not hex, overlong or surrogate UTF-8. */
const brokenEscape = fc.constantFrom(
  "%",
  "%%",
  "%G1",
  "%2",
  "%E0%A4",
  "%ED%A0%80",
  "%FF%FE",
  "%C0%AF",
  "%u0627",
  "%%32%65",
  "%25%",
);

/** Characters sent unencoded: printable ASCII; now and then a raw Latin-1 byte (Node refuses those). */
const rawChars = fc.string({
  unit: fc
    .oneof(
      { arbitrary: fc.integer({ min: 0x21, max: 0x7e }), weight: 20 },
      { arbitrary: fc.integer({ min: 0x80, max: 0xff }), weight: 1 },
    )
    .map((code) => String.fromCharCode(code)),
  maxLength: 30,
});

/** A value as it travels in a query string: encoded hostile text, broken escapes, raw bytes, or huge. */
const wireValue = fc.oneof(
  { arbitrary: hostileString.map(encodeHostile), weight: 4 },
  {
    arbitrary: fc
      .array(fc.oneof(brokenEscape, fc.string({ maxLength: 4 }).map(encodeHostile)), { maxLength: 5 })
      .map((parts) => parts.join("")),
    weight: 3,
  },
  { arbitrary: rawChars, weight: 2 },
  // Under Node's 16 KB header limit (so the app reads them), and one over it.
  {
    arbitrary: fc.constantFrom(
      "a".repeat(12_000),
      "%".repeat(4_000),
      encodeURIComponent("السيسي ".repeat(300)),
      encodeURIComponent("ب".repeat(4_000)),
    ),
    weight: 1,
  },
);

/** A parameter name as a careless or hostile client spells it: bracketed, cased, empty, inherited. */
const wireName = (names: readonly string[]) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...names), weight: 4 },
    { arbitrary: fc.constantFrom(...names).map((name) => `${name}[]`), weight: 2 },
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...names), fc.string({ maxLength: 4 }).map(encodeHostile))
        .map(([name, key]) => `${name}[${key}]`),
      weight: 1,
    },
    { arbitrary: fc.constantFrom(...names).map((name) => name.toUpperCase()), weight: 1 },
    {
      arbitrary: fc.constantFrom(
        "",
        "[]",
        "__proto__",
        "constructor",
        "toString",
        "__proto__[x]",
        "%71",
        "%00",
      ),
      weight: 2,
    },
    { arbitrary: wireValue, weight: 1 },
  );

/** A whole query string: names repeated, values missing, separators doubled or odd. */
const wireQuery = (names: readonly string[]) =>
  fc
    .array(
      fc.tuple(
        wireName(names),
        fc.option(wireValue, { nil: undefined }),
        fc.constantFrom("&", "&", "&&", ";", "&=&"),
      ),
      { minLength: 1, maxLength: 8 },
    )
    .map((pairs) =>
      pairs
        .map(
          ([name, value, separator], i) =>
            `${i ? separator : ""}${name}${value === undefined ? "" : `=${value}`}`,
        )
        .join(""),
    );

/** Usually nothing, now and then a hostile query string: properties about bodies mostly reach the body. */
const seldom = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary, weight: 1 });

/** Header text a client may legally send: printable Latin-1, the charset garbage of old clients. */
const headerText = fc.string({
  unit: fc
    .integer({ min: 0x20, max: 0xff })
    .filter((code) => code !== 0x7f)
    .map((code) => String.fromCharCode(code)),
  maxLength: 120,
});

/** A Content-Type that may lie about the body: wrong type, missing boundary, unknown charset. */
const contentType = fc.oneof(
  fc.constantFrom(
    "application/json",
    "application/json; charset=utf-8",
    "application/json; charset=utf-16le",
    "application/json; charset=x-garbage",
    "APPLICATION/JSON;CHARSET=UTF-8",
    "application/json, text/html",
    "application/problem+json",
    "application/x-ndjson",
    "text/plain",
    "text/html",
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=iso-2022-jp",
    "multipart/form-data",
    "multipart/form-data; boundary=",
    "multipart/form-data; boundary=x",
    'multipart/form-data; boundary="unterminated',
    "application/octet-stream",
    "*/*",
    ";",
    "json",
  ),
  headerText,
);

/** Mostly the declared JSON, sometimes a lie. */
const jsonType = fc.oneof({ arbitrary: fc.constant("application/json"), weight: 3 }, contentType);

/** Headers a hostile client adds: encoding and charset garbage, forged origins and ids, junk. */
const hostileHeaders = fc.record(
  {
    "content-encoding": fc.constantFrom("gzip", "br", "deflate", "identity", "x-garbage"),
    accept: fc.oneof(
      fc.constantFrom("application/json", "text/html", "*/*;q=x", "text/html;q=0"),
      headerText,
    ),
    "accept-charset": headerText,
    "accept-encoding": fc.oneof(
      fc.constantFrom("gzip", "gzip;q=0", "br, gzip, *", "identity;q=0, *;q=0"),
      headerText,
    ),
    "accept-language": headerText,
    "if-none-match": fc.oneof(fc.constantFrom("*", 'W/"x"', '"'), headerText),
    "if-modified-since": headerText,
    origin: fc.oneof(
      fc.constantFrom("null", "https://news.example", "https://news.example.evil"),
      headerText,
    ),
    "x-forwarded-for": headerText,
    "x-request-id": headerText,
    cookie: headerText,
    range: fc.oneof(fc.constantFrom("bytes=0-0", "bytes=-1", "bytes=9999999999-"), headerText),
  },
  { requiredKeys: [] },
);

/** A Host the adapter must refuse or survive: empty, a path, a bad port, IPv6 unclosed, foreign. */
const hostHeader = fc.oneof(
  fc.constantFrom("", "a b", "evil.example", "127.0.0.1:99999", "[::1", "x/y", "@evil", "localhost:80:80"),
  headerText,
);

/** Who is asking to write: the right key (either header), a wrong one, garbage, or no key at all. */
const credentials = fc.oneof(
  { arbitrary: fc.constant({ authorization: `Bearer ${TEST_API_KEY}` }), weight: 3 },
  { arbitrary: fc.constant({ "x-api-key": TEST_API_KEY }), weight: 1 },
  { arbitrary: fc.constant({}), weight: 1 },
  { arbitrary: headerText.map((value) => ({ authorization: value })), weight: 1 },
  { arbitrary: headerText.map((value) => ({ authorization: `Bearer ${value}` })), weight: 1 },
  { arbitrary: headerText.map((value) => ({ "x-api-key": value })), weight: 1 },
);

/** With the key, a write is never refused for it; without, it never succeeds. */
const authorised = (keys: Record<string, string>) =>
  keys.authorization === `Bearer ${TEST_API_KEY}` || keys["x-api-key"] === TEST_API_KEY
    ? { not: [401, 403] }
    : { not: [200, 201, 204] };

/** Payloads at and past the limits: the routes must refuse them without blocking or crashing. */
const hugeJson = fc.constantFrom(
  `${"[".repeat(5_000)}${"]".repeat(5_000)}`,
  `${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}`,
  `${"[".repeat(500_000)}${"]".repeat(500_000)}`,
  JSON.stringify({ text: "ب".repeat(3_000_000) }), // 6 MB: over the body limit
  JSON.stringify({ text: "السيسي بوتين ".repeat(8_000) }), // 96,000 letters: under the limit
);

/** A JSON body as a hostile client posts it: deep, of the wrong type, not JSON, not even UTF-8. */
const jsonBody: fc.Arbitrary<Body> = fc.oneof(
  { arbitrary: fc.json({ depthSize: "large" }), weight: 4 },
  { arbitrary: fc.anything().map(safeJson), weight: 4 },
  { arbitrary: hostileString, weight: 3 },
  { arbitrary: fc.uint8Array({ maxLength: 500 }), weight: 2 },
  { arbitrary: hugeJson, weight: 1 },
);

/** A field's value: mostly hostile text, sometimes the wrong type. */
const fieldValue = fc.oneof({ arbitrary: hostileString, weight: 4 }, { arbitrary: fc.anything(), weight: 1 });

/** A draft for POST /api/related: its fields present, hostile or wrongly typed. */
const draftJson = fc
  .record({ text: fieldValue, title: fieldValue, body: fieldValue }, { requiredKeys: [] })
  .map(safeJson);

/** Mostly a plausible value, sometimes a hostile one: enough articles pass to be stored and shown. */
const mostly = <T>(plausible: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: plausible, weight: 5 }, { arbitrary: fieldValue, weight: 1 });

/** An id the importer accepts, never a fixture's. */
const plausibleId = fc.stringMatching(/^hx-[a-z0-9]{1,12}$/);

/** An article for the write API: the required fields there, each plausible, hostile or mistyped. */
const articleJson = fc
  .record(
    {
      id: mostly(plausibleId),
      title: mostly(fc.constantFrom("السيسي يستقبل بوتين", "أسعار النفط ترتفع", "Markets <b>rally</b>")),
      body: mostly(fc.constantFrom("تلقى الرئيس اتصالا هاتفيا.", "ارتفعت الأسعار في الأسواق اليوم.")),
      source: mostly(fc.constantFrom("وكالة الخبر", "اليومية")),
      published_at: mostly(
        fc
          .date({ min: new Date("1990-01-01"), max: new Date("2030-12-31"), noInvalidDate: true })
          .map((date) => date.toISOString()),
      ),
      url: mostly(plausibleId.map((id) => `https://hostile.example/news/${id}`)),
      lead: mostly(fc.constantFrom("بحث الرئيسان مشروع الضبعة.")),
      author: mostly(fc.constantFrom("القاهرة - الخبر")),
      category: mostly(fc.constantFrom("سياسة", "اقتصاد")),
      tags: mostly(fc.array(fc.oneof(fc.constantFrom("مصر", "روسيا"), hostileString), { maxLength: 30 })),
      language: mostly(fc.constantFrom("ar")),
    },
    { requiredKeys: ["title", "body", "source", "published_at"] },
  )
  .map(safeJson);

/** A body for a write route: mostly a hostile article, else any hostile JSON. */
const writeBody = fc.oneof(articleJson, jsonBody);

/** An article id as a path segment: hostile text (encoded), a real id with junk, broken escapes. */
const idSegment = fc
  .oneof(
    { arbitrary: hostileString.map(encodeHostile), weight: 4 },
    { arbitrary: fc.constantFrom(...fixtureIds), weight: 2 },
    {
      arbitrary: fc.tuple(fc.constantFrom(...fixtureIds), brokenEscape).map(([id, junk]) => id + junk),
      weight: 1,
    },
    {
      arbitrary: fc.constantFrom(
        "%2F",
        "..%2F..%2Fpackage.json",
        "_bulk",
        "_search",
        "_doc",
        "_all",
        "*",
        "%00",
        "x".repeat(513),
        encodeURIComponent("ب".repeat(200)),
        encodeURIComponent("😀".repeat(200)),
        encodeURIComponent("ب".repeat(201)),
      ),
      weight: 2,
    },
  )
  // "." and ".." are dot segments: the URL parser removes them and the request leaves the route.
  .filter((segment) => segment !== "" && !/^(\.|%2e){1,2}$/i.test(segment));

/** An id a write with the key may use: never a fixture, which later properties read. */
const writableId = fc.oneof(
  idSegment.filter((segment) => !fixtureIds.includes(segment)),
  plausibleId,
);

/** A forged cursor: base64url JSON of three sort values of the wrong types, or of anything else. */
const forge = (value: unknown) => Buffer.from(safeJson(value)).toString("base64url");
const sortValue = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.string(),
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 1e308, "fx-sisi-1", "2024-05-16", [], {}),
);
const forgedCursor = fc.oneof(
  { arbitrary: fc.tuple(sortValue, sortValue, sortValue).map(forge), weight: 4 },
  { arbitrary: fc.tuple(fc.jsonValue(), fc.jsonValue(), fc.jsonValue()).map(forge), weight: 2 },
  { arbitrary: fc.array(fc.jsonValue(), { maxLength: 5 }).map(forge), weight: 1 },
  { arbitrary: fc.jsonValue().map(forge), weight: 1 },
);

/** A url= for the related widget: real article URLs with junk, other schemes, huge, broken. */
const articleUrl = fc.oneof(
  fc.constantFrom(...fixtures.map((article) => encodeURIComponent(article.url))),
  fc
    .tuple(fc.constantFrom(...fixtures.map((article) => article.url)), wireValue)
    .map(([url, junk]) => encodeURIComponent(url) + junk),
  fc.webUrl({ withQueryParameters: true, withFragments: true }).map(encodeURIComponent),
  fc
    .constantFrom(
      "javascript:alert(1)",
      "file:///etc/passwd",
      "http://",
      "https://[::1",
      "http://127.0.0.1:9200/_cat/indices",
      "https://a.example/".padEnd(3_000, "a"),
      "data:text/html,x",
    )
    .map(encodeURIComponent),
  wireValue,
);

/** The fields of the editor's form, hostile. */
const formFields = fc.record(
  {
    title: hostileString,
    body: hostileString,
    source: hostileString,
    from: fc.oneof(fc.constantFrom("2024-01-01", ""), hostileString),
    to: fc.oneof(fc.constantFrom("2024-12-31", ""), hostileString),
  },
  { requiredKeys: [] },
);
const urlencoded = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([name, value]) => `${name}=${encodeHostile(value)}`)
    .join("&");
const multipart = (fields: Record<string, string>, boundary = "XyZ") =>
  `${Object.entries(fields)
    .map(
      ([name, value]) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    )
    .join("")}--${boundary}--\r\n`;

/** Forms at and past /editor's 300 KB, and multipart bodies broken in the ways parsers trip on. */
const bigForms = fc.constantFrom(
  {
    type: "application/x-www-form-urlencoded",
    body: urlencoded({ title: "السيسي", body: "بوتين ".repeat(9_000) }), // 297 KB
  },
  {
    type: "application/x-www-form-urlencoded",
    body: urlencoded({ title: "x", body: "بوتين ".repeat(10_000) }), // 330 KB
  },
  {
    type: "multipart/form-data; boundary=XyZ",
    body: multipart({ title: "x", body: "ب ".repeat(99_000) }), // 297 KB
  },
  {
    type: "multipart/form-data; boundary=XyZ",
    body: `--XyZ\r\nContent-Disposition: form-data; name="body"; filename="draft.txt"\r\nContent-Type: text/plain\r\n\r\nنص\r\n--XyZ--\r\n`,
  },
  {
    type: "multipart/form-data; boundary=XyZ",
    body: `--XyZ\r\nContent-Disposition: form-data; name="title"\r\n\r\nx`,
  },
  { type: "multipart/form-data; boundary=other", body: multipart({ title: "x" }) },
  { type: "multipart/form-data", body: multipart({ title: "x" }) },
  { type: "multipart/form-data; boundary=XyZ", body: "--XyZ\r\n\r\n\r\n--XyZ--" },
);

/** What a client posts to /editor: a form well or badly encoded, under its own type or a lie. */
const editorPost: fc.Arbitrary<{ type: string; body: Body }> = fc.oneof(
  {
    arbitrary: formFields.map((fields) => ({
      type: "application/x-www-form-urlencoded",
      body: urlencoded(fields),
    })),
    weight: 3,
  },
  {
    arbitrary: formFields.map((fields) => ({
      type: "multipart/form-data; boundary=XyZ",
      body: multipart(fields),
    })),
    weight: 2,
  },
  {
    arbitrary: wireQuery(["title", "body", "source", "from", "to"]).map((body) => ({
      type: "application/x-www-form-urlencoded",
      body,
    })),
    weight: 2,
  },
  {
    arbitrary: fc
      .tuple(contentType, formFields)
      .map(([type, fields]) => ({ type, body: urlencoded(fields) })),
    weight: 1,
  },
  { arbitrary: fc.tuple(contentType, jsonBody).map(([type, body]) => ({ type, body })), weight: 1 },
  { arbitrary: bigForms, weight: 1 },
);

// ---- Shared properties --------------------------------------------------------------------------

/**
 * fc.assert, with the report's long strings cut (a 300 KB draft prints as its start and length)
 * and the failing answer said after the counterexample.
 */
async function holds<Ts extends [unknown, ...unknown[]]>(property: fc.IAsyncProperty<Ts>): Promise<void> {
  const details = await fc.check(property, { numRuns: runs });
  if (!details.failed) return;
  const report = (fc.defaultReportMessage(details) ?? "").replace(
    /"(?:[^"\\]|\\.){300,}?"/g,
    (literal) => `${literal.slice(0, 150)}…" (${literal.length} chars)`,
  );
  const error = details.errorInstance;
  throw new Error(`${report}\n${error instanceof Error ? error.message : String(error)}`);
}

const SEARCH_PARAMETERS = [
  "q",
  "page",
  "size",
  "source",
  "category",
  "from",
  "to",
  "sort",
  "highlight",
  "facets",
  "cursor",
] as const;
const RELATED_PARAMETERS = ["size", "source", "category", "from", "to"] as const;

/** A request target: the path, and the query string if any. */
const target = (path: string, query?: string) => (query === undefined ? path : `${path}?${query}`);

/** Any query string on a GET route: repeated and bracketed names, broken escapes, huge values. */
async function rawQueries(route: string, path: string, kind: Kind, names: readonly string[]) {
  await holds(
    fc.asyncProperty(
      wireQuery(names),
      fc.option(hostileHeaders, { nil: undefined }),
      async (query, headers) => {
        await prober.check({ route, kind, target: target(path, query), headers });
      },
    ),
  );
}

// ---- The API: reads -----------------------------------------------------------------------------

describe("GET /api/search", () => {
  it.each(SEARCH_PARAMETERS)("?%s=…", async (parameter) => {
    await holds(
      fc.asyncProperty(hostileString, async (value) => {
        const query = `${parameter}=${encodeHostile(value)}`;
        await prober.check({
          route: "GET /api/search",
          kind: "api",
          target: target("/api/search", query),
          parameter,
        });
      }),
    );
  });

  it("forged cursors, with either sort", async () => {
    await holds(
      fc.asyncProperty(
        forgedCursor,
        fc.constantFrom("", "السيسي", "بوتين روسيا"),
        fc.constantFrom(undefined, "relevance", "newest"),
        async (cursor, q, sort) => {
          const query = `q=${encodeURIComponent(q)}&cursor=${cursor}${sort ? `&sort=${sort}` : ""}`;
          await prober.check({
            route: "GET /api/search",
            kind: "api",
            target: target("/api/search", query),
            parameter: "cursor",
          });
        },
      ),
    );
  });

  it("raw query strings", () => rawQueries("GET /api/search", "/api/search", "api", SEARCH_PARAMETERS));
});

describe("GET /api/suggest", () => {
  it.each(["q", "size"])("?%s=…", async (parameter) => {
    await holds(
      fc.asyncProperty(hostileString, async (value) => {
        // size alone would be answered with a 400 about the missing q.
        const query = `${parameter === "size" ? "q=%D8%A7%D9%84%D8%B3&" : ""}${parameter}=${encodeHostile(value)}`;
        await prober.check({
          route: "GET /api/suggest",
          kind: "api",
          target: target("/api/suggest", query),
          parameter,
        });
      }),
    );
  });

  it("raw query strings", () => rawQueries("GET /api/suggest", "/api/suggest", "api", ["q", "size"]));
});

/** A number as no reader writes one: hex, exponent, sign, decimals, spaces, other digits, words. */
const looseInteger = fc
  .oneof(
    fc.constantFrom("0x10", "1e1", "+5", "5.0", " 5", "5 ", "٥", "0b11", "1_0", "Infinity", "-1", "5,5"),
    fc.string({ minLength: 1, maxLength: 6 }),
  )
  .filter((value) => !/^[0-9]+$/.test(value))
  .map(encodeURIComponent);

/** The API's GET endpoints: a valid query to start from, their parameters, the integer ones. */
const ENDPOINTS = [
  {
    path: "/api/search",
    base: { q: "%D8%A8%D9%88%D8%AA%D9%8A%D9%86" },
    names: SEARCH_PARAMETERS,
    integers: ["page", "size"],
  },
  { path: "/api/suggest", base: { q: "%D8%A8%D9%88" }, names: ["q", "size"], integers: ["size"] },
  { path: `/api/articles/${fixtureIds[0]}/related`, base: {}, names: RELATED_PARAMETERS, integers: ["size"] },
  {
    path: "/api/related",
    base: { url: encodeURIComponent(fixtures[0]?.url ?? "") },
    names: [...RELATED_PARAMETERS, "url"],
    integers: ["size"],
  },
] as const;

/** One malformed parameter and the name a 400 must give: a loose number, a bracketed name, bad escapes. */
const malformed = fc.constantFrom(...ENDPOINTS).chain(({ path, base, names, integers }) =>
  fc
    .oneof(
      fc.tuple(fc.constantFrom(...integers), looseInteger).map(([name, value]) => [name, `${name}=${value}`]),
      fc
        .tuple(fc.constantFrom(...names), fc.constantFrom("[]", "[a]", "[0]", "%5B%5D"))
        .map(([name, brackets]) => [`${name}${decodeURIComponent(brackets)}`, `${name}${brackets}=x`]),
      fc.tuple(fc.constantFrom(...names), brokenEscape).map(([name, junk]) => [name, `${name}=x${junk}`]),
    )
    .map(([parameter, pair]) => {
      // The malformed parameter replaces the valid one of that name.
      const valid = Object.entries(base).filter(([name]) => name !== parameter);
      const query = [...valid.map(([name, value]) => `${name}=${value}`), pair].join("&");
      return { path, query, parameter };
    }),
);

describe("the API's GET parameters", () => {
  it("a malformed one is refused with a 400 naming it, never read loosely or ignored", async () => {
    await holds(
      fc.asyncProperty(malformed, async ({ path, query, parameter }) => {
        const route = `GET ${path.replace(fixtureIds[0] ?? "", ":id")}`;
        await prober.check({ route, kind: "api", target: target(path, query), parameter, statuses: [400] });
      }),
    );
  });
});

describe("GET /api/articles/:id, /api/articles/:id/related and the page /articles/:id", () => {
  it("hostile ids and filters", async () => {
    await holds(
      fc.asyncProperty(idSegment, seldom(wireQuery(RELATED_PARAMETERS)), async (id, query) => {
        await prober.check({
          route: "GET /api/articles/:id",
          kind: "api",
          target: target(`/api/articles/${id}`),
          parameter: "id",
        });
        await prober.check({
          route: "GET /api/articles/:id/related",
          kind: "api",
          target: target(`/api/articles/${id}/related`, query),
        });
        await prober.check({
          route: "GET /articles/:id",
          kind: "page",
          target: target(`/articles/${id}`, query),
        });
      }),
    );
  });
});

describe("/api/related", () => {
  it("GET ?url=… with filters", async () => {
    await holds(
      fc.asyncProperty(articleUrl, seldom(wireQuery(RELATED_PARAMETERS)), async (url, filters) => {
        const query = `url=${url}${filters === undefined ? "" : `&${filters}`}`;
        await prober.check({
          route: "GET /api/related",
          kind: "api",
          target: target("/api/related", query),
        });
      }),
    );
  });

  it("POST drafts: deep JSON, wrong types, huge strings, lying content types", async () => {
    await holds(
      fc.asyncProperty(
        fc.oneof(draftJson, jsonBody),
        jsonType,
        seldom(wireQuery(RELATED_PARAMETERS)),
        fc.boolean(),
        async (body, type, query, chunked) => {
          await prober.check({
            route: "POST /api/related",
            kind: "api",
            method: "POST",
            target: target("/api/related", query),
            headers: { "content-type": type },
            body,
            chunked,
          });
        },
      ),
    );
  });
});

// ---- The API: writes, with and without the key --------------------------------------------------

describe("write routes /api/articles", () => {
  /** ?refresh=…, sometimes hostile. */
  const refresh = seldom(fc.oneof(fc.constantFrom("refresh=false", "refresh=true"), wireQuery(["refresh"])));

  it("POST /api/articles", async () => {
    await holds(
      fc.asyncProperty(
        credentials,
        writeBody,
        jsonType,
        refresh,
        fc.boolean(),
        async (keys, body, type, query, chunked) => {
          await prober.check({
            route: "POST /api/articles",
            kind: "api",
            method: "POST",
            target: target("/api/articles", query),
            headers: { ...keys, "content-type": type },
            statuses: authorised(keys),
            body,
            chunked,
          });
        },
      ),
    );
  });

  it("PUT /api/articles/:id", async () => {
    await holds(
      fc.asyncProperty(
        credentials,
        writableId,
        writeBody,
        jsonType,
        refresh,
        async (keys, id, body, type, query) => {
          await prober.check({
            route: "PUT /api/articles/:id",
            kind: "api",
            method: "PUT",
            target: target(`/api/articles/${id}`, query),
            headers: { ...keys, "content-type": type },
            statuses: authorised(keys),
            body,
          });
        },
      ),
    );
  });

  it("DELETE /api/articles/:id", async () => {
    await holds(
      fc.asyncProperty(
        credentials,
        writableId,
        fc.option(jsonBody, { nil: undefined }),
        async (keys, id, body) => {
          await prober.check({
            route: "DELETE /api/articles/:id",
            kind: "api",
            method: "DELETE",
            target: target(`/api/articles/${id}`),
            headers: keys,
            statuses: authorised(keys),
            body,
          });
        },
      ),
    );
  });

  it("POST /api/articles/_bulk", async () => {
    const line = fc.oneof(articleJson, fc.json(), fc.anything().map(safeJson), hostileString);
    const ndjson = fc.oneof(
      {
        arbitrary: fc.tuple(fc.array(line, { maxLength: 10 }), fc.constantFrom("\n", "\r\n", "\n\n", "\r")),
        weight: 6,
      },
      { arbitrary: fc.constant([Array(5_001).fill("{}"), "\n"] as const), weight: 1 },
    );
    await holds(
      fc.asyncProperty(
        credentials,
        fc.oneof(
          { arbitrary: ndjson.map(([lines, end]) => lines.map(String).join(end)), weight: 4 },
          jsonBody,
        ),
        fc.oneof(fc.constant("application/x-ndjson"), jsonType),
        refresh,
        fc.boolean(),
        async (keys, body, type, query, chunked) => {
          await prober.check({
            route: "POST /api/articles/_bulk",
            kind: "api",
            method: "POST",
            target: target("/api/articles/_bulk", query),
            headers: { ...keys, "content-type": type },
            statuses: authorised(keys),
            body,
            chunked,
          });
        },
      ),
    );
  });
});

// ---- The pages ----------------------------------------------------------------------------------

describe("GET / (the search page)", () => {
  it.each(SEARCH_PARAMETERS)("?%s=…", async (parameter) => {
    await holds(
      fc.asyncProperty(hostileString, async (value) => {
        await prober.check({
          route: "GET /",
          kind: "page",
          target: target("/", `${parameter}=${encodeHostile(value)}`),
        });
      }),
    );
  });

  it("forged cursors", async () => {
    await holds(
      fc.asyncProperty(
        forgedCursor,
        fc.constantFrom(undefined, "relevance", "newest"),
        async (cursor, sort) => {
          const query = `q=%D8%A7%D9%84%D8%B3%D9%8A%D8%B3%D9%8A&cursor=${cursor}${sort ? `&sort=${sort}` : ""}`;
          await prober.check({ route: "GET /", kind: "page", target: target("/", query) });
        },
      ),
    );
  });

  it("raw query strings", () => rawQueries("GET /", "/", "page", SEARCH_PARAMETERS));
});

describe("/editor", () => {
  it("GET with raw query strings", () =>
    rawQueries("GET /editor", "/editor", "page", ["title", "body", "source"]));

  it("POST forms: junk fields, broken encoding, lying types, drafts up to and past 300 KB", async () => {
    await holds(
      fc.asyncProperty(editorPost, fc.boolean(), async ({ type, body }, chunked) => {
        await prober.check({
          route: "POST /editor",
          kind: "page",
          method: "POST",
          target: "/editor",
          headers: { "content-type": type },
          body,
          chunked,
        });
      }),
    );
  });
});

// ---- Docs, ops, static files --------------------------------------------------------------------

describe("docs and ops", () => {
  it.each([
    ["/healthz", "other"],
    ["/readyz", "other"],
    ["/metrics", "other"],
    ["/api/docs", "api"],
    ["/api/openapi.json", "api"],
  ] as const)("GET %s answers 200 whatever the query and headers", async (path, kind) => {
    await holds(
      fc.asyncProperty(
        fc.option(wireQuery(["q", "format", "name"]), { nil: undefined }),
        hostileHeaders,
        async (query, headers) => {
          // The API's ETag may answer a matching If-None-Match with 304.
          await prober.check({
            route: `GET ${path}`,
            kind,
            target: target(path, query),
            headers,
            statuses: [200, 304],
          });
        },
      ),
    );
  });
});

const ASSETS = [
  "/static/app.css",
  "/static/app.js",
  "/widget.js",
  "/favicon.svg",
  "/favicon.ico",
  "/static/fonts/noto-naskh-arabic-arabic-400-normal.woff2",
];
// What a 200 may be: a page (the path normalised to one), the API, or an asset; never another file.
const SERVED_TYPES =
  /^(text\/html|application\/json|text\/css|text\/javascript|font\/woff2|image\/svg\+xml)\b/;

describe("static files, the widget and paths no route has", () => {
  it("the assets answer 200 whatever the query and headers", async () => {
    await holds(
      fc.asyncProperty(
        fc.constantFrom(...ASSETS),
        fc.option(wireValue, { nil: undefined }),
        hostileHeaders,
        async (path, query, headers) => {
          await prober.check({
            route: "GET static",
            kind: "other",
            target: target(path, query),
            headers,
            statuses: [200],
          });
        },
      ),
    );
  });

  it("traversal, encoded slashes and NUL serve nothing but the assets", async () => {
    const segment = fc.oneof(
      idSegment,
      fc.constantFrom(
        "..",
        ".",
        "%2e%2e",
        "..%2f",
        "..%5c",
        "%00",
        "",
        "~",
        "package.json",
        ".env",
        ".git",
        "etc",
        "passwd",
      ),
    );
    const scannedPath = fc.oneof(
      fc
        .tuple(
          fc.constantFrom(
            "/static/",
            "/static/fonts/",
            "/",
            "//",
            "/api/",
            "/articles/",
            "/editor/",
            "/widget.js/",
          ),
          fc.array(segment, { maxLength: 5 }),
        )
        .map(([prefix, segments]) => prefix + segments.join("/")),
      fc
        .tuple(
          fc.constantFrom(...ASSETS),
          fc.constantFrom("%00", "/", ";x", "%20", ".", "~", "::$DATA", "%2f..", "/..", "#x"),
        )
        .map(([asset, suffix]) => asset + suffix),
      fc.constantFrom(
        "/static/../package.json",
        "/static/%2e%2e/%2e%2e/package.json",
        "/static/..%2f..%2fpackage.json",
        "/static/fonts/..%5c..%5c..%5cpackage.json",
        "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/static/app.css%2f..%2f..%2f..%2fetc%2fpasswd",
        "/.env",
        "/.git/config",
        "/src/config.ts",
        "/node_modules/hono/package.json",
        "/public/widget.js",
        "*",
        "http://127.0.0.1/widget.js",
        "http://evil.example/static/../package.json",
      ),
    );
    await holds(
      fc.asyncProperty(scannedPath, async (path) => {
        await prober.check({ route: "GET scanned paths", kind: "other", target: path, served: SERVED_TYPES });
      }),
    );
  });
});

// ---- Every route, any method, any Host ----------------------------------------------------------

describe("any route", () => {
  it("with any method, hostile headers and a body", async () => {
    // No write key here: DELETE /api/articles/fx-sisi-1 must not remove what the others read.
    const path = fc.constantFrom(
      "/",
      "/editor",
      "/articles/fx-sisi-1",
      "/api/search?q=x",
      "/api/suggest?q=x",
      "/api/related",
      "/api/articles",
      "/api/articles/fx-sisi-1",
      "/api/articles/_bulk",
      "/api/articles/fx-sisi-1/related",
      "/api/docs",
      "/api/openapi.json",
      "/healthz",
      "/readyz",
      "/metrics",
      "/widget.js",
      "/static/app.css",
    );
    const method = fc.constantFrom(
      "GET",
      "HEAD",
      "POST",
      "PUT",
      "DELETE",
      "PATCH",
      "OPTIONS",
      "TRACE",
      "PROPFIND",
      "SEARCH",
      "PURGE",
    );
    await holds(
      fc.asyncProperty(
        path,
        method,
        hostileHeaders,
        fc.option(hostHeader, { nil: undefined }),
        fc.option(fc.tuple(contentType, jsonBody), { nil: undefined }),
        async (where, verb, headers, host, payload) => {
          await prober.check({
            route: "any method",
            kind: where.startsWith("/api/") ? "api" : "other",
            method: verb,
            target: where,
            headers: {
              ...headers,
              ...(host === undefined ? {} : { host }),
              ...(payload ? { "content-type": payload[0] } : {}),
            },
            body: payload?.[1],
          });
        },
      ),
    );
  });
});

// ---- Keys ---------------------------------------------------------------------------------------

describe("API keys", () => {
  it("are never written to the log, and a revoked key stops working", async () => {
    const lines: string[] = [];
    const sink = { write: (line: string) => void lines.push(line) };
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
