/**
 * The look every report figure shares: one font, sizes readable on an A4 page, white background.
 * The CLI renders the figures with the same font files on every machine (DejaVu Sans, see
 * src/report/figurePng.ts), so a figure looks the same wherever it was made.
 */

/** The font of every figure; the PNG renderer loads its files, the browser falls back to sans-serif. */
export const FIGURE_FONT = 'DejaVu Sans';

/** An A4 landscape page at 150 dpi [px]: the default size of a figure. */
export const A4_LANDSCAPE_150DPI = { width: 1754, height: 1240 } as const;

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Font sizes [px] at the default size: 150 dpi makes 1 pt ≈ 2.1 px, so 20 px reads as 9.6 pt. */
export const FONT_SIZE = { title: 34, subtitle: 22, axisTitle: 22, label: 20, note: 20 } as const;

/** Outlines drawn over the maps: dark enough to see on viridis yellow and on the no-contact grey. */
export const OUTLINE_COLOUR = '#222222';

/**
 * Longest a title line may be [px] in a figure of `width`: a long case or interface name is cut
 * with an ellipsis instead of widening the drawing, which would shrink everything else to fit the page.
 */
export function titleLimit(width: number): number {
  return Math.max(200, width - 2 * 24 - 20);
}

/** The vega-lite config of every figure. */
export function figureConfig(): Record<string, unknown> {
  const font = `${FIGURE_FONT}, sans-serif`;
  return {
    font,
    background: 'white',
    padding: 24,
    view: { stroke: null },
    title: {
      font,
      fontSize: FONT_SIZE.title,
      subtitleFont: font,
      subtitleFontSize: FONT_SIZE.subtitle,
      subtitleColor: '#333333',
      anchor: 'start',
      offset: 16,
      subtitlePadding: 8,
    },
    axis: {
      labelFont: font,
      titleFont: font,
      labelFontSize: FONT_SIZE.label,
      titleFontSize: FONT_SIZE.axisTitle,
      titleFontWeight: 'normal',
      titlePadding: 12,
      tickSize: 8,
      grid: false,
      domainColor: OUTLINE_COLOUR,
      tickColor: OUTLINE_COLOUR,
      labelColor: '#111111',
      titleColor: '#111111',
    },
    legend: {
      labelFont: font,
      titleFont: font,
      labelFontSize: FONT_SIZE.label,
      titleFontSize: FONT_SIZE.axisTitle,
      titleFontWeight: 'normal',
      symbolSize: 400,
    },
    text: { font, fontSize: FONT_SIZE.note },
    header: { labelFont: font, titleFont: font, labelFontSize: FONT_SIZE.axisTitle },
    concat: { spacing: 40 },
  };
}
