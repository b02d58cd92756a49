/**
 * A small least-recently-used store of expensive results (symbolic analyses, plate stiffness,
 * assembly plans, factors) for the next solve that needs the same one. A key only finds the
 * candidate: a hit is confirmed by comparing, element for element, the arrays the result was
 * made from, so a hash collision can never hand a solve another problem's factor.
 */
type Identity = ReadonlyArray<ArrayLike<number> | string | number>;

interface Entry<V> {
  key: string;
  identity: Identity;
  value: V;
}

export class KeptCache<V> {
  private readonly entries: Entry<V>[] = [];
  hits = 0;
  misses = 0;

  /** `capacity`: entries kept; the least recently used goes first. */
  constructor(private readonly capacity: number) {}

  /**
   * The value kept for `key` whose identity equals `identity`, or `make()` kept from now on.
   * `identity` is copied, so later changes to the caller's arrays cannot fake a hit.
   */
  get(key: string, identity: Identity, make: () => V): { value: V; hit: boolean } {
    const i = this.entries.findIndex((e) => e.key === key && sameIdentity(e.identity, identity));
    if (i >= 0) {
      const [e] = this.entries.splice(i, 1);
      this.entries.push(e);
      this.hits++;
      return { value: e.value, hit: true };
    }
    const value = make();
    this.misses++;
    this.entries.push({ key, identity: identity.map(copyPart), value });
    if (this.entries.length > this.capacity) this.entries.shift();
    return { value, hit: false };
  }

  /** The kept value whose identity equals `identity`, without making one. */
  find(key: string, identity: Identity): V | undefined {
    const e = this.entries.find((x) => x.key === key && sameIdentity(x.identity, identity));
    return e?.value;
  }

  /**
   * Keep `value` for `key` and `identity`, replacing an entry with the same key and identity. Several
   * identities may share a key (the factors of two contact sets a history alternates between); the
   * capacity bounds them all.
   */
  put(key: string, identity: Identity, value: V): void {
    const i = this.entries.findIndex((e) => e.key === key && sameIdentity(e.identity, identity));
    if (i >= 0) this.entries.splice(i, 1);
    this.entries.push({ key, identity: identity.map(copyPart), value });
    if (this.entries.length > this.capacity) this.entries.shift();
  }

  clear(): void {
    this.entries.length = 0;
  }
}

function copyPart(p: ArrayLike<number> | string | number): ArrayLike<number> | string | number {
  if (typeof p === 'string' || typeof p === 'number') return p;
  return ArrayBuffer.isView(p) ? (p as unknown as Float64Array).slice() : Array.from(p);
}

function sameIdentity(a: Identity, b: Identity): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    const y = b[k];
    if (typeof x === 'string' || typeof x === 'number' || typeof y === 'string' || typeof y === 'number') {
      if (x !== y) return false;
      continue;
    }
    if (x.length !== y.length) return false;
    // Object.is: −0 and +0 are different entries of a matrix to a bit-exact factor, NaN equals NaN
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return false;
  }
  return true;
}
