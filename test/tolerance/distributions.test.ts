import { describe, expect, it } from 'vitest';
import { MapAccumulator } from '../../src/tolerance/mapDistribution';
import { metricDistribution } from '../../src/tolerance/metricDistribution';
import { sortedQuantile } from '../../src/tolerance/percentile';

describe('percentiles (type 7: linear between order statistics)', () => {
  it('matches hand-computed quantiles', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    // h = 10 p: p5 → h = 0.5 → 1.5; p50 → 6; p95 → h = 9.5 → 10.5
    expect(sortedQuantile(x, 0.05)).toBeCloseTo(1.5, 12);
    expect(sortedQuantile(x, 0.5)).toBe(6);
    expect(sortedQuantile(x, 0.95)).toBeCloseTo(10.5, 12);
    // four values 10, 20, 40, 80: h = 3 p; p5 → 0.15 → 10 + 0.15·10 = 11.5; p50 → 1.5 → 30; p95 → 2.85 → 40 + 0.85·40 = 74
    expect(sortedQuantile([10, 20, 40, 80], 0.05)).toBeCloseTo(11.5, 12);
    expect(sortedQuantile([10, 20, 40, 80], 0.5)).toBeCloseTo(30, 12);
    expect(sortedQuantile([10, 20, 40, 80], 0.95)).toBeCloseTo(74, 12);
    expect(sortedQuantile([7], 0.95)).toBe(7);
    expect(sortedQuantile([], 0.5)).toBeNaN();
  });

  it('gives mean, sample std, extremes and the probability of a target', () => {
    // unsorted on purpose; mean 5, squared deviations 9+1+1+9+0 = 20 → sample variance 20/4 = 5
    const d = metricDistribution([8, 4, 6, 2, 5], [{ metric: 'cov', min: 4, max: 6 }]);
    expect(d.mean).toBe(5);
    expect(d.std).toBeCloseTo(Math.sqrt(5), 12);
    expect(d.min).toBe(2);
    expect(d.max).toBe(8);
    // sorted 2 4 5 6 8, h = 4 p: p5 → 0.2 → 2.4; p95 → 3.8 → 6 + 0.8·2 = 7.6
    expect(d.p5).toBeCloseTo(2.4, 12);
    expect(d.p50).toBe(5);
    expect(d.p95).toBeCloseTo(7.6, 12);
    // 4, 6 and 5 lie in [4, 6]
    expect(d.probability).toBeCloseTo(3 / 5, 12);
    expect(metricDistribution([1, 2]).probability).toBeNull();
    // two targets on one metric must both hold: ≥ 3 and ≤ 7 → 4, 5, 6
    expect(
      metricDistribution(
        [8, 4, 6, 2, 5],
        [
          { metric: 'cov', min: 3 },
          { metric: 'cov', max: 7 },
        ],
      ).probability,
    ).toBeCloseTo(3 / 5, 12);
    expect(metricDistribution([3]).std).toBe(0);
  });
});

describe('per-point map statistics', () => {
  const grid = (values: number[]) => ({
    x0: 0,
    y0: 0,
    dx: 1,
    dy: 1,
    nx: 2,
    ny: 1,
    values: Float64Array.from(values),
    unit: 'MPa',
  });

  it('mean, p5, p95 and P(contact) per point, whatever order the draws arrive in', () => {
    const acc = new MapAccumulator(5, 0.05);
    // point 0 takes 1..5 over the draws, point 1 is open (0) in draws 1 and 3
    const draws: [number, number[]][] = [
      [3, [4, 0]],
      [0, [1, 2]],
      [4, [5, 2]],
      [2, [3, 2]],
      [1, [2, 0]],
    ];
    for (const [i, v] of draws) acc.add(i, grid(v));
    const m = acc.finish();
    if (!m) throw new Error('no maps');
    expect(Array.from(m.mean.values)).toEqual([3, 1.2]);
    // point 0 sorted 1..5: h = 4 p → p5 = 1.2, p95 = 4.8; point 1 sorted 0 0 2 2 2: p5 = 0, p95 = 2
    expect(m.p5.values[0]).toBeCloseTo(1.2, 12);
    expect(m.p95.values[0]).toBeCloseTo(4.8, 12);
    expect(m.p5.values[1]).toBe(0);
    expect(m.p95.values[1]).toBe(2);
    expect(Array.from(m.contactProbability.values)).toEqual([1, 0.6]);
    expect(Array.from(m.contactProbability.contact)).toEqual([1, 1]);
    expect(Array.from(m.p5.contact)).toEqual([1, 0]);
  });

  it('only the draws added count, and a draw given twice or on another grid is refused', () => {
    const acc = new MapAccumulator(4, 0.05);
    acc.add(2, grid([2, 0]));
    acc.add(0, grid([4, 0]));
    expect(Array.from(acc.finish()?.mean.values ?? [])).toEqual([3, 0]);
    expect(() => acc.add(2, grid([1, 1]))).toThrow(/twice/);
    expect(() => acc.add(7, grid([1, 1]))).toThrow(/out of range/);
    expect(() => acc.add(1, { ...grid([1, 1]), dx: 2 })).toThrow(/grid differs/);
    expect(new MapAccumulator(3, 0).finish()).toBeNull();
  });
});
