import { describe, expect, it } from 'vitest';
import { caseInputRows } from '../../../src/presentation/report/caseInputRows';
import { defaultCase } from './reportInput';

describe('the inputs of a resolved case', () => {
  it('summarises a grid map by its size and range instead of listing it', () => {
    const values = Array.from({ length: 300 }, (_, j) =>
      Array.from({ length: 200 }, (_, i) => (i + j) / 10 - 5),
    );
    const c = defaultCase((raw) => {
      const x = Array.from({ length: 200 }, (_, i) => (150 * i) / 199);
      const y = Array.from({ length: 300 }, (_, j) => (150 * j) / 299);
      (raw.plates as { top: Record<string, unknown> }).top.flatness = { type: 'map', grid: { x, y, values } };
    });
    const rows = new Map(caseInputRows(c).map((r) => [r.path, r]));
    expect(rows.get('plates.top.flatness.grid.values')).toMatchObject({
      value: '300 × 200 values, \u22125 to 44.8',
      unit: 'µm',
    });
    expect(rows.get('plates.top.flatness.grid.x')).toMatchObject({
      value: '200 values, 0 to 150',
      unit: 'mm',
    });
    expect(caseInputRows(c).length).toBeLessThan(80);
  });

  it('lists a short table in full, and a strain swelling without a unit', () => {
    const c = defaultCase((raw) => {
      const stack = raw.stack as Record<string, unknown>;
      stack.cells = {
        count: 6,
        thickness: 2,
        law: { type: 'table', strain: [0, 0.01, 0.02], pressure: [0, 1, 5] },
      };
      stack.swelling = { type: 'strain', value: 0.01 };
    });
    const rows = new Map(caseInputRows(c).map((r) => [r.path, r]));
    expect(rows.get('stack.cells.law.strain')).toMatchObject({ value: '0, 0.01, 0.02', unit: '' });
    expect(rows.get('stack.cells.law.pressure')).toMatchObject({ value: '0, 1, 5', unit: 'MPa' });
    expect(rows.get('stack.swelling.value')).toMatchObject({ value: '0.01', unit: '' });
  });

  it("groups by the case file's top-level keys and leaves out name, description and version", () => {
    const groups = [...new Set(caseInputRows(defaultCase()).map((r) => r.group))];
    expect(groups).toEqual(['plates', 'stack', 'gaskets', 'bolts', 'mesh', 'solver', 'output']);
  });
});
