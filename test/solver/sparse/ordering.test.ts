import { describe, expect, it } from 'vitest';
import { mitc4Stiffness } from '../../../solver/plate/mitc4';
import { assembleGroup, planAssembly } from '../../../solver/sparse/assembly';
import { analyse } from '../../../solver/sparse/cholesky';
import { adjacencyOf, quotientGraph, quotientOfMatrix } from '../../../solver/sparse/graph';
import { fillReducingOrdering } from '../../../solver/sparse/ordering/index';
import { kthSmallest } from '../../../solver/sparse/ordering/nestedDissection';
import type { DofGeometry, SymmetricCsc } from '../../../solver/sparse/types';
import { clampedPlateProblem, plateMesh, randomSpdBlocks, seededRandom } from '../../bench/plateProblem';
import { bruteForceFillCount, randomSpd } from './denseReference';

/** 5-point Laplacian pattern of an nx × ny grid (one dof per node) with its coordinates. */
function gridLaplacian(nx: number, ny: number): { A: SymmetricCsc; geometry: DofGeometry } {
  const n = nx * ny;
  const dofs: number[] = [];
  for (let y = 0; y < ny; y++) {
    for (let x = 0; x < nx; x++) {
      if (x + 1 < nx) dofs.push(y * nx + x, y * nx + x + 1);
      if (y + 1 < ny) dofs.push(y * nx + x, (y + 1) * nx + x);
    }
  }
  const plan = planAssembly(n, [{ size: 2, dofs: Int32Array.from(dofs) }]);
  const ne = dofs.length / 2;
  const blocks = new Float64Array(4 * ne);
  for (let e = 0; e < ne; e++) blocks.set([1.01, -1, -1, 1.01], 4 * e);
  assembleGroup(plan, 0, blocks);
  const coords = new Float64Array(2 * n);
  for (let v = 0; v < n; v++) {
    coords[2 * v] = v % nx;
    coords[2 * v + 1] = Math.floor(v / nx);
  }
  return { A: plan.matrix, geometry: { coords, dofNode: Int32Array.from({ length: n }, (_, i) => i) } };
}

function isPermutation(p: Int32Array, n: number): boolean {
  if (p.length !== n) return false;
  const seen = new Uint8Array(n);
  for (const v of p) {
    if (v < 0 || v >= n || seen[v]) return false;
    seen[v] = 1;
  }
  return true;
}

describe('orderings', () => {
  it('every ordering is a valid permutation (grid, plate, random, disconnected)', () => {
    const cases: Array<{ A: SymmetricCsc; geometry?: DofGeometry }> = [
      gridLaplacian(13, 7),
      { A: randomSpd(70, 0.04, 3) },
      { A: randomSpd(50, 0.0, 4) }, // diagonal only: every vertex isolated
    ];
    const plate = plateMesh(6);
    const plan = planAssembly(plate.n, [plate.group]);
    cases.push({ A: plan.matrix, geometry: plate.geometry });
    for (const { A, geometry } of cases) {
      for (const name of ['natural', 'amd', 'nd'] as const) {
        expect(isPermutation(fillReducingOrdering(A, name), A.n)).toBe(true);
      }
      if (geometry) expect(isPermutation(fillReducingOrdering(A, 'nd', geometry), A.n)).toBe(true);
    }
  });

  it('ND and AMD fill no more than natural order on grid graphs; ND far less on a 40×40 grid', () => {
    for (const [nx, ny] of [
      [6, 6],
      [12, 5],
      [15, 15],
    ]) {
      const { A, geometry } = gridLaplacian(nx, ny);
      const natural = bruteForceFillCount(A, fillReducingOrdering(A, 'natural'));
      for (const perm of [
        fillReducingOrdering(A, 'amd'),
        fillReducingOrdering(A, 'nd'),
        fillReducingOrdering(A, 'nd', geometry),
      ]) {
        expect(bruteForceFillCount(A, perm)).toBeLessThanOrEqual(natural);
      }
    }
    // 40×40: natural order fills the band (~ n·40); nested dissection is O(n log n)
    const { A, geometry } = gridLaplacian(40, 40);
    const natural = bruteForceFillCount(A, fillReducingOrdering(A, 'natural'));
    const ndGeometric = bruteForceFillCount(A, fillReducingOrdering(A, 'nd', geometry));
    const ndGraph = bruteForceFillCount(A, fillReducingOrdering(A, 'nd'));
    const amd = bruteForceFillCount(A, fillReducingOrdering(A, 'amd'));
    expect(natural).toBeGreaterThan(60000); // sanity of the reference: about 1600 · 40
    expect(ndGeometric).toBeLessThan(0.5 * natural);
    expect(ndGraph).toBeLessThan(0.6 * natural);
    expect(amd).toBeLessThan(0.5 * natural);
  });

  it('geometric ND keeps the dofs of a node together and beats natural order on a plate', () => {
    const plate = plateMesh(32);
    const plan = planAssembly(plate.n, [plate.group]);
    assembleGroup(plan, 0, randomSpdBlocks(31 * 31, 2));
    const perm = fillReducingOrdering(plan.matrix, 'nd', plate.geometry);
    for (let k = 0; k < plate.n; k += 3) {
      const node = plate.geometry.dofNode[perm[k]];
      expect(plate.geometry.dofNode[perm[k + 1]]).toBe(node);
      expect(plate.geometry.dofNode[perm[k + 2]]).toBe(node);
    }
    const nd = analyse(plan.matrix, { ordering: 'nd', geometry: plate.geometry }).stats;
    const natural = analyse(plan.matrix, { ordering: 'natural' }).stats;
    expect(nd.flops).toBeLessThan(0.5 * natural.flops);
  });
});

describe('quotient graph straight from the matrix', () => {
  it('equals the quotient of the dof graph, as neighbour sets (random groups, some dofs dropped)', () => {
    const A = randomSpd(90, 0.06, 31);
    const rand = seededRandom(5);
    const nGroups = 25;
    const groupOf = Int32Array.from({ length: A.n }, () =>
      rand() < 0.1 ? -1 : Math.floor(rand() * nGroups),
    );
    const a = quotientGraph(adjacencyOf(A), groupOf, nGroups);
    const b = quotientOfMatrix(A, groupOf, nGroups);
    for (let q = 0; q < nGroups; q++) {
      const x = Array.from(a.adj.subarray(a.ptr[q], a.ptr[q + 1])).sort((u, v) => u - v);
      const y = Array.from(b.adj.subarray(b.ptr[q], b.ptr[q + 1])).sort((u, v) => u - v);
      expect(y).toEqual(x);
    }
  });
});

describe('analysis on the nodes of a plate', () => {
  it('gives the elimination tree and column counts of the dof-level analysis of the same ordering', () => {
    // clamped plate: edge nodes carry no dofs, the others three in full blocks (the node path)
    const p = clampedPlateProblem(14, mitc4Stiffness);
    const plan = planAssembly(p.n, [p.group]);
    assembleGroup(plan, 0, p.blocks);
    const byNodes = analyse(plan.matrix, { ordering: 'nd', geometry: p.geometry });
    const byDofs = analyse(plan.matrix, { ordering: byNodes.perm });
    expect(byNodes.stats.nnzL).toBe(byDofs.stats.nnzL);
    expect(byNodes.stats.flops).toBe(byDofs.stats.flops);
    expect(byNodes.stats.dofsPerNode).toBe(3);
    expect(byDofs.stats.dofsPerNode).toBe(1);
  });
});

describe('median for the geometric cut', () => {
  it('kthSmallest equals the sorted array at k, with many repeated keys', () => {
    const rand = seededRandom(8);
    for (const m of [1, 2, 3, 10, 101, 1000]) {
      const a = Float64Array.from({ length: m }, () => Math.floor(rand() * 7) * 0.25);
      const sorted = Float64Array.from(a).sort();
      for (const k of [0, m >> 1, m - 1]) expect(kthSmallest(Float64Array.from(a), m, k)).toBe(sorted[k]);
    }
  });
});
