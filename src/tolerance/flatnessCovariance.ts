/**
 * For centred vectors s (Σ s = 0) over points xy: n · sᵀ C s / tr(P C P), C the correlation
 * exp(−r²/ℓ²) and P the centring projector, so that a field of exactly unit RMS over the points
 * has covariance n·PCP/tr(PCP). One pass over the point pairs serves every vector.
 */
export function centredQuadraticForms(xy: Float64Array, length: number, vectors: Float64Array[]): number[] {
  const n = xy.length / 2;
  const inv = 1 / (length * length);
  const forms = new Float64Array(vectors.length);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const xi = xy[2 * i];
    const yi = xy[2 * i + 1];
    for (let v = 0; v < vectors.length; v++) forms[v] += vectors[v][i] * vectors[v][i];
    total += 1;
    for (let k = i + 1; k < n; k++) {
      const dx = xy[2 * k] - xi;
      const dy = xy[2 * k + 1] - yi;
      const cik = Math.exp(-(dx * dx + dy * dy) * inv);
      total += 2 * cik;
      for (let v = 0; v < vectors.length; v++) forms[v] += 2 * cik * vectors[v][i] * vectors[v][k];
    }
  }
  const trace = n - total / n;
  return Array.from(forms, (f) => (n * f) / trace);
}
