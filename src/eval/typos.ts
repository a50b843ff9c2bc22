/**
 * @module eval/typos
 * Queries typed from memory: a reader recalls two or three words of a headline, in order, and
 * mistypes one of them (a letter dropped, two swapped, a neighbouring key hit, a letter doubled);
 * half the time the last word is left unfinished. Pure and seeded, so every run asks the same.
 */
import { DEFINITE_ARTICLE, normalizeArabic } from "../text/arabic.js";
import { KEYBOARD_NEIGHBOURS } from "../text/keyboard.js";
import { headlineWords, pick, type Rng, sample } from "./perturb.js";

export const TYPOS = ["drop", "swap", "neighbour", "double"] as const;
/**
 * A long vowel (ا و ي) left out after the word's first letter and article: a spelling writers use,
 * of foreign words most (فيرس for فيروس), rather than a slip. Not among the protocol's TYPOS.
 */
export const LONG_VOWEL = "long vowel";
export type TypoKind = (typeof TYPOS)[number] | typeof LONG_VOWEL;
/** The long vowels as written, alif maqsura among them. */
const LONG_VOWELS = new Set(["ا", "و", "ي", "ى"]);

/** Function words a reader does not recall a headline by; compared after normalizeArabic. */
const STOP_WORDS = new Set(
  `
    في من إلى على عن مع أن إن أو ثم بل لكن حتى إذا كما لقد قد هذا هذه ذلك تلك هؤلاء التي
    الذي الذين اللذين اللتين اللواتي كان كانت يكون تكون كانوا ليس ليست ما لا لم لن أي كل بعض
    غير عند منذ خلال حيث هو هي هم هن نحن أنا أنت أيضا فيما عليه عليها إليه منه منها فيه فيها
    به بها له لها لهم أنه أنها وقد وفي ومن وعلى وإلى وأن وهو وهي وكان لدى بين حول ضمن دون
    أمام تحت فوق بعد قبل عبر نحو أما إلا لو ولا ولم فقد وما بأن لأن كذلك هناك هنا الآن إذ
    ذات ذو هل وهل يا و ف ب ل ك عما مما بما لما كيف متى أين ماذا لماذا بعدما عندما حين جدا
    فقط أكثر أقل وعن وبعد وقبل
  `
    .split(/\s+/)
    .filter(Boolean)
    .map(normalizeArabic),
);

/** A word as typed: Arabic letters only (harakat and tatweel dropped, as readers type). */
export const typable = (word: string) => word.replace(/[\p{M}\u0640]/gu, "");
const ARABIC_WORD = /^[\u0621-\u063A\u0641-\u064A]{2,}$/;

/** A word a reader could recall a text by, as typed: Arabic, no digits, no function word. */
export function isRecallable(typed: string): boolean {
  return ARABIC_WORD.test(typed) && !STOP_WORDS.has(normalizeArabic(typed));
}

/** The title's words a reader could recall it by, as typed. */
export function recallableWords(title: string): string[] {
  return headlineWords(title).map(typable).filter(isRecallable);
}

export interface Typo {
  kind: TypoKind;
  /** Index of the mistyped word among the kept words. */
  word: number;
  intended: string;
  typed: string;
}

/** Positions (letter indices) where each kind of typo can be made in `letters`. */
function positions(kind: TypoKind, letters: readonly string[]): number[] {
  const all = letters.map((_, i) => i);
  if (kind === "swap") return all.slice(0, -1).filter((i) => letters[i] !== letters[i + 1]);
  if (kind === "neighbour") return all.filter((i) => KEYBOARD_NEIGHBOURS.has(letters[i] ?? ""));
  if (kind === LONG_VOWEL) {
    const after = (DEFINITE_ARTICLE.exec(letters.join(""))?.[0].length ?? 0) + 1;
    return all.filter((i) => i >= after && LONG_VOWELS.has(letters[i] ?? ""));
  }
  return all;
}

function apply(kind: TypoKind, letters: readonly string[], at: number, rng: Rng): string {
  const out = [...letters];
  const letter = out[at] ?? "";
  if (kind === "drop" || kind === LONG_VOWEL) out.splice(at, 1);
  else if (kind === "double") out.splice(at, 0, letter);
  else if (kind === "swap") [out[at], out[at + 1]] = [out[at + 1] ?? "", letter];
  else out[at] = pick(KEYBOARD_NEIGHBOURS.get(letter) ?? [], rng) ?? letter;
  return out.join("");
}

/**
 * One typo in `word`, of a kind drawn among those the word allows. A slip that normalisation
 * would undo is no misspelling for the engine, so another is drawn instead.
 */
export function mistype(word: string, rng: Rng, kinds: readonly TypoKind[] = TYPOS) {
  const letters = Array.from(word);
  const options = kinds.filter((kind) => positions(kind, letters).length > 0);
  for (let attempt = 0; attempt < 8 && options.length; attempt++) {
    const kind = pick(options, rng) as TypoKind;
    const typed = apply(kind, letters, pick(positions(kind, letters), rng) as number, rng);
    if (normalizeArabic(typed) !== normalizeArabic(word)) return { kind, typed };
  }
  return undefined;
}

/** The unfinished last word: 60% of its letters, never fewer than three. */
export function cutWord(word: string): string {
  const letters = Array.from(word);
  return letters.slice(0, Math.max(3, Math.round(letters.length * 0.6))).join("");
}

export interface TypedQuery {
  /** The kept words as the headline spells them (what the reader meant). */
  intended: string[];
  /** The words as typed. */
  typed: string[];
  typo: Typo | null;
  /** Whether the last word was left unfinished. */
  cut: boolean;
}

export interface TypeOptions {
  /** Make one typo (in a word of 4+ letters); otherwise the kept words are typed correctly. */
  typo: boolean;
  /** Chance of cutting the last word when the typo is in another word. */
  cutChance: number;
  /** The kinds of typo drawn from (TYPOS unless given). */
  typoKinds?: readonly TypoKind[];
}

const LONG_WORD = 4;

/**
 * Two or three of the title's recallable words, in order, typed as a reader would; undefined
 * when the title has too few words (4 at least, 2 recallable) or no word of 4+ letters to keep.
 */
export function typeFromMemory(title: string, rng: Rng, options: TypeOptions): TypedQuery | undefined {
  if (headlineWords(title).length < 4) return undefined;
  const words = recallableWords(title);
  if (words.length < 2) return undefined;
  const size = rng() < 0.5 ? 2 : 3;
  for (let attempt = 0; attempt < 4; attempt++) {
    const intended = sample(words, size, rng);
    const long = intended.flatMap((word, i) => (Array.from(word).length >= LONG_WORD ? [i] : []));
    if (!long.length) continue;
    const typed = [...intended];
    let typo: Typo | null = null;
    if (options.typo) {
      const at = pick(long, rng) as number;
      const made = mistype(intended[at] as string, rng, options.typoKinds);
      if (!made) continue;
      typo = { kind: made.kind, word: at, intended: intended[at] as string, typed: made.typed };
      typed[at] = made.typed;
    }
    const last = typed.length - 1;
    const cutChance = typo?.word === last ? 0 : options.cutChance;
    const cut = rng() < cutChance && cutWord(typed[last] as string) !== typed[last];
    if (cut) typed[last] = cutWord(typed[last] as string);
    return { intended, typed, typo, cut };
  }
  return undefined;
}

/**
 * The text with one typo (as typeFromMemory makes them) in one of its recallable words of 4+
 * letters, every other word as written; undefined when it has none to mistype.
 */
export function withOneTypo(text: string, rng: Rng): { typed: string; typo: Typo } | undefined {
  const words = text.split(/\s+/).filter(Boolean);
  const forms = words.map(typable);
  const long = forms.flatMap((form, i) =>
    isRecallable(form) && Array.from(form).length >= LONG_WORD ? [i] : [],
  );
  const at = pick(long, rng);
  if (at === undefined) return undefined;
  const intended = forms[at] as string;
  const made = mistype(intended, rng);
  if (!made) return undefined;
  const typed = words.map((word, i) => (i === at ? made.typed : word)).join(" ");
  return { typed, typo: { kind: made.kind, word: at, intended, typed: made.typed } };
}

/** A body's sentences a reader could recall words from: 6 to 20 words between stops and commas. */
export function bodySentences(body: string): string[] {
  return body
    .split(/[.!?؟،\n]+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => {
      const words = sentence.split(/\s+/).length;
      return words >= 6 && words <= 20;
    });
}
