/** The two-thread factorization on a real Node worker thread. */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { assembleGroup, planAssembly } from '../../solver/sparse/assembly';
import { analyse, factor } from '../../solver/sparse/cholesky';
import { defaultFactorHelper } from '../../solver/sparse/parallel/factorHelper';
import { solveCase } from '../../src/solveCase';
import { factorHelperReady, setFactorThreads, stopHelper } from '../../src/threads/factorThreads';
import { randomPlateProblem } from '../bench/plateProblem';

afterAll(() => stopHelper());

describe('factorization threads (Node worker)', () => {
  it('rejects a thread count that is not a whole number ≥ 1', () => {
    expect(() => setFactorThreads(0)).toThrow(/threads = 0: expected a whole number ≥ 1/);
    expect(() => setFactorThreads(1.5)).toThrow(/threads = 1.5/);
  });

  it('a helper thread gives the one-thread factor bit for bit, and stops cleanly', async () => {
    expect(setFactorThreads(2)).toBe(2);
    const helper = defaultFactorHelper();
    expect(helper).not.toBeNull();
    const p = randomPlateProblem(80, 5);
    const plan = planAssembly(p.n, [p.group]);
    assembleGroup(plan, 0, p.blocks);
    const sym = analyse(plan.matrix, { geometry: p.geometry });
    const one = factor(sym, plan.matrix, undefined, { helper: null });
    // a task sent before the thread has loaded is revoked (done here): wait until it is ready
    expect(await factorHelperReady()).toBe(true);
    const two = factor(sym, plan.matrix);
    expect(helper!.counts).toEqual({ helped: 1, revoked: 0 });
    let differing = 0;
    for (let i = 0; i < one.values.length; i++) if (!Object.is(one.values[i], two.values[i])) differing++;
    expect(differing).toBe(0);
    stopHelper();
    expect(defaultFactorHelper()).toBeNull();
  }, 30_000);

  it('solveCase gives the same result on two threads as on one', async () => {
    const raw = JSON.parse(readFileSync(new URL('../../cases/default.json', import.meta.url), 'utf8'));
    const medium = { ...raw, mesh: { size: 2 } };
    setFactorThreads(2);
    const helper = defaultFactorHelper()!;
    expect(await factorHelperReady()).toBe(true);
    const b = solveCase(medium);
    expect(b.solver.factorizations).toBeGreaterThan(0);
    expect(helper.counts.revoked).toBe(0);
    // the summary says how it was solved
    expect(b.solver.factorThreads).toBe(2);
    expect(b.solver.helperJoined).toBe(helper.counts.helped);
    expect(b.solver.helperJoined).toBeGreaterThan(0);
    setFactorThreads(1);
    // another mesh first, so that the process no longer keeps the factor of `medium`
    solveCase({ ...raw, mesh: { size: 2.5 } });
    const a = solveCase(medium);
    expect(a.solver.factorizations).toBeGreaterThan(0);
    expect(a.solver).toMatchObject({ factorThreads: 1, helperJoined: 0 });
    expect(b.pressure).toEqual(a.pressure);
    expect(b.bolts).toEqual(a.bolts);
    expect(b.balance).toEqual(a.balance);
  }, 60_000);
});
