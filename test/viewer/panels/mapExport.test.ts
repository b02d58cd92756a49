import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { mapExportOf } from '../../../viewer/src/panels/mapExport';
import { shownHistory } from '../../../viewer/src/state/historyView';
import type { ShownResult } from '../../../viewer/src/state/shownResult';
import { fieldsWithHistory, historyGrids, historySummary } from '../historyFixture';

type Titled = { title: { text: string; subtitle: string[] } };

function shownWith(fields = fieldsWithHistory()): ShownResult {
  return {
    origin: 'file',
    caseName: 'synthetic',
    caseInput: null,
    summary: { name: 'synthetic', history: historySummary() },
    fields,
    solveId: null,
    seconds: 1,
    inputKey: null,
    files: [],
  } as unknown as ShownResult;
}

describe('the Export panel’s pressure map follows the chosen history state', () => {
  const shown = shownWith();
  const fields = shown.fields ?? fieldsWithHistory();
  const history = shownHistory(shown);
  const base = { fields, caseName: 'synthetic', interfaceIndex: 0, state: 'loadUp' as const };

  it('at a state other than load-up: that state’s map, on the slider’s colour scale, named as the CLI names it', () => {
    const m = mapExportOf({ ...base, film: 'scale', history, historyIndex: 2 });
    expect(m.suffix).toBe('history-map-2');
    expect(m.note).toContain("history state 2's (cycle 12 charged)");
    expect(m.historyIndex).toBe(2);
    const spec = m.spec() as unknown as Titled;
    expect(spec.title.text).toBe('synthetic — cell stack, cycle 12 charged');
    // the scale over all four maps in closed form (RANGE 2.16–9.90 MPa), not state 2's own 3.30–9.90 MPa
    expect(spec.title.subtitle).toContain(
      'colour scale 2.16 to 9.90 MPa, shared with the other maps of the history',
    );
    expect(() => compile(spec as never)).not.toThrow();
  });

  it('at load-up, with a load state chosen, or without a history: the load state’s map as before', () => {
    for (const [h, index] of [
      [history, 0],
      [history, null],
      [null, 2],
    ] as const) {
      const m = mapExportOf({ ...base, film: 'scale', history: h, historyIndex: index });
      expect(m.suffix).toBe('pressure');
      expect(m.note).toBe('');
      expect(m.historyIndex).toBeNull();
      expect((m.spec() as unknown as Titled).title.text).toBe('synthetic — cell stack, after load-up');
    }
    const swollen = fieldsWithHistory(historyGrids(), true);
    const m = mapExportOf({
      ...base,
      fields: swollen,
      state: 'swollen',
      film: 'scale',
      history: null,
      historyIndex: null,
    });
    expect(m.suffix).toBe('pressure-swollen');
  });

  it('a film choice of "auto" picks the grade for the state’s map, not load-up’s', () => {
    // state 2's map × 3: 9.9–29.7 MPa, mean 19.8 MPa, inside MW's 10–50 MPa (load-up's 5 MPa is LW)
    const grids = historyGrids();
    grids[2] = { ...grids[2], values: grids[2].values.map((v) => 3 * v) };
    const h = shownHistory(shownWith(fieldsWithHistory(grids)));
    const spec = mapExportOf({
      ...base,
      fields: fieldsWithHistory(grids),
      film: 'auto',
      history: h,
      historyIndex: 2,
    }).spec() as unknown as Titled;
    expect(spec.title.subtitle.join(' ')).toContain('Prescale MW');
  });

  it('a state chosen whose maps are missing: the load-up map, and the label says why', () => {
    const bare = shownWith({ ...fieldsWithHistory(), history: undefined } as never);
    const h = shownHistory(bare);
    expect(h?.grids).toBeNull();
    const m = mapExportOf({ ...base, film: 'scale', history: h, historyIndex: 2 });
    expect(m.suffix).toBe('pressure');
    expect(m.historyIndex).toBeNull();
    expect(m.note).toBe(
      "The map is load-up's: fields.json holds no history maps: solve the case again to see the map at each state.",
    );
  });
});
