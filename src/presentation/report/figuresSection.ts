import type { ResultFields } from '../resultFields';
import { svgDataUrl } from './figureImage';
import { escapeHtml } from './htmlText';
import { reportSection } from './reportTable';

/** The report's figures, each an SVG document the caller rendered. */
export interface ReportFigures {
  /** cell pressure map after load-up */
  pressure: string;
  /** the same after swelling, when the case swells */
  pressureSwollen?: string;
  /** plate deflection after load-up */
  deflection: string;
  /** pressure histogram (area fraction per pressure bin) */
  histogram: string;
  /** the life history's chart (pressure and bolt tension against time), when the case has a history */
  history?: string;
}

/** One figure of the report: the SVG inline as a data URL, and its caption. */
export function figure(svg: string, caption: string): string {
  const url = svgDataUrl(svg);
  const image = url
    ? `<img src="${escapeHtml(url)}" alt="${escapeHtml(caption)}">`
    : '<p class="missing">figure not available</p>';
  return `<figure>${image}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}

/** The figures: pressure after load-up and after swelling, deflection, histogram. */
export function figuresSection(number: number, figures: ReportFigures, fields: ResultFields): string {
  const where = fields.interfaces[0]?.name ? ` (${fields.interfaces[0].name})` : '';
  const captions: [string | undefined, string][] = [
    [figures.pressure, `cell pressure under the top plate${where} after load-up [MPa]`],
    [figures.pressureSwollen, `cell pressure under the top plate${where} after swelling, bolts locked [MPa]`],
    [figures.deflection, 'plate deflection w after load-up [µm], z up, rigid-body motion included'],
    [figures.histogram, 'distribution of the cell pressure after load-up over the footprint area [%]'],
  ];
  const parts = captions
    .filter((c): c is [string, string] => c[0] !== undefined)
    .map(([svg, caption], i) => figure(svg, `Figure ${number}.${i + 1}: ${caption}`));
  return reportSection(
    'figures',
    number,
    'Figures',
    `<p class="note">Points out of contact (a gap opened) are grey.</p>\n<div class="figures">\n${parts.join('\n')}\n</div>`,
  );
}
