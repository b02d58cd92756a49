/**
 * The ranking of NSGA-II: constrained domination, fast non-dominated sorting and crowding distance.
 *
 * K. Deb, A. Pratap, S. Agarwal and T. Meyarivan, "A fast and elitist multiobjective genetic
 * algorithm: NSGA-II", IEEE Transactions on Evolutionary Computation 6(2) (2002) 182–197: §III-A
 * (sorting), §III-B (crowding distance), §VI (constrained domination).
 * K. Deb, "An efficient constraint handling method for genetic algorithms", Computer Methods in
 * Applied Mechanics and Engineering 186 (2000) 311–338: a feasible design beats an infeasible
 * one, and of two infeasible designs the one with the smaller total violation wins — no penalty
 * factor to tune.
 */

/** What the ranking sees of a design: objectives (minimised) and its total constraint violation (0 = feasible). */
export interface Ranked {
  readonly objectives: readonly number[];
  /** Σ normalised max(0, −g_j); Infinity for a design whose evaluation failed */
  readonly violation: number;
}

/** Pareto dominance of minimised objectives: no worse in every one and better in one. */
export function dominates(a: readonly number[], b: readonly number[]): boolean {
  let better = false;
  for (let k = 0; k < a.length; k++) {
    if (a[k] > b[k]) return false;
    if (a[k] < b[k]) better = true;
  }
  return better;
}

/** Constrained domination (Deb 2000): feasibility first, then violation, then Pareto dominance. */
export function constrainedDominates(a: Ranked, b: Ranked): boolean {
  const fa = a.violation === 0;
  const fb = b.violation === 0;
  if (fa && fb) return dominates(a.objectives, b.objectives);
  if (fa) return true;
  if (fb) return false;
  return a.violation < b.violation;
}

/**
 * The fronts of `items` by constrained domination, best first, each a list of indices into
 * `items` in ascending order (so that ties are broken the same way on every run).
 */
export function nondominatedFronts(items: readonly Ranked[]): number[][] {
  const n = items.length;
  const dominated: number[][] = Array.from({ length: n }, () => []);
  const count = new Array<number>(n).fill(0);
  for (let p = 0; p < n; p++) {
    for (let q = p + 1; q < n; q++) {
      if (constrainedDominates(items[p], items[q])) {
        dominated[p].push(q);
        count[q]++;
      } else if (constrainedDominates(items[q], items[p])) {
        dominated[q].push(p);
        count[p]++;
      }
    }
  }
  const fronts: number[][] = [];
  let current = [];
  for (let p = 0; p < n; p++) if (count[p] === 0) current.push(p);
  while (current.length > 0) {
    fronts.push(current);
    const next: number[] = [];
    for (const p of current)
      for (const q of dominated[p]) {
        count[q]--;
        if (count[q] === 0) next.push(q);
      }
    current = next.sort((a, b) => a - b);
  }
  return fronts;
}

/**
 * Crowding distance of each member of one front (indices into `items`), in the order given: the
 * perimeter of the box spanned by its neighbours in objective space, normalised by each
 * objective's range; the extremes get Infinity so the ends of the front are kept. A member whose
 * objectives are not all finite (a failed evaluation) gets 0.
 */
export function crowdingDistances(items: readonly Ranked[], front: readonly number[]): number[] {
  const distance = new Map<number, number>(front.map((i) => [i, 0]));
  const finite = front.filter((i) => items[i].objectives.every(Number.isFinite));
  const m = finite.length > 0 ? items[finite[0]].objectives.length : 0;
  for (let k = 0; k < m; k++) {
    const order = [...finite].sort((a, b) => items[a].objectives[k] - items[b].objectives[k] || a - b);
    const lo = items[order[0]].objectives[k];
    const hi = items[order[order.length - 1]].objectives[k];
    distance.set(order[0], Number.POSITIVE_INFINITY);
    distance.set(order[order.length - 1], Number.POSITIVE_INFINITY);
    if (!(hi > lo)) continue;
    for (let j = 1; j < order.length - 1; j++) {
      const gap = (items[order[j + 1]].objectives[k] - items[order[j - 1]].objectives[k]) / (hi - lo);
      distance.set(order[j], (distance.get(order[j]) ?? 0) + gap);
    }
  }
  return front.map((i) => distance.get(i) ?? 0);
}
