/** The two-thread factorization on a real Node worker thread, owned by a solver session. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assembleGroup, planAssembly } from '../../solver/sparse/assembly';
import { analyse, factor } from '../../solver/sparse/cholesky';
import { backwardSolve, forwardSolve } from '../../solver/sparse/supernodalSolve';
import { solveCase, summaryOf } from '../../src/solveCase';
import { createSolverSession } from '../../src/threads/factorThreads';
import { randomPlateProblem } from '../bench/plateProblem';

describe('factorization threads (Node worker)', () => {
  it('rejects a thread count that is not a whole number ≥ 1', () => {
    expect(() => createSolverSession(0)).toThrow(/threads = 0: expected a whole number ≥ 1/);
    expect(() => createSolverSession(1.5)).toThrow(/threads = 1.5/);
  });

  it('a helper thread gives the one-thread factor bit for bit, and stops cleanly', async () => {
    const threaded = createSolverSession(2);
    expect(threaded.threads).toBe(2);
    const helper = threaded.session.factorHelper;
    expect(helper).not.toBeNull();
    const p = randomPlateProblem(80, 5);
    const plan = planAssembly(p.n, [p.group]);
    assembleGroup(plan, 0, p.blocks);
    const sym = analyse(plan.matrix, { geometry: p.geometry });
    const one = factor(sym, plan.matrix, undefined, { helper: null });
    // a task sent before the thread has loaded is revoked (done here): wait until it is ready
    expect(await threaded.ready).toBe(true);
    const two = factor(sym, plan.matrix, undefined, { helper });
    expect(helper!.counts).toEqual({ helped: 1, revoked: 0, swept: 0, sweepsTakenBack: 0 });
    let differing = 0;
    for (let i = 0; i < one.values.length; i++) if (!Object.is(one.values[i], two.values[i])) differing++;
    expect(differing).toBe(0);
    await threaded.close();
    expect(threaded.session.factorHelper).toBeNull();
  }, 30_000);

  it('a substitution on two threads gives the one-thread solution bit for bit', async () => {
    const threaded = createSolverSession(2);
    const helper = threaded.session.factorHelper!;
    expect(await threaded.ready).toBe(true);
    const p = randomPlateProblem(110, 9);
    const plan = planAssembly(p.n, [p.group]);
    assembleGroup(plan, 0, p.blocks);
    const sym = analyse(plan.matrix, { geometry: p.geometry });
    const f = factor(sym, plan.matrix, undefined, { helper });
    const b = Float64Array.from({ length: p.n }, (_, i) => Math.sin(0.7 * i));
    const serial = backwardSolve(f, forwardSolve(f, b, new Float64Array(p.n)), new Float64Array(p.n));
    for (let round = 0; round < 5; round++) {
      const x = backwardSolve(
        f,
        forwardSolve(f, b, new Float64Array(p.n), helper),
        new Float64Array(p.n),
        helper,
      );
      let differing = 0;
      for (let i = 0; i < p.n; i++) if (!Object.is(x[i], serial[i])) differing++;
      expect(differing).toBe(0);
    }
    // a dense right-hand side keeps this thread busy long enough for the helper to take its half
    expect(helper.counts.swept).toBeGreaterThan(0);
    await threaded.close();
  }, 30_000);

  it('solveCase gives the same result on two threads as on one', async () => {
    const raw = JSON.parse(readFileSync(new URL('../../cases/default.json', import.meta.url), 'utf8'));
    const medium = { ...raw, mesh: { size: 2 } };
    const threaded = createSolverSession(2);
    const helper = threaded.session.factorHelper!;
    expect(await threaded.ready).toBe(true);
    const b = solveCase(medium, { session: threaded.session });
    expect(b.solver.factorizations).toBeGreaterThan(0);
    expect(helper.counts.revoked).toBe(0);
    // the effort block says how it was solved
    expect(b.effort.factorThreads).toBe(2);
    expect(b.effort.helperJoined).toBe(helper.counts.helped);
    expect(b.effort.helperSwept).toBe(helper.counts.swept);
    expect(b.effort.helperJoined).toBeGreaterThan(0);
    // and the substitutions through the 2 mm factor (2.2 M panel entries) went halves too
    expect(helper.counts.swept).toBeGreaterThan(0);
    await threaded.close();
    const a = solveCase(medium);
    expect(a.effort).toMatchObject({ factorThreads: 1, helperJoined: 0, helperSwept: 0 });
    // everything the case determines is identical, bit for bit
    const { effort: _a, ...caseA } = summaryOf(a);
    const { effort: _b, ...caseB } = summaryOf(b);
    expect(caseB).toEqual(caseA);
  }, 60_000);
});
