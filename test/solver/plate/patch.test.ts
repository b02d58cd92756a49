/**
 * MacNeal–Harder bending patch test (MacNeal & Harder 1985) on the distorted 5-element patch:
 * w = 10⁻³(x² + xy + y²)/2 with the consistent rotations rx = ∂w/∂y, ry = −∂w/∂x prescribed
 * at the four boundary nodes. Interior dofs and the constant moments must be exact.
 */
import { describe, expect, it } from 'vitest';
import { createQuadMesh } from '../../../solver/mesh/quadMesh';
import { flexuralRigidity } from '../../../solver/plate/mitc4';
import { createPlateModel, type Support } from '../../../solver/plate/plateModel';
import { elementResults } from '../../../solver/plate/recovery';
import { solvePlate } from '../../../solver/plate/staticSolve';
import { patchNodes, patchQuads } from '../../reference/macNealHarder';

const exact = (x: number, y: number) => [
  (1e-3 * (x * x + x * y + y * y)) / 2, // w
  1e-3 * (x / 2 + y), // rx = ∂w/∂y
  -1e-3 * (x + y / 2), // ry = −∂w/∂x
];

describe('MacNeal–Harder plate bending patch test', () => {
  for (const t of [0.001, 0.01, 0.05]) {
    it(`t = ${t}: interior w, rx, ry and constant Mx, My, Mxy exact (1e-8 rel), Q = 0`, () => {
      const E = 1e6;
      const nu = 0.25;
      const mesh = createQuadMesh(patchNodes, patchQuads);
      const supports: Support[] = [0, 1, 2, 3].map((node) => ({
        node,
        dofs: ['w', 'rx', 'ry'],
        values: exact(patchNodes[node][0], patchNodes[node][1]),
      }));
      const model = createPlateModel(mesh, { E, nu, thickness: t }, supports);
      const { u } = solvePlate(model, new Float64Array(model.nDofs));
      for (let node = 4; node < 8; node++) {
        const ref = exact(patchNodes[node][0], patchNodes[node][1]);
        for (let c = 0; c < 3; c++) {
          expect(Math.abs(u[3 * node + c] - ref[c]) / Math.abs(ref[c])).toBeLessThan(1e-8);
        }
      }
      // κ = (−w,xx, −w,yy, −2w,xy) = −10⁻³ (1, 1, 1)
      const D = flexuralRigidity(E, nu, t);
      const Mx = -1e-3 * D * (1 + nu);
      const Mxy = -1e-3 * D * 0.5 * (1 - nu);
      const r = elementResults(mesh, E, nu, model.thickness, u);
      for (let e = 0; e < 5; e++) {
        expect(Math.abs(r.Mx[e] - Mx) / Math.abs(Mx)).toBeLessThan(1e-8);
        expect(Math.abs(r.My[e] - Mx) / Math.abs(Mx)).toBeLessThan(1e-8);
        expect(Math.abs(r.Mxy[e] - Mxy) / Math.abs(Mxy)).toBeLessThan(1e-8);
        // shear: compare with the moment gradient scale M/L ~ |Mx|/0.12 (exact value 0)
        expect(Math.abs(r.Qx[e]) / (Math.abs(Mx) / 0.12)).toBeLessThan(1e-8);
        expect(Math.abs(r.Qy[e]) / (Math.abs(Mx) / 0.12)).toBeLessThan(1e-8);
        // surface stresses ±6M/t²
        expect(Math.abs(r.sxTop[e] - (6 * Mx) / t ** 2) / Math.abs((6 * Mx) / t ** 2)).toBeLessThan(1e-8);
      }
    });
  }
});
