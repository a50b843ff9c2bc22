/**
 * npm run eval -- arcd|known-item|related|typed|topics|words|dym|suggest|keys|copies|all [--systems a,b,…] [--limit N] [--seed N] [--keep] [--reuse RUN]
 * @module eval/cli
 * Loads each dataset's corpus into fresh `eval-*` indices (the project's and the baselines' its
 * systems search), runs its queries on every system, prints a table per dataset and writes
 * docs/eval/<dataset>.json and docs/relevance.md. Three corpora, each loaded once for the datasets
 * that share it: news (SaudiNewsNet + ARCD paragraphs) for arcd and known-item, ANT for related,
 * SaudiNewsNet + ANT for typed, topics, words, dym, suggest and keys. `--systems` keeps only the named systems
 * (for suggest, `arabic` names its stock queries); `--limit` caps the queries (for dym and suggest,
 * each of their two sets).
 * `--keep` leaves the indices in place and prints the run's name; `--reuse RUN` searches that run's
 * indices instead of loading the corpora again (and keeps them). `copies` needs no index: it reads
 * SaudiNewsNet and ANT, judges labelled pairs with the importer's own copy detection and groups
 * every article with the real grouper in memory (`--limit` sets the number of copies, 1,500).
 */
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ElasticsearchConfigSchema, parseEnv } from "../../src/config.js";
import { createEsClient } from "../../src/es/client.js";
import { configuredOrLocalUrls } from "../../src/es/local-cluster.js";
import { HELD_BY, type TopicText, topicQueries } from "../../src/eval/topics.js";
import {
  PAIR_HELD_BY,
  THREE_WORDS,
  TWO_WORDS,
  WORD_HELD_BY,
  WORD_LETTERS,
  WORD_SETS,
  wordQueries,
} from "../../src/eval/words.js";
import { DuplicateGrouper } from "../../src/ingest/duplicates/grouper.js";
import { readInput } from "../../src/ingest/open-input.js";
import { validateRecord } from "../../src/ingest/validate.js";
import { projectRoot } from "../../src/project-root.js";
import { BAND_ROWS, SIGNATURE_SIZE } from "../../src/text/fingerprint.js";
import {
  deleteCorpus,
  type LoadedCorpus,
  listDocuments,
  loadCorpus,
  openCorpus,
  type StoredDoc,
} from "./corpus.js";
import {
  type ArcdQuestion,
  didYouMeanNote,
  gradeArcd,
  mistypedQuestions,
  readArcd,
  writeParagraphs,
} from "./datasets/arcd.js";
import {
  type CopyPair,
  copyPairs,
  groupedTogether,
  judge,
  madeUpArticles,
  timeGrouping,
} from "./datasets/copies.js";
import { dymBodyQueries, dymLongVowelQueries, dymQueries, runDym } from "./datasets/dym.js";
import {
  type KeysItem,
  keysItems,
  type LatinWordQuery,
  latinTitleWords,
  withLetterDropped,
} from "./datasets/keys.js";
import { gradeKnownItem, knownItemQueries } from "./datasets/known-item.js";
import {
  ARABIC_NAMES_IN_LATIN_LETTERS,
  LATIN_NAMES_WRITTEN_AFTER,
  LATIN_NAMES_WRITTEN_WITH_THE_RULES,
  latinNameQueries,
} from "./datasets/latin-names.js";
import { gradeRelated, relatedQueries, withArticleText } from "./datasets/related.js";
import {
  enterAgreement,
  SUGGEST_SIZE,
  SUGGEST_SYSTEMS,
  type SuggestSystem,
  suggest,
  suggestQueries,
} from "./datasets/suggest.js";
import { topicTexts } from "./datasets/topics.js";
import { describeItems, type TypedItem, typedBodySets, typedExample, typedItems } from "./datasets/typed.js";
import type { IndexKind } from "./indices.js";
import { METHOD } from "./method.js";
import {
  ARABIC_NAMES_IN_LATIN,
  bestStock,
  commitStamp,
  DATASETS,
  type DatasetFindings,
  type DatasetName,
  type DatasetReport,
  IN_ARABIC_LETTERS,
  LATIN_MISSPELT,
  LATIN_NAMES,
  LATIN_NAMES_AFTER,
  LATIN_TITLE_WORDS,
  MISTYPED,
  printReport,
  targetLine,
  writeMarkdown,
  writeReport,
} from "./report.js";
import { gradeStories, type RunSpec, runQueries, type SystemResult } from "./run.js";
import {
  type Answer,
  type JudgedHit,
  NEWEST_FIRST,
  RELATED_SYSTEMS,
  type RelatedSystem,
  relatedRequest,
  SEARCH_SYSTEMS,
  type SearchContext,
  STOCK_SYSTEMS,
  timedRequest,
} from "./systems.js";

const corpora = join(projectRoot, "../shared/corpora");
const FILES = {
  saudi: join(corpora, "saudinewsnet.jsonl.gz"),
  arcd: join(corpora, "arcd-train.json"),
  ant: join(corpora, "ant-dev.tar.gz"),
};

const BASELINES = ["standard", "arabic", "project"];
/** The systems each dataset runs unless --systems narrows them. */
const DATASET_SYSTEMS: Record<DatasetName, readonly string[]> = {
  arcd: BASELINES,
  "known-item": BASELINES,
  related: RELATED_SYSTEMS,
  typed: [...STOCK_SYSTEMS.map((system) => system.name), "handtuned", "project"],
  topics: BASELINES,
  words: BASELINES,
  dym: ["project"],
  suggest: ["arabic", "project"],
  keys: ["arabic", "project"],
  copies: ["project"],
};

const USAGE = `usage: npm run eval -- ${DATASETS.join("|")}|all [--systems a,b,…] [--limit N] [--seed N] [--keep] [--reuse RUN]`;

/** The message and the usage, and exit status 2. */
function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

/** The command line, or the usage and exit status 2 for an option or dataset it does not know. */
function parseCommandLine() {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: {
        systems: { type: "string" },
        limit: { type: "string" },
        seed: { type: "string", default: "20250301" },
        keep: { type: "boolean", default: false },
        reuse: { type: "string" },
        help: { type: "boolean", default: false },
      },
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    const wanted = positionals[0] ?? "all";
    if (wanted !== "all" && !DATASETS.includes(wanted as DatasetName)) fail(`unknown dataset ${wanted}`);
    return { values, wanted };
  } catch (error) {
    return fail((error as Error).message);
  }
}
const { values, wanted } = parseCommandLine();
const datasets = wanted === "all" ? [...DATASETS] : [wanted as DatasetName];
const chosen = values.systems?.split(",").map((s) => s.trim());
for (const name of chosen ?? [])
  if (!SEARCH_SYSTEMS.has(name))
    fail(`unknown system ${name} (known: ${[...SEARCH_SYSTEMS.keys()].join(", ")})`);
const systemsOf = (dataset: DatasetName) =>
  DATASET_SYSTEMS[dataset].filter((name) => !chosen || chosen.includes(name));
const seed = Number(values.seed);
const limit = values.limit ? Number(values.limit) : undefined;
const run = values.reuse ?? `eval-${Date.now().toString(36)}`;
const stamp = { date: new Date().toISOString().slice(0, 10), commit: commitStamp() };

const config = parseEnv(ElasticsearchConfigSchema);

/** Rows asked from body sentences (targets are read on the headline rows). */
const FROM_BODIES = ", body sentences";
const BODY_SENTENCES = `project${FROM_BODIES}`;
/** The did-you-mean row whose typos are long vowels left out. */
const LONG_VOWEL_LEFT_OUT = "project, a long vowel left out";
/** Rows of questions asked with one typo. */
const ONE_TYPO = ", one typo";
/** Offsets the run's seed for the mistyped ARCD questions. */
const ARCD_TYPO_STREAM = 0x61726364;
/** Offsets the run's seed for the typed dataset's body sentences. */
const TYPED_BODY_STREAM = 0x74626f;

const client = createEsClient({
  nodes: configuredOrLocalUrls(),
  config: { ...config, ES_REQUEST_TIMEOUT_MS: 120_000 },
});
const loaded: LoadedCorpus[] = [];
const progress = (name: string) => (done: number, total: number) =>
  console.log(`  ${name}: ${done}/${total}`);

/** The indices the datasets' systems search: a baseline index is built only when some system needs it. */
function indexKinds(which: readonly DatasetName[]): IndexKind[] {
  return which.flatMap((dataset) =>
    systemsOf(dataset).map((name) =>
      dataset === "related" ? (name as IndexKind) : (SEARCH_SYSTEMS.get(name)?.index ?? "project"),
    ),
  );
}

/** A corpus loaded, with what every search system needs to ask it and judge its hits. */
async function load(name: string, inputs: string[], which: readonly DatasetName[]) {
  const kinds = [...new Set(indexKinds(which))];
  console.log(`${values.reuse ? "reusing" : "loading"} ${name} into ${run}-${name}-* (${kinds.join(", ")})…`);
  const corpus = values.reuse
    ? await openCorpus(client, `${run}-${name}`, kinds)
    : await loadCorpus(client, `${run}-${name}`, inputs, kinds);
  loaded.push(corpus);
  console.log(
    values.reuse
      ? `  ${corpus.documents} documents, loaded by an earlier run`
      : `  ${corpus.documents} documents (${corpus.rejected} rejected) in ${corpus.loadSeconds.toFixed(0)} s`,
  );
  const docs = await listDocuments(client, corpus.indices.project);
  const context: SearchContext = {
    client,
    indices: corpus.indices,
    storyOf: new Map(docs.map((doc) => [doc.id, doc.dup_group])),
  };
  const ask = (system: string, q: string) => {
    const found = SEARCH_SYSTEMS.get(system);
    if (!found) throw new Error(`unknown system ${system}`);
    return found.search(context, q);
  };
  /**
   * Each of `dataset`'s systems (or `systems`) searched for every query's text, the hits judged by
   * `grade`; `heard` sees each answer.
   */
  const searchEach = <Q>(
    dataset: DatasetName,
    queries: readonly Q[],
    text: (query: Q) => string,
    grade: RunSpec<Q>["grade"],
    {
      systems = systemsOf(dataset),
      heard,
    }: { systems?: readonly string[]; heard?: (query: Q, answer: Answer, system: string) => void } = {},
  ) =>
    runQueries({
      systems,
      queries,
      onProgress: progress(dataset),
      ask: async (system, query) => {
        const answer = await ask(system, text(query));
        heard?.(query, answer, system);
        return answer;
      },
      grade,
    });
  return { corpus, docs, context, ask, searchEach };
}

function finish(findings: DatasetFindings): void {
  const full = { ...findings, ...stamp, target: targetLine(findings) } as DatasetReport;
  printReport(full);
  console.log(`wrote ${writeReport(full)}`);
}

async function newsDatasets(which: DatasetName[]): Promise<void> {
  const arcd = which.includes("arcd") && existsSync(FILES.arcd) ? readArcd(FILES.arcd) : undefined;
  if (which.includes("arcd") && !arcd) console.log(`arcd: skipped, ${FILES.arcd} is absent`);
  const inputs = [FILES.saudi];
  if (arcd) {
    const file = join(tmpdir(), `${run}-arcd-paragraphs.jsonl`);
    await writeParagraphs(arcd, file);
    inputs.push(file);
  }
  const { corpus, docs, context, searchEach } = await load("news", inputs, which);
  const base = { documents: corpus.documents, seed, notes: [] as string[] };
  if (arcd) {
    const questions = arcd.questions.slice(0, limit);
    console.log(`arcd: ${questions.length} questions`);
    const grade = (q: ArcdQuestion, hits: JudgedHit[]) => gradeArcd(q, hits, context.storyOf);
    const asked: Answer[] = [];
    const results = await searchEach("arcd", questions, (q) => q.question, grade, {
      heard: (_, answer, system) => {
        if (system === "project") asked.push(answer);
      },
    });
    // The same questions with one typo, and each stock analyzer with fuzziness too, which a typo calls for.
    const mistyped = mistypedQuestions(questions, seed + ARCD_TYPO_STREAM);
    const typoSystems = systemsOf("arcd").flatMap((name) =>
      name === "project" ? [name] : [name, `${name}+fuzzy`],
    );
    const intended = new Map(questions.map((q) => [q.id, q.question]));
    const typoAnswers: Array<{ answer: Answer; intended: string }> = [];
    const typoRows = await searchEach("arcd", mistyped, (q) => q.question, grade, {
      systems: typoSystems,
      heard: (q, answer, system) => {
        if (system === "project") typoAnswers.push({ answer, intended: intended.get(q.id) ?? "" });
      },
    });
    finish({
      ...base,
      dataset: "arcd",
      title: "ARCD questions among SaudiNewsNet",
      results: [...results, ...typoRows.map((row) => ({ ...row, system: `${row.system}${ONE_TYPO}` }))],
      notes: [
        `${arcd.paragraphs.length} ARCD paragraphs indexed among the SaudiNewsNet articles; one relevant paragraph per question.`,
        `Rows${ONE_TYPO}: ${mistyped.length} of the questions with one typo (the typed protocol's kinds) in a word of 4+ letters that is not a function word; the target is read on the questions as asked.`,
        ...(asked.length ? [didYouMeanNote(asked, typoAnswers)] : []),
      ],
    });
  }
  if (which.includes("known-item")) {
    const queries = knownItemQueries(docs, { seed, count: limit ?? 500 });
    console.log(`known-item: ${queries.length} queries`);
    const results = await searchEach("known-item", queries, (q) => q.query, gradeKnownItem);
    const edits = new Map<string, number>();
    for (const q of queries) for (const edit of q.edits) edits.set(edit, (edits.get(edit) ?? 0) + 1);
    finish({
      ...base,
      dataset: "known-item",
      title: "Known-item: SaudiNewsNet headlines as typed",
      results,
      notes: [`Edits made (queries with each): ${[...edits].map(([e, n]) => `${e} ${n}`).join(", ")}.`],
      examples: queries.slice(0, 15).map(({ title, query, edits }) => ({ title, query, edits })),
    });
  }
}

async function typedDatasets(which: DatasetName[]): Promise<void> {
  const { corpus, docs, context, ask, searchEach } = await load("saudi-ant", [FILES.saudi, FILES.ant], which);
  const base = { documents: corpus.documents, seed };
  if (which.includes("typed")) {
    const items = typedItems(docs, { seed, count: limit ?? 500, typo: true, cutChance: 0.5 });
    console.log(`typed: ${items.length} queries on ${systemsOf("typed").length} systems`);
    const results = await searchEach("typed", items, (item) => item.query, gradeKnownItem);
    const best = bestStock(results);
    const stock = results.filter((r) => STOCK_SYSTEMS.some((system) => system.name === r.system));
    // The same recall from a sentence of an article's body, for the project and the best stock
    // variant: a typo in a word no title holds.
    const [fromBodies = []] = await typedBodySets(
      client,
      corpus.indices.project,
      docs,
      { seed: seed + TYPED_BODY_STREAM, count: limit ?? 500 },
      { typo: true, cutChance: 0.5 },
    );
    const bodySystems = systemsOf("typed").filter((name) => name === "project" || name === best?.system);
    const bodyRows = await searchEach("typed", fromBodies, (item) => item.query, gradeKnownItem, {
      systems: bodySystems,
    });
    finish({
      ...base,
      dataset: "typed",
      title: "Typed from memory: recalled headline words with a typo (SaudiNewsNet + ANT)",
      results: [...results, ...bodyRows.map((row) => ({ ...row, system: `${row.system}${FROM_BODIES}` }))],
      notes: [
        ...describeItems(items),
        `${stock.length} stock variants run (analyzer × fuzziness × bool_prefix × title boost); best by MRR@10: ${best?.system ?? "none"}.`,
        `Rows${FROM_BODIES}: ${fromBodies.length} more queries recalled the same way from a sentence (6–20 words) of an article's body instead of its title, for the project and the best stock variant; relevant: that article's story. The target is read on the headline rows.`,
      ],
      examples: items.slice(0, 16).map(typedExample),
    });
  }
  let texts: Promise<TopicText[]> | undefined;
  const readTexts = () => {
    texts ??= topicTexts(client, corpus.indices.project);
    return texts;
  };
  if (which.includes("topics")) {
    const queries = topicQueries(await readTexts(), {
      seed,
      count: limit ?? 200,
    });
    console.log(`topics: ${queries.length} queries`);
    const ranked = await searchEach("topics", queries, (topic) => topic.query, gradeStories);
    // The same topics newest first: a page sorted by date holds what was typed only if the recall does.
    const newestFirst = systemsOf("topics").map((name) => `${name}${NEWEST_FIRST}`);
    const newest = await searchEach("topics", queries, (topic) => topic.query, gradeStories, {
      systems: newestFirst,
    });
    const results = [...ranked, ...newest];
    finish({
      ...base,
      dataset: "topics",
      title: "Topics: three or four words articles hold side by side (SaudiNewsNet + ANT)",
      results,
      notes: [
        `Phrases of 3 or 4 words of the headlines (Arabic, no digits, no function words) that ${HELD_BY.min} to ${HELD_BY.max} stories hold, typed as a headline wrote them, without quotes; relevant: every story one of whose articles holds the words side by side and in order in its title, lead or body (compared as the exact sub-fields index them), so P@10 is the share of the page holding what was typed. Two copies of one story count once.`,
        `Rows${NEWEST_FIRST}: the same topics sorted by date, the stock queries as a developer would sort them (the same multi_match, newest first), the project with sort=newest.`,
      ],
      examples: queries.slice(0, 12).map(({ query, stories }) => ({ query, stories: stories.size })),
    });
  }
  if (which.includes("words")) {
    const queries = wordQueries(await readTexts(), { seed, count: limit ?? 200 });
    console.log(`words: ${queries.length} queries`);
    const results: SystemResult[] = [];
    // Which queries of each set the project searched as their correction (`corrected_query`).
    const readAsCorrected = new Map(WORD_SETS.map((set) => [set, new Set<string>()]));
    for (const set of WORD_SETS) {
      const rows = await searchEach(
        "words",
        queries.filter((query) => query.set === set),
        (query) => query.query,
        gradeStories,
        {
          heard: ({ query }, answer) => {
            if (answer.correctedQuery) readAsCorrected.get(set)?.add(query);
          },
        },
      );
      results.push(...rows.map((row) => ({ ...row, system: `${row.system}, ${set}` })));
    }
    const counted = WORD_SETS.map((set) => `${set} ${queries.filter((query) => query.set === set).length}`);
    const corrected = WORD_SETS.map((set) => `${set} ${readAsCorrected.get(set)?.size ?? 0}`);
    finish({
      ...base,
      dataset: "words",
      title:
        "One word typed alone: spelt right, misspelt or unfinished; two or three words no headline holds together (SaudiNewsNet + ANT)",
      results,
      notes: [
        `Words of the headlines (Arabic, ${WORD_LETTERS.min}–${WORD_LETTERS.max} letters, no digits, no function words) that ${WORD_HELD_BY.min} to ${WORD_HELD_BY.max} stories hold, typed alone without a space after them (queries of each kind: ${counted.join(", ")}): as written; with one typo of the typed protocol's kinds; with a long vowel left out after the first letter and article; cut to 60% of its letters (at least 3). Relevant: every story one of whose articles holds the word meant in its title, lead or body (compared as the exact sub-fields index it), so P@10 is the share of the page holding the word meant.`,
        `${TWO_WORDS}: two words an article holds, one from its headline, the other from its text and not its headline, each held by ${WORD_HELD_BY.min} to ${WORD_HELD_BY.max} stories, together by ${PAIR_HELD_BY.min} stories or more and by no headline, typed as written; relevant: every story holding both.`,
        `${THREE_WORDS}: the same with three words, one from its headline and two from its text; relevant: every story holding all three.`,
        "Another form the stemmer joins to the word (مشروع for مشروعه) and a longer word it begins count as not holding it, so a query matching the exact form alone does best on the rows spelt right. The project reads a word typed alone as finished when bodies hold it whole at least as often as titles begin with it, and as one still being typed otherwise (docs/ranking.md).",
        `Searched by the project as their correction (\`corrected_query\`: no article holds the word as typed in any form, and the did-you-mean check found a likelier spelling that a page's worth of articles hold, RANKING.didYouMean.searchedFrom): ${corrected.join(", ")}.`,
      ],
      examples: queries
        .slice(0, 12)
        .map(({ set, query, meant, stories }) => ({ set, query, meant, stories: stories.size })),
    });
  }
  if (which.includes("dym") && !systemsOf("dym").length)
    console.log("dym: skipped, it runs the project only");
  else if (which.includes("dym")) {
    const queries = dymQueries(docs, { seed, count: limit ?? 500 });
    console.log(
      `dym: ${queries.misspelt.length} misspelt and ${queries.correct.length} correctly spelt queries`,
    );
    const { result, examples } = await runDym("project", queries, (q) => ask("project", q));
    const body = await dymBodyQueries(client, corpus.indices.project, docs, { seed, count: limit ?? 500 });
    console.log(`dym: ${body.misspelt.length} and ${body.correct.length} more, recalled from body sentences`);
    const fromBodies = await runDym(BODY_SENTENCES, body, (q) => ask("project", q));
    const longVowel = dymLongVowelQueries(docs, { seed, count: limit ?? 500 }, queries);
    console.log(`dym: ${longVowel.length} more, misspelt by a long vowel left out`);
    const leftOut = await runDym(LONG_VOWEL_LEFT_OUT, { misspelt: longVowel, correct: [] }, (q) =>
      ask("project", q),
    );
    finish({
      ...base,
      dataset: "dym",
      title: "Did you mean: recalled headline words, misspelt and not (SaudiNewsNet + ANT)",
      results: [result, fromBodies.result, leftOut.result],
      notes: [
        ...describeItems(queries.misspelt).map((note) => `Misspelt: ${note}`),
        `Correctly spelt: ${describeItems(queries.correct)[0]}`,
        `${BODY_SENTENCES}: the project again, on ${body.misspelt.length} misspelt and ${body.correct.length} correctly spelt queries recalled the same way from a sentence (6–20 words) of an article's body, to check that what helps on headlines is not the headlines' doing. The target is read on the headline sets.`,
        `${LONG_VOWEL_LEFT_OUT}: the project again, on ${longVowel.length} queries recalled from other headlines as the misspelt set is, their typo a long vowel (ا و ي ى) left out after a word's first letter and article, as writers spell foreign words (فيرس for فيروس); no correctly spelt set.`,
        "A suggestion is accurate when it spells the intended words, compared word by word after normalizeArabic, a leading article (ال, also after و ف ب ك, or لل) ignored. A correction the project searched in place of a word typed alone (`corrected_query`) counts as shown.",
      ],
      examples,
    });
  }
  if (which.includes("suggest") && systemsOf("suggest").length) {
    const queries = suggestQueries(docs, { seed, count: limit ?? 500 });
    const systems = SUGGEST_SYSTEMS.filter((system) =>
      systemsOf("suggest").includes(system === "project" ? "project" : "arabic"),
    );
    console.log(
      `suggest: ${queries.unfinished.length} unfinished and ${queries.mistyped.length} misspelt queries`,
    );
    const results: SystemResult[] = [];
    for (const [set, items] of [
      ["", queries.unfinished],
      [`, ${MISTYPED}`, queries.mistyped],
    ] as const) {
      const rows = await runQueries({
        systems,
        queries: items,
        onProgress: progress(`suggest${set}`),
        ask: (system, item) => suggest(context, system as SuggestSystem, item.query),
        grade: gradeKnownItem,
      });
      results.push(...rows.map((row) => ({ ...row, system: `${row.system}${set}` })));
    }
    const enterSets: [string, TypedItem[]][] = [
      ["Unfinished", queries.unfinished],
      [`With ${MISTYPED}`, queries.mistyped],
      ["Finished (a space after the last word)", queries.finished],
    ];
    const enter: string[] = [];
    for (const [set, items] of systems.includes("project") ? enterSets : []) {
      const agreed = await enterAgreement(context, items);
      enter.push(
        `${set}, Enter finds what is offered (the project's search for the same text, as /api/search answers it): the first suggested story is on its first page for ${agreed.first.toFixed(3)} of the ${agreed.offered} queries offered a title, and ${agreed.firstThree.toFixed(3)} of the first three suggested stories are.`,
      );
    }
    finish({
      ...base,
      dataset: "suggest",
      title: "Suggestions as a headline is typed (SaudiNewsNet + ANT)",
      results,
      notes: [
        ...describeItems(queries.unfinished).map((note) => `Unfinished: ${note}`),
        ...describeItems(queries.mistyped).map((note) => `With ${MISTYPED}: ${note}`),
        `${SUGGEST_SIZE} titles offered; the headline's story is the one relevant answer, so Recall@10 is the share of queries offered it.`,
        ...enter,
      ],
      examples: queries.unfinished.slice(0, 8).map(typedExample),
    });
  }
  if (which.includes("keys")) await keysDataset(docs, corpus.indices.project, ask, base);
}

/** Headlines recalled on the Latin layout, the same in Arabic letters, and Latin title words. */
async function keysDataset(
  docs: readonly StoredDoc[],
  index: string,
  askSystem: (system: string, q: string) => Promise<Answer>,
  base: { documents: number; seed: number },
): Promise<void> {
  const items = keysItems(docs, { seed, count: limit ?? 500 });
  const mistyped = keysItems(docs, { seed: seed + 1, count: limit ?? 500, typo: true });
  const words = latinTitleWords(docs, { seed, count: limit ?? 200 });
  const misspelt = withLetterDropped(words);
  const names = await latinNameQueries(client, index, LATIN_NAMES_WRITTEN_WITH_THE_RULES);
  const namesAfter = await latinNameQueries(client, index, LATIN_NAMES_WRITTEN_AFTER);
  const arabicNames = await latinNameQueries(client, index, ARABIC_NAMES_IN_LATIN_LETTERS);
  console.log(
    `keys: ${items.length} queries typed on the Latin layout, ${words.length} Latin title words, ${names.length + namesAfter.length + arabicNames.length} Latin names`,
  );
  // Which queries the project searched as the Arabic their keys type, and as names in Arabic letters.
  const readAsArabic = new Set<string>();
  const readAsNames = new Set<string>();
  const ask = async (system: string, q: string) => {
    const answer = await askSystem(system, q);
    if (answer.arabicKeysQuery) readAsArabic.add(q);
    if (answer.arabicNameQuery) readAsNames.add(q);
    return answer;
  };
  const systems = systemsOf("keys");
  /** One set's rows, named "<system>, <suffix>". */
  const rowsOf = async <Q>(
    suffix: string,
    queries: readonly Q[],
    text: (query: Q) => string,
    grade: RunSpec<Q>["grade"],
    on = systems,
  ) => {
    const found = await runQueries({
      systems: on,
      queries,
      onProgress: progress(suffix ? `keys, ${suffix}` : "keys"),
      ask: (system, query) => ask(system, text(query)),
      grade,
    });
    return found.map((row) => ({ ...row, system: suffix ? `${row.system}, ${suffix}` : row.system }));
  };
  const asTyped = (query: { query: string }) => query.query;
  const results = [
    ...(await rowsOf("", items, asTyped, gradeKnownItem)),
    ...(await rowsOf(
      IN_ARABIC_LETTERS,
      items,
      (item) => item.arabic,
      gradeKnownItem,
      systems.filter((system) => system === "project"),
    )),
    ...(await rowsOf(MISTYPED, mistyped, asTyped, gradeKnownItem)),
    ...(await rowsOf(LATIN_TITLE_WORDS, words, asTyped, gradeStories)),
    ...(await rowsOf(LATIN_MISSPELT, misspelt, asTyped, gradeStories)),
    ...(await rowsOf(LATIN_NAMES, names, asTyped, gradeStories)),
    ...(await rowsOf(LATIN_NAMES_AFTER, namesAfter, asTyped, gradeStories)),
    ...(await rowsOf(ARABIC_NAMES_IN_LATIN, arabicNames, asTyped, gradeStories)),
  ];
  const named = (set: LatinWordQuery[]) => set.filter((word) => readAsNames.has(word.query)).length;
  const keyed = (set: KeysItem[]) => set.filter((item) => readAsArabic.has(item.query)).length;
  const switched = (set: LatinWordQuery[]) => set.filter((word) => readAsArabic.has(word.query));
  const listed = (set: LatinWordQuery[]) =>
    `${set.length}${set.length ? ` (${set.map((word) => word.query).join(", ")})` : ""}`;
  finish({
    ...base,
    dataset: "keys",
    title: "Typed with the keyboard left on the Latin layout (SaudiNewsNet + ANT)",
    results,
    notes: [
      ...describeItems(items),
      "The typed dataset's way of recalling a headline, without the typo, written as the same keys show on the US layout (lam-alef as its two letters); relevant: the headline's story.",
      `The project searched ${keyed(items)} of the ${items.length} as the Arabic their keys type (\`arabic_keys_query\`); with ${MISTYPED} (another ${mistyped.length} headlines, one typo each as in \`typed\`), ${keyed(mistyped)}.`,
      `${LATIN_TITLE_WORDS}: ${words.length} Latin words of three letters or more that titles hold, searched as written; relevant: every story whose title holds the word. The project searched ${listed(switched(words))} of them as Arabic keys and ${named(words)} as names in Arabic letters.`,
      `${LATIN_MISSPELT}: those of five letters or more, their middle letter left out (${misspelt.length}). The project searched ${listed(switched(misspelt))} of them as Arabic keys and ${named(misspelt)} as names in Arabic letters.`,
      `Latin names (scripts/eval/datasets/latin-names.ts): people, places, clubs, companies and products written by hand with the spellings the articles give them, ${names.length} while the transliteration rules were written (${LATIN_NAMES}) and ${namesAfter.length} after them (${LATIN_NAMES_AFTER}); searched as written in Latin letters; relevant: every story an article of which holds one of the spellings, so P@10 is the share of the page holding the name. The project searched ${named(names)} and ${named(namesAfter)} of them as names in Arabic letters (\`arabic_name_query\`).`,
      `${ARABIC_NAMES_IN_LATIN}: ${arabicNames.length} names of Arabic places, people and things as Latin letters write them (riyadh, faisal, umrah), listed by hand with their spellings before the rules for such names were written; graded alike. The project searched ${named(arabicNames)} of them as names in Arabic letters.`,
    ],
    examples: items.slice(0, 8).map(({ arabic, query, cut }) => ({ arabic, query, cut })),
  });
}

async function relatedDataset(): Promise<void> {
  if (!existsSync(FILES.ant)) return console.log(`related: skipped, ${FILES.ant} is absent`);
  const { corpus, docs } = await load("ant", [FILES.ant], ["related"]);
  const queries = await withArticleText(
    client,
    corpus.indices.project,
    relatedQueries(docs, { seed, count: limit ?? 200 }),
  );
  console.log(`related: ${queries.length} source articles`);
  const results = await runQueries({
    systems: systemsOf("related"),
    queries,
    onProgress: progress("related"),
    ask: (system, q) =>
      timedRequest(client, relatedRequest(system as RelatedSystem, corpus.indices[system as IndexKind], q)),
    grade: gradeRelated,
  });
  finish({
    dataset: "related",
    title: "Related coverage on ANT (same category = relevant)",
    documents: corpus.documents,
    seed,
    results,
    notes: [
      "Related request (build-related.ts): more_like_this over title and body with each term weighed as the article weighs it (`boost_terms`); a short item is also admitted on 3 of the article's terms when its headline holds 3 words of the article's headline and lead; the score is multiplied by 1 + a gauss decay around the article's date (7 days: the same event first); the article's story is excluded and each story shown once (collapse).",
    ],
  });
}

async function copiesDataset(): Promise<void> {
  const articles = [];
  for (const file of [FILES.saudi, FILES.ant])
    for await (const item of readInput(file, {})) {
      if (item.kind !== "record") continue;
      const checked = validateRecord(item);
      if (checked.kind === "article") articles.push(checked.article);
    }
  const { pairs, notNewText } = copyPairs(articles, { seed, count: limit ?? 1_500 });
  const copies = pairs.filter((pair) => pair.copies).length;
  console.log(
    `copies: ${copies} copies and ${pairs.length - copies} hard negatives from ${articles.length} articles`,
  );
  const { precision, recall, rows } = judge(pairs);
  // In memory: every article fits the grouper's memory, so it never asks the index.
  const grouped = [...articles, ...madeUpArticles(pairs)];
  const grouper = new DuplicateGrouper(client, "eval-copies-unused", {
    soleWriter: true,
    articlesPerGeneration: grouped.length,
  });
  grouper.indexStartsEmpty();
  const { times, groupOf } = await timeGrouping(grouped, grouper);
  const later = await groupedAfterTheArchive(pairs);
  const verdicts = { copies, negatives: pairs.length - copies, precision, recall, rows };
  finish({
    dataset: "copies",
    title: "Copies: labelled pairs of one story and hard negatives (SaudiNewsNet + ANT)",
    documents: articles.length,
    seed,
    results: [
      { system: "project", ...verdicts, grouping: times, groupedTogether: groupedTogether(pairs, groupOf) },
      { system: AFTER_THE_ARCHIVE, ...verdicts, ...later },
    ],
    notes: [
      `Made by \`npm run eval -- copies\` (seed ${seed}, ${copies} copies).`,
      "Copies: an article of 60 words or more and an outlet's rewrite of it: always a new headline, and each with its own chance a dateline (60%), a closing credit line (30%), the last paragraphs or sentences cut while half the words remain (50%), a paragraph of background of up to 50 words added (30%), half the final ي/ى, ة/ه and initial أ/إ respelt (50%), one to four words replaced, dropped or inserted (50%); at least one besides the headline.",
      `Hard negatives: for an article, the one of the same source and section and day that shares the most words (same day), the one of the next ${3} days that does (follow-up), and that follow-up with a paragraph of the first report repeated as background; a mined pair counts only when under 30% of the shorter text's word bigrams are in the longer (new text): ${notNewText} left out as not new text (copies and templates within the corpora).`,
      `Candidates: ${SIGNATURE_SIZE / BAND_ROWS} bands of ${BAND_ROWS} rows; a pair of Jaccard J shares one with probability 1 − (1 − J^${BAND_ROWS})^${SIGNATURE_SIZE / BAND_ROWS}: ${[0.2, 0.3, 0.4, 0.5].map((j) => `${(1 - (1 - j ** BAND_ROWS) ** (SIGNATURE_SIZE / BAND_ROWS)).toFixed(3)} at ${j}`).join(", ")}.`,
      "Judged by the importer's own code: prepareArticle's fingerprint and the grouper's verdict on the pair (a shared band, then copyScore). Grouped: the real DuplicateGrouper over every article of both corpora and the made-up ones, in import order, in memory (no index lookups); a pair is grouped when both articles end in one group, through any chain of copies or of articles two outlets ran under one headline within a day and a half (sameHeadline; a made-up copy always has a new headline), and an article joins a group only within a week of the group's first article (STORY_DAYS). Largest and longest group: over the articles that row grouped.",
      `Timing: ${times.articles.toLocaleString("en-US")} articles in batches of 1,000, ${times.groups.toLocaleString("en-US")} groups; fingerprint = prepareArticle (fingerprint, bands and the document), grouping = DuplicateGrouper.assign; one process on the evaluation machine.`,
      `${AFTER_THE_ARCHIVE}: the corpora imported first (\`npm run index\`'s importer, its own groups), then the ${later.grouping.articles.toLocaleString("en-US")} made-up articles grouped in batches of 1,000 by a grouper that remembers none of the archive, as the next day's import: every copy is found through the index's lookups alone. Precision, recall and the rows are the pairs' verdicts, as above.`,
    ],
  });
}

/** The copies dataset's row for copies grouped by a later import, against the archive's index. */
const AFTER_THE_ARCHIVE = "project, made-up articles imported after the corpora";

/**
 * The corpora as an archive (the project index the typed datasets search, loaded here unless a
 * run already has it), then the made-up articles grouped against it with nothing in memory.
 */
async function groupedAfterTheArchive(pairs: readonly CopyPair[]) {
  const open = loaded.find((corpus) => corpus.name === `${run}-saudi-ant`);
  const { corpus, docs } = open
    ? { corpus: open, docs: await listDocuments(client, open.indices.project) }
    : await load("saudi-ant", [FILES.saudi, FILES.ant], ["copies"]);
  const archived = new Map(docs.map((doc) => [doc.id, doc.dup_group]));
  const grouper = new DuplicateGrouper(client, corpus.indices.project);
  const { times, groupOf } = await timeGrouping(madeUpArticles(pairs), grouper);
  return { grouping: times, groupedTogether: groupedTogether(pairs, new Map([...archived, ...groupOf])) };
}

const absent = (files: string[]) => files.filter((file) => !existsSync(file));
try {
  const news = datasets.filter((d) => d === "arcd" || d === "known-item");
  if (news.length && absent([FILES.saudi]).length)
    console.log(`${news.join(", ")}: skipped, ${FILES.saudi} is absent`);
  else if (news.length) await newsDatasets(news);
  const typed = datasets.filter((d) => ["typed", "topics", "words", "dym", "suggest", "keys"].includes(d));
  const missing = absent([FILES.saudi, FILES.ant]);
  if (typed.length && missing.length)
    console.log(`${typed.join(", ")}: skipped, ${missing.join(", ")} absent`);
  else if (typed.length) await typedDatasets(typed);
  if (datasets.includes("related")) await relatedDataset();
  const copiesMissing = absent([FILES.saudi, FILES.ant]);
  if (datasets.includes("copies") && copiesMissing.length)
    console.log(`copies: skipped, ${copiesMissing.join(", ")} absent`);
  else if (datasets.includes("copies")) await copiesDataset();
  console.log(`wrote ${writeMarkdown(METHOD)}`);
} finally {
  if (values.keep) console.log(`kept indices of run ${run}: ${loaded.flatMap((c) => c.created).join(", ")}`);
  else if (values.reuse) console.log(`reused the indices of run ${run}`);
  else for (const corpus of loaded) await deleteCorpus(client, corpus);
  await client.close();
}
