import { describe, expect, it } from 'vitest';
import { runNsga2 } from '../../src/design/runNsga2';
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
