/**
 * @module text/keyboard
 * Which keys neighbour which on the Arabic keyboard: the typo a finger makes most after a doubled
 * or swapped letter. "Did you mean" ranks corrections by it; the evaluation makes typos with it.
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
