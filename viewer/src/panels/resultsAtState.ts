import type { HistoryState } from '../../../src/history/historyResult';
import { fixed, percent, significant } from '../domain/format';
import type { ShownHistory } from '../state/historyView';

/** A life-history state the Results panel shows instead of load-up: its position in the states and its row. */
export interface ResultsState {
  /** position in `history.summary.states` (the slider's stop) */
  index: number;
  state: HistoryState;
}

/**
 * The history state the Results panel shows, or null when it shows load-up as it always has: no
 * history, a load state chosen (`index` null), or the history's state 0 (load-up itself, whose
 * numbers are the summary's own). `index` is the one `chosenHistoryIndex` gives, so the panel and
 * the maps follow one choice.
 */
export function resultsStateOf(history: ShownHistory | null, index: number | null): ResultsState | null {
  if (!history || index === null || index <= 0) return null;
  const state = history.summary.states[index];
  return state ? { index, state } : null;
}

/** "Cell pressure · cycle 12 charged (state 24, t = 48 h)", or "Cell pressure · load-up". */
export function pressureHeading(at: ResultsState | null): string {
  if (!at) return 'Cell pressure · load-up';
  return `Cell pressure · ${at.state.label} (state ${at.index}, t = ${significant(at.state.time, 4)} h)`;
}

/** One read-out of the History state block: its exact value (data-value) beside the text shown. */
export interface StateRow {
  /** test id suffix: `history-state-<key>` */
  key: string;
  /** the row's heading, with its unit */
  label: string;
  value: number | boolean;
  text: string;
}

// a typographic minus, as the slider's caption writes ΔT
const signed = (v: number, digits: number) =>
  `${v > 0 ? '+' : v < 0 ? '−' : ''}${fixed(Math.abs(v), digits)}`;

/**
 * Where a state lies in the life and what holds the stack there: time [h], cycle, SOC [%], ΔT [K],
 * bolt tension mean/min/max [N], the springs' solid margin [mm] (with springs), the pads'
 * compressive strain (with pads), the force balance and whether the window's statistic is inside.
 * Per-bolt forces and plate stresses are not kept per state, so they are not here.
 */
export function historyStateRows(s: HistoryState): StateRow[] {
  const cycle = Number.isInteger(s.cycle) ? String(s.cycle) : fixed(s.cycle, 2);
  const rows: StateRow[] = [
    { key: 'time', label: 'Time since load-up [h]', value: s.time, text: significant(s.time, 4) },
    { key: 'cycle', label: 'Cycle [-]', value: s.cycle, text: cycle },
    { key: 'soc', label: 'SOC [%]', value: s.soc, text: fixed(100 * s.soc, 0) },
    { key: 'deltaT', label: 'ΔT from assembly [K]', value: s.deltaT, text: signed(s.deltaT, 1) },
    {
      key: 'boltMean',
      label: 'Bolt force mean [N]',
      value: s.boltForce.mean,
      text: fixed(s.boltForce.mean, 0),
    },
    { key: 'boltMin', label: 'Bolt force min [N]', value: s.boltForce.min, text: fixed(s.boltForce.min, 0) },
    { key: 'boltMax', label: 'Bolt force max [N]', value: s.boltForce.max, text: fixed(s.boltForce.max, 0) },
  ];
  if (s.springs)
    rows.push({
      key: 'springSolidMargin',
      label: 'Spring solid margin [mm]',
      value: s.springs.solidMargin,
      text: fixed(s.springs.solidMargin, 3),
    });
  if (s.padStrain)
    rows.push(
      {
        key: 'padStrainMean',
        label: 'Pad strain mean',
        value: s.padStrain.mean,
        text: percent(s.padStrain.mean, 2),
      },
      {
        key: 'padStrainMax',
        label: 'Pad strain max',
        value: s.padStrain.max,
        text: percent(s.padStrain.max, 2),
      },
    );
  rows.push(
    {
      key: 'relResidual',
      label: 'Force residual [-]',
      value: s.relResidual,
      text: s.relResidual.toExponential(2),
    },
    { key: 'inWindow', label: 'In window', value: s.inWindow, text: s.inWindow ? 'yes' : 'no' },
  );
  return rows;
}
