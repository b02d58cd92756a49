/** `history.csv` of a case with a life history: one row per state. Browser-safe. */

import type { HistoryState, HistorySummary } from '../history/historyResult';
import { csvTable } from './csv';

/** The columns in order, each header ending in its unit (`[-]` for ratios and counts). */
export const HISTORY_COLUMNS = [
  'state',
  'label',
  'time [h]',
  'cycle [-]',
  'soc [-]',
  'deltaT [K]',
  'mean [MPa]',
  'min [MPa]',
  'max [MPa]',
  'p5 [MPa]',
  'p95 [MPa]',
  'cov [-]',
  'contact fraction [-]',
  'bolt force mean [N]',
  'bolt force min [N]',
  'bolt force max [N]',
  'spring force max [N]',
  'spring solid margin [mm]',
  'pad strain mean [-]',
  'pad strain max [-]',
  'breathing [mm]',
  'growth [mm]',
  'thermal [mm]',
  'relaxation [mm]',
  'in window [-]',
  'residual [-]',
] as const;

/** One state as a row; a part the stack lacks (springs, pads) gives empty cells, never a number. */
function stateRow(s: HistoryState): Record<string, unknown> {
  const p = s.pressure;
  return {
    state: s.index,
    label: s.label,
    'time [h]': s.time,
    'cycle [-]': s.cycle,
    'soc [-]': s.soc,
    'deltaT [K]': s.deltaT,
    'mean [MPa]': p.mean,
    'min [MPa]': p.min,
    'max [MPa]': p.max,
    'p5 [MPa]': p.p5,
    'p95 [MPa]': p.p95,
    'cov [-]': p.cov,
    'contact fraction [-]': p.contactFraction,
    'bolt force mean [N]': s.boltForce.mean,
    'bolt force min [N]': s.boltForce.min,
    'bolt force max [N]': s.boltForce.max,
    'spring force max [N]': s.springs?.forceMax ?? null,
    'spring solid margin [mm]': s.springs?.solidMargin ?? null,
    'pad strain mean [-]': s.padStrain?.mean ?? null,
    'pad strain max [-]': s.padStrain?.max ?? null,
    'breathing [mm]': s.drivers.breathing,
    'growth [mm]': s.drivers.growth,
    'thermal [mm]': s.drivers.thermal,
    'relaxation [mm]': s.drivers.relaxation,
    'in window [-]': s.inWindow ? 1 : 0,
    'residual [-]': s.relResidual,
  };
}

/**
 * `history.csv`: one row per state in index order (state 0 is load-up) — its time [h], cycle,
 * state of charge, temperature change [K], the cell pressure under the top plate (mean, min, max,
 * p5, p95 [MPa], CoV, contact fraction), the bolt tensions [N], the most loaded spring [N] and its
 * margin to solid length [mm], the pads' compressive strain, the four drivers' free interference
 * [mm] (positive where it raises the pressure), whether the state is in the window (1 or 0) and
 * its force-balance residual [-]. Cells of a part the stack lacks (springs, pads) are empty.
 */
export function historyCsv(history: HistorySummary): string {
  return csvTable([...HISTORY_COLUMNS], history.states.map(stateRow));
}
