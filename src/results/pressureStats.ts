/**
 * Summary statistics of a pressure map, area-weighted over the contact points (each point is
 * its tributary area of the footprint), so they are properties of the map, not of the mesh.
 */
export interface PressureStats {
  /** MPa; equals the contact force over the footprint area */
  mean: number;
  /** MPa */
  min: number;
  /** MPa */
  max: number;
  /** MPa */
  std: number;
  /** std/mean [-] */
  cov: number;
  /** max/mean [-] */
  maxOverMean: number;
  /** area-weighted 5th and 95th percentiles [MPa] */
  p5: number;
  p95: number;
  /** fraction of the footprint area with p above the contact threshold [-] */
  contactFraction: number;
  /** fraction of the footprint area with |p − mean| ≤ 10 % of the mean [-] */
  within10: number;
  /** ∫p dA [N] */
  force: number;
  /** footprint area [mm²] */
  area: number;
}

/**
 * @param p pressure per point [MPa]; @param area tributary area per point [mm²]
 * @param threshold contact threshold [MPa]
 */
export function pressureStats(
  p: ArrayLike<number>,
  area: ArrayLike<number>,
  threshold: number,
): PressureStats {
  const n = p.length;
  let A = 0;
  let F = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < n; j++) {
    A += area[j];
    F += p[j] * area[j];
    if (p[j] < min) min = p[j];
    if (p[j] > max) max = p[j];
  }
  const mean = A > 0 ? F / A : 0;
  let ss = 0;
  let inContact = 0;
  let near = 0;
  for (let j = 0; j < n; j++) {
    const d = p[j] - mean;
    ss += d * d * area[j];
    if (p[j] > threshold) inContact += area[j];
    if (Math.abs(d) <= 0.1 * mean) near += area[j];
  }
  const std = A > 0 ? Math.sqrt(ss / A) : 0;
  const order = Array.from({ length: n }, (_, j) => j).sort((a, b) => p[a] - p[b]);
  const quantile = (q: number) => {
    let acc = 0;
    for (const j of order) {
      acc += area[j];
      if (acc >= q * A) return p[j];
    }
    return max;
  };
  return {
    mean,
    min: n ? min : 0,
    max: n ? max : 0,
    std,
    cov: mean > 0 ? std / mean : 0,
    maxOverMean: mean > 0 ? max / mean : 0,
    p5: quantile(0.05),
    p95: quantile(0.95),
    contactFraction: A > 0 ? inContact / A : 0,
    within10: A > 0 && mean > 0 ? near / A : 0,
    force: F,
    area: A,
  };
}
