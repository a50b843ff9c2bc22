/**
 * The analysis components accept and refuse settings as Elasticsearch's analysis-common does. The
 * embedded node gets them from es-plugin/, Docker and production from the real module: a rule the
 * real module refuses must be refused here too, or an index would build locally and fail in
 * production. The same expectations run on whichever node the tests use.
 */
import { afterAll, describe, expect, it } from "vitest";
import { loadIndexDefinition } from "../src/es/index-definition.js";
import { protectedNameRules } from "../src/text/arabic.js";
import { removeTestIndices, testClient, uniqueAlias } from "./helpers/es.js";

const client = testClient();
const prefix = uniqueAlias("analysis-components");
let created = 0;

afterAll(async () => {
  await removeTestIndices(client, prefix);
  await client.close();
});

interface Refusal {
  status: number;
  type: string;
  reason: string;
}

/** Creates an index with `settings`; the cluster's refusal, or undefined when it was created. */
async function refusal(settings: Record<string, unknown>): Promise<Refusal | undefined> {
  const index = `${prefix}-${created++}`;
  try {
    await client.indices.create({ index, settings });
    return undefined;
  } catch (error) {
    const { statusCode, body } = (error as { meta: { statusCode: number; body: { error: Refusal } } }).meta;
    return { status: statusCode, type: body.error.type, reason: body.error.reason };
  }
}

/** One filter under the name `f` and an analyzer `a` that uses it. */
const withFilter = (filter: Record<string, unknown>, before: Record<string, unknown>[] = []) => ({
  analysis: {
    filter: { f: filter, ...Object.fromEntries(before.map((item, i) => [`before${i}`, item])) },
    analyzer: { a: { tokenizer: "standard", filter: [...before.map((_, i) => `before${i}`), "f"] } },
  },
});

async function analyze(settings: Record<string, unknown>, text: string): Promise<string[]> {
  const index = `${prefix}-${created++}`;
  await client.indices.create({ index, settings });
  const answer = await client.indices.analyze({ index, analyzer: "a", text });
  return (answer.tokens ?? []).map((token) => token.token);
}

describe("stemmer_override (real Elasticsearch)", () => {
  it.each([
    ["a comma in the override", "a, b => c, d"],
    ["an empty key", "a, , b => c"],
    ["no key", "=> c"],
    ["an empty override", "a =>"],
    ["no arrow", "a"],
    ["two arrows", "a => b => c"],
  ])("refuses a rule with %s as analysis-common does", async (_name, rule) => {
    expect(await refusal(withFilter({ type: "stemmer_override", rules: [rule] }))).toEqual({
      status: 500,
      type: "runtime_exception",
      reason: `Invalid Keyword override Rule:${rule}`,
    });
  });

  it("refuses a filter without rules", async () => {
    expect(await refusal(withFilter({ type: "stemmer_override" }))).toEqual({
      status: 400,
      type: "illegal_argument_exception",
      reason: "stemmer override filter requires either `rules` or `rules_path` to be configured",
    });
  });

  it("applies a well-formed rule to each of its keys", async () => {
    const settings = withFilter({ type: "stemmer_override", rules: ["running, ran => run"] });
    expect(await analyze(settings, "ran running runs")).toEqual(["run", "run", "runs"]);
  });

  it("refuses the project's index when a protected name holds a comma, as production would", async () => {
    const definition = loadIndexDefinition();
    const filters = definition.settings.analysis?.filter as Record<string, { rules?: string[] }>;
    (filters.arabic_protected_names as { rules: string[] }).rules = protectedNameRules(["عبد الله, الثاني"]);
    const answer = await refusal(definition.settings as Record<string, unknown>);
    expect(answer?.type).toBe("runtime_exception");
    expect(answer?.reason).toMatch(/^Invalid Keyword override Rule:/);
  });
});

describe("synonym_graph (real Elasticsearch)", () => {
  const wordnet = ["s(100000001,1,'foo',n,1,0).", "s(100000001,2,'bar',n,1,0)."];

  it.each(["wordnet", "WordNet", "WORDNET"])("reads format %s as WordNet, in any case", async (format) => {
    const settings = withFilter({ type: "synonym_graph", format, synonyms: wordnet });
    expect(await analyze(settings, "foo")).toEqual(["bar", "foo"]);
  });

  it.each(["solr", "Solr", "anything else"])("reads format %s as Solr, refusing none", async (format) => {
    const settings = withFilter({ type: "synonym_graph", format, synonyms: ["foo, bar"] });
    expect(await analyze(settings, "foo")).toEqual(["bar", "foo"]);
  });

  it("refuses a rule it cannot parse, naming where the rules came from", async () => {
    const answer = await refusal(withFilter({ type: "synonym_graph", synonyms: ["a => b => c"] }));
    expect(answer).toEqual({
      status: 400,
      type: "illegal_argument_exception",
      reason: "failed to build synonyms from ['f' analyzer settings]",
    });
  });

  it("is lenient by default when updateable: a term the chain removes drops its rule", async () => {
    const stop = { type: "stop", stopwords: ["x"] };
    const strict = await refusal(withFilter({ type: "synonym_graph", synonyms: ["x, y"] }, [stop]));
    expect(strict?.reason).toBe("failed to build synonyms from ['f' analyzer settings]");
    const updateable = withFilter({ type: "synonym_graph", synonyms: ["x, y"], updateable: true }, [stop]);
    expect(await refusal(updateable)).toBeUndefined();
  });

  it("refuses a filter without rules", async () => {
    expect(await refusal(withFilter({ type: "synonym_graph" }))).toEqual({
      status: 400,
      type: "illegal_argument_exception",
      reason: "synonym requires either `synonyms`, `synonyms_set` or `synonyms_path` to be configured",
    });
  });
});
