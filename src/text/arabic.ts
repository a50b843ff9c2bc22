/**
 * @module text/arabic
 * Arabic orthographic normalisation in TypeScript, mirroring the `arabic_news_exact` analyzer in
 * mappings/articles.json. Used where text is compared outside Elasticsearch: fingerprints for
 * near-duplicates, the protected-names rules, query spell variants in the evaluation harness.
 */

/** Zero-width and bidi controls that copy-paste and CMSs leave inside words: cleaning drops them all. */
export const INVISIBLE_CONTROLS = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF]/g;

/**
 * The `arabic_letter_variants` char filter: Persian and Urdu letters, wasla and the hamza seats
 * ؤ ئ become one Arabic letter; the marks and invisible controls it lists go. (It keeps the bidi
 * embeddings and isolates, which never reach it: cleaning drops them.)
 */
const LETTER_VARIANTS: Record<string, string> = {
  "\u06A9": "\u0643", // Persian keheh ک → ك
  "\u06AA": "\u0643",
  "\u06CC": "\u064A", // Persian yeh ی → ي
  "\u06D2": "\u064A",
  "\u06C0": "\u0647", // ۀ → ه
  "\u06C1": "\u0647",
  "\u06D5": "\u0647",
  "\u0671": "\u0627", // ٱ wasla → ا
  "\u0624": "\u0621", // ؤ → ء: مسؤول and مسئول meet
  "\u0626": "\u0621", // ئ → ء
};
const LETTER_VARIANT = new RegExp(`[${Object.keys(LETTER_VARIANTS).join("")}]`, "g");
/** Maddah and hamza marks above and below, superscript alef, zero-width and direction marks. */
const DROPPED_BY_CHAR_FILTER = /[\u0653-\u0655\u0670\u200B-\u200F\u061C\uFEFF]/g;

/** The letters (U+0621–U+064A) a run of three or more of collapses to one: جمييييل → جميل. */
export const ELONGATION_LETTERS = { first: 0x0621, last: 0x064a } as const;
const hex = (unit: number) => unit.toString(16).padStart(4, "0");
const ELONGATION = new RegExp(
  `([\\u${hex(ELONGATION_LETTERS.first)}-\\u${hex(ELONGATION_LETTERS.last)}])\\1{2,}`,
  "g",
);

/** `arabic_normalization`: alef with hamza or madda → ا, ى → ي, ة → ه; tatweel and harakat go. */
const NORMALIZED_LETTERS: Record<string, string> = {
  "\u0622": "\u0627", // آ → ا
  "\u0623": "\u0627", // أ → ا
  "\u0625": "\u0627", // إ → ا
  "\u0649": "\u064A", // ى → ي
  "\u0629": "\u0647", // ة → ه
};
const NORMALIZED_LETTER = new RegExp(`[${Object.keys(NORMALIZED_LETTERS).join("")}]`, "g");
/** Tatweel and harakat: what the analyzer drops and readers do not type. */
export const TATWEEL_AND_HARAKAT = /[\u0640\u064B-\u0652]/g;

/** Digits of every Arabic script to ASCII (Arabic-Indic U+0660–9, Persian U+06F0–9). */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) => String((digit.charCodeAt(0) & 0xf) % 10));
}

/** The `arabic_letter_variants` char filter alone: what the elongation rule sees. */
export function letterVariants(text: string): string {
  return text
    .replace(DROPPED_BY_CHAR_FILTER, "")
    .replace(LETTER_VARIANT, (letter) => LETTER_VARIANTS[letter] ?? letter);
}

/**
 * The unstemmed normal form: what `arabic_news_exact` would index, as one string. The steps run in
 * the analyzer's order: elongation collapses before letters are unified, so ةةه stays three letters.
 */
export function normalizeArabic(text: string): string {
  return toAsciiDigits(letterVariants(text).replace(ELONGATION, "$1").toLowerCase())
    .replace(TATWEEL_AND_HARAKAT, "")
    .replace(NORMALIZED_LETTER, (letter) => NORMALIZED_LETTERS[letter] ?? letter);
}

/** Whitespace and punctuation, Arabic included: a plain regex, far cheaper than \p{L} classes. */
export const WORD_SEPARATORS = /[\s.,،؛:;!?؟"'`()[\]{}«»“”‘’\-–—…/\\|<>=+*&%$#@^~_]+/;

/** The articles the `arabic_definite_article` filter strips: ال, alone or after و ف ب ك, and لل. */
export const DEFINITE_ARTICLES = ["ال", "وال", "فال", "بال", "كال", "لل"] as const;

/**
 * The `arabic_definite_article` filter: one of DEFINITE_ARTICLES before 3+ letters. The prefix
 * alone is matched, and without the u flag (every unit here is in the BMP): it runs on every title
 * word.
 */
export const DEFINITE_ARTICLE = new RegExp(`^(?:${DEFINITE_ARTICLES.join("|")})(?=[\\u0621-\\u064a]{3,}$)`);

/** Whether the `exact` sub-fields index the word without an article it was typed with. */
export function carriesArticle(word: string): boolean {
  return DEFINITE_ARTICLE.test(normalizeArabic(word));
}

/** The words as the `exact` sub-fields index them (`arabic_news_word`): normalised, unstemmed, no article. */
export function exactWords(text: string): string[] {
  return normalizeArabic(text)
    .split(WORD_SEPARATORS)
    .filter(Boolean)
    .map((word) => word.replace(DEFINITE_ARTICLE, ""));
}

/** Prefixes Lucene's arabic_stem strips (at most one), longest first. */
const STEM_PREFIXES = ["وال", "بال", "كال", "فال", "لل", "ال", "و"];

/** Those of them that carry the article. */
const ARTICLE_PREFIXES = STEM_PREFIXES.filter((prefix) => prefix !== "و");

/** Every prefix a name may be written with: the stemmer's, and the one-letter prepositions. */
const NAME_PREFIXES = [...STEM_PREFIXES, "ب", "ل", "ف", "ك"];

/**
 * The `arabic_word_ending` filter. A final alef after three or more letters goes, which removes the
 * tanween alef (جسراً → جسر, هاتفياً = هاتفيا) and lets a country meet its adjective (روسيا → روسي).
 * A final hamza written after ي where the word's pattern seats it on ي (an alef a letter before:
 * طواريء, لاجيء, مباديء) meets the seated spelling (طوارئ, لاجئ, مبادئ), which the character filter
 * writes as ء; a word without that alef keeps its ي (بريء, شيء, بطيء).
 */
export function normalizeWordEnding(word: string): string {
  if (/^\p{L}{2,}[^\u0627]\u0627$/u.test(word)) return word.slice(0, -1);
  return /^\p{L}*\u0627\p{L}\u064a\u0621$/u.test(word) ? `${word.slice(0, -2)}\u0621` : word;
}

/**
 * The endings of the feminine and plural of an adjective in ي (الروسية, الروسيين, الروسيون,
 * الروسيات), which the stemmer would cut past the ي (روس).
 */
const DEMONYM_ENDINGS = ["ه", "ين", "ون", "ات"];

/**
 * Rules for `stemmer_override`: every prefixed form of a protected name maps to the name without
 * its prefix, so the stemmer never cuts the name and "والبحرين" still meets "البحرين". A name
 * ending in ي after the final alef goes (روسيا → روسي) also takes its adjective's feminine and
 * plurals (الروسية, الروسيين).
 */
export function protectedNameRules(names: string[]): string[] {
  const rules = new Set<string>();
  for (const name of names) {
    const normalized = normalizeArabic(name);
    // Written أل (ألمانيا), the alef and lam are the name's own letters, not the article.
    const article = normalized.startsWith("ال") && normalized.length > 4 && !name.startsWith("أل");
    const bare = article ? normalized.slice(2) : normalized;
    const base = normalizeWordEnding(bare);
    const forms = base.endsWith("ي")
      ? [base, ...DEMONYM_ENDINGS.map((ending) => `${base}${ending}`)]
      : [base];
    // A name written with the article takes a letter before it only with the article (فاليمن):
    // the letter and the bare name make other words (فيمن, "in whom").
    const prefixes = article ? ARTICLE_PREFIXES : NAME_PREFIXES;
    for (const form of forms)
      for (const prefix of ["", ...prefixes]) rules.add(`${prefix}${form} => ${base}`);
  }
  return [...rules];
}
