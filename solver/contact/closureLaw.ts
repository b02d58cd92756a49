/**
 * Tensionless pressure–closure law p(c) of the compliant layers between two plates.
 *
 * Stored as a piecewise-linear table (c[0] = 0, p[0] = 0, both strictly increasing),
 * extended linearly beyond the last point with the last slope, and p = 0 for c ≤ 0
 * (no tension). Piecewise-linear is exact for linear pads, linear cells and tabulated
 * measurements, and it makes the semismooth Newton iteration terminate finitely.
 */
export interface ClosureLaw {
  /** closure (compression of all layers in series) [mm] */
  c: Float64Array;
  /** pressure at each closure [MPa] */
  p: Float64Array;
  /** stored energy per area up to c[k] [N/mm = MPa·mm], filled by `closureLaw` */
  energy: Float64Array;
}

/** Build a law from a table, checking it is a valid monotone tensionless law. */
export function closureLaw(c: ArrayLike<number>, p: ArrayLike<number>): ClosureLaw {
  const n = c.length;
  if (n < 2 || p.length !== n)
    throw new Error(
      `closure law: needs ≥ 2 points with as many pressures as closures (got ${n} and ${p.length})`,
    );
  if (c[0] !== 0 || p[0] !== 0)
    throw new Error(`closure law: must start at (0 mm, 0 MPa), got (${c[0]}, ${p[0]})`);
  const cc = Float64Array.from(c);
  const pp = Float64Array.from(p);
  const energy = new Float64Array(n);
  for (let k = 1; k < n; k++) {
    if (!(cc[k] > cc[k - 1]))
      throw new Error(
        `closure law: closure must increase strictly (point ${k}: ${cc[k]} mm after ${cc[k - 1]} mm)`,
      );
    if (!(pp[k] > pp[k - 1]))
      throw new Error(
        `closure law: pressure must increase strictly (point ${k}: ${pp[k]} MPa after ${pp[k - 1]} MPa)`,
      );
    energy[k] = energy[k - 1] + 0.5 * (pp[k] + pp[k - 1]) * (cc[k] - cc[k - 1]);
  }
  return { c: cc, p: pp, energy };
}

/** Linear law p = k·c with k in MPa/mm (the area stiffness of the layers). */
export function linearClosureLaw(k: number): ClosureLaw {
  return closureLaw([0, 1], [0, k]);
}

/**
 * Evaluate the law at closure c [mm]; writes pressure [MPa], tangent dp/dc [MPa/mm] and
 * energy per area [MPa·mm] into out[0..2]. No allocation: this runs per contact point per iteration.
 */
export function evaluateClosureLaw(law: ClosureLaw, c: number, out: Float64Array): void {
  if (c <= 0) {
    out[0] = 0;
    out[1] = 0;
    out[2] = 0;
    return;
  }
  const cs = law.c;
  const ps = law.p;
  const n = cs.length;
  // segment k with cs[k] <= c < cs[k+1]; the last segment extends to infinity
  let lo = 0;
  let hi = n - 1;
  if (c >= cs[n - 1]) lo = n - 2;
  else {
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (cs[mid] <= c) lo = mid;
      else hi = mid;
    }
  }
  const slope = (ps[lo + 1] - ps[lo]) / (cs[lo + 1] - cs[lo]);
  const dc = c - cs[lo];
  const p = ps[lo] + slope * dc;
  out[0] = p;
  out[1] = slope;
  out[2] = law.energy[lo] + 0.5 * (ps[lo] + p) * dc;
}

/** Initial slope dp/dc at c = 0⁺ [MPa/mm]. */
export function initialStiffness(law: ClosureLaw): number {
  return (law.p[1] - law.p[0]) / (law.c[1] - law.c[0]);
}
