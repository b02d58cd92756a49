import type { TopLevelSpec } from 'vega-lite';
import type { HistoryState, HistorySummary } from '../../history/historyResult';
import type { ResultFields } from '../resultFields';
import { formatValue } from './figureText';
import { gridStats } from './gridCells';
import { type PressureMapOptions, pressureFigureSpec } from './pressureMapSpec';

export interface HistoryMapOptions extends Pick<PressureMapOptions, 'film' | 'cells' | 'width' | 'height'> {
  /** with `history` maps (`fields.history`) */
  fields: ResultFields;
  history: HistorySummary;
  /** position in `history.states` of the state drawn */
  state: number;
  caseName: string;
  /** colour range [MPa]: give every map of the history that is shown one (`historyMapRange`) */
  range?: { lo: number; hi: number };
}

/** The in-contact pressure range [MPa] over the history maps at `states` (positions): one colour scale for all of them. */
export function historyMapRange(fields: ResultFields, states: number[]): { lo: number; hi: number } {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const k of states) {
    const grid = fields.history?.grids[k];
    if (!grid) continue;
    const g = gridStats(grid);
    if (g.min <= g.max) {
      lo = Math.min(lo, g.min);
      hi = Math.max(hi, g.max);
    }
  }
  return lo <= hi ? { lo, hi } : { lo: 0, hi: 1 };
}

/** "t = 57.0 h · cycle 9.5 · SOC 100 % · ΔT +5.0 K": where a state is in the life history. */
export function stateWords(s: HistoryState): string {
  const dT = `${s.deltaT > 0 ? '+' : ''}${formatValue(s.deltaT, 2)}`;
  return `t = ${formatValue(s.time)} h · cycle ${formatValue(s.cycle)} · SOC ${(100 * s.soc).toFixed(0)} % · ΔT ${dT} K`;
}

/**
 * The cell pressure map under the top plate at one state of a life history, drawn as the load-up
 * map is (`pressureFigureSpec`): titled with the state's label, its subtitle naming the state
 * (time, cycle, state of charge, temperature change) and whether it is in the window, then the
 * summary's statistics of that state.
 */
export function historyMapSpec(o: HistoryMapOptions): TopLevelSpec {
  const { history: h, fields } = o;
  const s = h.states[o.state];
  const grid = fields.history?.grids[o.state];
  if (!s || !grid)
    throw new RangeError(
      `history state ${o.state} has no map: the history has ${h.states.length} states and ${fields.history?.grids.length ?? 0} maps`,
    );
  const window = `${formatValue(h.window.min)}–${formatValue(h.window.max)} MPa`;
  return pressureFigureSpec({
    ...o,
    stack: fields.stack,
    field: { grid, stats: s.pressure },
    title: `${o.caseName} — ${fields.interfaces[0]?.name ?? 'cell stack'}, ${s.label}`,
    lead: [`state ${s.index} · ${stateWords(s)} · ${s.inWindow ? 'inside' : 'outside'} the window ${window}`],
    rangeNote: 'shared with the other maps of the history',
  });
}
