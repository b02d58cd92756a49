import { describe, expect, it } from 'vitest';
import { Nsga2, type Nsga2Options } from '../../src/design/nsga2';
import {
  checkDesign,
  checkSearchSpace,
  decodeDesign,
  designKey,
  encodeDesign,
  isDesignOf,
  randomDesign,
  type SearchSpace,
  spaceSize,
} from '../../src/design/searchSpace';
import { seededRandom } from '../../src/model/seededRandom';
import { InputError } from '../../src/validation/parseInput';

const space: SearchSpace = {
  topPlate: { kind: 'real', lo: 2, hi: 20 },
  bolts: { kind: 'int', lo: 2, hi: 8 },
  pad: { kind: 'choice', values: ['shore40', 'shore60', null] },
  interleaf: { kind: 'choice', values: [true, false] },
  size: { kind: 'choice', values: [6, '6'] },
};

/** The InputError message of `f`; fails when it throws anything else or nothing. */
function inputError(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('no InputError');
}

describe('design keys', () => {
  it('do not depend on the order of the fields, and tell 6 from "6", 0 from null', () => {
    const a = { topPlate: 5, bolts: 4, pad: null, interleaf: true, size: 6 };
    const b = { size: 6, interleaf: true, pad: null, bolts: 4, topPlate: 5 };
    expect(designKey(space, a)).toBe(designKey(space, b));
    expect(designKey(space, a)).toBe('{"bolts":4,"interleaf":true,"pad":null,"size":6,"topPlate":5}');
    expect(designKey(space, { ...a, size: '6' })).not.toBe(designKey(space, a));
    expect(designKey(space, { ...a, topPlate: -0 })).toBe(designKey(space, { ...a, topPlate: 0 }));
  });

  it('a genome decodes to its design (a choice by the index of its value)', () => {
    const d = { topPlate: 7.25, bolts: 3, pad: 'shore60', interleaf: false, size: '6' };
    // sorted names: bolts, interleaf, pad, size, topPlate
    expect(encodeDesign(space, d)).toEqual([3, 1, 1, 1, 7.25]);
    expect(decodeDesign(space, encodeDesign(space, d))).toEqual(d);
  });

  it('random designs lie in the space and reach every value of a small variable', () => {
    const random = seededRandom(3);
    const bolts = new Set<unknown>();
    const pads = new Set<unknown>();
    for (let i = 0; i < 500; i++) {
      const d = randomDesign(space, random);
      expect(() => checkDesign(space, d)).not.toThrow();
      bolts.add(d.bolts);
      pads.add(d.pad);
    }
    expect([...bolts].sort()).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(pads.size).toBe(3);
  });

  it('a variable named __proto__ or constructor is a field like any other', () => {
    const odd: SearchSpace = JSON.parse(
      '{"__proto__": {"kind": "int", "lo": 1, "hi": 3}, "constructor": {"kind": "choice", "values": ["a"]}}',
    );
    checkSearchSpace(odd);
    const d = decodeDesign(odd, [2, 0]);
    expect(Object.hasOwn(d, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(d)).toBe(Object.prototype);
    expect(designKey(odd, d)).toBe('{"__proto__":2,"constructor":"a"}');
    expect(() => checkDesign(odd, d)).not.toThrow();
    expect(() => checkDesign(odd, {})).toThrow(/design\.__proto__: undefined/);
  });

  it('space size: the product of the discrete counts; Infinity with a real range', () => {
    expect(spaceSize(space)).toBe(Number.POSITIVE_INFINITY);
    expect(spaceSize({ ...space, topPlate: { kind: 'real', lo: 3, hi: 3 } })).toBe(7 * 3 * 2 * 2);
  });
});

describe('hostile spaces, designs and options are InputErrors naming the field, the value and what is allowed', () => {
  it.each([
    [{}, /variables: none/],
    [{ t: { kind: 'real', lo: 5, hi: 2 } }, /variables\.t\.lo: 5 \(caller's unit\) — must be <= hi \(2\)/],
    [{ t: { kind: 'real', lo: Number.NaN, hi: 2 } }, /variables\.t\.lo: NaN .* must be a finite number/],
    [{ t: { kind: 'real', lo: 0, hi: Number.POSITIVE_INFINITY } }, /variables\.t\.hi: Infinity/],
    [{ n: { kind: 'int', lo: 0.5, hi: 3 } }, /variables\.n\.lo: 0\.5 — must be a whole number/],
    [{ c: { kind: 'choice', values: [] } }, /variables\.c\.values: \[\] — must list at least one value/],
    [{ c: { kind: 'choice', values: ['a', 'a'] } }, /variables\.c\.values: "a" — listed twice/],
    [{ c: { kind: 'choice', values: [{}] } }, /must be a string, finite number, boolean or null/],
    [{ c: { kind: 'choice', values: [Number.NaN] } }, /variables\.c\.values: NaN/],
    [{ x: { kind: 'log', lo: 1, hi: 2 } }, /variables\.x\.kind: "log" — must be real, int or choice/],
    [{ x: null }, /variables\.x: null/],
    [
      { t: { kind: 'real', lo: -1e308, hi: 1e308 } },
      /variables\.t: \[-1e\+308, 1e\+308\] .* hi − lo must be a finite number/,
    ],
  ])('space %j', (bad, message) => {
    expect(inputError(() => checkSearchSpace(bad as unknown as SearchSpace))).toMatch(message);
  });

  it('a design outside its space', () => {
    const ok = { topPlate: 5, bolts: 4, pad: null, interleaf: true, size: 6 };
    expect(isDesignOf(space, ok)).toBe(true);
    expect(isDesignOf(space, { ...ok, extra: 1 })).toBe(true);
    expect(isDesignOf(space, { ...ok, size: 7 })).toBe(false);
    expect(isDesignOf(space, { ...ok, pad: undefined as never })).toBe(false);
    expect(inputError(() => checkDesign(space, { ...ok, bolts: 9 }))).toMatch(
      /design\.bolts: 9 \(caller's unit\) — must be a number in \[2, 8\]/,
    );
    expect(inputError(() => checkDesign(space, { ...ok, bolts: 4.5 }))).toMatch(
      /design\.bolts: 4\.5 — must be a whole/,
    );
    expect(inputError(() => checkDesign(space, { ...ok, pad: 'shore90' }))).toMatch(
      /design\.pad: "shore90" — must be one of "shore40", "shore60", null/,
    );
    expect(inputError(() => checkDesign(space, { ...ok, topPlate: undefined as never }))).toMatch(
      /design\.topPlate/,
    );
  });

  const good: Nsga2Options = { objectives: 2, maxEvaluations: 100, seed: 1 };
  it.each([
    [{ populationSize: 0 }, /populationSize: 0 — must be a whole number >= 2 and <= 1000/],
    [{ populationSize: 2.5 }, /populationSize: 2\.5/],
    [{ maxEvaluations: Number.NaN }, /maxEvaluations: NaN — must be a whole number >= 1/],
    [{ maxEvaluations: 1e12 }, /maxEvaluations: 1000000000000 — must be a whole number >= 1 and <= 100000/],
    [{ seed: -1 }, /seed: -1 — must be a whole number >= 0 and <= 2147483647/],
    [{ objectives: 0 }, /objectives: 0/],
    [{ objectives: 11 }, /objectives: 11 — must be a whole number >= 1 and <= 10/],
    [{ constraints: 1, constraintScales: [0] }, /constraintScales\[0\]: 0 .* must be a finite number > 0/],
    [{ constraints: 2, constraintScales: [1] }, /constraintScales: .* one scale per constraint \(2\)/],
    [
      { variation: { crossoverProbability: 2 } },
      /variation\.crossoverProbability: 2 — must be a probability/,
    ],
    [{ variation: { mutationEta: -1 } }, /variation\.mutationEta: -1 — must be a distribution index/],
    [{ best: { objective: 2 } }, /best\.objective: 2 — must be a whole number >= 0 and <= 1/],
    [{ initial: [{ topPlate: 50 }] }, /initial\[0\]\.topPlate: 50/],
    [{ preselection: 0 }, /preselection: 0 — must be a whole number >= 1 and <= 50/],
    [{ initial: 'default' }, /initial: default — must be a list of designs/],
  ])('options %j', (edit, message) => {
    expect(inputError(() => new Nsga2(space, { ...good, ...edit } as Nsga2Options))).toMatch(message);
  });
});
