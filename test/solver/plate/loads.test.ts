/** Load vectors: pressure, nodal and point forces, forces spread over washer footprints. */
import { describe, expect, it } from 'vitest';
import { createQuadMesh } from '../../../solver/mesh/quadMesh';
import { rectangleMesh, uniformRectangleMesh } from '../../../solver/mesh/structured';
import {
  addPatchForce,
  addPointForce,
  addPressure,
  LoadError,
  totalForce,
} from '../../../solver/plate/loads';
import { patchNodes, patchQuads } from '../../reference/macNealHarder';

/** Σ f_w,i · (x_i, y_i) / Σ f_w,i: the load's centroid (mm) */
function centroid(mesh: { nodes: Float64Array }, f: Float64Array): [number, number] {
  let F = 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < f.length / 3; i++) {
    F += f[3 * i];
    mx += f[3 * i] * mesh.nodes[2 * i];
    my += f[3 * i] * mesh.nodes[2 * i + 1];
  }
  return [mx / F, my / F];
}

describe('plate loads', () => {
  it('uniform and per-quad pressure: total = Σ q_e A_e (1e-13 rel), rotations untouched', () => {
    const mesh = createQuadMesh(patchNodes, patchQuads);
    const f = new Float64Array(24);
    addPressure(mesh, 2, f);
    expect(Math.abs(totalForce(f) - 2 * 0.0288) / 0.0576).toBeLessThan(1e-13);
    for (let i = 0; i < 8; i++) expect(f[3 * i + 1] + f[3 * i + 2]).toBe(0);
    const g = new Float64Array(24);
    addPressure(mesh, [0, 0, 0, 0, 1], g); // only the inner quad
    const inner = [
      [0.04, 0.02],
      [0.18, 0.03],
      [0.16, 0.08],
      [0.08, 0.08],
    ];
    let A = 0;
    for (let a = 0; a < 4; a++) {
      const [x0, y0] = inner[a];
      const [x1, y1] = inner[(a + 1) % 4];
      A += (x0 * y1 - x1 * y0) / 2;
    }
    expect(Math.abs(totalForce(g) - A) / A).toBeLessThan(1e-13);
    for (let i = 0; i < 4; i++) expect(g[3 * i]).toBe(0);
  });

  it('point force inside a quad: shape-function split, exact total and centroid (1e-12)', () => {
    const mesh = uniformRectangleMesh(100, 100, 4, 4);
    const f = new Float64Array(3 * 25);
    addPointForce(mesh, 37, 61, 250, f);
    expect(totalForce(f)).toBeCloseTo(250, 10);
    const [cx, cy] = centroid(mesh, f);
    expect(Math.abs(cx - 37)).toBeLessThan(1e-12 * 100);
    expect(Math.abs(cy - 61)).toBeLessThan(1e-12 * 100);
    expect(() => addPointForce(mesh, -1, 50, 1, f)).toThrow(LoadError);
  });

  it('washer patch spanning several quads: total exact (1e-13), centroid within 0.1 % of the radius, area ≈ πR² (0.5 %)', () => {
    const mesh = rectangleMesh({ from: 0, to: 200, size: 7 }, { from: 0, to: 120, size: 6 });
    const f = new Float64Array((3 * mesh.nodes.length) / 2);
    const patch = { x: 83.3, y: 51.7, radius: 12, force: 5000 };
    const area = addPatchForce(mesh, patch, f);
    expect(Math.abs(totalForce(f) - 5000) / 5000).toBeLessThan(1e-13);
    expect(Math.abs(area / (Math.PI * 144) - 1)).toBeLessThan(0.005);
    const [cx, cy] = centroid(mesh, f);
    expect(Math.hypot(cx - patch.x, cy - patch.y)).toBeLessThan(1e-3 * patch.radius);
    // nodes far from the disc get nothing
    for (let i = 0; i < mesh.nodes.length / 2; i++) {
      const d = Math.hypot(mesh.nodes[2 * i] - patch.x, mesh.nodes[2 * i + 1] - patch.y);
      if (d > patch.radius + 7 * Math.SQRT2 + 1e-9) expect(f[3 * i]).toBe(0);
    }
  });

  it('tiny washer inside one quad and zero radius: exact total, centroid at the centre (1e-3 mm)', () => {
    const mesh = uniformRectangleMesh(100, 100, 2, 2);
    for (const radius of [0, 0.05, 3]) {
      const f = new Float64Array(27);
      addPatchForce(mesh, { x: 20, y: 30, radius, force: 10 }, f);
      expect(Math.abs(totalForce(f) - 10)).toBeLessThan(1e-12);
      const [cx, cy] = centroid(mesh, f);
      expect(Math.abs(cx - 20)).toBeLessThan(1e-3);
      expect(Math.abs(cy - 30)).toBeLessThan(1e-3);
    }
    expect(() => addPatchForce(mesh, { x: 20, y: 30, radius: -1, force: 1 }, new Float64Array(27))).toThrow(
      /radius: -1 mm — must be ≥ 0/,
    );
  });
});
