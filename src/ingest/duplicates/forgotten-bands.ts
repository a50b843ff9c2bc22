/**
 * @module ingest/duplicates/forgotten-bands
 * The bands the grouper's memory has let go of, in a Bloom filter: whether the index must be asked.
 */

const FORGOTTEN_BITS_LOG2 = 25;
/** A constant, not `2 ** bits - 1` in the method: that is a Math.pow call for every band looked up. */
const FORGOTTEN_LOW_MASK = 2 ** FORGOTTEN_BITS_LOG2 - 1;

/**
 * The bands memory has dropped, as a Bloom filter of fixed size (4 MB, two bits a band): whether
 * the index may hold an article of this run that memory no longer knows. A false positive only
 * adds a key to the lookup, and a very long run degrades gracefully towards asking about every band.
 */
export class ForgottenBands {
  readonly #words = new Uint32Array(2 ** FORGOTTEN_BITS_LOG2 / 32);
  #empty = true;

  /** True until the first band is forgotten: then no band need be tested. */
  get empty(): boolean {
    return this.#empty;
  }

  add(band: number): void {
    this.#empty = false;
    this.#set(ForgottenBands.#low(band));
    this.#set(ForgottenBands.#spread(band));
  }

  has(band: number): boolean {
    return this.#get(ForgottenBands.#low(band)) && this.#get(ForgottenBands.#spread(band));
  }

  /** A band's two bits: its low bits, and a multiplicative (Fibonacci) hash of it, its top bits. */
  static #low(band: number): number {
    return band & FORGOTTEN_LOW_MASK;
  }

  static #spread(band: number): number {
    return Math.imul(band, 0x9e3779b1) >>> (32 - FORGOTTEN_BITS_LOG2);
  }

  #set(bit: number): void {
    this.#words[bit >>> 5] = (this.#words[bit >>> 5] ?? 0) | (1 << (bit & 31));
  }

  #get(bit: number): boolean {
    return ((this.#words[bit >>> 5] ?? 0) & (1 << (bit & 31))) !== 0;
  }
}
