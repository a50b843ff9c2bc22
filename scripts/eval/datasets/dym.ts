/**
 * @module eval/datasets/dym
 * "Did you mean": misspelt queries (recalled headline words, one typo, nothing cut) should get a
 * suggestion that spells the words the reader meant; correctly spelt ones (the same recall, no
 * typo) should get none. Only the project shows suggestions, so only it is run. A second pair of
 * sets recalls the words from a sentence of an article's body instead (`dymBodyQueries`), so that
 * what helps on headlines is seen not to be the headlines' doing.
 */
import type { EsClient } from "../../../src/es/client.js";
import { mean, percentile } from "../../../src/eval/metrics.js";
import { spellsIntended } from "../../../src/eval/suggestions.js";
import { LONG_VOWEL } from "../../../src/eval/typos.js";
import type { StoredDoc } from "../corpus.js";
import type { Answer } from "../systems.js";
import { type TypedItem, typedBodySets, typedExample, typedItems, typedSetPair } from "./typed.js";

export interface DymQueries {
  misspelt: TypedItem[];
  correct: TypedItem[];
}

/** Offsets the run's seed, so these titles do not mirror those of the typed dataset. */
const STREAM = { misspelt: 0x64796d, correct: 0x64796e, body: 0x64796f, longVowel: 0x647970 };

/** `count` of each, from different titles, both sets half SaudiNewsNet and half ANT. */
export function dymQueries(
  docs: readonly StoredDoc[],
  { seed, count }: { seed: number; count: number },
): DymQueries {
  const [misspelt, correct] = typedSetPair(
    docs,
    { seed, count },
    { stream: STREAM.misspelt, typo: true, cutChance: 0 },
    { stream: STREAM.correct, typo: false, cutChance: 0 },
  );
  return { misspelt, correct };
}

/**
 * `count` misspelt queries whose typo is a long vowel left out (src/eval/typos.ts, LONG_VOWEL), from
 * titles the headline sets do not use.
 */
export function dymLongVowelQueries(
  docs: readonly StoredDoc[],
  { seed, count }: { seed: number; count: number },
  { misspelt, correct }: DymQueries,
): TypedItem[] {
  return typedItems(docs, {
    seed: seed + STREAM.longVowel,
    count,
    typo: true,
    typoKinds: [LONG_VOWEL],
    cutChance: 0,
    exclude: new Set([...misspelt, ...correct].map((item) => item.id)),
  });
}

/**
 * `count` of each, recalled from one sentence of an article's body (typedBodySets), typed as the
 * headline sets are.
 */
export async function dymBodyQueries(
  client: EsClient,
  index: string,
  docs: readonly StoredDoc[],
  { seed, count }: { seed: number; count: number },
): Promise<DymQueries> {
  const [misspelt = [], correct = []] = await typedBodySets(
    client,
    index,
    docs,
    { seed: seed + STREAM.body, count },
    { typo: true, cutChance: 0 },
    { typo: false, cutChance: 0 },
  );
  return { misspelt, correct };
}

export interface DymResult {
  system: string;
  misspelt: number;
  /** Share of misspelt queries shown a suggestion. */
  shown: number;
  /** Share of those suggestions that spell the intended words. */
  accurate: number;
  correct: number;
  /** Share of correctly spelt queries shown a suggestion anyway. */
  shownOnCorrect: number;
  p50Ms: number;
  p95Ms: number;
  p50TookMs: number;
}

interface Asked {
  item: TypedItem;
  answer: Answer;
}

/** The correction a reader is shown: suggested, or searched in place of a word held nowhere. */
export function offered(answer: Answer): string | null | undefined {
  return answer.suggestion ?? answer.correctedQuery;
}

/** Asks every query (misspelt and correct in turn, after an untimed warm-up) and tallies. */
export async function runDym(
  system: string,
  { misspelt, correct }: DymQueries,
  ask: (query: string) => Promise<Answer>,
  warmup = 20,
) {
  for (const item of [...misspelt, ...correct].slice(0, warmup)) await ask(item.query);
  const asked = { misspelt: [] as Asked[], correct: [] as Asked[] };
  for (let n = 0; n < Math.max(misspelt.length, correct.length); n++)
    for (const kind of ["misspelt", "correct"] as const) {
      const item = (kind === "misspelt" ? misspelt : correct)[n];
      if (item) asked[kind].push({ item, answer: await ask(item.query) });
    }
  const shownFor = (rows: Asked[]) => rows.filter((row) => typeof offered(row.answer) === "string");
  const accurate = (row: Asked) => spellsIntended(offered(row.answer) ?? "", row.item.intended);
  const shown = shownFor(asked.misspelt);
  const all = [...asked.misspelt, ...asked.correct];
  const result: DymResult = {
    system,
    misspelt: asked.misspelt.length,
    shown: shown.length / Math.max(1, asked.misspelt.length),
    accurate: mean(shown.map((row) => (accurate(row) ? 1 : 0))),
    correct: asked.correct.length,
    shownOnCorrect: shownFor(asked.correct).length / Math.max(1, asked.correct.length),
    p50Ms: percentile(
      all.map((row) => row.answer.ms),
      50,
    ),
    p95Ms: percentile(
      all.map((row) => row.answer.ms),
      95,
    ),
    p50TookMs: percentile(
      all.map((row) => row.answer.tookMs),
      50,
    ),
  };
  const example = (row: Asked) => ({
    ...typedExample(row.item),
    intended: row.item.intended.join(" "),
    suggestion: offered(row.answer) ?? null,
    accurate: offered(row.answer) ? accurate(row) : null,
  });
  const examples = [
    ...asked.misspelt.slice(0, 12).map(example),
    ...shownFor(asked.correct).slice(0, 5).map(example),
  ];
  return { result, examples };
}
