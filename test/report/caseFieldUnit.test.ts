import { describe, expect, it } from 'vitest';
import { caseFieldHeader, caseFieldUnit } from '../../src/report/caseFieldUnit';

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
