import { describe, expect, it } from 'vitest';
import { parseDraws, parseSeed } from '../../viewer/src/panels/spreadSettings';

describe('Spread tab fields', () => {
  it('takes whole numbers in range', () => {
    expect(parseDraws('1')).toEqual({ value: 1, error: null });
    expect(parseDraws(' 1000 ')).toEqual({ value: 1000, error: null });
    expect(parseSeed('0')).toEqual({ value: 0, error: null });
    expect(parseSeed('2147483647')).toEqual({ value: 2147483647, error: null });
  });

  it('refuses anything else, naming the field, the value and the range', () => {
    const range = 'must be a whole number from 1 to 1000';
    for (const [text, shown] of [
      ['0', '0'],
      ['1001', '1001'],
      ['2.5', '2.5'],
      ['-3', '-3'],
      ['1e3', '1e3'],
      ['0x10', '0x10'],
      ['Infinity', 'Infinity'],
      ['', '(empty)'],
      ['9'.repeat(40), `${'9'.repeat(24)}…`],
    ])
      expect(parseDraws(text)).toEqual({ value: null, error: `Number of draws: ${shown} — ${range}` });
    expect(parseSeed('2147483648').error).toBe(
      'Seed: 2147483648 — must be a whole number from 0 to 2147483647',
    );
    expect(parseSeed('-1').error).toBe('Seed: -1 — must be a whole number from 0 to 2147483647');
  });
});
