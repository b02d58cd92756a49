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
}

function figure(svg: string, caption: string, className = ''): string {
  const url = svgDataUrl(svg);
  const image = url
    ? `<img src="${escapeHtml(url)}" alt="${escapeHtml(caption)}">`
    : '<p class="missing">figure not available</p>';
  return `<figure class="${className}">${image}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}

/** The figures: pressure after load-up and after swelling, deflection, histogram. */
export function figuresSection(number: number, figures: ReportFigures, fields: ResultFields): string {
  const where = fields.interfaces[0]?.name ? ` (${fields.interfaces[0].name})` : '';
  const parts = [
    figure(figures.pressure, `Cell pressure under the top plate${where} after load-up [MPa]`, 'map'),
  ];
  if (figures.pressureSwollen)
    parts.push(
      figure(
        figures.pressureSwollen,
        `Cell pressure under the top plate${where} after swelling [MPa]`,
        'map',
      ),
    );
  parts.push(
    figure(figures.deflection, 'Plate deflection w after load-up [µm]', 'map'),
    figure(figures.histogram, 'Distribution of the cell pressure over the footprint area', 'chart'),
  );
  return reportSection(
    'figures',
    number,
    'Figures',
    `<p class="note">Points out of contact (a gap opened) are grey.</p>\n<div class="figures">\n${parts.join('\n')}\n</div>`,
  );
}
