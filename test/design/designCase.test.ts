import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCase } from '../../src/case/checkCase';
import type { Case } from '../../src/case/schema';
import { designCase } from '../../src/design/designCase';
import { evaluateDesign } from '../../src/design/designEvaluation';
import { checkDesignProblem, designProblem } from '../../src/design/designProblem';
import { parseDesignSpec } from '../../src/design/designSpec';
import { baseDesignValues, checkDesignValues } from '../../src/design/designValues';
import { InputError } from '../../src/validation/parseInput';

const defaultCase = JSON.parse(readFileSync(join(__dirname, '../../cases/default.json'), 'utf8'));

const problemOf = (variables: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  designProblem(parseDesignSpec({ base: 'default.json', variables, ...extra }), defaultCase);

const allVariables = {
  topThickness: { min: 10, max: 40 },
  bottomThickness: { min: 10, max: 40 },
  plateMaterial: ['carbon-steel', 'al-7075-t6'],
  usePads: [true, false],
  padHardness: { min: 30, max: 70 },
  padThickness: { min: 1, max: 5 },
  useSprings: [true, false],
  springRate: { min: 1000, max: 20000 },
  springCount: { min: 1, max: 6 },
  boltsPerEdge: { min: 2, max: 60 },
  boltDiameter: [6, 8, 10, 12],
  useInterleaf: [false, true],
};

/** The solved case of a design, by the case checks. */
function checked(r: ReturnType<typeof designCase>): Case {
  if (!r.ok) throw new Error(`not a case: ${r.issues.join('; ')}`);
  return checkCase(r.case).case;
}

describe('a design as a case', () => {
  it("the default case's own values give back the default case's physics", () => {
    const problem = problemOf(allVariables);
    const values = baseDesignValues(problem);
    expect(values).toEqual({
      topThickness: 25,
      bottomThickness: 25,
      plateMaterial: 'carbon-steel',
      usePads: true,
      padHardness: 40,
      padThickness: 3,
      useSprings: true,
      springRate: 10000,
      springCount: 4,
      boltsPerEdge: 3,
      boltDiameter: 8,
      useInterleaf: false,
    });
    const c = checked(designCase(problem, values));
    const original = checkCase(defaultCase).case;
    // 8 bolts × 6250 N over the 100 × 100 mm footprint: 5 MPa nominal
    expect(c.bolts.positions.length).toBe(8);
    expect(c.bolts.preload).toEqual({ force: (5 * 100 * 100) / 8 });
    expect(c.bolts.positions).toEqual(defaultCase.bolts.positions);
    // everything else is the default case itself
    const physics = (x: Case) => ({ ...x, name: undefined, description: undefined });
    expect(physics(c)).toEqual(physics(original));
  });

  it('a target pressure sets the preload: target × footprint / bolt count, for the bolt count of the design', () => {
    const problem = problemOf({ boltsPerEdge: { min: 2, max: 5 } }, { targetPressure: 3 });
    const c = checked(designCase(problem, { boltsPerEdge: 4 }));
    expect(c.bolts.positions.length).toBe(12);
    expect(c.bolts.preload).toEqual({ force: (3 * 100 * 100) / 12 });
    // the ring 12.5 mm inside the plate edge, 125 / 3 mm between bolts, corners included
    const xs = [12.5, 12.5 + 125 / 3, 12.5 + 250 / 3, 137.5];
    const expected = new Set<string>();
    for (const x of xs) for (const y of [12.5, 137.5]) expected.add(`${x.toFixed(6)},${y.toFixed(6)}`);
    for (const y of xs) for (const x of [12.5, 137.5]) expected.add(`${x.toFixed(6)},${y.toFixed(6)}`);
    expect(new Set(c.bolts.positions.map((b) => `${b.x.toFixed(6)},${b.y.toFixed(6)}`))).toEqual(expected);
  });

  it('a preload variable overrides the target; pads, springs and interleaf follow their switches', () => {
    const problem = problemOf({
      preload: { min: 1000, max: 9000 },
      usePads: [true, false],
      useSprings: [true, false],
      useInterleaf: [false, true],
      boltDiameter: [8, 10],
    });
    const c = checked(
      designCase(problem, {
        preload: 4000,
        usePads: false,
        useSprings: false,
        useInterleaf: true,
        boltDiameter: 10,
      }),
    );
    expect(c.bolts.preload).toEqual({ force: 4000 });
    expect(c.gaskets).toEqual([]);
    expect(c.bolts.springs).toBeUndefined();
    expect(c.stack.interleaf).toEqual({ every: 3, thickness: 2, material: 'carbon-steel' });
    expect(c.bolts.diameter).toBe(10);
    // the base case's washer is twice its bolt: so is the new one
    expect(c.bolts.washerDiameter).toBe(20);
  });

  it("a design whose washers overlap is not a case: returned with the checks' message, never thrown", () => {
    const problem = problemOf(allVariables);
    // 59 gaps of 125/59 ≈ 2.1 mm along each edge, against 16 mm washers
    const r = designCase(problem, { ...baseDesignValues(problem), boltsPerEdge: 60 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.some((i) => i.includes('washers overlap'))).toBe(true);
    const e = evaluateDesign(problem, { ...baseDesignValues(problem), boltsPerEdge: 60 });
    expect(e.status).toBe('failed');
    expect(e.message).toMatch(/^not a case: .*washers overlap/);
    expect(e.objectiveVector).toBeNull();
    expect(e.case).toBeNull();
  });

  it('a design that is not of the problem is an InputError naming the variable, value, unit and range', () => {
    const problem = problemOf({ topThickness: { min: 10, max: 40 }, springCount: { min: 1, max: 6 } });
    const issues = (() => {
      try {
        checkDesignValues(problem, { topThickness: 50, springCount: 2.5, extra: 1 });
      } catch (e) {
        if (e instanceof InputError) return e.issues;
      }
      return [];
    })();
    expect(issues).toEqual([
      '"extra": not a variable of this problem — the design\'s keys are its declared variables',
      'topThickness: 50 mm — must be a number >= 10 and <= 40 mm',
      'springCount: 2.5 — must be a whole number >= 1 and <= 6',
    ]);
    expect(() => checkDesignValues(problem, null)).toThrow(InputError);
    expect(() => checkDesignValues(problem, { topThickness: Number.NaN, springCount: 2 })).toThrow(
      InputError,
    );
  });

  it('a base case without pads or springs gets the documented ones when a design switches them on', () => {
    const bare = JSON.parse(readFileSync(join(__dirname, '../../cases/fig5b-none.json'), 'utf8'));
    const problem = designProblem(
      parseDesignSpec({
        base: 'fig5b-none.json',
        variables: {
          usePads: [true, false],
          padHardness: { min: 30, max: 60 },
          useSprings: [true, false],
          springRate: { min: 5000, max: 20000 },
        },
      }),
      bare,
    );
    const c = checked(
      designCase(problem, { usePads: true, padHardness: 55, useSprings: true, springRate: 12000 }),
    );
    // 3 mm bonded Shore pads on both faces over the footprint, the default module's disc-spring stack
    expect(c.gaskets).toEqual([
      {
        side: 'both',
        region: { type: 'full' },
        thickness: 3,
        law: { type: 'shore', hardness: 55, bulkModulus: 2000, bonded: true },
      },
    ]);
    expect(c.bolts.springs).toEqual({ rate: 12000, count: 4, freeLength: 3.15, solidLength: 2.25 });
    const off = checked(
      designCase(problem, { usePads: false, padHardness: 55, useSprings: false, springRate: 12000 }),
    );
    expect(off.gaskets).toEqual([]);
    expect(off.bolts.springs).toBeUndefined();
  });

  it('a problem survives a trip through JSON (a worker is sent it as text): the same case for the same design', () => {
    const problem = problemOf(allVariables);
    const sent = JSON.parse(JSON.stringify(problem));
    const design = {
      ...baseDesignValues(problem),
      boltsPerEdge: 4,
      topThickness: 17.5,
      plateMaterial: 'al-7075-t6',
    };
    expect(designCase(sent, design)).toEqual(designCase(problem, design));
    // checked again on arrival, it is the same problem
    expect(JSON.parse(JSON.stringify(checkDesignProblem(sent)))).toEqual(sent);
  });

  it('a tampered problem is refused on arrival, before any design of it is built', () => {
    const sent = JSON.parse(JSON.stringify(problemOf(allVariables)));
    sent.variables.boltsPerEdge.max = 1e9;
    sent.base.plates.top.thickness = -1;
    const issues = (() => {
      try {
        checkDesignProblem(sent);
      } catch (e) {
        if (e instanceof InputError) return e.issues;
      }
      return [];
    })();
    expect(issues).toEqual([
      'variables.boltsPerEdge.max: 1000000000 — must be a whole number and >= 2 and <= 501',
    ]);
    sent.variables.boltsPerEdge.max = 60;
    expect(() => checkDesignProblem(sent)).toThrow(/base: plates\.top\.thickness: -1 mm/);
    expect(() => checkDesignProblem([])).toThrow(InputError);
  });
});
