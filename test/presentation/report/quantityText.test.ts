import { describe, expect, it } from 'vitest';
import {
  exponent,
  factor,
  fixed,
  grouped,
  percent,
  stated,
} from '../../../src/presentation/report/quantityText';

describe('numbers as the report prints them', () => {
  it('uses a true minus, never prints −0, and a dash for what is not a number', () => {
    expect(fixed(-178.14, 1)).toBe('\u2212178.1');
    expect(fixed(-0.0004, 2)).toBe('0.00');
    expect(fixed(Number.NaN, 2)).toBe('—');
  });

  it('groups thousands with a narrow no-break space', () => {
    expect(grouped(1546053)).toBe('1\u202f546\u202f053');
    expect(grouped(999.6)).toBe('1\u202f000');
    expect(grouped(-50069.4)).toBe('\u221250\u202f069');
    expect(grouped(12)).toBe('12');
  });

  it('prints fractions as percentages, small ratios in exponent form, an unstressed plate as ∞', () => {
    expect(percent(0.69441)).toBe('69.4\u00a0%');
    expect(exponent(1.02e-12)).toBe('1.0e\u221212');
    expect(exponent(2.5e3)).toBe('2.5e3');
    expect(factor(Number.MAX_VALUE)).toBe('∞');
    expect(factor(7.5962)).toBe('7.60');
  });

  it('prints a case value as written, without float noise', () => {
    expect(stated(0.1 + 0.2)).toBe('0.3');
    expect(stated(1e-9)).toBe('1e\u22129');
    expect(stated(6250)).toBe('6250');
    expect(stated(-12.5)).toBe('\u221212.5');
  });
});
