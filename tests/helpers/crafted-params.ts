/**
 * Requests a tampering or careless client sends: cursors crafted by hand, numbers and names written
 * loosely, broken percent-encoding. Each must get a 400 problem+json naming the parameter.
 */

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const raw = (text: string) => Buffer.from(text).toString("base64url");
const DATE = "2025-04-12T13:05:00.000Z";
const q = encodeURIComponent("الرئيس");

/** [what is wrong, query string of /api/search]: each cursor must be refused, naming cursor. */
export const TAMPERED_CURSORS: ReadonlyArray<readonly [string, string]> = [
  ["nulls", `cursor=${cursor([null, null, null])}`],
  ["an object inside", `cursor=${cursor([{ a: 1 }, 2, 3])}`],
  ["booleans", `cursor=${cursor([true, false, true])}`],
  ["an empty array", `cursor=${cursor([])}`],
  ["one value", `cursor=${cursor([DATE])}`],
  ["four values", `cursor=${cursor([DATE, 1, "id", 4])}`],
  ["an object", `cursor=${cursor({ a: 1 })}`],
  ["a string", `cursor=${cursor("after")}`],
  ["a number", `cursor=${cursor(12345)}`],
  ["nested arrays", `cursor=${cursor([[1], [2], [3]])}`],
  ["an infinite score", `cursor=${raw(`["${DATE}",1e400,"id"]`)}`],
  ["a score past a float's range", `q=${q}&cursor=${cursor([1e300, DATE, "id"])}`],
  ["a negative score", `cursor=${cursor([DATE, -5, "id"])}`],
  ["strings where numbers belong", `cursor=${cursor(["a", "b", "c"])}`],
  ["a score as text", `cursor=${cursor([DATE, "0.9", "id"])}`],
  ["a date as a huge number", `cursor=${cursor([1e20, 1, "id"])}`],
  ["an impossible date", `cursor=${cursor(["2025-02-30T00:00:00.000Z", 1, "id"])}`],
  ["a year past 9999", `cursor=${cursor(["+010000-01-01T00:00:00.000Z", 1, "id"])}`],
  ["a null id", `cursor=${cursor([DATE, 1, null])}`],
  ["an id too long", `cursor=${cursor([DATE, 1, "x".repeat(600)])}`],
  ["not JSON", `cursor=${raw("not json at all")}`],
  ["not base64url", "cursor=***"],
  ["a relevance cursor with sort=newest", `q=${q}&sort=newest&cursor=${cursor([0.9, DATE, "id"])}`],
  ["a newest-first cursor with sort=relevance", `q=${q}&sort=relevance&cursor=${cursor([DATE, 0.9, "id"])}`],
  ["a relevance cursor with no query (newest first)", `cursor=${cursor([0.9, DATE, "id"])}`],
];

/** [path and query string, the parameter a 400 must name]. */
export const LOOSE_PARAMETERS: ReadonlyArray<readonly [string, string]> = [
  ["/api/search?q=x&size=0x10", "size"],
  ["/api/search?q=x&size=1e2", "size"],
  ["/api/search?q=x&size=%2B5", "size"],
  ["/api/search?q=x&size=+5", "size"],
  ["/api/search?q=x&size=5.0", "size"],
  ["/api/search?q=x&page=0b11", "page"],
  ["/api/suggest?q=ab&size=1e1", "size"],
  ["/api/articles/x/related?size=0x5", "size"],
  ["/api/search?q[]=x", "q[]"],
  ["/api/search?q=x&source[a]=y", "source[a]"],
  ["/api/search?q=x&source%5B%5D=y", "source[]"],
  ["/api/suggest?q[]=ab", "q[]"],
  ["/api/search?q=%E0%A4%A", "q"],
  ["/api/search?q=%ED%A0%80", "q"],
  ["/api/suggest?q=ab%E0%A4%A", "q"],
  [`/api/related?url=${encodeURIComponent(`https://news.example/${"a".repeat(2_100)}`)}`, "url"],
];
