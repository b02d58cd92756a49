/**
 * Two-thread forward and back substitution, run in one thread: the helper's messages go to
 * `helperLoop` here, at once or never, or to a helper that breaks mid-task. The reference is the
 * one-thread substitution through the same factor and A x = b itself. Real threads: test/threads.
 */
import { describe, expect, it } from 'vitest';
import { assembleGroup, planAssembly } from '../../../solver/sparse/assembly';
import { analyse, factor } from '../../../solver/sparse/cholesky';
import {
  EXCEPTION,
  type HelperMessage,
  SharedMemoryHelper,
} from '../../../solver/sparse/parallel/factorHelper';
import { helperLoop } from '../../../solver/sparse/parallel/helperLoop';
import { subtreeSplit } from '../../../solver/sparse/parallel/subtreeSplit';
import { backwardSolve, forwardSolve } from '../../../solver/sparse/supernodalSolve';
import { multiplySymmetric } from '../../../solver/sparse/symmetricProduct';
import { randomPlateProblem } from '../../bench/plateProblem';

type Delivery = 'now' | 'never' | 'breaks' | 'no structure';

/** A helper on this thread: runs each substitution task at once, never, breaks it, or lost its structures. */
function inlineHelper(delivery: Delivery, columnOf: (supernode: number) => number = () => 0) {
  const handle = helperLoop();
  return new SharedMemoryHelper({
    postMessage(message: HelperMessage) {
      if (message.kind === 'structure' && delivery === 'no structure') return;
      if (message.kind !== 'sweep' || delivery === 'now' || delivery === 'no structure') {
        handle(message);
        return;
      }
      if (delivery === 'never') return;
      // claims the task, scribbles over the subtree's entries and the spill, then reports a failure
      Atomics.store(message.control, 0, message.seq * 4 + 1);
      message.y.fill(Number.NaN, columnOf(message.first), message.limit);
      message.spill.fill(Number.NaN);
      Atomics.store(message.control, 1, EXCEPTION);
      Atomics.store(message.control, 0, message.seq * 4 + 2);
    },
  });
}

function plate(nx: number, seed: number) {
  const p = randomPlateProblem(nx, seed);
  const plan = planAssembly(p.n, [p.group]);
  assembleGroup(plan, 0, p.blocks);
  return { A: plan.matrix, sym: analyse(plan.matrix, { geometry: p.geometry }) };
}

/** entries that differ in any bit */
const differing = (a: Float64Array, b: Float64Array) => {
  let d = 0;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) d++;
  return d;
};

describe('two-thread substitution', () => {
  // large enough for the hand-over (a million panel entries and more)
  const { A, sym } = plate(90, 7);
  const n = A.n;
  const b = Float64Array.from({ length: n }, (_, i) => Math.sin(0.37 * i) + 0.1 * Math.cos(3.1 * i));
  const one = factor(sym, A);
  const serialImage = forwardSolve(one, b, new Float64Array(n));
  const serial = backwardSolve(one, Float64Array.from(serialImage), new Float64Array(n));

  it('the factor is big enough to be split, and one thread solves A x = b', () => {
    expect(one.values.length).toBeGreaterThan(1_000_000);
    expect(subtreeSplit(sym)).not.toBeNull();
    const r = new Float64Array(n);
    multiplySymmetric(A, serial, r);
    for (let i = 0; i < n; i++) r[i] -= b[i];
    expect(Math.hypot(...r) / Math.hypot(...b)).toBeLessThan(1e-10);
  });

  for (const delivery of ['now', 'never', 'breaks', 'no structure'] as const) {
    it(`gives the one-thread solution bit for bit (helper ${delivery === 'now' ? 'runs' : delivery === 'never' ? 'never starts' : delivery === 'breaks' ? 'breaks mid-task' : 'lost the structure'})`, () => {
      const helper = inlineHelper(delivery, (s) => sym.superStart[s]);
      const two = factor(sym, A, undefined, { helper });
      expect(two.values.buffer).toBeInstanceOf(SharedArrayBuffer);
      const before = { ...helper.counts };
      const image = forwardSolve(two, b, new Float64Array(n), helper);
      expect(differing(image, serialImage)).toBe(0);
      const x = backwardSolve(two, image, new Float64Array(n), helper);
      expect(differing(x, serial)).toBe(0);
      expect(x.every(Number.isFinite)).toBe(true);
      // both substitutions went through the hand-over: done by the helper, or taken back
      const helped = helper.counts.swept - before.swept;
      const revoked = helper.counts.sweepsTakenBack - before.sweepsTakenBack;
      expect(delivery === 'now' ? helped : revoked).toBe(2);
    });
  }

  it('a sparse right-hand side (one washer load) gives the one-thread solution bit for bit too', () => {
    const helper = inlineHelper('now');
    const two = factor(sym, A, undefined, { helper });
    const e = new Float64Array(n);
    e[Math.floor(n / 3)] = 1;
    e[Math.floor(n / 3) + 3] = -0.5;
    const ref = backwardSolve(one, forwardSolve(one, e, new Float64Array(n)), new Float64Array(n));
    const x = backwardSolve(
      two,
      forwardSolve(two, e, new Float64Array(n), helper),
      new Float64Array(n),
      helper,
    );
    expect(differing(x, ref)).toBe(0);
    // the forward substitution of two nonzeros stays here; the back one, of a dense image, goes halves
    expect(helper.counts).toMatchObject({ swept: 1, sweepsTakenBack: 0 });
  });

  it('stays on one thread for a small factor, a factor in unshared memory, or a stopped helper', () => {
    const small = plate(20, 3);
    const helper = inlineHelper('now');
    const f = factor(small.sym, small.A, undefined, { helper });
    const bs = Float64Array.from({ length: small.A.n }, (_, i) => Math.cos(i));
    forwardSolve(f, bs, new Float64Array(small.A.n), helper);
    const counts = { ...helper.counts };
    forwardSolve(one, b, new Float64Array(n), helper); // `one` was factored without a helper
    backwardSolve(one, Float64Array.from(serialImage), new Float64Array(n), helper);
    expect(helper.counts).toEqual(counts);
  });
});
