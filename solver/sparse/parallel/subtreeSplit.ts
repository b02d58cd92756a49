/**
 * How a two-thread factorization divides the assembly tree. One subtree T (a contiguous
 * postorder range) goes to the helper thread. This thread factors every supernode before
 * T's parent that is not in T, then joins, then factors the rest (T's ancestors and what
 * follows them in postorder) alone. T is chosen to minimise
 *
 *   max(flops(T), flops(before the join) − flops(T)) + flops(from the join on),
 *
 * the critical path in flops. On plate meshes ordered by nested dissection the best T is
 * one half below the top separator: the join leaves about 6 % of the flops, so the
 * estimate is 0.54 of the serial time (default case 1 mm, 100k and 500k plates).
 */
import type { SymbolicFactor } from '../types';

export interface SubtreeSplit {
  /** supernodes of the helper's subtree: first..last (last is its root) */
  first: number;
  last: number;
  /** T's parent: the first supernode that needs T's update matrix */
  join: number;
  /** where T's update matrix sits on the update stack in the one-thread order (doubles) */
  stackOffset: number;
  /** doubles of T's update matrix (packed lower triangle) */
  updateSize: number;
  /** doubles of update stack that T needs when factored on its own */
  stackSize: number;
  /** estimated flops: the helper's, this thread's concurrent part, and after the join */
  flops: { helper: number; concurrent: number; afterJoin: number };
}

/** Below this many flops (a few ms of work) the hand-over costs more than it saves. */
const MIN_FLOPS = 2e7;
/** A split must promise at least this critical path reduction. */
const MIN_GAIN = 0.15;

/** The best split of sym's assembly tree for two threads, or null when one thread is as good (made once, by the analysis). */
export function subtreeSplit(sym: SymbolicFactor): SubtreeSplit | null {
  return sym.twoThreads;
}

/** Plans the split for a new analysis (`analyse` stores it in the SymbolicFactor). */
export function planSplit(sym: Omit<SymbolicFactor, 'twoThreads'>): SubtreeSplit | null {
  const { superStart, superRowPtr, superParent } = sym;
  const ns = superStart.length - 1;
  // flops of each supernode (Σ over its columns of rows-below-and-including squared), of each subtree, and prefix sums
  const own = new Float64Array(ns);
  const subtree = new Float64Array(ns);
  const before = new Float64Array(ns + 1);
  const firstOf = new Int32Array(ns); // first supernode of each subtree (postorder: subtree = firstOf[s]..s)
  for (let s = 0; s < ns; s++) firstOf[s] = s;
  for (let s = 0; s < ns; s++) {
    const k = superStart[s + 1] - superStart[s];
    const m = superRowPtr[s + 1] - superRowPtr[s];
    let f = 0;
    for (let j = 0; j < k; j++) f += (m - j) * (m - j);
    own[s] = f;
    subtree[s] += f;
    before[s + 1] = before[s] + f;
    const p = superParent[s];
    if (p >= 0) {
      subtree[p] += subtree[s];
      if (firstOf[s] < firstOf[p]) firstOf[p] = firstOf[s];
    }
  }
  const total = before[ns];
  if (total < MIN_FLOPS) return null;
  let best = total;
  let root = -1;
  for (let s = 0; s < ns; s++) {
    const p = superParent[s];
    if (p < 0) continue;
    const path = Math.max(subtree[s], before[p] - subtree[s]) + (total - before[p]);
    if (path < best) {
      best = path;
      root = s;
    }
  }
  if (root < 0 || best > (1 - MIN_GAIN) * total) return null;
  const first = firstOf[root];
  const join = superParent[root];
  // the update stack of the one-thread order, to find T's slot, and T's own peak
  let top = 0;
  let stackOffset = 0;
  let stackSize = 0;
  let localTop = 0;
  for (let s = 0; s <= root; s++) {
    if (s === first) {
      stackOffset = top;
      localTop = 0;
    }
    for (let q = sym.superChildPtr[s]; q < sym.superChildPtr[s + 1]; q++) {
      const u = updateDoubles(sym, sym.superChildren[q]);
      top -= u;
      localTop -= u;
    }
    const u = updateDoubles(sym, s);
    top += u;
    localTop += u;
    if (s >= first && localTop > stackSize) stackSize = localTop;
  }
  return {
    first,
    last: root,
    join,
    stackOffset,
    updateSize: updateDoubles(sym, root),
    stackSize,
    flops: {
      helper: subtree[root],
      concurrent: before[join] - subtree[root],
      afterJoin: total - before[join],
    },
  };
}

/** Doubles of supernode s's update matrix (packed lower triangle of its rows below the diagonal block). */
function updateDoubles(sym: Omit<SymbolicFactor, 'twoThreads'>, s: number): number {
  const mu = sym.superRowPtr[s + 1] - sym.superRowPtr[s] - (sym.superStart[s + 1] - sym.superStart[s]);
  return (mu * (mu + 1)) / 2;
}
