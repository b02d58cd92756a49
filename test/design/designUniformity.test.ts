import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SolverSession } from '../../solver/session/solverSession';
import { designCase } from '../../src/design/designCase';
import { type DesignEvaluation, evaluateDesign } from '../../src/design/designEvaluation';
import { checkDesignProblem, type DesignProblem, designProblem } from '../../src/design/designProblem';
import { parseDesignSpec } from '../../src/design/designSpec';
import { baseDesignValues } from '../../src/design/designValues';
import { runToleranceStudy } from '../../src/tolerance/toleranceStudy';
import { InputError } from '../../src/validation/parseInput';

/**
 * Uniformity on a percentile ("p90 of CoV ≤ 0.1"): a design's CoV, contact and ±10 % constraints
 * and its CoV objective come from a tolerance study of the design, at the spec's percentile. The
 * expected values are the study's draws, sorted and interpolated here by hand (type 7).
 */
const base = JSON.parse(readFileSync(join(__dirname, '../../cases/default.json'), 'utf8'));
// a coarse mesh keeps the study's draws to a fraction of a second each
base.mesh = { size: 10 };

const SAMPLES = 6;
const SEED = 3;

function spec(uniformity?: unknown) {
  return parseDesignSpec({
    base,
    variables: { topThickness: { min: 20, max: 30 } },
    constraints: { cov: 0.1, meanPressure: 0.05 },
    ...(uniformity === undefined ? {} : { uniformity }),
  });
}

/** type-7 quantile of `values` at p, written out: h = (n − 1) p, linear between order statistics */
function byHand(values: number[], p: number): number {
  const x = [...values].sort((a, b) => a - b);
  const h = (x.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < x.length ? x[lo] + (h - lo) * (x[lo + 1] - x[lo]) : x[lo];
}

let problem: DesignProblem;
let nominal: DesignEvaluation;
let spread: DesignEvaluation;
let draws: { cov: number[]; contact: number[]; within10: number[] };

beforeAll(() => {
  const session = new SolverSession();
  const plain = designProblem(spec(), base);
  problem = designProblem(spec({ samples: SAMPLES, seed: SEED, percentile: 90 }), base);
  const design = baseDesignValues(problem);
  nominal = evaluateDesign(plain, design, { session });
  spread = evaluateDesign(problem, design, { session });
  const built = designCase(problem, design);
  if (!built.ok) throw new Error(built.issues.join('; '));
  const study = runToleranceStudy(built.case, { samples: SAMPLES, seed: SEED });
  const at = (m: 'cov' | 'contactFraction' | 'within10') =>
    study.draws.map((d) => d.metrics?.swollen?.[m] ?? Number.NaN);
  draws = { cov: at('cov'), contact: at('contactFraction'), within10: at('within10') };
}, 240_000);

describe('design uniformity at a percentile over a tolerance study', () => {
  it("takes CoV at its p90 and the shares at their p10 over the design's draws", () => {
    expect(draws.cov.every(Number.isFinite)).toBe(true);
    const byId = new Map(spread.constraints.map((m) => [m.id, m]));
    expect(byId.get('cov.swollen')?.value).toBeCloseTo(byHand(draws.cov, 0.9), 12);
    expect(byId.get('cov.swollen')?.margin).toBeCloseTo(0.1 - byHand(draws.cov, 0.9), 12);
    expect(byId.get('contactFraction.swollen')?.value).toBeCloseTo(byHand(draws.contact, 0.1), 12);
    expect(byId.get('within10.swollen')?.value).toBeCloseTo(byHand(draws.within10, 0.1), 12);
    expect(byId.get('cov.swollen')?.what).toMatch(/^p90 over 6 draws/);
  });

  it('the CoV objective is the p90 of the CoV after swelling', () => {
    expect(spread.objectives?.cov).toBeCloseTo(byHand(draws.cov, 0.9), 12);
  });

  it("differs from the design's own draw, and leaves the other constraints to it", () => {
    expect(Math.abs((spread.objectives?.cov ?? 0) - (nominal.objectives?.cov ?? 0))).toBeGreaterThan(1e-4);
    const own = new Map(nominal.constraints.map((m) => [m.id, m]));
    for (const m of spread.constraints)
      if (!/^(cov|contactFraction|within10)\./.test(m.id)) expect(m.value).toBe(own.get(m.id)?.value);
  });

  it('survives the trip to a worker as JSON', () => {
    const again = checkDesignProblem(JSON.parse(JSON.stringify(problem)));
    expect(again.uniformity).toEqual({ samples: SAMPLES, seed: SEED, percentile: 90 });
  });

  it('refuses a study of one draw and a percentile below the median, naming the field', () => {
    expect(() => spec({ samples: 1 })).toThrow(InputError);
    expect(() => spec({ samples: 1 })).toThrow(/uniformity\.samples/);
    expect(() => spec({ samples: 5, percentile: 40 })).toThrow(/uniformity\.percentile/);
  });
});
