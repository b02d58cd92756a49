/** The two-thread factorization on a real Node worker thread. */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { assembleGroup, planAssembly } from '../../solver/sparse/assembly';
import { analyse, factor } from '../../solver/sparse/cholesky';
import { defaultFactorHelper } from '../../solver/sparse/parallel/factorHelper';
import { solveCase } from '../../src/solveCase';
import { stopHelper, useFactorThreads } from '../../src/threads/factorThreads';
import { randomPlateProblem } from '../bench/plateProblem';

afterAll(() => stopHelper());

describe('factorization threads (Node worker)', () => {
  it('rejects a thread count that is not a whole number ≥ 1', () => {
    expect(() => useFactorThreads(0)).toThrow(/threads = 0: expected a whole number ≥ 1/);
    expect(() => useFactorThreads(1.5)).toThrow(/threads = 1.5/);
  });

  it('a helper thread gives the one-thread factor bit for bit, and stops cleanly', async () => {
    expect(useFactorThreads(2)).toBe(2);
    const helper = defaultFactorHelper();
    expect(helper).not.toBeNull();
    const p = randomPlateProblem(80, 5);
    const plan = planAssembly(p.n, [p.group]);
    assembleGroup(plan, 0, p.blocks);
    const sym = analyse(plan.matrix, { geometry: p.geometry });
    const one = factor(sym, plan.matrix, undefined, { helper: null });
    // the first tasks may be revoked while the thread still loads; wait until it has done one
    let two = factor(sym, plan.matrix);
    for (let tries = 0; tries < 100 && helper!.counts.helped === 0; tries++) {
      await new Promise((r) => setTimeout(r, 100));
      two = factor(sym, plan.matrix, two);
    }
    expect(helper!.counts.helped).toBeGreaterThan(0);
    let differing = 0;
    for (let i = 0; i < one.values.length; i++) if (!Object.is(one.values[i], two.values[i])) differing++;
    expect(differing).toBe(0);
    stopHelper();
    expect(defaultFactorHelper()).toBeNull();
  }, 30_000);

  it('solveCase gives the same result on two threads as on one', async () => {
    const raw = JSON.parse(readFileSync(new URL('../../cases/default.json', import.meta.url), 'utf8'));
    const medium = { ...raw, mesh: { size: 2 } };
    useFactorThreads(1);
    const a = solveCase(medium);
    useFactorThreads(2);
    const helper = defaultFactorHelper()!;
    let b = solveCase(medium);
    for (let tries = 0; tries < 20 && helper.counts.helped === 0; tries++) {
      await new Promise((r) => setTimeout(r, 200));
      b = solveCase({ ...medium, mesh: { size: 2 + 0.01 * (tries + 1) } }); // a new mesh: a new factorization
      if (helper.counts.helped > 0) b = solveCase(medium);
    }
    expect(helper.counts.helped).toBeGreaterThan(0);
    expect(b.pressure).toEqual(a.pressure);
    expect(b.bolts).toEqual(a.bolts);
    expect(b.balance).toEqual(a.balance);
  }, 60_000);
});
