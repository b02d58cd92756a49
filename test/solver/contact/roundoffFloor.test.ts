import { describe, expect, it } from 'vitest';
import { ContactConvergenceError, ContactSolver } from '../../../solver/contact/contactSolver';
import { caseSchema } from '../../../src/case/schema';
import { buildModel } from '../../../src/model/buildModel';
import { symmetricCase } from '../../contact/caseFixtures';

/**
 * The solver returns a state only when its residual meets the requested tolerance, or a round-off
 * floor of at most MAX_ROUNDOFF_RELATIVE of the bolt load. Plates stiffer than any material
 * (E = 1e20 MPa) put the floor of K u far above that: the solver must refuse, not report a
 * "converged" state that is out of balance by many times the load.
 */
const model = (E?: number) => {
  const m = buildModel(caseSchema.parse(symmetricCase(10)));
  if (E !== undefined) for (const layer of m.problem.layers) if (layer) layer.E = E;
  return m;
};
const options = { tolerance: 1e-9, maxIterations: 60 };

describe('the round-off floor of the force balance', () => {
  it('refuses plates so stiff that the floor exceeds 1e-6 of the load', () => {
    const solver = new ContactSolver(model(1e20).problem);
    expect(() => solver.loadUp(options)).toThrow(ContactConvergenceError);
    expect(() => solver.loadUp(options)).toThrow(
      /round-off floor of the plate forces is .* above the 0\.000001 limit/,
    );
  });

  it('returns ordinary states within the requested tolerance, far below the floor limit', () => {
    const solver = new ContactSolver(model().problem);
    const s = solver.loadUp(options);
    expect(s.residual).toBeLessThanOrEqual(options.tolerance * solver.totalPreload);
  });
});
