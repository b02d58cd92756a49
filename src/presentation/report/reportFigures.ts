import type { HistorySummary } from '../../history/historyResult';
import { deflectionSpec } from '../figures/deflectionSpec';
import { figureSvg } from '../figures/figureSvg';
import { histogramSpec } from '../figures/histogramSpec';
import { historySpec } from '../figures/historySpec';
import { pressureMapSpec, pressureRangeOf } from '../figures/pressureMapSpec';
import type { FilmGradeId } from '../film';
import type { ResultFields } from '../resultFields';
import type { ReportFigures } from './figuresSection';

/** Options of the report's figures. */
export interface ReportFigureOptions {
  /** draw the pressure maps as this Prescale film grade would show them */
  film?: FilmGradeId | null;
  /** the summary's life history: its chart is drawn when given */
  history?: HistorySummary | null;
}

/**
 * Figure sizes [px] at the figures' 150 dpi: the width of the report's text column (182 mm), so a
 * figure prints at its own scale and its labels at their size (20 px ≈ 9.6 pt); two maps to a page.
 */
export const REPORT_FIGURE_SIZE = {
  map: { width: 1754, height: 880 },
  histogram: { width: 1754, height: 700 },
  history: { width: 1754, height: 1000 },
} as const;

/**
 * The report's figures rendered to SVG documents: the pressure map under the top plate after
 * load-up and, when the case swells, after swelling; the plates' deflection; the pressure
 * histogram; the life history's chart when `options.history` is given. Maps are drawn as images of their cells, which keeps each SVG to a few hundred kB.
 * Browser-safe, so the viewer's report has the figures the CLI's has.
 */
export async function reportFigures(
  fields: ResultFields,
  options: ReportFigureOptions = {},
): Promise<ReportFigures> {
  const caseName = fields.caseName;
  const film = options.film ?? null;
  const map = REPORT_FIGURE_SIZE.map;
  // both maps on one colour scale: they share a page and are compared by eye
  const range = fields.interfaces[0]?.swollen ? pressureRangeOf(fields, 0) : undefined;
  const pressureOf = (state: 'loadUp' | 'swollen') =>
    figureSvg(
      pressureMapSpec({ fields, interfaceIndex: 0, state, caseName, film, cells: 'image', range, ...map }),
    );
  const { history } = options;
  const [pressure, pressureSwollen, deflection, histogram, historyChart] = await Promise.all([
    pressureOf('loadUp'),
    fields.interfaces[0]?.swollen ? pressureOf('swollen') : undefined,
    figureSvg(deflectionSpec({ fields, caseName, state: 'loadUp', cells: 'image', ...map })),
    figureSvg(
      histogramSpec({
        fields,
        interfaceIndex: 0,
        state: 'loadUp',
        caseName,
        ...REPORT_FIGURE_SIZE.histogram,
      }),
    ),
    history ? figureSvg(historySpec({ history, caseName, ...REPORT_FIGURE_SIZE.history })) : undefined,
  ]);
  return {
    pressure,
    pressureSwollen,
    deflection,
    histogram,
    ...(historyChart ? { history: historyChart } : {}),
  };
}
