/**
 * @module eval/datasets/arcd
 * ARCD (Arabic Reading Comprehension Dataset, SQuAD v1.1 layout): each question is a query and
 * the Wikipedia paragraph holding its answer the one relevant document. The paragraphs are
 * indexed among all of SaudiNewsNet, so the engine has to find them among 31k distractors.
 */
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { z } from "zod";
import { judge } from "../../../src/eval/metrics.js";
import { seededRng } from "../../../src/eval/perturb.js";
import { spellsIntended } from "../../../src/eval/suggestions.js";
import { withOneTypo } from "../../../src/eval/typos.js";
import type { Grade } from "../run.js";
import type { Answer, JudgedHit } from "../systems.js";
import { offered } from "./dym.js";

/** The source given to paragraph documents; known-item sampling leaves them out by it. */
export const ARCD_SOURCE = "wikipedia-arcd";

const Squad = z.object({
  data: z.array(
    z.object({
      title: z.string(),
      paragraphs: z.array(
        z.object({ context: z.string(), qas: z.array(z.object({ id: z.string(), question: z.string() })) }),
      ),
    }),
  ),
});

export interface ArcdQuestion {
  id: string;
  question: string;
  paragraphId: string;
}

export interface Arcd {
  paragraphs: Array<{ id: string; title: string; body: string; source: string; published_at: string }>;
  questions: ArcdQuestion[];
}

/**
 * ARCD questions carry list markers and stray tails from their collection form (" - من هو …؟ ",
 * and in 42 questions a bare article after the question mark: "…؟ ال"); a reader would type the
 * words only. Every system gets the same cleaned text.
 */
export function cleanQuestion(question: string): string {
  return question
    .replace(/^[\s\-–—•*]+/u, "")
    .replace(/[\s؟?]+ال$/u, "")
    .replace(/[\s؟?]+$/u, "")
    .trim();
}

export function readArcd(path: string): Arcd {
  const squad = Squad.parse(JSON.parse(readFileSync(path, "utf8")));
  const arcd: Arcd = { paragraphs: [], questions: [] };
  squad.data.forEach((article, a) => {
    article.paragraphs.forEach((paragraph, p) => {
      const id = `arcd-${a}-${p}`;
      // A fixed date: the paragraphs are timeless, and recency must not favour or hide them.
      arcd.paragraphs.push({
        id,
        title: article.title,
        body: paragraph.context,
        source: ARCD_SOURCE,
        published_at: "2019-01-01T00:00:00Z",
      });
      for (const qa of paragraph.qas) {
        const question = cleanQuestion(qa.question);
        if (question) arcd.questions.push({ id: qa.id, question, paragraphId: id });
      }
    });
  });
  return arcd;
}

/** The paragraphs as JSON Lines, so they go through the same importer as the news. */
export async function writeParagraphs(arcd: Arcd, file: string): Promise<void> {
  await writeFile(file, `${arcd.paragraphs.map((paragraph) => JSON.stringify(paragraph)).join("\n")}\n`);
}

/**
 * The questions as a reader who slips once types them: one typo in a word of 4+ letters (never the
 * question word, a function word). Seeded; a question with no such word is left out.
 */
export function mistypedQuestions(questions: readonly ArcdQuestion[], seed: number): ArcdQuestion[] {
  const rng = seededRng(seed);
  return questions.flatMap((question) => {
    const made = withOneTypo(question.question, rng);
    return made ? [{ ...question, question: made.typed }] : [];
  });
}

/** The one relevant story: the paragraph's near-duplicate group (its own id unless copied). */
export function gradeArcd(
  question: ArcdQuestion,
  hits: JudgedHit[],
  storyOf: ReadonlyMap<string, string>,
): Grade {
  const story = storyOf.get(question.paragraphId) ?? question.paragraphId;
  return {
    flags: judge(
      hits.map((hit) => hit.story),
      new Set([story]),
    ),
    totalRelevant: 1,
  };
}

/**
 * What "did you mean" offered the project's questions, as a note: how often as asked (ARCD's own
 * misspellings among them), and with one typo, how often and how often spelling the question as
 * asked (word by word, as the dym dataset judges).
 */
export function didYouMeanNote(
  asked: readonly Answer[],
  mistyped: ReadonlyArray<{ answer: Answer; intended: string }>,
): string {
  const share = (part: number, whole: number) => (whole ? (part / whole).toFixed(3) : "—");
  const askedShown = asked.filter((answer) => typeof offered(answer) === "string").length;
  const shown = mistyped.filter(({ answer }) => typeof offered(answer) === "string");
  const right = shown.filter(({ answer, intended }) =>
    spellsIntended(offered(answer) ?? "", intended.split(" ")),
  );
  return (
    `Did you mean (project): shown for ${share(askedShown, asked.length)} of the questions as asked; ` +
    `with one typo, shown for ${share(shown.length, mistyped.length)}, spelling the question as asked ` +
    `in ${share(right.length, shown.length)} of those.`
  );
}
