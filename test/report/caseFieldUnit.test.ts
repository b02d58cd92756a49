import { describe, expect, it } from 'vitest';
import { caseFieldHeader, caseFieldUnit, caseFieldUnits } from '../../src/report/caseFieldUnit';

describe('the unit of a case field, from the case schema', () => {
  it('reads plain, nested, union and list fields', () => {
    expect(caseFieldUnit('plates.top.thickness')).toBe('mm');
    expect(caseFieldUnit('plates.Lx')).toBe('mm');
    // preload is a union: force in one branch, torque in the other
    expect(caseFieldUnit('bolts.preload.force')).toBe('N');
    expect(caseFieldUnit('bolts.preload.torque')).toBe('N·mm');
    expect(caseFieldUnit('stack.cells.law.modulus')).toBe('MPa');
    expect(caseFieldUnit('bolts.positions[2].x')).toBe('mm');
  });

  it('has none for counts, text and paths the schema does not know', () => {
    expect(caseFieldUnit('stack.cells.count')).toBeUndefined();
    expect(caseFieldUnit('plates.top.material')).toBeUndefined();
    expect(caseFieldUnit('plates.top.nothing')).toBeUndefined();
  });

  it('makes a CSV header of path and unit', () => {
    expect(caseFieldHeader('plates.top.thickness')).toBe('plates.top.thickness [mm]');
    expect(caseFieldHeader('stack.cells.count')).toBe('stack.cells.count');
  });
});

describe('the unit of a union field, given the case it is in', () => {
  it("takes the branch of the case's own type", () => {
    const strain = { stack: { swelling: { type: 'strain', value: 0.01 } } };
    const growth = { stack: { swelling: { type: 'thickness', value: 0.02 } } };
    expect(caseFieldUnit('stack.swelling.value', strain)).toBeUndefined();
    expect(caseFieldUnit('stack.swelling.value', growth)).toBe('mm');
    const strainMap = { stack: { swelling: { type: 'strainMap', grid: { values: [[0.01]] } } } };
    expect(caseFieldUnit('stack.swelling.grid.values', strainMap)).toBeUndefined();
    const bow = { plates: { top: { flatness: { type: 'bow', bow: 1 } } } };
    expect(caseFieldUnit('plates.top.flatness.bow', bow)).toBe('mm');
    const random = { plates: { top: { flatness: { type: 'random', rms: 4 } } } };
    expect(caseFieldUnit('plates.top.flatness.rms', random)).toBe('µm');
  });
});

describe('the units of many fields at once', () => {
  it('are the units of each, in order', () => {
    const strain = { stack: { swelling: { type: 'strain', value: 0.01 } } };
    expect(
      caseFieldUnits(
        ['plates.Lx', 'stack.cells.count', 'stack.swelling.value', 'bolts.springs.rate'],
        strain,
      ),
    ).toEqual(['mm', undefined, undefined, 'N/mm']);
  });
});
