import { describe, expect, it } from 'vitest';
import {
  formatPercent,
  formatValue,
  roundTicks,
  tickFormat,
} from '../../../src/presentation/figures/figureText';

describe('figure numbers', () => {
  it('prints three significant digits with a typographic minus, rounding across a power of ten', () => {
    expect(formatValue(2)).toBe('2.00');
    expect(formatValue(20.83)).toBe('20.8');
    expect(formatValue(0.05141)).toBe('0.0514');
    expect(formatValue(-9.99999)).toBe('−10.0');
    expect(formatValue(999.7)).toBe('1000');
    expect(formatValue(-1234.4)).toBe('−1234');
    expect(formatValue(0)).toBe('0.00');
    expect(formatPercent(0.505)).toBe('50.5 %');
  });

  it('puts ticks at round steps from 0 to the length, at most the count asked for', () => {
    expect(roundTicks(150)).toEqual([0, 20, 40, 60, 80, 100, 120, 140]);
    expect(roundTicks(100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(roundTicks(25, 11)).toEqual([0, 2.5, 5, 7.5, 10, 12.5, 15, 17.5, 20, 22.5, 25]);
    expect(roundTicks(0)).toEqual([0]);
    expect(tickFormat([0, 2.5, 5])).toBe('.1f');
    expect(tickFormat([0, 20, 40])).toBe('.0f');
  });
});
