import { describe, expect, it } from 'vitest';
import { evaluateCell } from '../../src/cell/model';
import { liu2019Calibration } from '../../src/cell/presets';
import { InputError } from '../../src/validation/parseInput';

describe('cell input validation', () => {
  it('names the field, value, unit and allowed range', () => {
    const cell = liu2019Calibration(10) as { separator: object };
    const bad = { ...cell, separator: { ...cell.separator, thicknessUm: -5 } };
    expect(() => evaluateCell(bad)).toThrow(InputError);
    try {
      evaluateCell(bad);
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toContain('separator.thicknessUm');
      expect(msg).toContain('-5 µm');
      expect(msg).toContain('> 0');
    }
  });

  it('rejects double-sided bipolar stacks', () => {
    const cell = liu2019Calibration(10) as { construction: object };
    const bad = { ...cell, construction: { ...cell.construction, coating: 'double', stacking: 'bipolar' } };
    expect(() => evaluateCell(bad)).toThrow(/construction\.coating/);
  });

  it('rejects an anode potential above the cathode voltage', () => {
    const cell = liu2019Calibration(10);
    const bad = {
      ...cell,
      anode: {
        kind: 'composite',
        material: 'x',
        specificCapacityMAhPerG: 300,
        activeWtFraction: 1,
        compositeDensityGPerCm3: 2,
        npRatio: 1.1,
        averagePotentialV: 3,
      },
      cathode: { ...(cell as { cathode: object }).cathode, averageVoltageV: 2.5 },
    };
    expect(() => evaluateCell(bad)).toThrow(/averagePotentialV/);
  });
});
