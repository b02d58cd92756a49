import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import {
  addElement,
  assembleGroup,
  dofsPerNode,
  planAssembly,
  zeroValues,
} from '../../../solver/sparse/assembly';
import { multiplySymmetric } from '../../../solver/sparse/symmetricProduct';
import type { ElementGroup } from '../../../solver/sparse/types';
import { seededRandom } from '../../bench/plateProblem';
import { toDense } from './denseReference';

/** Random groups on n dofs: some dofs eliminated (-1), repeated elements, two element sizes. */
function randomGroups(n: number, seed: number): { groups: ElementGroup[]; blocks: Float64Array[] } {
  const rand = seededRandom(seed);
  const groups: ElementGroup[] = [];
  const blocks: Float64Array[] = [];
  for (const [d, ne] of [
    [4, 30],
    [2, 25],
  ]) {
    const dofs = new Int32Array(ne * d);
    for (let q = 0; q < dofs.length; q++) dofs[q] = rand() < 0.15 ? -1 : Math.floor(rand() * n);
    const b = new Float64Array(ne * d * d);
    for (let e = 0; e < ne; e++) {
      for (let a = 0; a < d; a++) {
        for (let c = 0; c <= a; c++) {
          const v = Math.round((2 * rand() - 1) * 100) / 8; // exactly representable sums
          b[e * d * d + a * d + c] = v;
          b[e * d * d + c * d + a] = v;
        }
      }
    }
    groups.push({ size: d, dofs });
    blocks.push(b);
  }
  return { groups, blocks };
}

function naiveDense(n: number, groups: ElementGroup[], blocks: Float64Array[]): Matrix {
  const M = Matrix.zeros(n, n);
  groups.forEach((g, gi) => {
    const d = g.size;
    const ne = g.dofs.length / d;
    for (let e = 0; e < ne; e++) {
      for (let a = 0; a < d; a++) {
        for (let b = 0; b < d; b++) {
          const r = g.dofs[e * d + a];
          const c = g.dofs[e * d + b];
          if (r >= 0 && c >= 0) M.set(r, c, M.get(r, c) + blocks[gi][e * d * d + a * d + b]);
        }
      }
    }
  });
  return M;
}

describe('assembly', () => {
  it('scatters element blocks exactly like a naive dense assembly (exact, tolerance 0)', () => {
    const n = 23;
    const { groups, blocks } = randomGroups(n, 7);
    const plan = planAssembly(n, groups);
    for (let g = 0; g < groups.length; g++) assembleGroup(plan, g, blocks[g]);
    const A = plan.matrix;
    for (let j = 0; j < n; j++) {
      for (let k = A.colPtr[j] + 1; k < A.colPtr[j + 1]; k++)
        expect(A.rowIdx[k]).toBeGreaterThan(A.rowIdx[k - 1]);
      if (A.colPtr[j] < A.colPtr[j + 1]) expect(A.rowIdx[A.colPtr[j]]).toBeGreaterThanOrEqual(j);
    }
    expect(toDense(A).to2DArray()).toEqual(naiveDense(n, groups, blocks).to2DArray());
  });

  it('addElement one by one equals assembleGroup, and zeroValues resets', () => {
    const n = 17;
    const { groups, blocks } = randomGroups(n, 3);
    const plan = planAssembly(n, groups);
    for (let g = 0; g < groups.length; g++) assembleGroup(plan, g, blocks[g]);
    const whole = Float64Array.from(plan.matrix.values);
    zeroValues(plan);
    expect(plan.matrix.values.every((v) => v === 0)).toBe(true);
    groups.forEach((g, gi) => {
      const d = g.size;
      for (let e = 0; e < g.dofs.length / d; e++)
        addElement(plan, gi, e, blocks[gi].subarray(e * d * d, (e + 1) * d * d));
    });
    expect(Array.from(plan.matrix.values)).toEqual(Array.from(whole));
  });

  it('multiplySymmetric equals the dense product (tolerance 1e-12 relative)', () => {
    const n = 19;
    const { groups, blocks } = randomGroups(n, 11);
    const plan = planAssembly(n, groups);
    for (let g = 0; g < groups.length; g++) assembleGroup(plan, g, blocks[g]);
    const x = Float64Array.from({ length: n }, (_, i) => Math.cos(i + 1));
    const y = multiplySymmetric(plan.matrix, x);
    const ref = naiveDense(n, groups, blocks)
      .mmul(Matrix.columnVector(Array.from(x)))
      .getColumn(0);
    const scale = Math.max(...ref.map(Math.abs));
    for (let i = 0; i < n; i++) expect(Math.abs(y[i] - ref[i])).toBeLessThan(1e-12 * scale);
  });
});

describe('assembly of elements made of whole nodes', () => {
  it('the node-level plan gives the dof-level pattern and scatter map exactly', () => {
    // quads on a 5×4 node grid, numbered irregularly, 3 dofs per node, one node in no element
    const rand = seededRandom(17);
    const nNodes = 21;
    const label = Array.from({ length: 20 }, (_, i) => i).sort(() => rand() - 0.5);
    const quads: number[] = [];
    for (let j = 0; j < 3; j++)
      for (let i = 0; i < 4; i++)
        quads.push(label[5 * j + i], label[5 * j + i + 1], label[5 * j + i + 6], label[5 * j + i + 5]);
    const dofs = Int32Array.from(quads.flatMap((node) => [3 * node, 3 * node + 1, 3 * node + 2]));
    const group: ElementGroup = { size: 12, dofs };
    const n = 3 * nNodes;
    expect(dofsPerNode(n, group)).toBe(3); // so the single-group plan below is built on nodes
    const byNodes = planAssembly(n, [group]);
    // a second, empty group keeps the dof-by-dof construction
    const byDofs = planAssembly(n, [group, { size: 1, dofs: new Int32Array(0) }]);
    expect(Array.from(byNodes.matrix.colPtr)).toEqual(Array.from(byDofs.matrix.colPtr));
    expect(Array.from(byNodes.matrix.rowIdx)).toEqual(Array.from(byDofs.matrix.rowIdx));
    expect(Array.from(byNodes.scatter[0])).toEqual(Array.from(byDofs.scatter[0]));
  });
});
