import { describe, expect, it } from 'vitest';
import { ContactConvergenceError } from '../../solver/contact/contactSolver';
import { withPath } from '../../src/case/variants';
import { ResultRefusedError } from '../../src/results/stateChecks';
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
    // the chain split scales its blocks by the plates' stiffness, so its CG converges for a
    // 0.25 mm plate under a 25 mm one; the Newton iteration then sits at the round-off floor of
    // the plate forces (or, on another rounding, the foil-like plate crushes the gasket): either
    // way a refusal that says why, never a generic error and never a map out of balance
    const thin = withPath(base, 'plates.bottom.thickness', 0.25);
    let error: unknown;
    try {
      solveCase(thin);
    } catch (e) {
      error = e;
    }
    const refused = error instanceof ContactConvergenceError || error instanceof ResultRefusedError;
    expect(refused).toBe(true);
    expect((error as Error).message).toMatch(
      /no force balance after \d+ Newton iterations .*round-off floor|physically impossible state:[\s\S]*gaskets\[0\]: compressed/,
    );
  });
});
