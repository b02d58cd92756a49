import { describe, expect, it } from 'vitest';
import { runNsga2 } from '../../src/design/runNsga2';
import type { SearchSpace } from '../../src/design/searchSpace';
import { generationalDistance, sampleCurve, unitCube, xs, zdt } from './benchmarkProblems';

/** f1 extent of a set of objective vectors. */
const extent = (points: readonly (readonly number[])[]) =>
  Math.max(...points.map((p) => p[0])) - Math.min(...points.map((p) => p[0]));

describe('NSGA-II converges to analytic Pareto fronts', () => {
  // The NSGA-II paper's settings (population 100, SBX η 20, mutation η 20, 1/n); 20 000
  // evaluations reach a GD of about 2–3e-3 on both, the tolerance leaves a factor of 4.
  const budget = 20_000;

  it.each([
    [1, (f1: number) => 1 - Math.sqrt(f1)],
    [2, (f1: number) => 1 - f1 * f1],
  ] as const)(
    'ZDT%i, 30 variables: GD < 0.01 after 20 000 evaluations, spread over f1 ∈ [0, 1]',
    async (which, front) => {
      const r = await runNsga2(unitCube(30), (d) => ({ objectives: zdt(which, xs(d, 30)) }), {
        objectives: 2,
        maxEvaluations: budget,
        populationSize: 100,
        seed: 20020401,
      });
      expect(r.evaluations).toBe(budget);
      const points = r.front.map((e) => e.objectives);
      expect(points.length).toBeGreaterThan(50);
      expect(generationalDistance(points, sampleCurve(front, 0, 1))).toBeLessThan(0.01);
      expect(extent(points)).toBeGreaterThan(0.9);
    },
    60_000,
  );

  it('a random search with the same budget does not reach ZDT1 (the test can tell a search from sampling)', async () => {
    // generation after generation of random designs only: mutation probability 1 and η 0 make a
    // child a fresh uniform draw in each variable
    const r = await runNsga2(unitCube(30), (d) => ({ objectives: zdt(1, xs(d, 30)) }), {
      objectives: 2,
      maxEvaluations: 5000,
      populationSize: 100,
      seed: 1,
      variation: { crossoverProbability: 0, mutationProbability: 1, mutationEta: 0 },
    });
    const gd = generationalDistance(
      r.front.map((e) => e.objectives),
      sampleCurve((f1) => 1 - Math.sqrt(f1), 0, 1),
    );
    expect(gd).toBeGreaterThan(0.1);
  }, 60_000);
});

/**
 * CONSTR: x1 ∈ [0.1, 1], x2 ∈ [0, 5]; f1 = x1, f2 = (1 + x2)/x1; g1 = x2 + 9x1 − 6 ≥ 0,
 * g2 = −x2 + 9x1 − 1 ≥ 0. Its front: f2 = (7 − 9 f1)/f1 on f1 ∈ [7/18, 2/3] (on g1 = 0), then
 * f2 = 1/f1 on [2/3, 1] (x2 = 0).
 */
describe('constrained problem CONSTR', () => {
  const space: SearchSpace = { x1: { kind: 'real', lo: 0.1, hi: 1 }, x2: { kind: 'real', lo: 0, hi: 5 } };
  const margins = (x1: number, x2: number) => [x2 + 9 * x1 - 6, -x2 + 9 * x1 - 1];
  const onG1 = sampleCurve((f1) => (7 - 9 * f1) / f1, 7 / 18, 2 / 3);
  const truth = [...onG1, ...sampleCurve((f1) => 1 / f1, 2 / 3, 1)];

  it('the front meets both constraints, lies on the analytic front and covers it', async () => {
    const r = await runNsga2(
      space,
      (d) => {
        const x1 = d.x1 as number;
        const x2 = d.x2 as number;
        return { objectives: [x1, (1 + x2) / x1], constraints: margins(x1, x2) };
      },
      { objectives: 2, constraints: 2, maxEvaluations: 6000, populationSize: 60, seed: 2000 },
    );
    expect(r.front.length).toBeGreaterThan(30);
    for (const e of r.front) {
      const [g1, g2] = margins(e.design.x1 as number, e.design.x2 as number);
      expect(g1).toBeGreaterThanOrEqual(0);
      expect(g2).toBeGreaterThanOrEqual(0);
    }
    const points = r.front.map((e) => e.objectives);
    expect(generationalDistance(points, truth, [onG1.length])).toBeLessThan(0.02);
    // the known region: from the kink's far end (f1 = 7/18 ≈ 0.389) to f1 = 1
    expect(Math.min(...points.map((p) => p[0]))).toBeLessThan(0.42);
    expect(Math.max(...points.map((p) => p[0]))).toBeGreaterThan(0.97);
    // infeasible designs were kept, with the constraints they break
    const infeasible = r.archive.filter((e) => e.status === 'infeasible');
    expect(infeasible.length).toBeGreaterThan(0);
    for (const e of infeasible) {
      const g = margins(e.design.x1 as number, e.design.x2 as number);
      expect(e.violated).toEqual(g.flatMap((x, j) => (x < 0 ? [j] : [])));
    }
  }, 60_000);
});
