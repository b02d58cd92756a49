import { describe, expect, it } from 'vitest';
import { pressureMapSpec, pressureRangeOf } from '../../../src/presentation/figures/pressureMapSpec';
import { syntheticFields } from './syntheticFields';

describe('one colour scale for the load-up and swollen maps', () => {
  // load-up: 2 + 0.04 (x − 25) MPa on x < 75 mm (2 … 3.96); swollen: 1.5 × that, everywhere (3 … 9)
  const fields = syntheticFields({ swollen: true });

  it('spans both states', () => {
    const r = pressureRangeOf(fields, 0);
    expect(r.lo).toBeCloseTo(2, 12);
    expect(r.hi).toBeCloseTo(9, 12);
  });

  it('puts both colour bars on it and says so', () => {
    const range = pressureRangeOf(fields, 0);
    for (const state of ['loadUp', 'swollen'] as const) {
      const spec = JSON.stringify(
        pressureMapSpec({ fields, interfaceIndex: 0, state, caseName: 'c', range }),
      );
      expect(spec).toContain('"domain":[2,9]');
      expect(spec).toContain('shared with the other load state');
    }
    // without it, each map spans its own range
    const own = JSON.stringify(
      pressureMapSpec({ fields, interfaceIndex: 0, state: 'loadUp', caseName: 'c' }),
    );
    expect(own).not.toContain('"domain":[2,9]');
  });
});
