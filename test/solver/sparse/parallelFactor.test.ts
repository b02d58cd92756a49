/**
 * The two-thread factorization's protocol, run in one thread: the helper's messages go to
 * `helperLoop` on this thread, at once, later or never. Real threads: test/threads.
 */
import { describe, expect, it } from 'vitest';
import { assembleGroup, planAssembly } from '../../../solver/sparse/assembly';
import { analyse, factor, NotPositiveDefiniteError } from '../../../solver/sparse/cholesky';
import { type HelperMessage, SharedMemoryHelper } from '../../../solver/sparse/parallel/factorHelper';
import { helperLoop } from '../../../solver/sparse/parallel/helperLoop';
import { subtreeSplit } from '../../../solver/sparse/parallel/subtreeSplit';
import type { SymmetricCsc } from '../../../solver/sparse/types';
import { randomPlateProblem } from '../../bench/plateProblem';

function plateMatrix(nx: number, seed: number) {
  const p = randomPlateProblem(nx, seed);
  const plan = planAssembly(p.n, [p.group]);
  assembleGroup(plan, 0, p.blocks);
  return { A: plan.matrix, geometry: p.geometry };
}

/** A helper whose thread is this one: messages run when `deliver` says. */
function inlineHelper(deliver: 'now' | 'later' | 'never') {
  const handle = helperLoop();
  const queue: HelperMessage[] = [];
  const helper = new SharedMemoryHelper({
    postMessage(message: HelperMessage) {
      if (deliver === 'now' || message.kind !== 'factor') handle(message);
      else if (deliver === 'later') queue.push(message);
    },
  });
  return { helper, flush: () => queue.splice(0).forEach(handle) };
}

function sameBits(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

describe('subtree split for two threads', () => {
  it('halves a nested-dissection plate tree, with the flops accounted for', () => {
    const { A, geometry } = plateMatrix(70, 1);
    const sym = analyse(A, { geometry });
    const split = subtreeSplit(sym)!;
    expect(split).not.toBeNull();
    const { helper, concurrent, afterJoin } = split.flops;
    // the critical path: both halves of the top separator, then the separator chain
    const path = Math.max(helper, concurrent) + afterJoin;
    const total = helper + concurrent + afterJoin;
    expect(path / total).toBeLessThan(0.6);
    expect(Math.min(helper, concurrent) / Math.max(helper, concurrent)).toBeGreaterThan(0.8);
    // T is a whole subtree ending at `last`, whose parent is the join
    expect(sym.superParent[split.last]).toBe(split.join);
    for (let s = split.first; s < split.last; s++) {
      let a = s;
      while (a >= 0 && a !== split.last) a = sym.superParent[a];
      expect(a).toBe(split.last);
    }
    expect(subtreeSplit(sym)).toBe(split); // cached per analysis
  });

  it('leaves small factorizations on one thread', () => {
    const { A, geometry } = plateMatrix(12, 2);
    expect(subtreeSplit(analyse(A, { geometry }))).toBeNull();
  });
});

describe('two-thread factorization protocol', () => {
  const { A, geometry } = plateMatrix(60, 3);
  const sym = analyse(A, { geometry });
  const one = factor(sym, A, undefined, { helper: null });

  for (const deliver of ['now', 'never'] as const) {
    it(`gives the one-thread factor bit for bit (helper ${deliver === 'now' ? 'runs' : 'never starts'})`, () => {
      const { helper } = inlineHelper(deliver);
      const two = factor(sym, A, undefined, { helper });
      expect(two.values.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(sameBits(two.values, one.values)).toBe(true);
      expect(helper.counts).toEqual(
        deliver === 'now'
          ? { helped: 1, revoked: 0, swept: 0, sweepsTakenBack: 0 }
          : { helped: 0, revoked: 1, swept: 0, sweepsTakenBack: 0 },
      );
      // refactorization in the same shared storage, after new values
      const scaled = { ...A, values: A.values.map((v) => 2 * v) };
      const again = factor(sym, scaled, two, { helper });
      expect(again).toBe(two);
      const oneScaled = factor(sym, scaled, undefined, { helper: null });
      expect(sameBits(again.values, oneScaled.values)).toBe(true);
    });
  }

  it('a revoked task that arrives late writes nothing', () => {
    const { helper, flush } = inlineHelper('later');
    const two = factor(sym, A, undefined, { helper });
    expect(sameBits(two.values, one.values)).toBe(true);
    const before = Float64Array.from(two.values);
    flush(); // the helper now sees the task its caller already did
    expect(sameBits(two.values, before)).toBe(true);
  });

  it('gives up on a helper that started and never finished, and never uses it again', () => {
    const hung = new SharedMemoryHelper(
      {
        postMessage(message: HelperMessage) {
          // claims the task, then never answers (a thread that died mid-subtree)
          if (message.kind === 'factor') Atomics.store(message.control, 0, message.seq * 4 + 1);
        },
      },
      { floorSeconds: 0.2, slowestRate: 1e15 },
    );
    expect(() => factor(sym, A, undefined, { helper: hung })).toThrow(
      /helper thread has not finished its subtree after 0\.2 s/,
    );
    expect(hung.stopped).toBe(true);
    // the next factorization with it runs on this thread alone, and gives the one-thread factor
    expect(sameBits(factor(sym, A, undefined, { helper: hung }).values, one.values)).toBe(true);
  });

  it('reports the breakdown that one thread reports, in either part', () => {
    const split = subtreeSplit(sym)!;
    // one failing pivot in the helper's subtree, one in the part done meanwhile, one after the join
    const column = (s: number) => sym.perm[sym.superStart[s]];
    const helperDof = column(split.first + 3);
    const mainDof = column(split.last + 5);
    const tailDof = column(split.join);
    for (const bad of [[helperDof], [mainDof], [tailDof], [helperDof, mainDof]]) {
      const broken: SymmetricCsc = { ...A, values: Float64Array.from(A.values) };
      for (const dof of bad) {
        for (let t = broken.colPtr[dof]; t < broken.colPtr[dof + 1]; t++)
          if (broken.rowIdx[t] === dof) broken.values[t] = -1;
      }
      const dofOf = (run: () => unknown) => {
        try {
          run();
        } catch (e) {
          expect(e).toBeInstanceOf(NotPositiveDefiniteError);
          return (e as NotPositiveDefiniteError).dof;
        }
        return -1;
      };
      const serial = dofOf(() => factor(sym, broken, undefined, { helper: null }));
      const parallel = dofOf(() => factor(sym, broken, undefined, { helper: inlineHelper('now').helper }));
      expect(serial).toBe(bad[0]);
      expect(parallel).toBe(serial);
    }
  });
});
