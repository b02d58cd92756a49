import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { historyMapSpec } from '../../../src/presentation/figures/historyMapSpec';
import { historySpec } from '../../../src/presentation/figures/historySpec';
import { CHOSEN_COLOUR, markChosenState, stateOfClick } from '../../../viewer/src/panels/historyChartMarks';
import { historyHistogramSpec } from '../../../viewer/src/panels/historyFigures';
import { shownHistory } from '../../../viewer/src/state/historyView';
import type { ShownResult } from '../../../viewer/src/state/shownResult';
import { fieldsWithHistory, historyGrids, historySummary, RANGE, TIMES } from '../historyFixture';

type Layered = { layer: Record<string, unknown>[] };
type Titled = { title: { text: string; subtitle: string[] } };

describe('the trajectory chart in the History tab', () => {
  const summary = historySummary();
  const chart = historySpec({ history: summary, caseName: 'synthetic', width: 1600, height: 1100 });

  it('marks the chosen state with one rule at its time [h] in each panel, and still compiles', () => {
    const marked = markChosenState(chart, summary.states, 2) as unknown as { vconcat: Layered[] };
    const plain = chart as unknown as { vconcat: Layered[] };
    expect(marked.vconcat).toHaveLength(plain.vconcat.length);
    marked.vconcat.forEach((panel, k) => {
      expect(panel.layer).toHaveLength(plain.vconcat[k].layer.length + 1);
      const rule = panel.layer.at(-1) as { mark: { color: string }; encoding: { x: { datum: number } } };
      expect(rule.mark.color).toBe(CHOSEN_COLOUR);
      // the fixture's times span 2–1000 h: the chart keeps time on x, so the rule is at state 2's 50 h
      expect(rule.encoding.x.datum).toBe(TIMES[2]);
    });
    expect(() => compile(marked as never)).not.toThrow();
  });

  it('a click picks the state its datum names, else the state nearest its x', () => {
    const states = summary.states;
    expect(stateOfClick({ state: 3, x: 1000 }, states)).toBe(3);
    expect(stateOfClick({ index: 1 }, states)).toBe(1);
    // an outside-the-window ring carries x and a value only: 990 h is nearest state 3 at 1000 h
    expect(stateOfClick({ x: 990, v: 3.6 }, states)).toBe(3);
    expect(stateOfClick({ x: 45 }, states)).toBe(2);
    // the window band has no state and no x
    expect(stateOfClick({ lo: 4, hi: 6 }, states)).toBeNull();
    expect(stateOfClick(null, states)).toBeNull();
    expect(stateOfClick({ state: 7 }, states)).toBeNull();
  });
});

describe('the Top view figures at a history state', () => {
  const summary = historySummary();
  const shown = {
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

  it('the map is drawn on the colour scale fixed over all states, and says so in its legend', () => {
    const h = shownHistory(shown);
    const spec = historyMapSpec({
      fields: fieldsWithHistory(),
      history: summary,
      state: 3,
      caseName: 'synthetic',
      range: h?.range ?? undefined,
      cells: 'image',
      width: 1600,
      height: 1130,
    }) as unknown as Titled;
    expect(spec.title.text).toBe('synthetic — cell stack, cycle 250 discharged');
    // the fixture's range in closed form (RANGE: 2.16–9.90 MPa), not state 3's own 2.16–5.40 MPa
    expect(spec.title.subtitle).toContain(
      'colour scale 2.16 to 9.90 MPa, shared with the other maps of the history',
    );
    expect(spec.title.subtitle.join(' ')).toContain('in contact 2.16 to 5.40 MPa');
    expect(h?.range?.lo).toBeCloseTo(RANGE.lo, 12);
    expect(h?.range?.hi).toBeCloseTo(RANGE.hi, 12);
    expect(() => compile(spec as never)).not.toThrow();
  });

  it('the histogram is of the state’s grid, titled with the state', () => {
    const spec = historyHistogramSpec({
      fields: fieldsWithHistory(),
      grid: historyGrids()[2],
      state: summary.states[2],
      caseName: 'synthetic',
      width: 1800,
      height: 1200,
    }) as unknown as Titled;
    expect(spec.title.text).toBe('synthetic — cell stack, cycle 12 charged: pressure distribution');
    // state 2's map runs from 0.5 × 6.6 to 1.5 × 6.6 MPa, all in contact
    expect(spec.title.subtitle[0]).toContain('in contact 3.30 to 9.90 MPa');
    expect(() => compile(spec as never)).not.toThrow();
  });
});
