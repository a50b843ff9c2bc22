/**
 * @module ingest/duplicates/band-table
 * A hash map from band number to article number that allocates nothing per entry.
 */

/**
 * Band number → article number, by open addressing over two typed arrays. Band numbers come from a
 * hash already, so their low bits pick the cell. Grows by doubling at three quarters full: a
 * generation's bands then fit the cells they did when an article had half as many.
 */
export class BandTable {
  /** band + 1; 0 marks an empty cell. */
  #bands = new Int32Array(1024);
  #articles = new Int32Array(1024);
  #size = 0;

  get(band: number): number {
    const mask = this.#bands.length - 1;
    for (let cell = band & mask; ; cell = (cell + 1) & mask) {
      const key = this.#bands[cell];
      if (key === band + 1) return this.#articles[cell] ?? -1;
      if (!key) return -1;
    }
  }

  set(band: number, article: number): void {
    if (4 * (this.#size + 1) > 3 * this.#bands.length) this.#grow();
    const mask = this.#bands.length - 1;
    let cell = band & mask;
    while (this.#bands[cell] && this.#bands[cell] !== band + 1) cell = (cell + 1) & mask;
    if (!this.#bands[cell]) this.#size++;
    this.#bands[cell] = band + 1;
    this.#articles[cell] = article;
  }

  forEachBand(onBand: (band: number) => void): void {
    const bands = this.#bands;
    for (let cell = 0; cell < bands.length; cell++) {
      const key = bands[cell] ?? 0;
      if (key) onBand(key - 1);
    }
  }

  #grow(): void {
    const bands = this.#bands;
    const articles = this.#articles;
    this.#bands = new Int32Array(2 * bands.length);
    this.#articles = new Int32Array(2 * bands.length);
    this.#size = 0;
    bands.forEach((key, cell) => {
      if (key) this.set(key - 1, articles[cell] ?? -1);
    });
  }
}
