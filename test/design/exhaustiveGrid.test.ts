import { describe, expect, it } from 'vitest';
import { evaluateGrid, exhaustiveGrid, gridSize } from '../../src/design/exhaustiveGrid';
import { bestFeasible } from '../../src/design/paretoFront';
import { designKey, type SearchSpace } from '../../src/design/searchSpace';
import { InputError } from '../../src/validation/parseInput';
import { toyHousing, toyOptimum, toySpace } from './housingToy';

const space: SearchSpace = {
  plate: { kind: 'real', lo: 4, hi: 10 },
  bolts: { kind: 'int', lo: 2, hi: 4 },
  pad: { kind: 'choice', values: ['soft', null] },
};

describe('exhaustive grid of a reduced space', () => {
  it('every combination once: 4 plate levels × 3 bolt counts × 2 pads, the last name varying fastest', () => {
    const grid = exhaustiveGrid(space, { plate: 4 });
    expect(grid.length).toBe(24);
    expect(gridSize(space, { plate: 4 })).toBe(24);
    expect(new Set(grid.map((d) => designKey(space, d))).size).toBe(24);
    // sorted names: bolts, pad, plate
    expect(grid.slice(0, 5)).toEqual([
      { bolts: 2, pad: 'soft', plate: 4 },
      { bolts: 2, pad: 'soft', plate: 6 },
      { bolts: 2, pad: 'soft', plate: 8 },
      { bolts: 2, pad: 'soft', plate: 10 },
      { bolts: 2, pad: null, plate: 4 },
    ]);
    expect(grid[23]).toEqual({ bolts: 4, pad: null, plate: 10 });
  });

  it('levels listed, and whole-number levels chosen', () => {
    const grid = exhaustiveGrid(space, { plate: [5, 9, 5], bolts: [2, 4] });
    expect(grid.length).toBe(2 * 2 * 2);
    expect(new Set(grid.map((d) => d.plate))).toEqual(new Set([5, 9]));
  });

  it('the toy grid evaluated is the enumeration: its best feasible design is the known optimum', async () => {
    const archive = await evaluateGrid(toySpace, {}, toyHousing, { objectives: 2, constraints: 1 });
    expect(archive.length).toBe(1000);
    const best = bestFeasible(archive, { objective: 0 });
    expect(best?.design).toEqual(toyOptimum().design);
    expect(best?.objectives[0]).toBeCloseTo(2.39, 12);
  });

  it('a failing point is kept as failed, the others evaluated', async () => {
    const archive = await evaluateGrid(
      space,
      { plate: 2 },
      (d) => {
        if (d.pad === null) throw new Error('no pad: contact lost');
        return { objectives: [d.plate as number] };
      },
      { objectives: 1 },
      5,
    );
    expect(archive.map((e) => e.status)).toEqual(
      exhaustiveGrid(space, { plate: 2 }).map((d) => (d.pad === null ? 'failed' : 'feasible')),
    );
    expect(archive.find((e) => e.status === 'failed')?.message).toBe('no pad: contact lost');
  });

  it.each([
    [{}, /levels\.plate: missing — a real variable on \[4, 10\] needs its levels or their count/],
    [{ plate: 0 }, /levels\.plate: 0 — a count of levels must be a whole number >= 1/],
    [{ plate: [3] }, /levels\.plate: 3 \(caller's unit\) — levels must be in \[4, 10\]/],
    [{ plate: 2, bolts: [2.5] }, /levels\.bolts: 2\.5 .* whole numbers in \[2, 4\]/],
    [{ plate: 2, bolts: 3 }, /levels\.bolts: 3 — a whole-number variable takes a list of levels/],
    [{ plate: 2, pad: [1] }, /levels\.pad: \[1\] — a choice takes all its values/],
    [{ plate: 2, thickness: 3 }, /levels\.thickness: no such variable/],
  ])('hostile levels %j are an InputError', (levels, message) => {
    expect(() => exhaustiveGrid(space, levels)).toThrow(InputError);
    expect(() => exhaustiveGrid(space, levels)).toThrow(message);
  });

  it('a grid larger than allowed is refused before any point is made', () => {
    const big: SearchSpace = {
      a: { kind: 'int', lo: 0, hi: 999 },
      b: { kind: 'int', lo: 0, hi: 999 },
      c: { kind: 'int', lo: 0, hi: 999 },
    };
    expect(() => exhaustiveGrid(big)).toThrow(/1000000000 grid points — at most 1000000 are allowed/);
    expect(() => exhaustiveGrid(space, { plate: 100 }, 500)).toThrow(/600 grid points — at most 500/);
  });
});
