import { describe, expect, it } from 'vitest';
import { assembleGroup, planAssembly } from '../../../solver/sparse/assembly';
import {
  analyse,
  backwardSolve,
  createSolver,
  factor,
  forwardSolve,
  NotPositiveDefiniteError,
  solve,
  solveMany,
} from '../../../solver/sparse/cholesky';
import { multiplySymmetric } from '../../../solver/sparse/symmetricProduct';
import type { OrderingName, SymmetricCsc } from '../../../solver/sparse/types';
import { plateMesh, randomPlateProblem, seededRandom } from '../../bench/plateProblem';
import { bruteForceFillCount, denseSolution, randomSpd, relativeError } from './denseReference';

const TOL = 1e-9; // relative to the largest entry of the dense solution; both are backward stable

function rhs(n: number, seed: number): Float64Array {
  const rand = seededRandom(seed);
  return Float64Array.from({ length: n }, () => 2 * rand() - 1);
}

function plateMatrix(nx: number, seed: number) {
  const p = randomPlateProblem(nx, seed);
  const plan = planAssembly(p.n, [p.group]);
  assembleGroup(plan, 0, p.blocks);
  return { A: plan.matrix, geometry: p.geometry };
}

const orderings: OrderingName[] = ['natural', 'amd', 'nd'];

describe('sparse Cholesky against a dense solve (ml-matrix)', () => {
  for (const [n, density, seed] of [
    [1, 0, 1],
    [7, 0.5, 2],
    [60, 0.08, 3],
    [150, 0.03, 4],
    [120, 0.3, 5],
  ] as const) {
    for (const ordering of orderings) {
      it(`random SPD n=${n} density=${density} ordering=${ordering} (tolerance ${TOL})`, () => {
        const A = randomSpd(n, density, seed);
        const b = rhs(n, seed + 100);
        const sym = analyse(A, { ordering });
        const x = solve(factor(sym, A), b);
        expect(relativeError(x, denseSolution(A, b))).toBeLessThan(TOL);
      });
    }
  }

  for (const relax of [true, false]) {
    it(`plate pattern 9×9 nodes, all orderings, relax=${relax} (tolerance ${TOL})`, () => {
      const { A, geometry } = plateMatrix(9, 42);
      const b = rhs(A.n, 7);
      const reference = denseSolution(A, b);
      for (const options of [
        { ordering: 'natural' as const },
        { ordering: 'amd' as const },
        { ordering: 'nd' as const },
        { ordering: 'nd' as const, geometry },
      ]) {
        const sym = analyse(A, { ...options, relax });
        expect(relativeError(solve(factor(sym, A), b), reference)).toBeLessThan(TOL);
      }
    });
  }

  it('a clamped plate (eliminated boundary dofs) with geometric ND (tolerance 1e-9)', () => {
    const mesh = plateMesh(11, true);
    const rand = seededRandom(5);
    const ne = mesh.group.dofs.length / 12;
    const blocks = new Float64Array(ne * 144);
    for (let e = 0; e < ne; e++) {
      // a rank-deficient block (rank 6): only the clamping makes the sum positive definite
      const g = Array.from({ length: 72 }, () => 2 * rand() - 1);
      for (let i = 0; i < 12; i++) {
        for (let j = 0; j < 12; j++) {
          let s = 0;
          for (let k = 0; k < 6; k++) s += g[i * 6 + k] * g[j * 6 + k];
          blocks[e * 144 + i * 12 + j] = s;
        }
      }
    }
    const plan = planAssembly(mesh.n, [mesh.group]);
    assembleGroup(plan, 0, blocks);
    const b = rhs(mesh.n, 9);
    const sym = analyse(plan.matrix, { ordering: 'nd', geometry: mesh.geometry });
    expect(relativeError(solve(factor(sym, plan.matrix), b), denseSolution(plan.matrix, b))).toBeLessThan(
      TOL,
    );
  });

  it('a nearly dense matrix (supernodes wider than the 32- and 128-column blocks) (tolerance 1e-9)', () => {
    const A = randomSpd(420, 0.6, 17);
    const b = rhs(420, 3);
    const sym = analyse(A, { ordering: 'amd' });
    expect(sym.stats.supernodes).toBeLessThan(20);
    expect(relativeError(solve(factor(sym, A), b), denseSolution(A, b))).toBeLessThan(TOL);
  });

  it('a 45×45-node plate: residual of the solution (‖b − A x‖/‖b‖ < 1e-12, A x by the tested product)', () => {
    const { A, geometry } = plateMatrix(45, 8);
    const b = rhs(A.n, 5);
    for (const options of [{ ordering: 'nd' as const, geometry }, { ordering: 'amd' as const }]) {
      const x = solve(factor(analyse(A, options), A), b);
      const r = multiplySymmetric(A, x);
      let rr = 0;
      let bb = 0;
      for (let i = 0; i < A.n; i++) {
        rr += (r[i] - b[i]) ** 2;
        bb += b[i] ** 2;
      }
      expect(Math.sqrt(rr / bb)).toBeLessThan(1e-12);
    }
  });

  it('an explicit permutation is honoured', () => {
    const A = randomSpd(40, 0.1, 8);
    const perm = Int32Array.from({ length: 40 }, (_, i) => 39 - i);
    const sym = analyse(A, { ordering: perm });
    const b = rhs(40, 1);
    expect(relativeError(solve(factor(sym, A), b), denseSolution(A, b))).toBeLessThan(TOL);
  });
});

describe('symbolic analysis', () => {
  it('nnz(L) equals a brute-force boolean elimination for every ordering (exact)', () => {
    const { A, geometry } = plateMatrix(7, 3);
    for (const options of [
      { ordering: 'natural' as const },
      { ordering: 'amd' as const },
      { ordering: 'nd' as const, geometry },
    ]) {
      const sym = analyse(A, options);
      expect(sym.stats.nnzL).toBe(bruteForceFillCount(A, sym.perm));
    }
    const R = randomSpd(80, 0.05, 12);
    const sym = analyse(R, { ordering: 'amd' });
    expect(sym.stats.nnzL).toBe(bruteForceFillCount(R, sym.perm));
  });
});

describe('refactorization and right-hand sides', () => {
  it('refactoring in place after a diagonal change gives the new solution (tolerance 1e-9)', () => {
    const { A, geometry } = plateMatrix(8, 5);
    const sym = analyse(A, { geometry });
    const num = factor(sym, A);
    const b = rhs(A.n, 2);
    const x1 = Float64Array.from(solve(num, b));
    const values2 = Float64Array.from(A.values);
    for (let j = 0; j < A.n; j++) values2[A.colPtr[j]] *= 1 + (j % 5) * 0.3; // rows sorted: first entry is the diagonal
    const A2: SymmetricCsc = { ...A, values: values2 };
    const num2 = factor(sym, A2, num);
    expect(num2).toBe(num); // storage reused
    expect(num2.values).toBe(num.values);
    const x2 = solve(num2, b);
    expect(relativeError(x2, denseSolution(A2, b))).toBeLessThan(TOL);
    expect(relativeError(x1, denseSolution(A, b))).toBeLessThan(TOL);
    expect(relativeError(x1, x2)).toBeGreaterThan(1e-3);
  });

  it('solveMany equals column-by-column dense solves (tolerance 1e-9)', () => {
    const A = randomSpd(50, 0.1, 21);
    const nrhs = 4;
    const B = rhs(50 * nrhs, 3);
    const X = solveMany(factor(analyse(A), A), B, nrhs);
    for (let c = 0; c < nrhs; c++) {
      const ref = denseSolution(A, B.subarray(c * 50, (c + 1) * 50));
      expect(relativeError(X.subarray(c * 50, (c + 1) * 50), ref)).toBeLessThan(TOL);
    }
  });

  it('dense matrices of 1 to 41 unknowns (one supernode: every mix of eight-, four- and one-column groups), dense and sparse b (tolerance 1e-9)', () => {
    for (let n = 1; n <= 41; n++) {
      const A = randomSpd(n, 1, 100 + n);
      const sym = analyse(A, { ordering: 'natural' });
      expect(sym.stats.supernodes).toBe(1);
      const num = factor(sym, A);
      // dense; zero in the first half of each group of eight; zero but for one entry near the end
      const dense = rhs(n, n);
      const halves = Float64Array.from(dense, (v, i) => (i % 8 < 4 ? 0 : v));
      const last = new Float64Array(n);
      last[n - 1] = 1;
      for (const b of [dense, halves, last]) {
        if (b.every((v) => v === 0)) continue;
        expect(relativeError(solve(num, b), denseSolution(A, b))).toBeLessThan(TOL);
      }
    }
  });

  it('half solves: F b · F c = bᵀ A⁻¹ c and Fᵀ F b = A⁻¹ b, sparse b included (tolerance 1e-9)', () => {
    const { A, geometry } = plateMatrix(14, 8);
    const num = factor(analyse(A, { ordering: 'nd', geometry }), A);
    const n = A.n;
    const b = rhs(n, 5);
    // a washer-like load: three nonzeros, so most supernodes are skipped by the forward half
    const c = new Float64Array(n);
    c[3] = 1;
    c[4] = -0.5;
    c[40] = 2;
    const x = denseSolution(A, b);
    const fb = forwardSolve(num, b, new Float64Array(n));
    const fc = forwardSolve(num, c, new Float64Array(n));
    let product = 0;
    let reference = 0;
    let scale = 0;
    for (let i = 0; i < n; i++) {
      product += fb[i] * fc[i];
      reference += c[i] * x[i];
      scale += Math.abs(c[i] * x[i]);
    }
    expect(Math.abs(product - reference)).toBeLessThan(TOL * scale);
    expect(relativeError(backwardSolve(num, fb, new Float64Array(n)), x)).toBeLessThan(TOL);
    expect(relativeError(backwardSolve(num, fc, new Float64Array(n)), denseSolution(A, c))).toBeLessThan(TOL);
  });

  it('createSolver refactors with new values and solves (tolerance 1e-9)', () => {
    const A = randomSpd(30, 0.2, 2);
    const solver = createSolver(A, { ordering: 'amd' });
    solver.factor();
    const b = rhs(30, 4);
    expect(relativeError(solver.solve(b), denseSolution(A, b))).toBeLessThan(TOL);
    const v = Float64Array.from(A.values, (x) => 2 * x);
    solver.factor(v);
    const ref = denseSolution(A, b).map((x) => x / 2);
    expect(relativeError(solver.solve(b), ref)).toBeLessThan(TOL);
  });
});

describe('not positive definite', () => {
  it('a negative diagonal names the original dof and its pivot', () => {
    const A = randomSpd(20, 0.15, 6);
    const bad = 13;
    const values = Float64Array.from(A.values);
    values[A.colPtr[bad]] = -1;
    const sym = analyse(A, { ordering: 'amd', describeDof: (d) => `node ${Math.floor(d / 3)} (w)` });
    let error: unknown;
    try {
      factor(sym, { ...A, values });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NotPositiveDefiniteError);
    const npd = error as NotPositiveDefiniteError;
    expect(npd.dof).toBe(bad);
    expect(npd.pivot).toBeLessThanOrEqual(0);
    expect(npd.message).toContain('dof 13 (node 4 (w))');
    expect(npd.message).toMatch(/rigid-body mode|missing constraint/);
  });

  it('an unsupported rigid-body mode (singular matrix) is detected', () => {
    // a free chain of springs: K = sum of [1 -1; -1 1], singular (translation)
    const n = 10;
    const dofs = new Int32Array(2 * (n - 1));
    for (let e = 0; e < n - 1; e++) {
      dofs[2 * e] = e;
      dofs[2 * e + 1] = e + 1;
    }
    const plan = planAssembly(n, [{ size: 2, dofs }]);
    const blocks = new Float64Array(4 * (n - 1));
    for (let e = 0; e < n - 1; e++) blocks.set([1, -1, -1, 1], 4 * e);
    assembleGroup(plan, 0, blocks);
    const sym = analyse(plan.matrix, { ordering: 'natural' });
    expect(() => factor(sym, plan.matrix)).toThrow(NotPositiveDefiniteError);
    try {
      factor(sym, plan.matrix);
    } catch (e) {
      expect((e as NotPositiveDefiniteError).dof).toBe(n - 1); // the last dof in natural order
    }
  });
});
