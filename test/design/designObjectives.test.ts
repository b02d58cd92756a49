import { describe, expect, it } from 'vitest';
import { evaluateCell } from '../../src/cell/model';
import { namedCells } from '../../src/cell/presets';
import type { ConstraintMargin } from '../../src/design/designConstraints';
import type { DesignEvaluation } from '../../src/design/designEvaluation';
import { designObjectives, objectiveVector } from '../../src/design/designObjectives';
import { bindingSummary, constraintLine } from '../../src/design/designWhy';

describe('design objectives', () => {
  it('a system of identical modules: the count rounds up, efficiencies are per module, inactive totals per system', () => {
    const { whPerKg, whPerL } = evaluateCell(namedCells.fig1f).pouch;
    // a module of 0.5 L of cells in a 2 L envelope with 3 kg of housing, for a 7.5 kWh system
    const parts = { parts: [], inactiveMassKg: 3, envelopeL: 2, cellVolumeL: 0.5 };
    const o = designObjectives(parts, { measure: 'volume', cell: 'fig1f', systemKWh: 7.5 }, 0.07);
    const moduleWh = 0.5 * whPerL;
    const modules = Math.ceil(7500 / moduleWh);
    expect(o.modules).toBe(modules);
    expect(o.inactiveMassKg).toBeCloseTo(3 * modules, 12);
    expect(o.inactiveVolumeL).toBeCloseTo(1.5 * modules, 12);
    const cellKg = moduleWh / whPerKg;
    expect(o.massEfficiency).toBeCloseTo(cellKg / (cellKg + 3), 12);
    expect(o.volumeEfficiency).toBeCloseTo(0.25, 12);
    expect(objectiveVector(o, 'volume')).toEqual([o.inactiveVolumeL, 0.07]);
    expect(objectiveVector(o, 'mass')).toEqual([o.inactiveMassKg, 0.07]);
    expect(objectiveVector({ ...o, cov: null }, 'mass')).toBeNull();
  });
});

describe('why a design wins', () => {
  const m = (id: string, margin: number, extra: Partial<ConstraintMargin> = {}): ConstraintMargin => ({
    id,
    name: 'cov',
    state: 'after swelling',
    what: 'CoV of the cell pressure',
    value: 0.1 - margin,
    limit: 0.1,
    unit: '-',
    margin,
    ...extra,
  });

  it('names the binding constraint with its value, limit and margin, and each violated one', () => {
    expect(constraintLine(m('cov.swollen', 0.00838))).toBe(
      'CoV of the cell pressure (after swelling): 0.0916, at most 0.1 — margin 0.00838',
    );
    const mean = m('meanPressure.swollen', -0.02, {
      name: 'meanPressure',
      what: 'mean cell pressure / target 5 MPa − 1',
      value: 0.07,
      limit: 0.05,
    });
    const cov = m('cov.swollen', -0.01);
    const e = {
      status: 'infeasible',
      message: 'violates meanPressure.swollen, cov.swollen',
      constraints: [cov, mean],
      binding: mean,
    } as unknown as DesignEvaluation;
    expect(bindingSummary(e).split('\n')).toEqual([
      'infeasible: violates meanPressure.swollen, cov.swollen',
      'binds: mean cell pressure / target 5 MPa − 1 (after swelling): 0.07, within ±0.05 — margin -0.02',
      'violated: CoV of the cell pressure (after swelling): 0.11, at most 0.1 — margin -0.01',
    ]);
  });
});
