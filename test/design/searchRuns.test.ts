import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import type { EvaluationOutcome } from '../../src/design/evaluatedDesign';
import { Nsga2, type Nsga2Options } from '../../src/design/nsga2';
import { runNsga2 } from '../../src/design/runNsga2';
import type { Design, SearchSpace } from '../../src/design/searchSpace';
import { seededRandom } from '../../src/model/seededRandom';
import { toyHousing, toySpace } from './housingToy';

const mixed: SearchSpace = {
  ...toySpace,
  thickness: { kind: 'real', lo: 2, hi: 12 },
  interleaf: { kind: 'choice', values: [true, false] },
};
const evaluateMixed = (d: Design) => {
  const r = toyHousing(d);
  const t = d.thickness as number;
  return { objectives: [r.objectives[0] + 0.1 * t, r.objectives[1] + 0.2 / t], constraints: r.constraints };
};
const options: Nsga2Options = {
  objectives: 2,
  constraints: 1,
  maxEvaluations: 300,
  populationSize: 20,
  seed: 42,
};

/** The archive as (index, generation, key, status) rows: what must match between two runs. */
const rows = (archive: readonly { index: number; generation: number; key: string; status: string }[]) =>
  archive.map((e) => [e.index, e.generation, e.key, e.status]);

/** Run `search` with each batch's results told in an order drawn from `orderSeed` (or in order). */
function runAskTell(
  space: SearchSpace,
  o: Nsga2Options,
  evaluate: (d: Design) => EvaluationOutcome,
  orderSeed?: number,
) {
  const search = new Nsga2(space, o);
  const shuffle = orderSeed === undefined ? undefined : seededRandom(orderSeed);
  while (!search.done) {
    const batch = [...search.ask()];
    if (shuffle)
      for (let i = batch.length - 1; i > 0; i--) {
        const j = Math.floor((i + 1) * shuffle.uniform());
        [batch[i], batch[j]] = [batch[j], batch[i]];
      }
    for (const c of batch) search.tell(c.index, evaluate(c.design));
  }
  return search;
}

describe('seeded and reproducible', () => {
  it('the same seed gives the identical archive, designs and order; another seed another one', () => {
    const a = runAskTell(mixed, options, evaluateMixed);
    const b = runAskTell(mixed, options, evaluateMixed);
    expect(a.archive.length).toBe(300);
    expect(rows(b.archive)).toEqual(rows(a.archive));
    expect(b.archive.map((e) => e.design)).toEqual(a.archive.map((e) => e.design));
    const c = runAskTell(mixed, { ...options, seed: 43 }, evaluateMixed);
    expect(rows(c.archive)).not.toEqual(rows(a.archive));
  });

  it('results told in a shuffled order give the same run', () => {
    const inOrder = runAskTell(mixed, options, evaluateMixed);
    for (const orderSeed of [1, 2, 3]) {
      const shuffled = runAskTell(mixed, options, evaluateMixed, orderSeed);
      expect(rows(shuffled.archive)).toEqual(rows(inOrder.archive));
    }
  });

  it('with pre-selection too: same seed, same archive, whatever order the results come in', () => {
    const o = { ...options, preselection: 4 };
    const inOrder = runAskTell(mixed, o, evaluateMixed);
    expect(rows(runAskTell(mixed, o, evaluateMixed, 7).archive)).toEqual(rows(inOrder.archive));
    expect(rows(inOrder.archive)).not.toEqual(rows(runAskTell(mixed, options, evaluateMixed).archive));
  });

  it('the async driver with evaluations finishing at random times gives the same archive', async () => {
    const jitter = seededRandom(9);
    const delays = new Map<string, number>();
    const r = await runNsga2(
      mixed,
      async (d, key) => {
        if (!delays.has(key)) delays.set(key, Math.floor(4 * jitter.uniform()));
        await new Promise((done) => setTimeout(done, delays.get(key)));
        return evaluateMixed(d);
      },
      options,
    );
    expect(rows(r.archive)).toEqual(rows(runAskTell(mixed, options, evaluateMixed).archive));
  });

  it('the first designs are the seeded stream drawn in sorted variable order (the same on every machine)', () => {
    // pure-rand's xoroshiro128+ and uniformFloat64, called directly: a real on [lo, hi] is lo + (hi − lo)·u
    const space: SearchSpace = { b: { kind: 'real', lo: 10, hi: 20 }, a: { kind: 'real', lo: 0, hi: 1 } };
    const rng = xoroshiro128plus(12345);
    const u = () => uniformFloat64(rng);
    const expected = Array.from({ length: 4 }, () => {
      const a = u();
      const b = 10 + 10 * u();
      return { a, b };
    });
    const batch = new Nsga2(space, {
      objectives: 1,
      maxEvaluations: 4,
      populationSize: 4,
      seed: 12345,
    }).ask();
    expect(batch.map((c) => c.design)).toEqual(expected);
  });
});

describe('failed evaluations and duplicates', () => {
  it('an exception, a rejection, a NaN and a short result are kept as failed designs with their message', async () => {
    const kind = (d: Design) => Math.floor((d.thickness as number) - 2); // 0 … 10 by thickness
    const r = await runNsga2(
      mixed,
      async (d) => {
        switch (kind(d)) {
          case 0:
            throw new Error('solve refused: springs at solid length');
          case 1:
            return Promise.reject(new RangeError('worker lost'));
          case 2:
            return { objectives: [Number.NaN, 1], constraints: [0] };
          case 3:
            return { objectives: [1] };
          default:
            return evaluateMixed(d);
        }
      },
      options,
    );
    const expectedMessage = ['solve refused: springs at solid length', 'worker lost', 'objective 0 is NaN'];
    for (const e of r.archive) {
      const k = kind(e.design);
      if (k > 3) {
        expect(e.status).not.toBe('failed');
        continue;
      }
      expect(e.status).toBe('failed');
      expect(e.objectives).toEqual([]);
      if (k < 3) expect(e.message).toBe(expectedMessage[k]);
      else expect(e.message).toMatch(/expected 2 objectives, got 1 values/);
    }
    expect(r.failed).toBe(r.archive.filter((e) => kind(e.design) <= 3).length);
    expect(r.failed).toBeGreaterThan(0);
    expect(r.front.every((e) => e.status === 'feasible')).toBe(true);
    expect(r.front.length).toBeGreaterThan(0);
    // the search moved away from the failing thin plates: later generations fail less than the first
    const failedShare = (g: (n: number) => boolean) => {
      const of = r.archive.filter((e) => g(e.generation));
      return of.filter((e) => e.status === 'failed').length / of.length;
    };
    expect(failedShare((n) => n >= 10)).toBeLessThan(failedShare((n) => n === 0));
  });

  it('a design is never evaluated twice: a 9-design space with a budget of 100 evaluates 9 and stops', async () => {
    const space: SearchSpace = {
      n: { kind: 'int', lo: 0, hi: 2 },
      c: { kind: 'choice', values: ['x', 'y', 0] },
    };
    const seen: string[] = [];
    const r = await runNsga2(
      space,
      (d) => {
        seen.push(JSON.stringify([d.n, d.c]));
        return { objectives: [d.n as number] };
      },
      {
        objectives: 1,
        maxEvaluations: 100,
        populationSize: 4,
        seed: 5,
        // the same design twice, the second with its fields in the other order
        initial: [
          { n: 1, c: 'y' },
          { c: 'y', n: 1 },
        ],
      },
    );
    expect(seen.length).toBe(9);
    expect(new Set(seen).size).toBe(9);
    expect(r.evaluations).toBe(9);
    expect(r.archive[0].design).toEqual({ n: 1, c: 'y' });
    expect(r.archive[1].design).not.toEqual({ n: 1, c: 'y' });
    expect(r.front.map((e) => e.design.n)).toEqual([0, 0, 0]);
  });

  it('every starting design the caller gives is evaluated first, even more than a population', () => {
    const initial = Array.from({ length: 7 }, (_, i) => ({ bolts: 2 + i, material: 'steel', pad: 0 }));
    const s = new Nsga2(toySpace, {
      objectives: 2,
      constraints: 1,
      maxEvaluations: 50,
      populationSize: 4,
      seed: 0,
      initial,
    });
    expect(s.ask().map((c) => c.design)).toEqual(initial);
  });

  it('violations are normalised per constraint before they are summed (Deb 2000)', () => {
    // x = 0 breaks constraint 0 by 1000 (its unit is small), x = 1 breaks constraint 1 by 1; x = 2 is feasible
    const space: SearchSpace = { x: { kind: 'int', lo: 0, hi: 2 } };
    const margins = [
      [-1000, 0],
      [0, -1],
      [0, 0],
    ];
    const survivors = (constraintScales?: number[]) => {
      const s = new Nsga2(space, {
        objectives: 1,
        constraints: 2,
        maxEvaluations: 3,
        populationSize: 2,
        seed: 0,
        constraintScales,
        initial: [{ x: 0 }, { x: 1 }, { x: 2 }],
      });
      for (const c of s.ask())
        s.tell(c.index, { objectives: [0], constraints: margins[c.design.x as number] });
      return s.parents.map((e) => e.design.x);
    };
    // scales 10⁴ and 0.1: x = 0 violates by 0.1, x = 1 by 10
    expect(survivors([1e4, 0.1])).toEqual([2, 0]);
    // unit scales: the raw sums, 1000 against 1
    expect(survivors([1, 1])).toEqual([2, 1]);
  });

  it('an evaluation that edits its design fails alone and leaves the archive as asked', async () => {
    const r = await runNsga2(
      toySpace,
      (d) => {
        (d as Record<string, unknown>).bolts = 99;
        return toyHousing(d);
      },
      { objectives: 2, constraints: 1, maxEvaluations: 20, populationSize: 10, seed: 4 },
    );
    expect(r.failed).toBe(20);
    expect(r.archive.every((e) => (e.design.bolts as number) <= 26)).toBe(true);
    expect(r.archive[0].message).toMatch(/read only|read-only/);
  });

  it('ask before the batch is told, an unknown index and a second tell are refused', () => {
    const s = new Nsga2(toySpace, {
      objectives: 2,
      constraints: 1,
      maxEvaluations: 10,
      populationSize: 4,
      seed: 0,
    });
    const batch = s.ask();
    expect(() => s.ask()).toThrow(/tell the 4 pending designs/);
    expect(() => s.tell(99, { objectives: [0, 0], constraints: [0] })).toThrow(/design 99 is not awaiting/);
    s.tell(batch[0].index, toyHousing(batch[0].design));
    expect(() => s.tell(batch[0].index, toyHousing(batch[0].design))).toThrow(/not awaiting/);
  });

  it('a budget smaller than a generation is kept exactly; onGeneration sees the best so far improve', async () => {
    const bests: number[] = [];
    const r = await runNsga2(toySpace, toyHousing, {
      objectives: 2,
      constraints: 1,
      maxEvaluations: 47,
      populationSize: 10,
      seed: 8,
      onGeneration: (report) => bests.push(report.best?.objectives[0] ?? Number.POSITIVE_INFINITY),
    });
    expect(r.evaluations).toBe(47);
    expect(bests.length).toBe(5);
    for (let g = 1; g < bests.length; g++) expect(bests[g]).toBeLessThanOrEqual(bests[g - 1]);
  });

  it('an aborted run stops after the generation in flight and says so', async () => {
    const stop = new AbortController();
    const r = await runNsga2(toySpace, toyHousing, {
      ...options,
      populationSize: 10,
      signal: stop.signal,
      onGeneration: (report) => {
        if (report.generations === 3) stop.abort();
      },
    });
    expect(r.stopped).toBe(true);
    expect(r.evaluations).toBe(30);
  });
});
