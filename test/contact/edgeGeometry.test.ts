import { describe, expect, it } from 'vitest';
import { ContactConvergenceError } from '../../solver/contact/contactSolver';
import { withPath } from '../../src/case/variants';
import { solveCase } from '../../src/solveCase';
import { loadCase } from './caseFixtures';

/**
 * Geometry a fuzzer found at the edges of what the solver handles: the result is a balanced state
 * or a clear refusal, never a generic error.
 */
const base = withPath(withPath(loadCase('fig5b-springs-gaskets'), 'mesh', { size: 10 }), 'stack.swelling', {
  type: 'thickness',
  value: 0.01,
});

describe('geometry at the solver’s edges', () => {
  it('a bolt 5 nm off its neighbours’ line (a sliver element) still solves in balance', () => {
    // the sliver raises the round-off floor of K u to about 1.6e-6 of the load at the start of the
    // swelling step; Newton still gets the residual below 1e-6, so the state is not refused
    const r = solveCase(withPath(base, 'bolts.positions[0].x', 12.499994549063102));
    expect(r.balance.relResidual).toBeLessThan(1e-6);
    expect(r.swelling!.balance.relResidual).toBeLessThan(1e-6);
  });

  it('plates a million times apart in bending stiffness are refused with the reason', () => {
    const thin = withPath(base, 'plates.bottom.thickness', 0.25);
    let error: unknown;
    try {
      solveCase(thin);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContactConvergenceError);
    expect((error as Error).message).toMatch(/differ too much in bending stiffness \(E·t³ ratio 1\.0e\+6\)/);
  });
});
