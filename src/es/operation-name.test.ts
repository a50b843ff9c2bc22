import { describe, expect, it } from "vitest";
import { operationName } from "./operation-name.js";

describe("operationName", () => {
  it.each([
    ["POST", "/articles/_search", "search"],
    ["POST", "/_msearch", "msearch"],
    ["POST", "/articles/_msearch", "msearch"],
    ["POST", "/articles/_count", "count"],
    ["PUT", "/_bulk", "bulk"],
    ["POST", "/articles-v6-20250101t000000000/_bulk", "bulk"],
    ["POST", "/_mget", "mget"],
    ["GET", "/articles/_doc/sample-142", "get"],
    ["HEAD", "/articles/_doc/sample-142", "exists"],
    ["PUT", "/articles/_doc/sample-142", "index"],
    ["DELETE", "/articles/_doc/_odd-id", "delete"],
    ["PUT", "/articles/_create/x", "create"],
    ["POST", "/_search/scroll", "scroll"],
    ["GET", "/_cluster/health/articles", "cluster.health"],
    ["GET", "/_cluster/something-new", "cluster"],
    ["HEAD", "/_alias/articles", "alias"],
    ["POST", "/_snapshot/my-repo/nightly-2025/_restore", "snapshot"],
    ["PUT", "/articles-v6-20250101t000000000", "indices.put"],
    ["GET", "/", "info"],
    ["POST", "/articles/_made_up_endpoint", "other"],
  ])("%s %s is %s", (method, path, name) => {
    expect(operationName(method, path)).toBe(name);
  });

  it("never carries the path's names into the label", () => {
    for (const path of ["/secret-index/_search", "/a/_doc/secret-id", "/_snapshot/secret-repo", "/secret"])
      expect(operationName("GET", path)).not.toMatch(/secret/);
  });
});
