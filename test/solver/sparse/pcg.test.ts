import { describe, expect, it } from 'vitest';
import { assembleGroup, planAssembly } from '../../../solver/sparse/assembly';
import { pcg } from '../../../solver/sparse/pcg';
import { randomPlateProblem } from '../../bench/plateProblem';
import { denseSolution, randomSpd, relativeError } from './denseReference';

describe('preconditioned conjugate gradients', () => {
  it('converges to the dense solution with every preconditioner (relative error 1e-7 at residual 1e-12)', () => {
    const A = randomSpd(120, 0.05, 31);
    const b = Float64Array.from({ length: 120 }, (_, i) => Math.sin(i));
    const reference = denseSolution(A, b);
    for (const preconditioner of ['none', 'jacobi', 'ic0'] as const) {
      const result = pcg(A, b, { preconditioner, tolerance: 1e-12 });
      expect(result.converged).toBe(true);
      expect(relativeError(result.x, reference)).toBeLessThan(1e-7);
    }
  });

  it('IC(0) needs fewer iterations than Jacobi on a plate-pattern matrix', () => {
    const p = randomPlateProblem(12, 4);
    const plan = planAssembly(p.n, [p.group]);
    assembleGroup(plan, 0, p.blocks);
    const b = Float64Array.from({ length: p.n }, (_, i) => Math.cos(i));
    const reference = denseSolution(plan.matrix, b);
    const jacobi = pcg(plan.matrix, b, { preconditioner: 'jacobi', tolerance: 1e-10 });
    const ic = pcg(plan.matrix, b, { preconditioner: 'ic0', tolerance: 1e-10 });
    expect(jacobi.converged && ic.converged).toBe(true);
    expect(relativeError(ic.x, reference)).toBeLessThan(1e-6);
    expect(ic.iterations).toBeLessThan(jacobi.iterations);
  });
});
