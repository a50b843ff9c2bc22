/**
 * @module text/keyboard
 * Which keys neighbour which on the Arabic keyboard: the typo a finger makes most after a doubled
 * or swapped letter. "Did you mean" ranks corrections by it; the evaluation makes typos with it.
 * And what each key of the US layout types on the Arabic one, for text typed with the keyboard
 * left on the Latin layout.
 */

/**
 * The standard Arabic PC layout (Arabic 101), unshifted, row by row from the top letter row; null
 * is the lam-alef key, which types two letters. ذ sits alone left of 1 and touches no letter key.
 */
export const ARABIC_KEYBOARD_ROWS: readonly (readonly (string | null)[])[] = [
  ["ض", "ص", "ث", "ق", "ف", "غ", "ع", "ه", "خ", "ح", "ج", "د"],
  ["ش", "س", "ي", "ب", "ل", "ا", "ت", "ن", "م", "ك", "ط"],
  ["ئ", "ء", "ؤ", "ر", null, "ى", "ة", "و", "ز", "ظ"],
];

/** Keys that touch: left and right, and with each row shifted right of the one above, key j of a
 * row touches keys j and j+1 of the row above. */
function neighbourMap(rows: typeof ARABIC_KEYBOARD_ROWS): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, string[]>();
  const link = (a: string | null | undefined, b: string | null | undefined) => {
    if (!a || !b) return;
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      const list = map.get(from) ?? [];
      if (!list.includes(to)) list.push(to);
      map.set(from, list);
    }
  };
  rows.forEach((row, r) => {
    row.forEach((key, j) => {
      link(key, row[j + 1]);
      const above = rows[r - 1];
      if (above) {
        link(key, above[j]);
        link(key, above[j + 1]);
      }
    });
  });
  return map;
}

export const KEYBOARD_NEIGHBOURS = neighbourMap(ARABIC_KEYBOARD_ROWS);

/** The US (QWERTY) keys under ARABIC_KEYBOARD_ROWS, row by row: `b` is the lam-alef key. */
const LATIN_KEYBOARD_ROWS = ["qwertyuiop[]", "asdfghjkl;'", "zxcvbnm,./"] as const;

/**
 * What the Arabic 101 layout types for a key pressed with the US layout's character on it: the
 * letter keys unshifted, the key left of 1, and the shifted keys that type a character of their own
 * (hamza forms, diacritics, Arabic punctuation). Keys absent here type the same character on both.
 */
export const ARABIC_FOR_LATIN_KEY: ReadonlyMap<string, string> = new Map([
  ...LATIN_KEYBOARD_ROWS.flatMap((keys, r) =>
    [...keys].map((key, j): [string, string] => [key, ARABIC_KEYBOARD_ROWS[r]?.[j] ?? "لا"]),
  ),
  ["`", "ذ"],
  ...Object.entries({
    "~": "\u0651",
    Q: "\u064E",
    W: "\u064B",
    E: "\u064F",
    R: "\u064C",
    T: "لإ",
    Y: "إ",
    U: "‘",
    I: "÷",
    O: "×",
    P: "؛",
    "{": "<",
    "}": ">",
    A: "\u0650",
    S: "\u064D",
    D: "]",
    F: "[",
    G: "لأ",
    H: "أ",
    J: "ـ",
    K: "،",
    L: "/",
    Z: "~",
    X: "\u0652",
    C: "}",
    V: "{",
    B: "لآ",
    N: "آ",
    M: "’",
    "<": ",",
    ">": ".",
    "?": "؟",
  }),
]);

const LATIN_LETTER = /[A-Za-z]/;
/** A run of Latin letters: a word typed in Latin letters (global: for match, matchAll, replace). */
export const LATIN_WORD = /[A-Za-z]+/g;
const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3]/;

/**
 * The text the same keys type on the Arabic keyboard, for text typed with the keyboard left on
 * the Latin layout (hgsdsd: السيسي); undefined for text with an Arabic letter, or whose keys type
 * no Arabic letter.
 */
export function arabicForLatinKeys(text: string): string | undefined {
  if (!LATIN_LETTER.test(text) || ARABIC_LETTER.test(text)) return undefined;
  const typed = [...text].map((char) => ARABIC_FOR_LATIN_KEY.get(char) ?? char).join("");
  return ARABIC_LETTER.test(typed) ? typed : undefined;
}

/** Whether the key with this Latin character types an Arabic letter on the Arabic keyboard. */
export function typesArabicLetter(key: string): boolean {
  return ARABIC_LETTER.test(ARABIC_FOR_LATIN_KEY.get(key) ?? "");
}
