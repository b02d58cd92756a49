import { describe, expect, it } from 'vitest';
import type { HistoryState } from '../../../src/history/historyResult';
import { historyStateRows, pressureHeading, resultsStateOf } from '../../../viewer/src/panels/resultsAtState';
import { shownHistory } from '../../../viewer/src/state/historyView';
import type { ShownResult } from '../../../viewer/src/state/shownResult';
import { fieldsWithHistory, historySummary, LABELS, MEANS, TIMES } from '../historyFixture';

/** A result shown with the fixture's history (load-up and three states, window 4–6 MPa on the mean). */
function shownWith(summary = historySummary()): ShownResult {
  return {
    origin: 'file',
    caseName: 'synthetic',
    caseInput: null,
    summary: { name: 'synthetic', history: summary },
    fields: fieldsWithHistory(),
    solveId: null,
    seconds: 1,
    inputKey: null,
    files: [],
  } as unknown as ShownResult;
}

/** The rows as { key: [value, text] }, to compare with the fixture's numbers. */
const byKey = (state: HistoryState) =>
  Object.fromEntries(historyStateRows(state).map((r) => [r.key, [r.value, r.text]]));

describe('the Results panel at a chosen life-history state', () => {
  const history = shownHistory(shownWith());

  it('shows load-up as before without a history, with a load state chosen, or at state 0', () => {
    expect(history).not.toBeNull();
    expect(resultsStateOf(null, 2)).toBeNull();
    expect(resultsStateOf(history, null)).toBeNull();
    expect(resultsStateOf(history, 0)).toBeNull();
    expect(pressureHeading(resultsStateOf(history, 0))).toBe('Cell pressure · load-up');
  });

  it('names the state chosen in the heading: label, position and time [h]', () => {
    const at = resultsStateOf(history, 2);
    expect(at?.index).toBe(2);
    // the fixture's state 2: "cycle 12 charged" at 50 h, mean 6.6 MPa
    expect(at?.state.pressure.mean).toBe(MEANS[2]);
    expect(pressureHeading(at)).toBe(`Cell pressure · ${LABELS[2]} (state 2, t = ${TIMES[2]} h)`);
    expect(pressureHeading(resultsStateOf(history, 3))).toBe(
      'Cell pressure · cycle 250 discharged (state 3, t = 1000 h)',
    );
    // a position past the states (a stale index) shows load-up rather than nothing
    expect(resultsStateOf(history, 9)).toBeNull();
  });

  it('lists the state’s time, cycle, SOC, ΔT, bolt forces and window verdict in their units', () => {
    const state = history?.summary.states[2];
    if (!state) throw new Error('no state 2');
    const rows = byKey(state);
    // written in historyFixture: t 50 h, cycle 11.5, SOC 1, ΔT +4 K, bolts 1200/1250/1300 N per MPa of mean
    expect(rows.time).toEqual([50, '50']);
    expect(rows.cycle).toEqual([11.5, '11.50']);
    expect(rows.soc).toEqual([1, '100']);
    expect(rows.deltaT).toEqual([4, '+4.0']);
    expect(rows.boltMean).toEqual([6.6 * 1250, '8250']);
    expect(rows.boltMin).toEqual([6.6 * 1200, '7920']);
    expect(rows.boltMax).toEqual([6.6 * 1300, '8580']);
    expect(rows.relResidual).toEqual([1e-10, '1.00e-10']);
    // 6.6 MPa is above the 4–6 MPa window
    expect(rows.inWindow).toEqual([false, 'no']);
    // the fixture has neither springs nor pads: no rows for them
    expect(rows.springSolidMargin).toBeUndefined();
    expect(rows.padStrainMean).toBeUndefined();
    // every row names its unit, or is a percentage, a count or a yes/no
    for (const r of historyStateRows(state))
      expect(r.label).toMatch(/\[(h|-|%|K|N|mm)\]$|^Pad strain|^In window$/);
    const cold = byKey(history?.summary.states[3] as HistoryState);
    expect(cold.deltaT).toEqual([-2, '−2.0']);
    expect(cold.cycle).toEqual([250, '250']);
    expect(cold.soc).toEqual([0, '0']);
  });

  it('adds the springs’ solid margin [mm] and the pads’ strain when the stack has them', () => {
    const base = historySummary().states[1];
    const state: HistoryState = {
      ...base,
      springs: { forceMax: 9000, lengthMin: 12.4, solidMargin: 1.25 },
      padStrain: { mean: 0.0412, max: 0.1375 },
    };
    const rows = byKey(state);
    expect(rows.springSolidMargin).toEqual([1.25, '1.250']);
    expect(rows.padStrainMean).toEqual([0.0412, '4.12 %']);
    expect(rows.padStrainMax).toEqual([0.1375, '13.75 %']);
    // 5.8 MPa lies in the 4–6 MPa window
    expect(rows.inWindow).toEqual([true, 'yes']);
  });

  it('a crafted history with a NaN is no history: the panel shows load-up, never the NaN', () => {
    const summary = historySummary();
    summary.states[2].pressure.mean = Number.NaN;
    expect(shownHistory(shownWith(summary))).toBeNull();
    expect(resultsStateOf(shownHistory(shownWith(summary)), 2)).toBeNull();
  });
});
