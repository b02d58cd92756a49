import { describe, expect, it } from 'vitest';
import { evaluateFullModule } from '../../src/module/fullMode';
import { optimiseModule } from '../../src/module/optimiser';

describe('optimiser', () => {
  it.each(['mass', 'volume'] as const)(
    'beats the default full-mode design by %s and reports margins ≥ 1',
    (objective) => {
      const base = { systemKWh: 10, pressureMPa: 5 };
      const best = optimiseModule(base, { objective });
      const key = objective === 'mass' ? 'massEfficiency' : 'volumeEfficiency';
      expect(best.result[key]).toBeGreaterThanOrEqual(evaluateFullModule(base)[key]);
      for (const m of Object.values(best.margins)) expect(m).toBeGreaterThanOrEqual(1 - 1e-9);
      expect(best.footprintLengthMm).toBeLessThanOrEqual(600);
      expect(best.footprintWidthMm).toBeGreaterThanOrEqual(80);
      expect(best.evaluated).toBeGreaterThan(10);
    },
  );

  it('picks a lighter plate material than steel when mass counts', () => {
    const best = optimiseModule({ systemKWh: 20, pressureMPa: 10 }, { objective: 'mass' });
    expect(best.plateMaterial).not.toBe('carbon-steel');
  });
});
