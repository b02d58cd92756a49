/** Unstructured mesh input: validation errors, queries and tributary areas. */
import { describe, expect, it } from 'vitest';
import { locatePoint } from '../../../solver/mesh/locate';
import { createQuadMesh, MeshError } from '../../../solver/mesh/quadMesh';
import { boundaryNodes, nearestNode, nodesInCircle, nodesOnLine } from '../../../solver/mesh/query';
import { uniformRectangleMesh } from '../../../solver/mesh/structured';
import { tributaryAreas } from '../../../solver/mesh/tributary';
import { patchNodes, patchQuads } from '../../reference/macNealHarder';

describe('createQuadMesh', () => {
  it('accepts the MacNeal–Harder patch; tributary areas sum to 0.24·0.12 (1e-14 rel)', () => {
    const m = createQuadMesh(patchNodes, patchQuads);
    expect(m.nodes.length).toBe(16);
    const A = tributaryAreas(m).reduce((s, v) => s + v, 0);
    expect(Math.abs(A - 0.0288) / 0.0288).toBeLessThan(1e-14);
    expect(Array.from(boundaryNodes(m))).toEqual([0, 1, 2, 3]);
  });

  it('rejects clockwise quads, naming the quad and its nodes', () => {
    const bad = patchQuads.map((q, e) => (e === 2 ? [...q].reverse() : q));
    expect(() => createQuadMesh(patchNodes, bad)).toThrow(
      /quad 2 \(nodes 6, 7, 3, 2\): Jacobian -.* clockwise/,
    );
  });

  it('rejects out-of-range and non-integer indices, repeated corners, bad coordinates', () => {
    expect(() => createQuadMesh(patchNodes, [[0, 1, 5, 8]])).toThrow(
      /quads\[0\]\[3\]: 8 — must be an integer node index in 0\.\.7/,
    );
    expect(() => createQuadMesh(patchNodes, [[0, 1.5, 5, 4]])).toThrow(MeshError);
    expect(() => createQuadMesh(patchNodes, [[0, 1, 1, 4]])).toThrow(/quad 0: node 1 appears twice/);
    const nodes = patchNodes.map((p, i) => (i === 3 ? [0, Number.NaN] : p));
    expect(() => createQuadMesh(nodes, patchQuads)).toThrow(
      /nodes\[3\]\[1\]: NaN mm — must be a finite number/,
    );
    expect(() => createQuadMesh([[0, 0, 1]], patchQuads)).toThrow(MeshError);
  });

  it('rejects a non-convex (arrowhead) quad', () => {
    const nodes = [
      [0, 0],
      [2, 0],
      [0.5, 0.5],
      [0, 2],
    ];
    expect(() => createQuadMesh(nodes, [[0, 1, 2, 3]])).toThrow(/Jacobian/);
  });
});

describe('mesh queries', () => {
  const m = uniformRectangleMesh(100, 50, 10, 5);
  it('boundary, lines, nearest node and circle', () => {
    expect(boundaryNodes(m).length).toBe(2 * 11 + 2 * 4);
    expect(Array.from(nodesOnLine(m, 'x', 0))).toEqual([0, 11, 22, 33, 44, 55]);
    expect(nodesOnLine(m, 'y', 50).length).toBe(11);
    expect(nearestNode(m, 31, 19)).toBe(2 * 11 + 3);
    expect(Array.from(nodesInCircle(m, 50, 20, 10))).toEqual([16, 26, 27, 28, 38]);
  });

  it('tributary areas: corner a/4, edge a/2, interior a for a uniform mesh (1e-12 rel)', () => {
    const A = tributaryAreas(m);
    expect(A[0]).toBeCloseTo(25, 10);
    expect(A[1]).toBeCloseTo(50, 10);
    expect(A[12]).toBeCloseTo(100, 10);
  });

  it('locates points in their quad with reference coordinates', () => {
    const p = locatePoint(m, 35, 12.5);
    expect(p?.quad).toBe(11 * 0 + 10 + 3);
    expect(p?.r).toBeCloseTo(0, 12);
    expect(p?.s).toBeCloseTo(-0.5, 12);
    expect(locatePoint(m, 101, 0)).toBeNull();
  });
});
