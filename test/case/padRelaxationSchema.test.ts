import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { padRelaxationSchema } from '../../src/case/padRelaxationSchema';
import { caseSchema } from '../../src/case/schema';
import { padElastomerLaw } from '../../src/stack/padElastomers';
import { relaxationFunction, validatePadRelaxationLaw } from '../../src/stack/padRelaxation';
import { resolvePadRelaxation } from '../../src/stack/padRelaxationOf';
import { InputError, parseInput } from '../../src/validation/parseInput';

function issuesOf(raw: unknown): string[] {
  try {
    parseInput(padRelaxationSchema, raw, 'relaxation');
  } catch (e) {
    if (e instanceof InputError) return e.issues;
    throw e;
  }
  return [];
}

describe('gasket relaxation fields', () => {
  it('a case gasket takes elastomer and relaxation, and stays valid without them', () => {
    const raw = JSON.parse(readFileSync(new URL('../../cases/fig5b-gaskets.json', import.meta.url), 'utf8'));
    const plain = caseSchema.parse(raw);
    expect(plain.gaskets[0].elastomer).toBeUndefined();
    expect(plain.gaskets[0].relaxation).toBeUndefined();
    raw.gaskets[0].elastomer = 'epdm';
    raw.gaskets[0].relaxation = { type: 'logarithmic', perDecade: 0.04, setFraction: 0.5 };
    const c = caseSchema.parse(raw);
    expect(c.gaskets[0].elastomer).toBe('epdm');
    expect(c.gaskets[0].relaxation).toEqual({
      type: 'logarithmic',
      perDecade: 0.04,
      t0: 0.1,
      horizon: 1e5,
      setFraction: 0.5,
    });
    raw.gaskets[0].elastomer = 'latex';
    expect(caseSchema.safeParse(raw).success).toBe(false);
  });

  it('names the field, value, unit and range of a bad entry', () => {
    expect(issuesOf({ type: 'prony', terms: [{ weight: 0.5, tau: -1 }] })).toEqual([
      'terms[0].tau: -1 h — must be >= 0.0001 and <= 10000000',
    ]);
    expect(
      issuesOf({
        type: 'prony',
        terms: [
          { weight: 0.7, tau: 1 },
          { weight: 0.4, tau: 10 },
        ],
      }),
    ).toEqual([
      'terms: weights sum to 1.1 — must be <= 1 (the long-term share 1 − Σ weight cannot be negative)',
    ]);
    expect(issuesOf({ type: 'logarithmic', perDecade: 0.25 })[0]).toMatch(
      /^perDecade: 0\.25 relaxes the pad by 1\.500 of its stress by 100000 h — must be < 1/,
    );
    expect(issuesOf({ type: 'logarithmic', perDecade: 0.02, t0: 10, horizon: 5 })).toEqual([
      'horizon: 5 h — must be > t0 (10 h)',
    ]);
    expect(issuesOf({ type: 'logarithmic', perDecade: 0.02, setFraction: 2 })).toEqual([
      'setFraction: 2 — must be >= 0 and <= 1',
    ]);
    expect(issuesOf({ type: 'preset', perDecade: 0.02 }).length).toBe(1);
  });

  it('resolves to laws: preset (silicone when no elastomer), none, Prony, logarithmic', () => {
    expect(resolvePadRelaxation({})).toEqual(padElastomerLaw('silicone'));
    expect(resolvePadRelaxation({ elastomer: 'polyurethane', relaxation: { type: 'preset' } })).toEqual(
      padElastomerLaw('polyurethane'),
    );
    expect(resolvePadRelaxation({ relaxation: { type: 'none' } })).toMatchObject({ gInf: 1, terms: [] });
    const prony = resolvePadRelaxation({
      relaxation: {
        type: 'prony',
        terms: [
          { weight: 0.3, tau: 2 },
          { weight: 0.1, tau: 200 },
        ],
        setFraction: 0.25,
      },
    });
    validatePadRelaxationLaw(prony);
    expect(prony.gInf).toBeCloseTo(0.6, 15);
    expect(prony.setFraction).toBe(0.25);
    // G(2 h) = 0.6 + 0.3 e^{−1} + 0.1 e^{−0.01}, by hand
    expect(relaxationFunction(prony, 2)).toBeCloseTo(0.6 + 0.3 * Math.exp(-1) + 0.1 * Math.exp(-0.01), 14);
    const log = resolvePadRelaxation({
      relaxation: { type: 'logarithmic', perDecade: 0.03, t0: 0.5, horizon: 1e4, setFraction: 0 },
    });
    // the fit's own tolerance (test/stack/padRelaxation.test.ts): 3 % of the rate
    expect(Math.abs(relaxationFunction(log, 50) - (1 - 0.03 * Math.log10(101)))).toBeLessThan(0.03 * 0.03);
  });
});
