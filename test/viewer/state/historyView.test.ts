import { describe, expect, it } from 'vitest';
import type { CaseSummary } from '../../../src/index';
import type { ResultFields } from '../../../src/presentation/resultFields';
import {
  chosenHistoryIndex,
  shownHistory,
  stateCaption,
  windowText,
} from '../../../viewer/src/state/historyView';
import type { ShownResult } from '../../../viewer/src/state/shownResult';
import { fieldsWithHistory, historyGrids, historySummary, LABELS, RANGE } from '../historyFixture';

const shownOf = (history: unknown, fields: ResultFields | null): ShownResult => ({
  origin: 'file',
  caseName: 'synthetic',
  caseInput: null,
  summary: { name: 'synthetic', history } as unknown as CaseSummary,
  fields,
  solveId: null,
  seconds: 1,
  inputKey: null,
  files: ['result.json', 'fields.json'],
});

describe('the shown life history', () => {
  it('is the summary checked, with one grid per state and a colour range over all of them', () => {
    const h = shownHistory(shownOf(historySummary(), fieldsWithHistory()));
    expect(h?.summary.states.map((s) => s.label)).toEqual(LABELS);
    expect(h?.grids).toHaveLength(4);
    expect(h?.mapsMissing).toBe('');
    // the fixture's range in closed form: the open strip of state 3 is left out (to 1e-12 MPa: round-off of x)
    expect(h?.range?.lo).toBeCloseTo(RANGE.lo, 12);
    expect(h?.range?.hi).toBeCloseTo(RANGE.hi, 12);
  });

  it('is null without a history, and null for a crafted one (a NaN, a state missing its pressure)', () => {
    expect(shownHistory(null)).toBeNull();
    expect(shownHistory(shownOf(undefined, fieldsWithHistory()))).toBeNull();
    const nan = historySummary();
    nan.states[2].pressure.mean = Number.NaN;
    expect(shownHistory(shownOf(nan, fieldsWithHistory()))).toBeNull();
    const missing = historySummary() as unknown as { states: Record<string, unknown>[] };
    delete missing.states[1].pressure;
    expect(shownHistory(shownOf(missing, fieldsWithHistory()))).toBeNull();
    expect(shownHistory(shownOf('history', null))).toBeNull();
  });

  it('keeps the states but no maps when the grids are missing or do not match the states', () => {
    const noFields = shownHistory(shownOf(historySummary(), null));
    expect(noFields?.grids).toBeNull();
    expect(noFields?.mapsMissing).toContain('fields.json');
    const short = shownHistory(shownOf(historySummary(), fieldsWithHistory(historyGrids().slice(0, 3))));
    expect(short?.grids).toBeNull();
    expect(short?.mapsMissing).toContain('3 history maps for 4 states');
    const none = shownHistory(shownOf(historySummary(), { ...fieldsWithHistory(), history: null }));
    expect(none?.grids).toBeNull();
    expect(none?.mapsMissing).toContain('no history maps');
  });

  it('chosen index: clamped to the states; load-up is state 0 unless the result also swells', () => {
    const h = shownHistory(shownOf(historySummary(), fieldsWithHistory()));
    expect(h?.swells).toBe(false);
    expect(chosenHistoryIndex(h, 2)).toBe(2);
    expect(chosenHistoryIndex(h, 99)).toBe(3);
    expect(chosenHistoryIndex(h, -4)).toBe(0);
    expect(chosenHistoryIndex(h, 1.5)).toBe(0);
    // no other load state to show: the slider alone chooses, at load-up
    expect(chosenHistoryIndex(h, null)).toBe(0);
    expect(chosenHistoryIndex(null, 2)).toBeNull();
    const both = shownHistory(shownOf(historySummary(), fieldsWithHistory(historyGrids(), true)));
    expect(both?.swells).toBe(true);
    expect(chosenHistoryIndex(both, null)).toBeNull();
    expect(chosenHistoryIndex(both, 1)).toBe(1);
  });

  it('captions name the state with its units', () => {
    const h = shownHistory(shownOf(historySummary(), fieldsWithHistory()));
    if (!h) throw new Error('no history');
    expect(stateCaption(h, 2)).toBe(
      'state 2 of 3: cycle 12 charged — t 50.0 h · cycle 11.50 · SOC 100 % · ΔT +4.0 K',
    );
    expect(stateCaption(h, 3)).toContain('ΔT −2.0 K');
    expect(stateCaption(h, 0)).toContain('ΔT ±0.0 K');
    expect(windowText(h.summary)).toBe('mean cell pressure within 4.000–6.000 MPa (history.window)');
  });
});
