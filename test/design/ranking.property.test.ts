import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EvaluatedDesign } from '../../src/design/evaluatedDesign';
import { nondominatedFronts } from '../../src/design/nondominatedSort';
import { paretoFront } from '../../src/design/paretoFront';

/** Pareto dominance written out again here, from its definition, for the test's own use. */
const beats = (a: readonly number[], b: readonly number[]) =>
  a.every((x, k) => x <= b[k]) && a.some((x, k) => x < b[k]);

/** Small integer objectives make ties and repeats common. */
const objectives = fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 2, maxLength: 2 }), {
  minLength: 0,
  maxLength: 40,
});

describe('ranking properties, checked against the definitions', () => {
  it('the Pareto front is exactly the feasible designs that no feasible design dominates', () => {
    fc.assert(
      fc.property(objectives, fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), (objs, feasible) => {
        const archive: EvaluatedDesign[] = objs.map((o, i) => ({
          index: i,
          generation: 0,
          key: String(i),
          design: {},
          status: feasible[i] ? 'feasible' : 'infeasible',
          objectives: o,
          constraints: [],
          violated: [],
        }));
        const ok = archive.filter((e) => e.status === 'feasible');
        const expected = ok
          .filter((e) => !ok.some((f) => beats(f.objectives, e.objectives)))
          .map((e) => e.index);
        expect(
          paretoFront(archive)
            .map((e) => e.index)
            .sort((a, b) => a - b),
        ).toEqual(expected);
      }),
    );
  });

  it('fronts: none dominated within or by a later front, each design of front k + 1 dominated by front k', () => {
    fc.assert(
      fc.property(objectives, (objs) => {
        const items = objs.map((o) => ({ objectives: o, violation: 0 }));
        const fronts = nondominatedFronts(items);
        expect(fronts.flat().sort((a, b) => a - b)).toEqual(items.map((_, i) => i));
        fronts.forEach((front, k) => {
          const laterOrSame = fronts.slice(k).flat();
          for (const i of front) for (const j of laterOrSame) expect(beats(objs[j], objs[i])).toBe(false);
          if (k > 0)
            for (const i of front) expect(fronts[k - 1].some((j) => beats(objs[j], objs[i]))).toBe(true);
        });
      }),
    );
  });
});
