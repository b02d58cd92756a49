/**
 * A 64-bit fingerprint of integer and floating-point arrays: two independent FNV-1a style
 * lanes over the 32-bit words. Cache keys use it to find a candidate quickly; a hit is always
 * confirmed by comparing the data itself (session/keptCache.ts), so a collision costs nothing.
 */
/** FNV-1a over the first `count` 32-bit words: the first lane of Fingerprint, for small hash keys. */
export function fnv1a(words: Int32Array, count = words.length): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < count; i++) h = Math.imul(h ^ words[i], 0x01000193);
  return h;
}

export class Fingerprint {
  private h = 0x811c9dc5;
  private g = 0x01000193;

  /** Mix in 32-bit words. */
  words(words: Int32Array): this {
    let h = this.h;
    let g = this.g;
    for (let i = 0; i < words.length; i++) {
      h = Math.imul(h ^ words[i], 0x01000193);
      g = Math.imul(g ^ words[i], 0x5bd1e995);
    }
    this.h = h;
    this.g = g;
    return this;
  }

  /** Mix in the bytes of doubles, bit for bit. */
  floats(values: Float64Array): this {
    return this.words(new Int32Array(values.buffer, values.byteOffset, values.length * 2));
  }

  toString(): string {
    return `${(this.h >>> 0).toString(16)}${(this.g >>> 0).toString(16)}`;
  }
}
