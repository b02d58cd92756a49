/**
 * MITC4 Reissner–Mindlin plate quadrilateral (Bathe & Dvorkin 1985): bilinear w and
 * rotations, bending by 2×2 Gauss, transverse shear from the assumed covariant strain field
 * tied at the edge midpoints, which removes shear locking (valid from t/a ≈ 1e-4 to ≈ 0.2).
 *
 * Sign convention (right-handed x, y, z; the plate mid-surface is z = 0):
 * - w (mm) is the displacement along +z; positive pressure and positive point forces act
 *   along +z and give positive w.
 * - rx, ry (rad) are right-hand rotations about +x and +y. The in-plane displacements at
 *   height z are u = z·ry, v = −z·rx, so in the thin (Kirchhoff) limit rx = ∂w/∂y, ry = −∂w/∂x.
 * - Element dofs, row-major 12×12 blocks: [w0, rx0, ry0, w1, rx1, ry1, …] for the four
 *   counter-clockwise corners.
 * - Curvatures κx = ∂ry/∂x, κy = −∂rx/∂y, κxy = ∂ry/∂y − ∂rx/∂x (= −w,xx, −w,yy, −2w,xy);
 *   moments Mx = D(κx + νκy), My = D(κy + νκx), Mxy = D(1−ν)/2·κxy (N·mm/mm), i.e.
 *   M = ∫σ z dz: a positive moment puts the top face (z = +t/2) in tension.
 * - Transverse shear strains γxz = ∂w/∂x + ry, γyz = ∂w/∂y − rx; Qx = κGt·γxz, Qy = κGt·γyz (N/mm).
 */
import { gatherCorners, jacobian, shapeDerivatives, shapeValues } from '../mesh/bilinear';

/** Shear correction factor κ of a homogeneous plate. */
export const SHEAR_CORRECTION = 5 / 6;

/** Flexural rigidity D = E t³ / (12 (1 − ν²)) in N·mm for E in MPa and t in mm. */
export function flexuralRigidity(E: number, nu: number, t: number): number {
  return (E * t * t * t) / (12 * (1 - nu * nu));
}

/** Transverse shear rigidity κ G t (N/mm). */
export function shearRigidity(E: number, nu: number, t: number): number {
  return (SHEAR_CORRECTION * E * t) / (2 * (1 + nu));
}

const G = 1 / Math.sqrt(3);
const GAUSS_R = [-G, G, G, -G];
const GAUSS_S = [-G, -G, G, G];

// Scratch space reused by every call: the assembly loop allocates nothing.
const N = new Float64Array(4);
const DR = new Float64Array(4);
const DS = new Float64Array(4);
const JAC = new Float64Array(4);
const BB = new Float64Array(36); // bending B, 3×12
const BS = new Float64Array(24); // Cartesian shear B, 2×12
const TIE_RA = new Float64Array(12); // covariant γ_rz rows at the tying points A (0,1), C (0,-1)
const TIE_RC = new Float64Array(12);
const TIE_SB = new Float64Array(12); // covariant γ_sz rows at B (-1,0), D (1,0)
const TIE_SD = new Float64Array(12);

/**
 * Row of the covariant transverse shear strain γ_rz (dir = 0) or γ_sz (dir = 1) at (r, s):
 * γ_r = w,r + ry·x,r − rx·y,r (the rotation vector dotted into the covariant base vector).
 */
function covariantShearRow(xy: Float64Array, r: number, s: number, dir: 0 | 1, row: Float64Array): void {
  shapeValues(r, s, N);
  shapeDerivatives(r, s, DR, DS);
  jacobian(xy, DR, DS, JAC);
  const d = dir === 0 ? DR : DS;
  const xd = dir === 0 ? JAC[0] : JAC[2];
  const yd = dir === 0 ? JAC[1] : JAC[3];
  for (let a = 0; a < 4; a++) {
    row[3 * a] = d[a];
    row[3 * a + 1] = -N[a] * yd;
    row[3 * a + 2] = N[a] * xd;
  }
}

function tyingRows(xy: Float64Array): void {
  covariantShearRow(xy, 0, 1, 0, TIE_RA);
  covariantShearRow(xy, 0, -1, 0, TIE_RC);
  covariantShearRow(xy, -1, 0, 1, TIE_SB);
  covariantShearRow(xy, 1, 0, 1, TIE_SD);
}

/**
 * Fills BB (curvatures) and BS (assumed Cartesian shear strains) at (r, s); returns det J.
 * Requires tyingRows(xy) for the same element.
 */
function strainRows(xy: Float64Array, r: number, s: number): number {
  shapeDerivatives(r, s, DR, DS);
  const det = jacobian(xy, DR, DS, JAC);
  const xr = JAC[0];
  const yr = JAC[1];
  const xs = JAC[2];
  const ys = JAC[3];
  const inv = 1 / det;
  BB.fill(0);
  for (let a = 0; a < 4; a++) {
    const nx = (ys * DR[a] - yr * DS[a]) * inv;
    const ny = (-xs * DR[a] + xr * DS[a]) * inv;
    BB[3 * a + 2] = nx; // κx = ∂ry/∂x
    BB[12 + 3 * a + 1] = -ny; // κy = −∂rx/∂y
    BB[24 + 3 * a + 1] = -nx; // κxy = ∂ry/∂y − ∂rx/∂x
    BB[24 + 3 * a + 2] = ny;
  }
  const wa = 0.5 * (1 + s);
  const wc = 0.5 * (1 - s);
  const wd = 0.5 * (1 + r);
  const wb = 0.5 * (1 - r);
  for (let k = 0; k < 12; k++) {
    const gr = wa * TIE_RA[k] + wc * TIE_RC[k];
    const gs = wd * TIE_SD[k] + wb * TIE_SB[k];
    // [γxz, γyz] = J⁻¹ [γ_rz, γ_sz]
    BS[k] = (ys * gr - yr * gs) * inv;
    BS[12 + k] = (-xs * gr + xr * gs) * inv;
  }
  return det;
}

/**
 * Element stiffness (12×12, row-major, N/mm · mm conventions of the dofs) into out[offset ..].
 * @param xy corner coordinates x0, y0, …, x3, y3 (mm), counter-clockwise
 * @param E Young's modulus (MPa); nu Poisson's ratio; t thickness (mm)
 */
export function mitc4Stiffness(
  xy: Float64Array,
  E: number,
  nu: number,
  t: number,
  out: Float64Array,
  offset = 0,
): void {
  const D = flexuralRigidity(E, nu, t);
  const S = shearRigidity(E, nu, t);
  const d11 = D;
  const d12 = nu * D;
  const d33 = 0.5 * (1 - nu) * D;
  for (let k = 0; k < 144; k++) out[offset + k] = 0;
  tyingRows(xy);
  for (let g = 0; g < 4; g++) {
    const det = strainRows(xy, GAUSS_R[g], GAUSS_S[g]);
    for (let i = 0; i < 12; i++) {
      const b0 = BB[i];
      const b1 = BB[12 + i];
      const b2 = BB[24 + i];
      // (D·B)ᵀ row i, scaled by the Gauss weight × det J
      const m0 = (d11 * b0 + d12 * b1) * det;
      const m1 = (d12 * b0 + d11 * b1) * det;
      const m2 = d33 * b2 * det;
      const q0 = S * BS[i] * det;
      const q1 = S * BS[12 + i] * det;
      const row = offset + 12 * i;
      for (let j = i; j < 12; j++) {
        out[row + j] += m0 * BB[j] + m1 * BB[12 + j] + m2 * BB[24 + j] + q0 * BS[j] + q1 * BS[12 + j];
      }
    }
  }
  // Only the upper triangle was integrated; mirror it so the block is exactly symmetric.
  for (let i = 1; i < 12; i++)
    for (let j = 0; j < i; j++) out[offset + 12 * i + j] = out[offset + 12 * j + i];
}

/**
 * Consistent load of a uniform pressure q (MPa, along +z): f_w,a = q ∫N_a dA (N) into
 * f[0..11] (rotation entries zero).
 */
export function mitc4PressureLoad(xy: Float64Array, q: number, f: Float64Array): void {
  f.fill(0);
  for (let g = 0; g < 4; g++) {
    shapeValues(GAUSS_R[g], GAUSS_S[g], N);
    shapeDerivatives(GAUSS_R[g], GAUSS_S[g], DR, DS);
    const dA = jacobian(xy, DR, DS, JAC);
    for (let a = 0; a < 4; a++) f[3 * a] += q * N[a] * dA;
  }
}

/**
 * Consistent Winkler matrix k ∫ N_a N_b dA (N/mm) on the four w dofs, 4×4 row-major,
 * into out[offset ..]. 2×2 Gauss is exact for parallelograms.
 * @param k foundation modulus (N/mm³)
 */
export function mitc4FoundationConsistent(xy: Float64Array, k: number, out: Float64Array, offset = 0): void {
  for (let i = 0; i < 16; i++) out[offset + i] = 0;
  for (let g = 0; g < 4; g++) {
    shapeValues(GAUSS_R[g], GAUSS_S[g], N);
    shapeDerivatives(GAUSS_R[g], GAUSS_S[g], DR, DS);
    const kdA = k * jacobian(xy, DR, DS, JAC);
    for (let a = 0; a < 4; a++) for (let b = 0; b < 4; b++) out[offset + 4 * a + b] += kdA * N[a] * N[b];
  }
}

/** Lumped Winkler matrix: diagonal k ∫N_a dA (N/mm) on the four w dofs, 4×4 row-major. */
export function mitc4FoundationLumped(xy: Float64Array, k: number, out: Float64Array, offset = 0): void {
  for (let i = 0; i < 16; i++) out[offset + i] = 0;
  for (let g = 0; g < 4; g++) {
    shapeValues(GAUSS_R[g], GAUSS_S[g], N);
    shapeDerivatives(GAUSS_R[g], GAUSS_S[g], DR, DS);
    const kdA = k * jacobian(xy, DR, DS, JAC);
    for (let a = 0; a < 4; a++) out[offset + 5 * a] += kdA * N[a];
  }
}

/**
 * The 5×12 operator (row-major, into out[offset ..]) that maps the element dofs ue[0..11] to the
 * resultants at the element centre: Mx, My, Mxy (N·mm/mm), Qx, Qy (N/mm). Shear uses the
 * assumed strain field. Several displacement states of one element share it.
 */
export function mitc4ResultantOperator(
  xy: Float64Array,
  E: number,
  nu: number,
  t: number,
  out: Float64Array,
  offset = 0,
): void {
  const D = flexuralRigidity(E, nu, t);
  const S = shearRigidity(E, nu, t);
  tyingRows(xy);
  strainRows(xy, 0, 0);
  for (let j = 0; j < 12; j++) {
    const kx = BB[j];
    const ky = BB[12 + j];
    out[offset + j] = D * (kx + nu * ky);
    out[offset + 12 + j] = D * (ky + nu * kx);
    out[offset + 24 + j] = 0.5 * (1 - nu) * D * BB[24 + j];
    out[offset + 36 + j] = S * BS[j];
    out[offset + 48 + j] = S * BS[12 + j];
  }
}

const RESULTANT_OPERATOR = new Float64Array(60);

/**
 * Stress resultants at the element centre from the element dofs ue[0..11]:
 * out[0..4] = Mx, My, Mxy (N·mm/mm), Qx, Qy (N/mm).
 */
export function mitc4Resultants(
  xy: Float64Array,
  E: number,
  nu: number,
  t: number,
  ue: ArrayLike<number>,
  out: Float64Array,
): void {
  mitc4ResultantOperator(xy, E, nu, t, RESULTANT_OPERATOR);
  applyResultantOperator(RESULTANT_OPERATOR, 0, ue, out);
}

/** out[0..4] = R ue for the 5×12 resultant operator R stored row-major at op[offset ..]. */
export function applyResultantOperator(
  op: Float64Array,
  offset: number,
  ue: ArrayLike<number>,
  out: Float64Array,
): void {
  for (let i = 0; i < 5; i++) {
    let sum = 0;
    const row = offset + 12 * i;
    for (let j = 0; j < 12; j++) sum += op[row + j] * ue[j];
    out[i] = sum;
  }
}

/** Convenience for callers holding a mesh: corner coordinates of quad e into xy[0..7]. */
export const elementCorners = gatherCorners;
