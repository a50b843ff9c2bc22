/**
 * @module text/latin-sounds
 * How Arabic news writes a name a reader types in Latin letters: aramco is أرامكو, netflix
 * نتفليكس, trump ترامب, riyadh رياض. Pure: the spellings the sounds most often take, normalised as
 * the index holds them (ا for every alef, ي for ى, ه for ة), and the consonants that must agree
 * for an index word to be taken for the same name.
 */

// Letters that write one sound, longest first (a doubled letter is read once before these).
const PAIRS: readonly (readonly [string, string])[] = [
  ["sch", "ش"],
  ["tch", "تش"],
  ["sh", "ش"],
  ["th", "ث"],
  ["kh", "خ"],
  ["gh", "غ"],
  ["ph", "ف"],
  ["wh", "و"],
  ["ck", "ك"],
  ["qu", "كو"],
  ["zh", "ج"],
  ["ou", "و"],
  ["oa", "و"],
  ["ea", "ي"],
  ["ie", "ي"],
  ["ei", "ي"],
  ["ey", "ي"],
  ["iy", "ي"],
  ["au", "او"],
  ["aw", "او"],
];

// Letters that write one sound two ways, the likelier first.
const TWO_WAYS: readonly (readonly [string, readonly string[]])[] = [
  ["ch", ["تش", "ش"]],
  ["dh", ["ذ", "ض"]],
  ["ai", ["اي", "ي"]],
  ["ay", ["اي", "ي"]],
];

const LETTERS: Readonly<Record<string, string>> = {
  a: "ا",
  b: "ب",
  c: "ك",
  d: "د",
  f: "ف",
  g: "ج",
  h: "ه",
  i: "ي",
  j: "ج",
  k: "ك",
  l: "ل",
  m: "م",
  n: "ن",
  o: "و",
  p: "ب",
  q: "ق",
  r: "ر",
  s: "س",
  t: "ت",
  u: "و",
  v: "ف",
  w: "و",
  x: "كس",
  y: "ي",
  z: "ز",
};

/**
 * A word Arabic news could be writing: Latin letters only, with a vowel, long enough to tell a name
 * by and no longer than one. Arabic typed on the Latin layout seldom has a vowel (hgsdsd, lwv).
 */
export const LATIN_NAME = /^(?=.*[aeiouy])[a-z]{3,20}$/i;

// Letters read two ways multiply the spellings: those with the fewest second readings are kept.
const MAX_SPELLINGS = 16;

/** A spelling, and how many of the name's letters it reads their second, less likely way. */
export interface ArabicSpelling {
  text: string;
  secondReadings: number;
}

/**
 * The spellings Arabic news most often gives a name typed in Latin letters, likeliest first (the
 * fewest letters read their second way): long vowels written (ناسا, تويوتا), a final e silent
 * (ابل), a medial e as ي or left out (ميسي, تسلا), a medial a written or not (سلمان), an initial
 * vowel as ا or ع (عباس, عمان), an initial i as ا or اي (ايفون), ai as اي or ي (فيصل), a final a
 * or ah as ا or ة (مكة, جدة; the index's ه), a final s as س or ز (جوبز), ch as تش or ش
 * (مانشستر), dh as ذ or ض (رياض). A word ending in ة is Arabic, whose short vowels go unwritten:
 * there a medial e is likelier left out (جدة, not جيدة). Undefined for anything but a LATIN_NAME.
 */
export function arabicSpellings(latin: string): ArabicSpelling[] | undefined {
  if (!LATIN_NAME.test(latin)) return undefined;
  const word = latin.toLowerCase().replace(/(.)\1+/g, "$1");
  // medialE: the medial e written as ي less those left out; a final ة reads each the other way.
  let spellings: Array<ArabicSpelling & { medialE: number }> = [{ text: "", secondReadings: 0, medialE: 0 }];
  /** Each spelling continued each way, the first likeliest; `taMarbuta`: the way that writes ة. */
  const add = (ways: readonly string[], { medialE = [] as number[], taMarbuta = -1 } = {}) => {
    spellings = spellings
      .flatMap((spelling) =>
        ways.map((way, i) => ({
          text: spelling.text + way,
          secondReadings: spelling.secondReadings + (i ? 1 : 0) + (i === taMarbuta ? spelling.medialE : 0),
          medialE: spelling.medialE + (medialE[i] ?? 0),
        })),
      )
      .sort((a, b) => a.secondReadings - b.secondReadings)
      .slice(0, MAX_SPELLINGS);
  };
  for (let at = 0; at < word.length; ) {
    const rest = word.slice(at);
    const last = at === word.length - 1;
    if (at === 0 && /^[aeiou]/.test(rest)) {
      if (rest[0] === "o" || rest[0] === "u") add(["او", "ع"]);
      else if (rest[0] === "i") add(["ا", "اي"]);
      else add(["ا", "ع"]);
      at += rest.startsWith("ou") ? 2 : 1;
      continue;
    }
    if (rest === "er") {
      add(["ر"]);
      break;
    }
    if (rest === "ah") {
      add(["ه", "اه"], { taMarbuta: 0 });
      break;
    }
    if (rest === "a") {
      add(["ا", "ه"], { taMarbuta: 1 });
      break;
    }
    if (rest[0] === "c" && /^[eiy]/.test(rest.slice(1))) {
      add(["س"]);
      at += 1;
      continue;
    }
    const twoWays = TWO_WAYS.find(([letters]) => rest.startsWith(letters));
    if (twoWays) {
      add(twoWays[1]);
      at += twoWays[0].length;
      continue;
    }
    const pair = PAIRS.find(([letters]) => rest.startsWith(letters));
    if (pair) {
      add([pair[1]]);
      at += pair[0].length;
      continue;
    }
    const letter = rest[0] ?? "";
    if (letter === "e" && last) add([""]);
    else if (letter === "e") add(["ي", ""], { medialE: [1, -1] });
    else if (letter === "a") add(["ا", ""]);
    else if (letter === "s" && last && at > 0) add(["س", "ز"]);
    else add([LETTERS[letter] ?? ""]);
    at += 1;
  }
  const seen = new Set<string>();
  return spellings
    .filter(({ text }) => text.length >= 2 && !seen.has(text) && seen.add(text))
    .map(({ text, secondReadings }) => ({ text, secondReadings }));
}

// Letters a Latin name's vowels become, or that write no Latin consonant: left out of a skeleton.
const VOWEL_LETTERS = /[اويىءأإآؤئ]/g;
// Arabic letters one Latin consonant is written with, each group read as its first.
const SAME_SOUND: readonly string[] = ["كقجغ", "سصث", "تط", "دض", "زذظ", "هح"];

// The other letter Arabic news most often writes a Latin consonant's sound with (غوغل, قطر, حماس).
const OTHER_LETTER: Readonly<Record<string, string>> = {
  ج: "غ",
  ك: "ق",
  س: "ص",
  ت: "ط",
  د: "ض",
  ز: "ذ",
  ه: "ح",
};

/**
 * The word with its first letter put as the other letter its sound is often written with (هاماس:
 * حاماس, تاليبان: طاليبان), if it has one: index words are looked up from their first letter.
 */
export function otherFirstLetter(arabic: string): string | undefined {
  const [first = "", ...rest] = arabic;
  const other = OTHER_LETTER[first];
  return other && other + rest.join("");
}

/**
 * The consonants of an Arabic word as a Latin name's would be written: vowel letters and a final
 * ه (ة) left out, letters one Latin consonant is written with read as one. ترامب and ترومب share
 * ترمب; دبي and دوباي share دب.
 */
export function consonantSkeleton(arabic: string): string {
  const consonants = arabic.replace(/ه$/, "").replace(VOWEL_LETTERS, "");
  return [...consonants]
    .map((letter) => SAME_SOUND.find((group) => group.includes(letter))?.[0] ?? letter)
    .join("");
}
