import type { HistoryState, HistorySummary } from '../../../src/history/historyResult';
import { historySummarySchema } from '../../../src/history/historySummarySchema';
import { historyMapRange } from '../../../src/presentation/figures/historyMapSpec';
import type { PressureGrid, ResultFields } from '../../../src/presentation/resultFields';
import type { ShownResult } from './shownResult';

/** The life history of the shown result, as the panels draw it. */
export interface ShownHistory {
  summary: HistorySummary;
  /**
   * per state: the cell pressure grid of interface 0 [MPa], or null when the result has none (a
   * result.json opened without fields.json, or one whose grids do not match its states)
   */
  grids: PressureGrid[] | null;
  /** the in-contact pressure range over every state's grid [MPa]: one colour scale for the whole slider */
  range: { lo: number; hi: number } | null;
  /** why the maps are missing when `grids` is null; '' otherwise */
  mapsMissing: string;
  /**
   * whether the result also has a state after swelling: the solve makes either a swelling step or a
   * life history, so this is false for any result it writes today; a crafted or future one may have both
   */
  swells: boolean;
}

/**
 * The per-state grids a result's fields carry. Read through this one function because the fields of
 * a result folder from before the life history have no `history` at all.
 */
export function historyGridsOf(fields: ResultFields | null): PressureGrid[] | null {
  const history = (fields as { history?: { grids?: unknown } | null } | null)?.history;
  return Array.isArray(history?.grids) ? (history.grids as PressureGrid[]) : null;
}

// parsed once per shown result: a result.json read from disk may be crafted, and zod checks
// every state's numbers, which is worth doing once, not on every render
const cache = new WeakMap<ShownResult, ShownHistory | null>();

/**
 * The shown result's life history, checked (`historySummarySchema`: every number finite, sizes
 * bounded), with its grids when they match the states one for one; null when the result has none
 * or its `history` is not a valid one (a crafted file: the panels then show no history rather
 * than a NaN).
 */
export function shownHistory(shown: ShownResult | null): ShownHistory | null {
  if (!shown) return null;
  const known = cache.get(shown);
  if (known !== undefined) return known;
  const raw = (shown.summary as { history?: unknown }).history;
  const parsed = raw == null ? null : historySummarySchema.safeParse(raw);
  let out: ShownHistory | null = null;
  if (parsed?.success) {
    const summary = parsed.data as HistorySummary;
    const all = historyGridsOf(shown.fields);
    const n = summary.states.length;
    const grids = all && all.length === n ? all : null;
    out = {
      swells: !!shown.summary.swelling || !!shown.fields?.interfaces[0]?.swollen,
      summary,
      grids,
      // every state's map, not only the report's chosen ones: the slider passes through all of them
      range:
        grids && shown.fields
          ? historyMapRange(
              shown.fields,
              grids.map((_, k) => k),
            )
          : null,
      mapsMissing: grids
        ? ''
        : !shown.fields
          ? 'open fields.json with result.json to see the map at each state'
          : all
            ? `fields.json holds ${all.length} history maps for ${n} states: they are not of this result`
            : 'fields.json holds no history maps: solve the case again to see the map at each state',
    };
  }
  cache.set(shown, out);
  return out;
}

/**
 * The history state the panels show: `index` (the store's choice for this result, or 0 before any
 * choice) clamped to the states; null without a history, or when a load state was chosen
 * (index null) and the result has another load state than load-up to show — else load-up is the
 * history's state 0, and the slider alone chooses.
 */
export function chosenHistoryIndex(history: ShownHistory | null, index: number | null): number | null {
  if (!history) return null;
  if (index === null) return history.swells ? null : 0;
  const last = history.summary.states.length - 1;
  return Number.isInteger(index) ? Math.max(0, Math.min(last, index)) : 0;
}

const signed = (v: number, digits: number) =>
  `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toFixed(digits)}`;

/** "t 120.0 h · cycle 12 · SOC 100 % · ΔT +5.0 K": where a state lies in the life, with units. */
export function stateWhere(s: HistoryState): string {
  const cycle = Number.isInteger(s.cycle) ? String(s.cycle) : s.cycle.toFixed(2);
  return `t ${s.time.toFixed(1)} h · cycle ${cycle} · SOC ${(100 * s.soc).toFixed(0)} % · ΔT ${signed(s.deltaT, 1)} K`;
}

/** The caption of a chosen state: "state 3 of 12: cycle 1 charged — t 2.0 h · … K". */
export function stateCaption(history: ShownHistory, index: number): string {
  const s = history.summary.states[index];
  return `state ${index} of ${history.summary.states.length - 1}: ${s.label} — ${stateWhere(s)}`;
}

/** "mean in 0.80–1.20 MPa (history.window)": the window in words, with its unit. */
export function windowText(summary: HistorySummary): string {
  const w = summary.window;
  const what = w.statistic === 'mean' ? 'mean cell pressure' : 'p5 and p95 of the cell pressure';
  return `${what} within ${w.min.toFixed(3)}–${w.max.toFixed(3)} MPa (${w.source})`;
}
