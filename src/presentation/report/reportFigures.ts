import type { FilmGradeId } from '../film';
import { LOAD_STATE_LABEL, type ResultFields } from '../resultFields';
import type { ReportFigures } from './figuresSection';
import { escapeHtml } from './htmlText';

/** Options of the report's figures. */
export interface ReportFigureOptions {
  /** draw the pressure maps as this Prescale film grade would show them */
  film?: FilmGradeId;
}

/** A stand-in figure: a framed box that says what it stands for. */
function pendingFigure(what: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="420" viewBox="0 0 600 420"><rect x="1" y="1" width="598" height="418" fill="#fafafa" stroke="#999" stroke-dasharray="6 4"/><text x="300" y="215" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" font-size="18" fill="#666">${escapeHtml(what)}</text></svg>`;
}

/**
 * The report's figures rendered to SVG documents. Browser-safe, so the viewer's report has the
 * figures the CLI's has.
 */
export async function reportFigures(
  fields: ResultFields,
  _options: ReportFigureOptions = {},
): Promise<ReportFigures> {
  const swells = fields.interfaces[0]?.swollen !== null && fields.interfaces[0]?.swollen !== undefined;
  return {
    pressure: pendingFigure(`pressure map ${LOAD_STATE_LABEL.loadUp}`),
    pressureSwollen: swells ? pendingFigure(`pressure map ${LOAD_STATE_LABEL.swollen}`) : undefined,
    deflection: pendingFigure('deflection'),
    histogram: pendingFigure('histogram'),
  };
}
