import { describe, expect, it } from 'vitest';
import { runNsga2 } from '../../src/design/runNsga2';
import type { Design, SearchSpace } from '../../src/design/searchSpace';
import { seededRandom } from '../../src/model/seededRandom';
import { COV_LIMIT, toyHousing, toyOptimum, toySpace } from './housingToy';

describe('mixed integer and categorical variables: the acceptance shape on a toy whose answer is known', () => {
  const optimum = toyOptimum();
  const budget = 200;

  it('the enumeration has 1000 designs and one best (13 bolts, cfrp, pad grade 5), the runner-up > 1 % heavier', () => {
    expect(optimum.count).toBe(1000);
    expect(optimum.design).toEqual({ bolts: 13, material: 'cfrp', pad: 5 });
    // 14 bolts at pad 4 is the next design with CoV ≤ 0.10: 1.1 + 1.12 + 0.20 = 2.42 kg against 2.39
    expect(2.42 / optimum.mass).toBeGreaterThan(1.01);
  });

  it('finds the best feasible design within 1 % using 20 % of the enumeration', async () => {
    const r = await runNsga2(toySpace, toyHousing, {
      objectives: 2,
      constraints: 1,
      maxEvaluations: budget,
      populationSize: 10,
      seed: 16,
      best: { objective: 0 },
    });
    expect(r.evaluations).toBeLessThanOrEqual(0.2 * optimum.count);
    expect(r.best).toBeDefined();
    expect(r.best!.objectives[0]).toBeLessThanOrEqual(optimum.mass * 1.01);
    expect(r.best!.design).toEqual(optimum.design);
    // the front holds only designs within the CoV limit
    for (const e of r.front) expect(e.objectives[1]).toBeLessThanOrEqual(COV_LIMIT);
  });

  it('is no lucky seed: of 20 seeds at least 15 find the optimum (a random 20 % sample does with p = 0.2)', async () => {
    let found = 0;
    for (let seed = 100; seed < 120; seed++) {
      const r = await runNsga2(toySpace, toyHousing, {
        objectives: 2,
        constraints: 1,
        maxEvaluations: budget,
        populationSize: 10,
        seed,
      });
      if (r.best !== undefined && r.best.objectives[0] <= optimum.mass * 1.01) found++;
    }
    // a random search finds it in Binomial(20, 0.2) seeds: P(≥ 15) ≈ 2e-7
    expect(found).toBeGreaterThanOrEqual(15);
  }, 30_000);

  it('the best for a limit on the other objective: least mass with CoV ≤ 0.08', async () => {
    // by the test's own enumeration
    let mass = Number.POSITIVE_INFINITY;
    for (let bolts = 2; bolts <= 26; bolts++)
      for (const material of ['steel', 'aluminium', 'titanium', 'cfrp'])
        for (let pad = 0; pad <= 9; pad++) {
          const t = toyHousing({ bolts, material, pad });
          if (t.objectives[1] <= 0.08 && t.objectives[0] < mass) mass = t.objectives[0];
        }
    const r = await runNsga2(toySpace, toyHousing, {
      objectives: 2,
      constraints: 1,
      maxEvaluations: 300,
      populationSize: 10,
      seed: 3,
      best: { objective: 0, limits: [{ objective: 1, max: 0.08 }] },
    });
    expect(r.best!.objectives[1]).toBeLessThanOrEqual(0.08);
    expect(r.best!.objectives[0]).toBeLessThanOrEqual(mass * 1.01);
  });
});

/**
 * With a continuous plate thickness t ∈ [1, 10] mm: CoV = 0.04 + 1.2/(b·s·t), mass = 0.3·ρ·t + 0.08·b
 * (ρ, s of the material). CoV ≤ 0.10 needs t ≥ 20/(b·s), so the continuous optimum lies on the
 * constraint, along a ridge where fewer bolts need a thicker plate: for cfrp (ρ/s least) at b = 9,
 * t = 20/12.6 mm, mass 1.482; the grid t = 1, 2, … 10 reaches only 1.60 (b = 8, t = 2).
 *
 * Measured (30 seeds, population 20): at 200 evaluations (20 % of the grid) NSGA-II is no better
 * than 200 uniform draws on this ridge (median best 1.73 against 1.70; 10 generations are too few
 * for a genetic search); at 400 it is (median 1.55 against 1.61), at 1000 every seed is within 1 %.
 * Surrogate pre-selection closes much of the gap at 200: see preselection.test.ts.
 */
describe('a continuous variable beside them: the grid within 1 % where the generations suffice', () => {
  const materials: Record<string, { rho: number; s: number }> = {
    steel: { rho: 7.8, s: 2.0 },
    aluminium: { rho: 2.7, s: 0.7 },
    titanium: { rho: 4.4, s: 1.1 },
    cfrp: { rho: 1.6, s: 1.4 },
  };
  const names = Object.keys(materials);
  const space: SearchSpace = {
    bolts: { kind: 'int', lo: 2, hi: 26 },
    material: { kind: 'choice', values: names },
    thickness: { kind: 'real', lo: 1, hi: 10 },
  };
  const evaluate = (d: Design) => {
    const m = materials[d.material as string];
    const b = d.bolts as number;
    const t = d.thickness as number;
    const cov = 0.04 + 1.2 / (b * m.s * t);
    return { objectives: [0.3 * m.rho * t + 0.08 * b, cov], constraints: [COV_LIMIT - cov] };
  };

  let gridBest = Number.POSITIVE_INFINITY;
  for (let bolts = 2; bolts <= 26; bolts++)
    for (const material of names)
      for (let thickness = 1; thickness <= 10; thickness++) {
        const r = evaluate({ bolts, material, thickness });
        if (r.constraints[0] >= 0) gridBest = Math.min(gridBest, r.objectives[0]);
      }
  const optimum = 0.3 * 1.6 * (20 / (9 * 1.4)) + 0.08 * 9;

  it('with 400 evaluations it reaches the grid within 1 % in more seeds than uniform sampling, never below the optimum', async () => {
    expect(gridBest).toBeCloseTo(1.6, 12);
    let search = 0;
    let sampling = 0;
    for (let seed = 0; seed < 20; seed++) {
      const r = await runNsga2(space, evaluate, {
        objectives: 2,
        constraints: 1,
        maxEvaluations: 400,
        populationSize: 20,
        seed,
      });
      expect(r.best!.objectives[0]).toBeGreaterThanOrEqual(optimum - 1e-12);
      if (r.best!.objectives[0] <= gridBest * 1.01) search++;
      // the same number of uniform draws, the test's own sampler
      const random = seededRandom(1000 + seed);
      let best = Number.POSITIVE_INFINITY;
      for (let k = 0; k < 400; k++) {
        const d = {
          bolts: 2 + Math.floor(25 * random.uniform()),
          material: names[Math.floor(4 * random.uniform())],
          thickness: 1 + 9 * random.uniform(),
        };
        const e = evaluate(d);
        if (e.constraints[0] >= 0) best = Math.min(best, e.objectives[0]);
      }
      if (best <= gridBest * 1.01) sampling++;
    }
    expect(search).toBeGreaterThanOrEqual(15);
    expect(search).toBeGreaterThan(sampling);
  });
});
