import { describe, expect, it } from 'vitest';
import { HISTORY_COLUMNS, historyCsv } from '../../src/presentation/historyCsv';
import { MEANS, syntheticHistory, TIMES } from './syntheticHistory';

/** The CSV as rows of cells (no cell here holds a comma or quote but the one label tested apart). */
const table = (csv: string) =>
  csv
    .trimEnd()
    .split('\n')
    .map((l) => l.split(','));

describe('history.csv', () => {
  it('has a unit in every header but the state number and its label', () => {
    const [header] = table(historyCsv(syntheticHistory()));
    expect(header).toEqual([...HISTORY_COLUMNS]);
    for (const h of header.slice(2)) expect(h, h).toMatch(/ \[(h|-|K|MPa|N|mm)\]$/);
    expect(header).toEqual(
      expect.arrayContaining([
        'time [h]',
        'deltaT [K]',
        'mean [MPa]',
        'bolt force mean [N]',
        'spring solid margin [mm]',
      ]),
    );
  });

  it('writes one row per state in index order, with the hand-made values', () => {
    const [header, ...rows] = table(historyCsv(syntheticHistory()));
    expect(rows).toHaveLength(7);
    const col = (name: string) => header.indexOf(name);
    rows.forEach((r, i) => {
      expect(r[col('state')]).toBe(String(i));
      expect(Number(r[col('time [h]')])).toBe(TIMES[i]);
      expect(Number(r[col('mean [MPa]')])).toBe(MEANS[i]);
      // the fixture's p95 is 1.25 × the mean; written to 10 significant digits
      expect(Number(r[col('p95 [MPa]')])).toBeCloseTo(1.25 * MEANS[i], 9);
    });
    // cycle 10 charged (6.5 MPa) and cycle 100 discharged (3.8 MPa) are outside 4–6 MPa
    expect(rows.map((r) => r[col('in window [-]')])).toEqual(['1', '1', '1', '0', '1', '1', '0']);
    expect(rows[3][col('label')]).toBe('cycle 10 charged');
    expect(Number(rows[3][col('bolt force mean [N]')])).toBe(6.5e4 / 8);
    expect(Number(rows[6][col('relaxation [mm]')])).toBeCloseTo(-0.01 * Math.log1p(600), 9);
  });

  it('leaves the cells of parts the stack lacks empty: no springs, no pads', () => {
    const [header, ...rows] = table(historyCsv(syntheticHistory({ springs: false, pads: false })));
    const empty = [
      'spring force max [N]',
      'spring solid margin [mm]',
      'pad strain mean [-]',
      'pad strain max [-]',
    ];
    for (const r of rows) {
      expect(r).toHaveLength(header.length);
      for (const name of empty) expect(r[header.indexOf(name)], name).toBe('');
    }
    const [, withParts] = table(historyCsv(syntheticHistory()));
    for (const name of empty) expect(withParts[header.indexOf(name)], name).not.toBe('');
  });

  it('never writes NaN or Infinity: a non-finite value is an empty cell', () => {
    const h = syntheticHistory();
    h.states[2].drivers.thermal = Number.NaN;
    h.states[4].pressure.cov = Number.POSITIVE_INFINITY;
    const csv = historyCsv(h);
    expect(csv).not.toMatch(/NaN|Infinity/);
    const [header, ...rows] = table(csv);
    expect(rows[2][header.indexOf('thermal [mm]')]).toBe('');
    expect(rows[4][header.indexOf('cov [-]')]).toBe('');
  });

  it('quotes a label with a comma, so every row keeps its columns', () => {
    const h = syntheticHistory();
    h.states[1].label = 'rest, 45 °C';
    const line = historyCsv(h).split('\n')[2];
    expect(line.startsWith('1,"rest, 45 °C",3,')).toBe(true);
  });
});
