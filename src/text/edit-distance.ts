/**
 * @module text/edit-distance
 * How many edits apart two words are, counted as Lucene's fuzzy queries count them: a letter put
 * in, left out or replaced, or two neighbouring letters swapped (optimal string alignment). Letters
 * are UTF-16 units, which Arabic's all are. It runs for every word of every title a page marks, so
 * its table's rows are kept between calls.
 */

let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/** The edits between `a` and `b`, or `limit + 1` as soon as they are sure to be more than `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  return Math.min(lastRow(a, b, limit)?.[b.length] ?? limit + 1, limit + 1);
}

/** The fewest edits between `a` and a start of `b` (`b` itself included), or `limit + 1` past `limit`. */
export function startEditDistance(a: string, b: string, limit: number): number {
  const row = lastRow(a, b, limit);
  if (!row) return limit + 1;
  let fewest = limit + 1;
  for (let j = 0; j <= b.length; j++) fewest = Math.min(fewest, row[j] ?? fewest);
  return fewest;
}

/**
 * The table's last row: the edits between `a` and each start of `b` (index: its length). Undefined
 * once a row holds nothing within `limit`: no later row can (a swap skips a row, but costs one).
 */
function lastRow(a: string, b: string, limit: number): Int32Array | undefined {
  const width = b.length + 1;
  if ((rows[0]?.length ?? 0) < width) rows = rows.map(() => new Int32Array(width * 2));
  let [twoBack, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const letter = a.charCodeAt(i - 1);
    const letterBefore = a.charCodeAt(i - 2);
    current[0] = i;
    let best = i;
    for (let j = 1; j < width; j++) {
      const other = b.charCodeAt(j - 1);
      let edits = (previous[j - 1] as number) + (letter === other ? 0 : 1);
      edits = Math.min(edits, (previous[j] as number) + 1, (current[j - 1] as number) + 1);
      if (i > 1 && j > 1 && letter === b.charCodeAt(j - 2) && letterBefore === other)
        edits = Math.min(edits, (twoBack[j - 2] as number) + 1);
      current[j] = edits;
      best = Math.min(best, edits);
    }
    if (best > limit) return undefined;
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  return previous;
}
