/**
 * Roark's Formulas for Stress and Strain, Table 11.4: rectangular plate, uniform load q over the whole plate.
 * y_max = α q b⁴ / (E t³), σ_max = β q b² / t², with b the short side and a the long side.
 * The coefficients are tabulated for ν = 0.3.
 */

export type EdgeCondition = 'simply-supported' | 'clamped';

interface Table {
  ratios: number[];
  values: number[];
  /** the a/b → ∞ limit */
  infinite: number;
}

/** Case 1a, all edges simply supported: α at the centre. */
const alphaSimplySupported: Table = {
  ratios: [1.0, 1.2, 1.4, 1.6, 1.8, 2.0, 3.0, 4.0, 5.0],
  values: [0.0444, 0.0616, 0.077, 0.0906, 0.1017, 0.111, 0.1335, 0.14, 0.1417],
  infinite: 0.1421,
};

/** Case 1a, β for the centre stress. */
const betaSimplySupported: Table = {
  ratios: [1.0, 1.2, 1.4, 1.6, 1.8, 2.0, 3.0, 4.0, 5.0],
  values: [0.2874, 0.3762, 0.453, 0.5172, 0.5688, 0.6102, 0.7134, 0.741, 0.7476],
  infinite: 0.75,
};

/** Case 8a, all edges clamped: α at the centre. */
const alphaClamped: Table = {
  ratios: [1.0, 1.2, 1.4, 1.6, 1.8, 2.0],
  values: [0.0138, 0.0188, 0.0226, 0.0251, 0.0267, 0.0277],
  infinite: 0.0284,
};

/**
 * Case 8a, β for the edge stress at the middle of the long side (the maximum), Roark 8th ed.:
 * 0.3078 … 0.4974 for a/b = 1.0 … 2.0 and 0.5 at ∞.
 */
const betaClamped: Table = {
  ratios: [1.0, 1.2, 1.4, 1.6, 1.8, 2.0],
  values: [0.3078, 0.3834, 0.4356, 0.468, 0.4872, 0.4974],
  infinite: 0.5,
};

/**
 * Linear interpolation in a/b inside the table; beyond the last tabulated ratio, linear in b/a towards the ∞ value
 * (b/a = 0), which is how the tables approach the strip solution.
 */
function interpolate(t: Table, ratio: number): number {
  const r = Math.max(1, ratio);
  const n = t.ratios.length;
  for (let i = 0; i < n - 1; i++) {
    if (r <= t.ratios[i + 1]) {
      const f = (r - t.ratios[i]) / (t.ratios[i + 1] - t.ratios[i]);
      return t.values[i] + f * (t.values[i + 1] - t.values[i]);
    }
  }
  const last = 1 / t.ratios[n - 1];
  const f = 1 / r / last; // 1 at the last tabulated ratio, 0 at ∞
  return t.infinite + f * (t.values[n - 1] - t.infinite);
}

/** Roark α for aspect ratio a/b ≥ 1 (smaller values are read as their inverse by the caller). */
export function roarkAlpha(edge: EdgeCondition, aspect: number): number {
  return interpolate(edge === 'clamped' ? alphaClamped : alphaSimplySupported, aspect);
}

/** Roark β (maximum bending stress coefficient) for aspect ratio a/b ≥ 1. */
export function roarkBeta(edge: EdgeCondition, aspect: number): number {
  return interpolate(edge === 'clamped' ? betaClamped : betaSimplySupported, aspect);
}
