/** A bolt axis in plate coordinates [mm]. */
export interface BoltAt {
  x: number;
  y: number;
}

/** Overlapping washer pairs: the first `listed` in order, and how many there are in all. */
export interface WasherOverlaps {
  /** [i, j] with j < i, ordered by i then j — the order of a double loop over the bolts */
  pairs: [number, number][];
  total: number;
}

/**
 * The pairs of bolts whose washers (diameter `washer` [mm]) overlap: centres closer than
 * `washer − eps`. A uniform grid of cells one washer wide holds the bolts, so each bolt is
 * compared only with those in its own and the eight neighbouring cells: linear in the bolts for
 * any layout whose washers do not pile up (then every pair is an overlap and is counted).
 */
export function washerOverlaps(
  bolts: readonly BoltAt[],
  washer: number,
  eps: number,
  listed = 10,
): WasherOverlaps {
  const cell = washer > 0 ? washer : 1;
  const cellOf = (v: number) => Math.floor(v / cell);
  // a string key: exact for any cell index, where packing two indices into one number could collide
  const key = (i: number, j: number) => `${i},${j}`;
  const grid = new Map<string, number[]>();
  const pairs: [number, number][] = [];
  let total = 0;
  const near: number[] = [];
  bolts.forEach((b, i) => {
    const cx = cellOf(b.x);
    const cy = cellOf(b.y);
    near.length = 0;
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const j of grid.get(key(cx + dx, cy + dy)) ?? []) {
          const o = bolts[j];
          if (Math.hypot(o.x - b.x, o.y - b.y) < washer - eps) near.push(j);
        }
    total += near.length;
    if (pairs.length < listed) {
      near.sort((p, q) => p - q);
      for (const j of near) if (pairs.length < listed) pairs.push([i, j]);
    }
    const k = key(cx, cy);
    const bucket = grid.get(k);
    if (bucket) bucket.push(i);
    else grid.set(k, [i]);
  });
  return { pairs, total };
}
