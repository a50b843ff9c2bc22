/**
 * @module es/operation-name
 * The Elasticsearch API a request calls, named from its method and path, for metric labels: a
 * name from a short fixed list, never an index name, document id or repository the path carries.
 *
 * @example
 * operationName("POST", "/articles/_search") // "search"
 * operationName("GET", "/articles-v6-2025/_doc/abc") // "get"
 */

/** Endpoints named after their path segment (without the underscore). */
const ENDPOINTS = new Set([
  "search",
  "msearch",
  "count",
  "bulk",
  "mget",
  "analyze",
  "pit",
  "refresh",
  "flush",
  "forcemerge",
  "aliases",
  "alias",
  "mapping",
  "settings",
  "stats",
  "explain",
  "termvectors",
  "mtermvectors",
  "field_caps",
  "reload_search_analyzers",
  "delete_by_query",
  "update_by_query",
  "reindex",
  "rank_eval",
  "validate",
  "snapshot",
  "nodes",
  "tasks",
  "cat",
]);

/** Endpoints that act on one document. */
const DOCUMENT_ENDPOINTS = new Set(["_doc", "_create", "_update", "_source"]);

/** `_cluster/<api>`: the second segment is an API, from this list. */
const CLUSTER_APIS = new Set(["health", "state", "settings", "stats", "allocation", "pending_tasks"]);

/** Document APIs: named by method, as the client names them (get, exists, index, delete). */
function documentOperation(method: string, endpoint: string): string {
  if (endpoint === "_create") return "create";
  if (endpoint === "_update") return "update";
  if (endpoint === "_source") return method === "HEAD" ? "exists_source" : "get_source";
  return { GET: "get", HEAD: "exists", DELETE: "delete" }[method] ?? "index";
}

export function operationName(method: string, path: string): string {
  const verb = method.toUpperCase();
  const segments = (path.split("?")[0] ?? "").split("/").filter(Boolean);
  const at = segments.findIndex((segment) => segment.startsWith("_"));
  // No endpoint: the index itself (create, delete, exists, get) or the cluster's root.
  if (at < 0) return segments.length ? `indices.${verb.toLowerCase()}` : "info";
  const endpoint = segments[at] ?? "";
  const next = segments[at + 1];
  if (DOCUMENT_ENDPOINTS.has(endpoint)) return documentOperation(verb, endpoint);
  if (endpoint === "_search" && next === "scroll") return "scroll";
  if (endpoint === "_cluster") return next && CLUSTER_APIS.has(next) ? `cluster.${next}` : "cluster";
  const name = endpoint.slice(1);
  return ENDPOINTS.has(name) ? name : "other";
}
