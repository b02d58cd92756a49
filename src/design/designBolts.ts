import type { BoltAt } from '../case/boltOverlap';

/** The rectangle a ring of bolts stands on, in plate coordinates [mm]. */
export interface BoltRing {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * A ring of `perEdge` evenly spaced bolts along each edge of `ring`, corners included:
 * 4 × (perEdge − 1) bolts, from (x0, y0) along y0 to x1, up x1, back along y1 and down x0 —
 * the order the example cases list theirs in.
 */
export function ringPositions(ring: BoltRing, perEdge: number): BoltAt[] {
  const n = perEdge - 1;
  const at = (a: number, b: number, k: number) => a + ((b - a) * k) / n;
  const out: BoltAt[] = [];
  for (let k = 0; k < n; k++) out.push({ x: at(ring.x0, ring.x1, k), y: ring.y0 });
  for (let k = 0; k < n; k++) out.push({ x: ring.x1, y: at(ring.y0, ring.y1, k) });
  for (let k = 0; k < n; k++) out.push({ x: at(ring.x1, ring.x0, k), y: ring.y1 });
  for (let k = 0; k < n; k++) out.push({ x: ring.x0, y: at(ring.y1, ring.y0, k) });
  return out;
}

/**
 * The ring a case's bolts form, when they are exactly such a ring on their bounding rectangle
 * (any order, to 1 µm), with its bolts per edge; null for any other layout.
 */
export function boltRingOf(positions: readonly BoltAt[]): { ring: BoltRing; perEdge: number } | null {
  if (positions.length < 4 || positions.length % 4 !== 0) return null;
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const b of positions) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x);
    y1 = Math.max(y1, b.y);
  }
  if (!(x1 > x0 && y1 > y0)) return null;
  const ring = { x0, y0, x1, y1 };
  const perEdge = positions.length / 4 + 1;
  const key = (b: BoltAt) => `${Math.round(b.x * 1000)},${Math.round(b.y * 1000)}`;
  const wanted = new Set(ringPositions(ring, perEdge).map(key));
  const given = new Set(positions.map(key));
  if (given.size !== wanted.size) return null;
  for (const k of given) if (!wanted.has(k)) return null;
  return { ring, perEdge };
}
