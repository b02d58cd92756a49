import { describe, expect, it } from 'vitest';
import { CoupledTangent } from '../../../solver/contact/coupledTangent';
import { PairedTangent } from '../../../solver/contact/pairedTangent';
import type { TangentSolver } from '../../../solver/contact/tangent';
import { SolverSession } from '../../../solver/session/solverSession';
import { checkCase } from '../../../src/case/checkCase';
import { buildModel } from '../../../src/model/buildModel';
import { seededRandom } from '../../bench/plateProblem';
import { symmetricCase } from '../../contact/caseFixtures';
import { relativeError } from '../sparse/denseReference';

/**
 * The two tangent strategies are independent implementations of one matrix: the coupled
 * two-plate matrix factored as a whole, and its sum/difference split into two single-plate
 * factors. Each must solve the other's systems, and each one's half solves must compose to its solve.
 */
describe('tangent solvers of a two-plate module', () => {
  const { problem } = buildModel(checkCase(symmetricCase(10)).case);
  const rand = seededRandom(3);
  // a contact state with some points open: their stiffness is the tiny open-point value
  const stiffness = problem.interfaces.map((itf) =>
    Float64Array.from(itf.node, () => (rand() < 0.3 ? 1e-3 : 1e3 * (0.5 + rand()))),
  );
  const paired = new PairedTangent(problem, String, new SolverSession());
  const coupled = new CoupledTangent(problem, String, new SolverSession());
  paired.refactor(stiffness);
  coupled.refactor(stiffness);
  // a load both plates share equally (sum part) plus a bolt-like pair of opposite forces
  const n = paired.n;
  const m = n / 2;
  const b = Float64Array.from({ length: n }, () => rand() - 0.5);
  for (const d of coupled.heldDofs) b[d] = 0;

  const solveWith = (t: TangentSolver, rhs: Float64Array) => {
    const x = new Float64Array(n);
    t.solve(rhs, x);
    return x;
  };

  it('a pair of opposite forces: split and coupled solves agree (tolerance 1e-8)', () => {
    // equal and opposite loads are self-equilibrated; the two solvers remove the assembly's
    // rigid-body modes differently, so compare the plates' relative displacement u_t − u_b
    const pair = new Float64Array(n);
    for (let i = 0; i < m; i += 3) {
      pair[i] = b[i];
      pair[m + i] = -b[i];
    }
    // the coupled matrix pins the bottom plate at three points: load neither plate there
    for (const d of coupled.heldDofs) {
      pair[d] = 0;
      pair[d - m] = 0;
    }
    const gap = (x: Float64Array) => Float64Array.from({ length: m }, (_, i) => x[i] - x[m + i]);
    expect(relativeError(gap(solveWith(paired, pair)), gap(solveWith(coupled, pair)))).toBeLessThan(1e-8);
  });

  for (const [name, tangent] of [
    ['paired', paired],
    ['coupled', coupled],
  ] as const) {
    it(`${name}: backward(forward(b)) equals solve(b) (tolerance 1e-10)`, () => {
      const halves = tangent.halfSolves();
      if (!halves) throw new Error('equal plates must give half solves');
      const f = new Float64Array(halves.size);
      halves.forward(b, f);
      const x = new Float64Array(n);
      halves.backward(f, x);
      expect(relativeError(x, solveWith(tangent, b))).toBeLessThan(1e-10);
    });
  }
});
