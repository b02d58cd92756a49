import type { Case } from '../case/schema';
import { DEFAULT_CELL_ALPHA } from '../case/thermalExpansion';
import { cellBreathing } from '../cell/breathing';
import { namedCells } from '../cell/presets';
import { cellSchema } from '../cell/schema';
import { parseInput } from '../validation/parseInput';
import { interpolate, type ScheduledState } from './historySchedule';
import type { HistoryCase } from './historySchema';

/**
 * One cell's free thickness change at a state since load-up [mm], by cause: breathing from the
 * load-up SOC, irreversible growth since cycle 0, and its own through-thickness α·t·ΔT.
 */
export function cellChangeOf(
  c: Case,
  h: HistoryCase,
): (s: ScheduledState) => { breathing: number; growth: number; thermal: number } {
  const cellT = c.stack.cells.thickness;
  const curve = breathingCurve(h);
  const breathing0 = interpolate(curve.soc, curve.thickness, h.soc.min);
  const growth0 = growthPerCell(h, 0);
  const cellAlpha = h.thermal.cellAlpha ?? DEFAULT_CELL_ALPHA;
  return (s) => ({
    breathing: interpolate(curve.soc, curve.thickness, s.soc) - breathing0,
    growth: growthPerCell(h, s.cycle) - growth0,
    thermal: cellAlpha * cellT * s.deltaT,
  });
}

/**
 * One cell's breathing against SOC [mm]: the case's table, or derived from the cell model (which
 * throws InputError, fields named from the breathing block, for options the cell cannot take).
 */
export function breathingCurve(h: HistoryCase): { soc: number[]; thickness: number[] } {
  const b = h.breathing;
  if (b.type === 'none') return { soc: [0, 1], thickness: [0, 0] };
  if (b.type === 'table') return { soc: b.soc, thickness: b.thickness };
  const cell =
    typeof b.cell === 'string'
      ? parseInput(cellSchema, namedCells[b.cell], 'history.breathing.cell')
      : b.cell;
  const curve = cellBreathing(cell, {
    cathodeVolumeChange: b.cathodeVolumeChange,
    anodeVolumeChange: b.anodeVolumeChange,
  });
  return { soc: curve.soc, thickness: curve.thickness };
}

/** Irreversible growth of one cell after `cycle` cycles [mm]. */
export function growthPerCell(h: HistoryCase, cycle: number): number {
  const g = h.growth;
  if (g.type === 'none') return 0;
  if (g.type === 'linear') return g.perCycle * cycle;
  return interpolate(g.cycle, g.thickness, cycle);
}
