import { describe, expect, it } from 'vitest';
import { decodeResultFields, encodeResultFields, FieldsFileError } from '../../src/presentation/fieldsFile';
import { historyGrid, historyMapsOf } from '../../src/presentation/historyMapsOf';
import type { ResultFields } from '../../src/presentation/resultFields';
import { syntheticFields } from './figures/syntheticFields';
import { MEANS, syntheticHistoryMaps } from './syntheticHistory';

/** The synthetic fields with nodal arrays of the mesh's size (the figures' fixture leaves them empty), and the history's maps. */
function historyFields(): ResultFields {
  const f = syntheticFields({ spacing: 5 });
  const nNodes = f.meshX.length * f.meshY.length;
  const nodal = () => ({
    mask: new Uint8Array(nNodes),
    pressure: new Float64Array(nNodes),
    gap: new Float64Array(nNodes),
  });
  return {
    ...f,
    interfaces: f.interfaces.map((i) => ({ ...i, ...nodal() })),
    history: syntheticHistoryMaps(2),
  };
}
const fields = historyFields();
const text = encodeResultFields(fields, 'cd'.repeat(32));

describe('fields.json with the maps of a life history', () => {
  it('reads back bit for bit: the maps are held at Float32 precision before they are written', () => {
    const back = decodeResultFields(text);
    expect(back.fields).toEqual(fields);
    expect(back.fields.history?.grids).toHaveLength(MEANS.length);
  });

  it('keeps each value to Float32: within 6e-8 relative of the solved pressure (2^-24)', () => {
    // p = mean·(0.6 + 0.8·(x − 25)/100) at x = 27 mm of state 1 (mean 5.6 MPa), exact in decimals
    const exact = 5.6 * (0.6 + (0.8 * 2) / 100);
    const g = decodeResultFields(text).fields.history!.grids[1];
    expect(Math.abs(g.values[1] - exact) / exact).toBeLessThan(2 ** -24);
  });

  it('derives contact from the threshold: the open corner of the last state, 20 × 20 mm at 2 mm', () => {
    const g = decodeResultFields(text).fields.history!.grids[6];
    let open = 0;
    for (const c of g.contact) open += 1 - c;
    // x, y in {25, 27, …, 43}: 10 × 10 grid points
    expect(open).toBe(100);
  });

  it('writes one placement for all states and 4 bytes a value: 7 maps of 51 × 51 points', () => {
    const j = JSON.parse(text);
    expect(j.history.grid).toEqual({ x0: 25, y0: 25, dx: 2, dy: 2, nx: 51, ny: 51 });
    for (const v of j.history.values) expect(atob(v).length).toBe(4 * 51 * 51);
  });

  it('reads a file written before histories existed (no key) as no history', () => {
    const j = JSON.parse(encodeResultFields({ ...fields, history: null }));
    expect(j.history).toBeNull();
    delete j.history;
    expect(decodeResultFields(JSON.stringify(j)).fields.history).toBeNull();
  });

  it('copies a solve’s HistoryFields, rounding to Float32 and marking contact above the threshold', () => {
    const grid = {
      x0: 0,
      y0: 0,
      dx: 1,
      dy: 1,
      nx: 2,
      ny: 2,
      unit: 'MPa',
      values: Float64Array.of(0, 0.01, 0.1, 1 / 3),
    };
    const maps = historyMapsOf({ grids: [grid] }, 0.01);
    expect([...maps.grids[0].contact]).toEqual([0, 0, 1, 1]);
    expect(maps.grids[0].values[3]).toBe(Math.fround(1 / 3));
    expect(maps.grids[0].values).not.toBe(grid.values);
  });

  // biome-ignore lint/suspicious/noExplicitAny: the parsed file is edited at any depth
  const tampered = (edit: (j: Record<string, any>) => void) => {
    const j = JSON.parse(text);
    edit(j);
    return JSON.stringify(j);
  };
  it.each([
    [
      'a short map',
      () => tampered((j) => (j.history.values[2] = j.history.values[2].slice(0, 40))),
      /history\.values\[2\]/,
    ],
    [
      'a NaN in a map',
      () =>
        tampered((j) => {
          const bytes = Uint8Array.from(atob(j.history.values[1]), (c) => c.charCodeAt(0));
          bytes.set(new Uint8Array(new Float32Array([Number.NaN]).buffer), 12);
          j.history.values[1] = btoa(String.fromCharCode(...bytes));
        }),
      /history\.values\[1\]\[3\]: NaN/,
    ],
    [
      'a map grid larger than any mesh',
      () => tampered((j) => (j.history.grid.nx = j.history.grid.ny = 4000)),
      /history\.grid: 16000000 points/,
    ],
    ['a grid of a negative spacing', () => tampered((j) => (j.history.grid.dx = -2)), /dx/],
    [
      'more values in all than any case makes (20 001 maps of 45 × 45)',
      () =>
        tampered((j) => {
          j.history.grid.nx = j.history.grid.ny = 45;
          j.history.values = new Array(20_001).fill('');
        }),
      /history: 20001 maps of 2025 points, allowed at most 40000000 values/,
    ],
    ['an unknown key', () => tampered((j) => (j.history.extra = 1)), /history/],
    ['no maps', () => tampered((j) => (j.history.values = [])), /history/],
  ])('refuses %s, naming it', (_what, make, message) => {
    expect(() => decodeResultFields(make())).toThrow(FieldsFileError);
    expect(() => decodeResultFields(make())).toThrow(message);
  });

  it('refuses to write maps on different grids', () => {
    const [a] = fields.history!.grids;
    const b = historyGrid({ ...a, dx: 4, nx: 26 }, new Float64Array(26 * 51), 0.01);
    expect(() =>
      encodeResultFields({ ...fields, history: { grids: [a, b], contactThreshold: 0.01 } }),
    ).toThrow(/map 1 is not on the grid of map 0/);
  });
});
