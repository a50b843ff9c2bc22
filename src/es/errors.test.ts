import { errors } from "@elastic/elasticsearch";
import { describe, expect, it } from "vitest";
import { isEngineUnavailable, isRefusedRequest, unavailability } from "./errors.js";

const answered = (statusCode: number, body: unknown = {}) =>
  new errors.ResponseError({ body, statusCode, headers: {}, warnings: null, meta: {} as never });

describe("unavailability", () => {
  it.each([
    ["a refused connection", new errors.ConnectionError("connect ECONNREFUSED"), "unreachable"],
    ["a timeout", new errors.TimeoutError("Request timed out"), "unreachable"],
    [
      "every node dead",
      new errors.NoLivingConnectionsError("no living connections", {} as never),
      "unreachable",
    ],
    ["a missing index", answered(404, { error: { type: "index_not_found_exception" } }), "index-missing"],
    ["429", answered(429), "overloaded"],
    ["503", answered(503), "overloaded"],
    ["500", answered(500), "overloaded"],
    ["a passed deadline", new errors.RequestAbortedError("deadline of 10000 ms passed"), "overloaded"],
  ])("names %s", (_, error, reason) => {
    expect(unavailability(error)).toBe(reason);
    expect(isEngineUnavailable(error)).toBe(true);
  });

  it.each([
    ["a 400", answered(400)],
    ["a 404 for a document", answered(404, { found: false })],
    ["an error of ours", new Error("bug")],
  ])("leaves out %s", (_, error) => {
    expect(unavailability(error)).toBeUndefined();
    expect(isEngineUnavailable(error)).toBe(false);
  });

  it("tells a request Elasticsearch refused (400) from the rest", () => {
    expect(isRefusedRequest(answered(400))).toBe(true);
    expect(isRefusedRequest(answered(503))).toBe(false);
  });
});
