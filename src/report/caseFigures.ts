import type { TopLevelSpec } from 'vega-lite';
import type { HistorySummary } from '../history/historyResult';
import { deflectionSpec } from '../presentation/figures/deflectionSpec';
import { histogramSpec } from '../presentation/figures/histogramSpec';
import { pressureMapSpec, pressureRangeOf } from '../presentation/figures/pressureMapSpec';
import type { FilmGradeId } from '../presentation/film';
import type { ResultFields } from '../presentation/resultFields';
import { figureFiles } from './figureFiles';
import { historyFigureSpecs } from './historyFigures';

/**
 * The figures of a case folder, each as `<name>.svg` and `<name>.png`: the pressure map under
 * the top plate after load-up (and after swelling when the case swells), the plates' deflection,
 * the pressure histogram; with a life history, its chart and maps (`historyFigureSpecs`). Maps are drawn as images of their cells (`cells: 'image'`): a figure
 * then renders in tens of milliseconds and its SVG stays a few hundred kB.
 */
export async function caseFigures(
  fields: ResultFields,
  caseName: string,
  film: FilmGradeId | null = null,
  history: HistorySummary | null = null,
): Promise<Record<string, string | Buffer>> {
  const swells = fields.interfaces[0]?.swollen != null;
  // both maps on one colour scale, so the files compare by eye
  const range = swells ? pressureRangeOf(fields, 0) : undefined;
  const specs: Record<string, TopLevelSpec> = {
    pressure: pressureMapSpec({
      fields,
      interfaceIndex: 0,
      state: 'loadUp',
      caseName,
      film,
      cells: 'image',
      range,
    }),
  };
  if (swells)
    specs['pressure-swollen'] = pressureMapSpec({
      fields,
      interfaceIndex: 0,
      state: 'swollen',
      caseName,
      film,
      cells: 'image',
      range,
    });
  specs.deflection = deflectionSpec({ fields, caseName, state: 'loadUp', cells: 'image' });
  specs.histogram = histogramSpec({ fields, interfaceIndex: 0, state: 'loadUp', caseName });
  if (history) Object.assign(specs, historyFigureSpecs(fields, history, caseName, film));
  return figureFiles(specs);
}
