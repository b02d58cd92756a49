/**
 * Series solutions for rectangular plates, computed independently of the solver: the
 * references the plate tests compare against. Plate a (along x) × b (along y), centred at
 * the origin; q uniform pressure (MPa), P point force at the centre (N), D flexural rigidity
 * (N·mm). All functions return the centre deflection (mm) unless named otherwise.
 *
 * Sources of the methods: Timoshenko & Woinowsky-Krieger, Theory of Plates and Shells
 * (Navier §30, Lévy §31, point load §34, clamped plate by superposition §44); the Mindlin
 * (κ = 5/6) Navier solution for hard simple supports, w_mn = q_mn (1/(D λ²) + 1/(κGt λ)).
 * Derivations of the closed-form inner sums used below:
 *   Σ_{n odd} 1/(α²+β_n²)   = b tanh γ / (4α)
 *   Σ_{n odd} 1/(α²+β_n²)²  = b (tanh γ − γ sech²γ) / (8α³)
 *   Σ_{n odd} β_n²/(α²+β_n²)² = b (tanh γ + γ sech²γ) / (8α)
 * with α = mπ/a, β_n = nπ/b, γ = αb/2.
 */
import { Matrix, solve } from 'ml-matrix';

/** sin(mπ/2) for odd m: +1, −1, +1, … */
function sign(m: number): number {
  return ((m - 1) / 2) % 2 === 0 ? 1 : -1;
}

const sech2 = (x: number) => {
  const c = Math.cosh(x);
  return Number.isFinite(c) ? 1 / (c * c) : 0;
};
/** x / cosh(x) without overflow */
const overCosh = (x: number) => (x > 700 ? 0 : x / Math.cosh(x));

/** Navier double series for uniform q, simply supported, summed over odd m, n ≤ nMax. */
export function navierUniformCentre(a: number, b: number, q: number, D: number, nMax = 801): number {
  let w = 0;
  for (let m = 1; m <= nMax; m += 2) {
    const al2 = ((m * Math.PI) / a) ** 2;
    for (let n = 1; n <= nMax; n += 2) {
      const lam = al2 + ((n * Math.PI) / b) ** 2;
      w += (sign(m) * sign(n)) / (m * n * lam * lam);
    }
  }
  return (16 * q * w) / (Math.PI * Math.PI * D);
}

/** Lévy single series for uniform q, simply supported (x-direction sine modes). */
export function levyUniformCentre(a: number, b: number, q: number, D: number, mMax = 2001): number {
  let w = 0;
  for (let m = 1; m <= mMax; m += 2) {
    const g = (m * Math.PI * b) / (2 * a);
    const t = Math.tanh(g);
    const c = g > 700 ? Infinity : Math.cosh(g);
    w += (sign(m) / m ** 5) * (1 - (2 + g * t) / (2 * c));
  }
  return (4 * q * a ** 4 * w) / (Math.PI ** 5 * D);
}

/**
 * Mindlin (first-order shear) centre deflection, uniform q, hard simple supports:
 * Kirchhoff part plus the shear part q/(κGt) × (membrane Lévy series).
 * @param S shear rigidity κGt (N/mm)
 */
export function mindlinUniformCentre(a: number, b: number, q: number, D: number, S: number): number {
  let ws = 0;
  for (let m = 1; m <= 200001; m += 2) {
    const al = (m * Math.PI) / a;
    const g = (al * b) / 2;
    const sech = g > 700 ? 0 : 1 / Math.cosh(g);
    ws += (sign(m) / (m * al * al)) * (1 - sech);
  }
  return levyUniformCentre(a, b, q, D) + (4 * q * ws) / (Math.PI * S);
}

/** Centre point force P, simply supported: Lévy single series (closed-form inner sum). */
export function levyPointCentre(a: number, b: number, P: number, D: number, mMax = 20001): number {
  let w = 0;
  for (let m = 1; m <= mMax; m += 2) {
    const g = (m * Math.PI * b) / (2 * a);
    w += (Math.tanh(g) - g * sech2(g)) / m ** 3;
  }
  return ((P * a * a) / (2 * Math.PI ** 3 * D)) * w;
}

/** Centre point force, simply supported: Navier double series truncated at odd m, n ≤ nMax. */
export function navierPointCentre(a: number, b: number, P: number, D: number, nMax: number): number {
  let w = 0;
  for (let m = 1; m <= nMax; m += 2) {
    const al2 = ((m * Math.PI) / a) ** 2;
    for (let n = 1; n <= nMax; n += 2) {
      const lam = al2 + ((n * Math.PI) / b) ** 2;
      w += 1 / (lam * lam);
    }
  }
  return (4 * P * w) / (a * b * D);
}

/**
 * Centre bending moment Mx (N·mm/mm) for uniform q, simply supported, Navier double series
 * Mx = Σ q_mn (α² + νβ²)/λ² (inner sum over n in closed form is not used: nMax odd terms).
 */
export function navierUniformMomentX(a: number, b: number, q: number, nu: number, nMax = 4001): number {
  let s = 0;
  for (let m = 1; m <= nMax; m += 2) {
    const al2 = ((m * Math.PI) / a) ** 2;
    for (let n = 1; n <= nMax; n += 2) {
      const be2 = ((n * Math.PI) / b) ** 2;
      const lam = al2 + be2;
      s += (sign(m) * sign(n) * (al2 + nu * be2)) / (m * n * lam * lam);
    }
  }
  return (16 * q * s) / (Math.PI * Math.PI);
}

/**
 * Clamped rectangle under uniform q by superposition (TWK §44): a simply supported plate
 * plus edge moments E_m cos(α_m x) on y = ±b/2 and F_n cos(β_n y) on x = ±a/2, chosen so
 * that the normal slope vanishes on every edge for the first `modes` odd harmonics.
 * Returns the centre deflection and the edge-moment coefficients.
 */
export function clampedUniform(
  a: number,
  b: number,
  q: number,
  D: number,
  modes = 200,
): { w: number; E: number[]; F: number[] } {
  const M = modes;
  const alpha = (k: number) => ((2 * k + 1) * Math.PI) / a;
  const beta = (k: number) => ((2 * k + 1) * Math.PI) / b;
  const A = new Matrix(2 * M, 2 * M);
  const rhs = new Matrix(2 * M, 1);
  for (let i = 0; i < M; i++) {
    const m = 2 * i + 1;
    const al = alpha(i);
    const g = (al * b) / 2;
    // slope ∂w/∂y at y = b/2 on mode cos(α_m x)
    rhs.set(i, 0, ((2 * q * sign(m)) / (Math.PI * m * D * al ** 3)) * (Math.tanh(g) - g * sech2(g)));
    A.set(i, i, -(Math.tanh(g) + g * sech2(g)) / (2 * D * al));
    const n = m;
    const be = beta(i);
    const d = (be * a) / 2;
    rhs.set(M + i, 0, ((2 * q * sign(n)) / (Math.PI * n * D * be ** 3)) * (Math.tanh(d) - d * sech2(d)));
    A.set(M + i, M + i, -(Math.tanh(d) + d * sech2(d)) / (2 * D * be));
    for (let j = 0; j < M; j++) {
      const mm = 2 * i + 1;
      const nn = 2 * j + 1;
      const lam = alpha(i) ** 2 + beta(j) ** 2;
      // F_n's slope at y = b/2 on mode m, and E_m's slope at x = a/2 on mode n
      A.set(i, M + j, (-4 * alpha(i) * beta(j) * sign(mm) * sign(nn)) / (a * D * lam * lam));
      const lam2 = alpha(j) ** 2 + beta(i) ** 2;
      A.set(M + i, j, (-4 * alpha(j) * beta(i) * sign(2 * j + 1) * sign(2 * i + 1)) / (b * D * lam2 * lam2));
    }
  }
  const x = solve(A, rhs).to1DArray();
  let w = levyUniformCentre(a, b, q, D);
  for (let i = 0; i < M; i++) {
    const al = alpha(i);
    const g = (al * b) / 2;
    w += (x[i] * Math.tanh(g) * overCosh(g)) / (2 * D * al * al);
    const be = beta(i);
    const d = (be * a) / 2;
    w += (x[M + i] * Math.tanh(d) * overCosh(d)) / (2 * D * be * be);
  }
  return { w, E: x.slice(0, M), F: x.slice(M) };
}

/** Infinite plate on a Winkler foundation k (N/mm³), point force P: w_max = P / (8 √(k D)). */
export function winklerPointCentre(P: number, k: number, D: number): number {
  return P / (8 * Math.sqrt(k * D));
}
