import { fnv1a } from '../sparse/fingerprint';

/**
 * Element shapes of a mesh: a structured mesh has few (81 in the 23k quads of the default
 * module). Two elements have the same shape when their corners sit at the same offsets from the
 * first corner and their thickness is equal, compared bit for bit; their element matrices then
 * agree up to the round-off of a translation, so each is computed once per shape, into `blocks`.
 * Hashed and then checked, with no key string per element. Used for the stiffness and for the
 * largest stress of a case (elementResults, which fills ten arrays per element anyway, does not).
 */
export class ElementShapes {
  /** number of distinct shapes seen so far */
  count = 0;
  /** per shape, blockSize doubles of data computed by the caller: shape id at blocks[id·blockSize ..] */
  blocks: Float64Array;
  private readonly shape = new Float64Array(7);
  private readonly words = new Int32Array(this.shape.buffer);
  private readonly byHash = new Map<number, number[]>();
  private stored: Float64Array = new Float64Array(7 * 64);

  /** @param blockSize doubles of caller data per shape (0: none) */
  constructor(blockSize = 0) {
    this.blocks = new Float64Array(blockSize * 64);
  }

  /** Whether the last idOf() met a new shape, whose block the caller must now fill. */
  isNew = false;

  /** Shape id (0, 1, … in order of first appearance) of an element with corners xy (mm) and thickness t (mm). */
  idOf(xy: Float64Array, t: number): number {
    const v = this.shape;
    for (let a = 1; a < 4; a++) {
      v[2 * a - 2] = xy[2 * a] - xy[0];
      v[2 * a - 1] = xy[2 * a + 1] - xy[1];
    }
    v[6] = t;
    const h = fnv1a(this.words);
    const candidates = this.byHash.get(h);
    if (candidates) {
      for (const id of candidates) {
        let equal = true;
        for (let i = 0; i < 7 && equal; i++) equal = this.stored[7 * id + i] === v[i];
        if (equal) {
          this.isNew = false;
          return id;
        }
      }
    }
    const id = this.count++;
    this.isNew = true;
    if (7 * this.count > this.stored.length) {
      this.stored = grown(this.stored);
      this.blocks = grown(this.blocks);
    }
    this.stored.set(v, 7 * id);
    if (candidates) candidates.push(id);
    else this.byHash.set(h, [id]);
    return id;
  }
}

function grown(a: Float64Array): Float64Array {
  const bigger = new Float64Array(2 * a.length);
  bigger.set(a);
  return bigger;
}
