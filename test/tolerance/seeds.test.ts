import { describe, expect, it } from 'vitest';
import { drawSeed } from '../../src/tolerance/drawSeed';
import { planToleranceStudy, runToleranceStudy } from '../../src/tolerance/toleranceStudy';
import { coarseDefault, drawsOf } from './studyCases';

/**
 * MurmurHash3's finaliser and the seed mix written again in BigInt arithmetic modulo 2³², an
 * implementation independent of Math.imul: the seeds must be plain 32-bit integer arithmetic,
 * the same on every machine.
 */
const M = 2n ** 32n;
const fmix = (h: bigint) => {
  let x = h % M;
  x ^= x >> 16n;
  x = (x * 0x85ebca6bn) % M;
  x ^= x >> 13n;
  x = (x * 0xc2b2ae35n) % M;
  x ^= x >> 16n;
  return x;
};
const seedOf = (seed: number, i: number) =>
  Number(fmix(fmix(BigInt(seed)) ^ ((BigInt(i + 1) * 0x9e3779b9n) % M)) >> 1n);

describe('draw seeds', () => {
  it('are 32-bit integer arithmetic of (study seed, index), within the schema seed range', () => {
    for (const seed of [0, 1, 7, 123456, 2 ** 31 - 1])
      for (const i of [0, 1, 2, 99, 999]) {
        const s = drawSeed(seed, i);
        expect(s).toBe(seedOf(seed, i));
        expect(Number.isInteger(s) && s >= 0 && s <= 2 ** 31 - 1).toBe(true);
      }
    // neighbours differ: no two of the first 1000 draws of a study share a seed
    expect(new Set(Array.from({ length: 1000 }, (_, i) => drawSeed(1, i))).size).toBe(1000);
  });
});

describe('the same seed gives the same draws', () => {
  const raw = () => {
    const c = coarseDefault();
    // every random input at once: preload, both random faces, cell and pad thickness
    c.tolerances = {
      preload: { type: 'normal', cov: 0.05 },
      cellThickness: { sd: 0.01 },
      padThickness: { sd: 0.05 },
    };
    return c;
  };

  it('draw i is the same whether the study has 5 or 20 draws, and differs with the seed', () => {
    const five = planToleranceStudy(raw(), { samples: 5, seed: 42 });
    const twenty = planToleranceStudy(raw(), { samples: 20, seed: 42 });
    const other = planToleranceStudy(raw(), { samples: 5, seed: 43 });
    for (let i = 0; i < 5; i++) {
      expect(drawsOf(twenty)[i]).toEqual(drawsOf(five)[i]);
      expect(drawsOf(other)[i].inputs).not.toEqual(drawsOf(five)[i].inputs);
    }
    // the draws differ from each other, and every random input was drawn
    const d0 = drawsOf(five)[0];
    expect(d0.inputs).not.toEqual(drawsOf(five)[1].inputs);
    expect(Object.keys(d0.inputs).sort()).toEqual(
      [
        'bottomFlatnessSeed',
        'cellThicknessOffset',
        'padThicknessOffsets',
        'preloadFactors',
        'topFlatnessSeed',
      ].sort(),
    );
    // a draw is a complete case: explicit factors, the draw's flatness seeds, offset thicknesses
    const input = d0.input as typeof d0.input & { tolerances?: unknown };
    expect(input.tolerances).toBeUndefined();
    expect(input.bolts.scatter).toEqual({ type: 'factors', factors: d0.inputs.preloadFactors });
    expect(input.plates.top.flatness).toMatchObject({ type: 'random', seed: d0.inputs.topFlatnessSeed });
    expect(input.stack.cells.thickness).toBe(2 + (d0.inputs.cellThicknessOffset as number));
  });

  it('two runs give bit-identical results, and draw i the same result for 3 or 6 draws', () => {
    const a = runToleranceStudy(raw(), { samples: 6, seed: 9 });
    const b = runToleranceStudy(raw(), { samples: 6, seed: 9 });
    const c = runToleranceStudy(raw(), { samples: 3, seed: 9 });
    expect(a.failed).toEqual([]);
    expect(b.draws).toEqual(a.draws);
    expect(b.distributions).toEqual(a.distributions);
    expect(b.maps).toEqual(a.maps);
    const metrics = (r: typeof a) => r.draws.map((d) => d.metrics);
    expect(metrics(c)).toEqual(metrics(a).slice(0, 3));
    // the draws do differ in their results
    expect(a.draws[0].metrics?.loadUp?.cov).not.toBe(a.draws[1].metrics?.loadUp?.cov);
  });
});
