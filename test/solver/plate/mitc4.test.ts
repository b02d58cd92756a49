/** Element-level checks of the MITC4 plate element: symmetry, rank, rigid modes, loads, recovery. */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import {
  flexuralRigidity,
  mitc4FoundationConsistent,
  mitc4FoundationLumped,
  mitc4PressureLoad,
  mitc4Resultants,
  mitc4Stiffness,
  shearRigidity,
} from '../../../solver/plate/mitc4';

const square = Float64Array.of(0, 0, 2, 0, 2, 2, 0, 2);
// a distorted, convex quad (counter-clockwise)
const distorted = Float64Array.of(0.1, 0.2, 2.3, -0.1, 2.0, 1.7, 0.4, 2.2);
const area = (xy: Float64Array) => {
  let s = 0;
  for (let a = 0; a < 4; a++) {
    const b = (a + 1) % 4;
    s += xy[2 * a] * xy[2 * b + 1] - xy[2 * b] * xy[2 * a + 1];
  }
  return s / 2;
};

function stiffness(xy: Float64Array, t: number): Float64Array {
  const k = new Float64Array(144);
  mitc4Stiffness(xy, 200000, 0.3, t, k);
  return k;
}

/** dofs of a field w(x, y) with Kirchhoff rotations rx = ∂w/∂y, ry = −∂w/∂x */
function kirchhoffDofs(xy: Float64Array, w: (x: number, y: number) => number[]): Float64Array {
  const u = new Float64Array(12);
  for (let a = 0; a < 4; a++) {
    const [wv, wx, wy] = w(xy[2 * a], xy[2 * a + 1]);
    u[3 * a] = wv;
    u[3 * a + 1] = wy;
    u[3 * a + 2] = -wx;
  }
  return u;
}

describe('MITC4 element', () => {
  for (const [name, xy] of [
    ['square', square],
    ['distorted', distorted],
  ] as const) {
    for (const t of [0.002, 0.2, 0.5]) {
      it(`${name}, t = ${t}: exactly symmetric, rank 9, the three rigid modes give zero force (1e-10 rel)`, () => {
        const k = stiffness(xy, t);
        for (let i = 0; i < 12; i++) for (let j = 0; j < 12; j++) expect(k[12 * i + j]).toBe(k[12 * j + i]);
        const kmax = Math.max(...Array.from(k, Math.abs));
        const rigid = [
          kirchhoffDofs(xy, () => [1, 0, 0]),
          kirchhoffDofs(xy, (_x, y) => [0.3 + y, 0, 1]), // rotation about x
          kirchhoffDofs(xy, (x) => [x, 1, 0]), // rotation about y
        ];
        for (const u of rigid) {
          for (let i = 0; i < 12; i++) {
            let f = 0;
            for (let j = 0; j < 12; j++) f += k[12 * i + j] * u[j];
            expect(Math.abs(f) / kmax).toBeLessThan(1e-10);
          }
        }
        const rows = Array.from({ length: 12 }, (_, i) => Array.from(k.subarray(12 * i, 12 * i + 12)));
        const ev = new EigenvalueDecomposition(new Matrix(rows)).realEigenvalues;
        const top = Math.max(...ev);
        expect(ev.filter((v) => v > 1e-12 * top).length).toBe(9);
        expect(Math.min(...ev)).toBeGreaterThan(-1e-12 * top);
      });
    }
  }

  it('constant curvature w = (x² + xy + y²)/2 on a distorted quad: exact moments, zero shear (1e-10 rel)', () => {
    const E = 70000;
    const nu = 0.25;
    const t = 0.05;
    const u = kirchhoffDofs(distorted, (x, y) => [(x * x + x * y + y * y) / 2, x + y / 2, x / 2 + y]);
    const out = new Float64Array(5);
    mitc4Resultants(distorted, E, nu, t, u, out);
    const D = flexuralRigidity(E, nu, t);
    // κ = (−w,xx, −w,yy, −2w,xy) = (−1, −1, −1)
    const Mx = D * (-1 - nu);
    const Mxy = 0.5 * (1 - nu) * D * -1;
    expect(Math.abs(out[0] - Mx) / Math.abs(Mx)).toBeLessThan(1e-10);
    expect(Math.abs(out[1] - Mx) / Math.abs(Mx)).toBeLessThan(1e-10);
    expect(Math.abs(out[2] - Mxy) / Math.abs(Mxy)).toBeLessThan(1e-10);
    // shear strains of the assumed field vanish: |Q| ≪ κGt · (rotation scale ~ 2)
    const S = shearRigidity(E, nu, t);
    expect(Math.abs(out[3]) / S).toBeLessThan(1e-12);
    expect(Math.abs(out[4]) / S).toBeLessThan(1e-12);
  });

  it('sign convention: positive curvature −w,xx > 0 gives Mx > 0 (top face in tension)', () => {
    const u = kirchhoffDofs(square, (x) => [-(x * x) / 2, -x, 0]);
    const out = new Float64Array(5);
    mitc4Resultants(square, 1000, 0.3, 1, u, out);
    expect(out[0]).toBeGreaterThan(0);
    expect(out[1]).toBeGreaterThan(0); // ν·κx
  });

  it('pressure load and foundation matrices integrate to q·A and k·A (1e-12 rel)', () => {
    for (const xy of [square, distorted]) {
      const A = area(xy);
      const f = new Float64Array(12);
      mitc4PressureLoad(xy, 2.5, f);
      let s = 0;
      for (let a = 0; a < 4; a++) {
        s += f[3 * a];
        expect(f[3 * a + 1]).toBe(0);
        expect(f[3 * a + 2]).toBe(0);
      }
      expect(Math.abs(s - 2.5 * A) / A).toBeLessThan(1e-12);
      const kc = new Float64Array(16);
      const kl = new Float64Array(16);
      mitc4FoundationConsistent(xy, 0.7, kc);
      mitc4FoundationLumped(xy, 0.7, kl);
      for (let a = 0; a < 4; a++) {
        let row = 0;
        for (let b = 0; b < 4; b++) {
          row += kc[4 * a + b];
          expect(kc[4 * a + b]).toBeCloseTo(kc[4 * b + a], 14);
          if (a !== b) expect(kl[4 * a + b]).toBe(0);
        }
        // lumped = row sums of the consistent matrix (Σ_b N_b = 1)
        expect(Math.abs(row - kl[5 * a]) / kl[5 * a]).toBeLessThan(1e-12);
        expect(Math.abs(f[3 * a] / 2.5 - kl[5 * a] / 0.7)).toBeLessThan(1e-12 * A);
      }
    }
  });

  it('consistent foundation of a rectangle equals k·ab/36·[4 2 1 2; …] (exact, 1e-13 rel)', () => {
    const xy = Float64Array.of(0, 0, 3, 0, 3, 2, 0, 2);
    const kc = new Float64Array(16);
    mitc4FoundationConsistent(xy, 1, kc);
    const ref = [4, 2, 1, 2, 2, 4, 2, 1, 1, 2, 4, 2, 2, 1, 2, 4].map((v) => (v * 6) / 36);
    for (let i = 0; i < 16; i++) expect(Math.abs(kc[i] - ref[i])).toBeLessThan(1e-13);
  });
});
