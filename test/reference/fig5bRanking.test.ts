import { describe, expect, it } from 'vitest';
import { pairRanking, wilson } from './fig5bRanking';

describe('Fig 5b ranking statistics', () => {
  it('counts, draw by draw, how often each pair ranks in the given order, skipping draws failed in either', () => {
    // three housings, four draws; draw 3 failed for the second housing
    const covs = [
      [0.1, 0.5, 0.2, 0.1],
      [0.2, 0.4, 0.3, null],
      [0.3, 0.6, 0.1, 0.9],
    ];
    const { pairs, all } = pairRanking(covs);
    // (0, 1): draws 0, 1, 2 count; 0.1 < 0.2 and 0.2 < 0.3 hold, 0.5 < 0.4 does not
    expect(pairs[0]).toEqual({ a: 0, b: 1, n: 3, k: 2 });
    // (0, 2): every draw; 0.2 < 0.1 fails in draw 2
    expect(pairs[1]).toEqual({ a: 0, b: 2, n: 4, k: 3 });
    // (1, 2): draws 0, 1, 2; 0.3 < 0.1 fails
    expect(pairs[2]).toEqual({ a: 1, b: 2, n: 3, k: 2 });
    // the whole order holds in draw 0 only (draw 1: 0.5 > 0.4; draw 2: 0.3 > 0.1; draw 3 failed)
    expect(all).toEqual({ n: 3, k: 1 });
  });

  it('gives the 95 % Wilson interval (worked by hand: 8 of 10 → 0.490 … 0.943)', () => {
    const w = wilson(8, 10);
    expect(w.lo).toBeCloseTo(0.4902, 3);
    expect(w.hi).toBeCloseTo(0.9433, 3);
    // all draws agreeing still leaves doubt: 50 of 50 → 0.929 … 1
    expect(wilson(50, 50).lo).toBeCloseTo(0.9287, 3);
    expect(wilson(50, 50).hi).toBeCloseTo(1, 12);
  });
});
