/** Structured mesher: forced lines, target size, grading, numbering and orientation. */
import { describe, expect, it } from 'vitest';
import { axisCoordinates } from '../../../solver/mesh/axis';
import { MeshError, validateQuadMesh } from '../../../solver/mesh/quadMesh';
import { rectangleMesh, uniformRectangleMesh } from '../../../solver/mesh/structured';
import { tributaryAreas } from '../../../solver/mesh/tributary';

const sizes = (x: Float64Array) => Array.from(x.subarray(1), (v, i) => v - x[i]);

describe('axisCoordinates', () => {
  it('merges forced lines closer than 1e-3 of the smallest element size, keeps lines further apart', () => {
    const spec = { from: 0, to: 150, size: 10, refine: [{ at: 12.5, size: 2, ratio: 1.3 }] };
    // 5 nm apart: one line (a sliver element would be 4e5 times thinner than its neighbours)
    const merged = axisCoordinates({ ...spec, lines: [12.5, 12.499994549] });
    expect(merged.filter((x) => Math.abs(x - 12.5) < 1e-3).length).toBe(1);
    // 10 µm apart is 5e-3 of the 2 mm refinement: both lines stay
    const kept = axisCoordinates({ ...spec, lines: [12.5, 12.51] });
    expect(kept.filter((x) => x === 12.5 || x === 12.51).length).toBe(2);
  });

  it('uniform: ceil(L/h) equal elements; an exact multiple is not split (1e-12 mm)', () => {
    const x = axisCoordinates({ from: 0, to: 200, size: 10 });
    expect(x.length).toBe(21);
    for (const h of sizes(x)) expect(Math.abs(h - 10)).toBeLessThan(1e-9);
    const y = axisCoordinates({ from: -5, to: 5, size: 3 });
    expect(y.length - 1).toBe(4);
  });

  it('forced lines are mesh lines exactly and no element exceeds the target size', () => {
    const lines = [12.5, 87.3, 150, 150 + 1e-12, 250 /* outside: ignored */];
    const x = axisCoordinates({ from: 0, to: 200, size: 10, lines });
    for (const l of [12.5, 87.3, 150]) expect(Array.from(x)).toContain(l);
    expect(x[0]).toBe(0);
    expect(x[x.length - 1]).toBe(200);
    for (const h of sizes(x)) {
      expect(h).toBeGreaterThan(0);
      expect(h).toBeLessThanOrEqual(10 * 1.01 + 1e-12);
    }
    // no duplicated line from the near-coincident 150 + 1e-12
    expect(Array.from(x).filter((v) => Math.abs(v - 150) < 1e-6).length).toBe(1);
  });

  it('grading: the size at the refinement point is ≈ h0 and grows by ≈ ratio per element', () => {
    const x = axisCoordinates({ from: 0, to: 1000, size: 100, refine: [{ at: 0, size: 1, ratio: 1.2 }] });
    const h = sizes(x);
    expect(h[0]).toBeGreaterThan(0.9);
    expect(h[0]).toBeLessThan(1.25);
    // sizes increase monotonically while below the cap; neighbouring ratio within [1, 1.3]
    for (let i = 1; i < h.length; i++) {
      expect(h[i] / h[i - 1]).toBeGreaterThan(0.99);
      expect(h[i] / h[i - 1]).toBeLessThan(1.3);
    }
    expect(Math.max(...h)).toBeLessThanOrEqual(100 * 1.01);
    // far fewer elements than a uniform 1 mm mesh
    expect(h.length).toBeLessThan(60);
  });

  it('grading toward an interior point together with a forced line there', () => {
    const x = axisCoordinates({ from: -50, to: 50, size: 10, lines: [0], refine: [{ at: 0, size: 0.5 }] });
    const i0 = Array.from(x).indexOf(0);
    expect(i0).toBeGreaterThan(0);
    expect(x[i0 + 1] - x[i0]).toBeLessThan(0.6);
    expect(x[i0] - x[i0 - 1]).toBeLessThan(0.6);
  });

  it('rejects bad specifications with the field, value and rule', () => {
    expect(() => axisCoordinates({ from: 0, to: 0, size: 1 }, 'x')).toThrow(
      /x\.to: 0 — must be finite and > from/,
    );
    expect(() => axisCoordinates({ from: 0, to: 1, size: -2 }, 'y')).toThrow(/y\.size: -2 mm — must be > 0/);
    expect(() => axisCoordinates({ from: 0, to: 1, size: 1, refine: [{ at: 0, size: 0 }] }, 'x')).toThrow(
      /x\.refine\[0\]\.size: 0 mm/,
    );
    expect(() =>
      axisCoordinates({ from: 0, to: 1, size: 1, refine: [{ at: 0, size: 1, ratio: 0.5 }] }),
    ).toThrow(/ratio: 0.5 — must be ≥ 1/);
    expect(() => axisCoordinates({ from: 0, to: 1, size: 1, lines: [Number.NaN] })).toThrow(MeshError);
  });
});

describe('rectangleMesh', () => {
  it('numbering node (i, j) = j·nx + i, counter-clockwise quads, valid, area exact (1e-12 rel)', () => {
    const m = rectangleMesh(
      { from: 0, to: 200, size: 20, lines: [35, 165] },
      { from: 0, to: 120, size: 20, lines: [10], refine: [{ at: 60, size: 5 }] },
    );
    const nx = m.x.length;
    expect(m.nodes.length / 2).toBe(nx * m.y.length);
    expect(m.quads.length / 4).toBe((nx - 1) * (m.y.length - 1));
    expect(Array.from(m.x)).toContain(35);
    expect(Array.from(m.x)).toContain(165);
    expect(Array.from(m.y)).toContain(10);
    const k = 3 * nx + 2;
    expect(m.nodes[2 * k]).toBe(m.x[2]);
    expect(m.nodes[2 * k + 1]).toBe(m.y[3]);
    expect(Array.from(m.quads.subarray(0, 4))).toEqual([0, 1, nx + 1, nx]);
    validateQuadMesh(m);
    const A = tributaryAreas(m).reduce((s, v) => s + v, 0);
    expect(Math.abs(A - 200 * 120) / 24000).toBeLessThan(1e-12);
  });

  it('uniform mesh helper: 4×2 elements of a 2×1 rectangle', () => {
    const m = uniformRectangleMesh(2, 1, 4, 2, -1, 0);
    expect(Array.from(m.x)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(m.quads.length / 4).toBe(8);
  });
});
