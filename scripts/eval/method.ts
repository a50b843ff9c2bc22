/**
 * @module eval/method
 * The fixed part of docs/relevance.md: how the figures are produced and how to read them.
 * Generated sections follow it, one per dataset.
 */
export const METHOD = `
# Relevance

Measured by \`npm run eval -- arcd|known-item|related|all\` (scripts/eval/). Each run loads the corpus
into fresh indices on the same Elasticsearch and sends every query to every system, query by query,
after a short untimed warm-up. This file is regenerated from docs/eval/<dataset>.json.

Systems:

- **standard**: title and body analysed by Elasticsearch's \`standard\` analyzer; a plain
  \`multi_match\` over title and body (related: stock \`more_like_this\` with every default).
- **arabic**: the same with Elasticsearch's stock \`arabic\` analyzer.
- **project**: the index built from mappings/articles.json by the project's importer, queried with
  the request builders /api/search and /api/related use (src/search/build-search.ts,
  build-related.ts), unchanged: collapse on near-duplicate groups, highlighting, facets,
  suggestions and the recency decay included, and the same words unquoted when a quoted phrase
  finds nothing (\`unquotedFallback\`; the round trip then counts both searches).

Judging: a result is judged by its story (the near-duplicate group the importer gave it), so a
verbatim copy of the relevant article counts as finding it, and a story shown twice is credited
once — what collapse does for readers, applied to every system alike. Metrics are at 10 results:
MRR (1/rank of the first relevant result), Recall, nDCG (binary gain), Precision (for related
coverage; "raw" counts every same-category hit, copies of the source article included). "missed"
is the share of queries with no relevant result in the top 10. Latency: p50/p95 of the round trip
seen by the client (one request at a time), and p50 of Elasticsearch's own \`took\`.
`;
