import type { TopLevelSpec } from 'vega-lite';
import type { HistorySummary } from '../history/historyResult';
import { historyMapRange, historyMapSpec } from '../presentation/figures/historyMapSpec';
import { historySpec } from '../presentation/figures/historySpec';
import type { FilmGradeId } from '../presentation/film';
import type { ResultFields } from '../presentation/resultFields';

/**
 * The figure specs of a life history, by file name: `history` (the cell pressure and bolt
 * tension against time, with the window and the verdict) and, when the fields carry the history's
 * maps, `history-map-<state>` for each of `mapStates`, all on one colour scale so the states
 * compare by eye. Throws when the maps do not match the states (they come from one solve).
 */
export function historyFigureSpecs(
  fields: ResultFields,
  history: HistorySummary,
  caseName: string,
  film: FilmGradeId | null = null,
): Record<string, TopLevelSpec> {
  const specs: Record<string, TopLevelSpec> = { history: historySpec({ history, caseName }) };
  if (!fields.history) return specs;
  if (fields.history.grids.length !== history.states.length)
    throw new RangeError(
      `history: ${fields.history.grids.length} maps for ${history.states.length} states; the two come from one solve`,
    );
  const chosen = [...new Set(history.mapStates)].filter((k) => {
    if (k < history.states.length) return true;
    throw new RangeError(
      `history.mapStates: state ${k} does not exist, the history has ${history.states.length} (0–${history.states.length - 1})`,
    );
  });
  const range = historyMapRange(fields, chosen);
  for (const k of chosen)
    specs[`history-map-${history.states[k].index}`] = historyMapSpec({
      fields,
      history,
      state: k,
      caseName,
      film,
      cells: 'image',
      range,
    });
  return specs;
}
