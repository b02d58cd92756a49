import { NO_CONTACT_CSS, type Rgb } from '../colourScale';
import { formatPercent } from './figureText';
import { FONT_SIZE, OUTLINE_COLOUR } from './figureTheme';
import { rgbPngDataUrl } from './rgbPng';

/** What a colour bar shows: a value range, the colour of each value, and the axis under it. */
export interface ColourBar {
  /** value range of the bar, in the unit of `title` */
  lo: number;
  hi: number;
  /** colour of a value: the very function the map uses, so the bar cannot disagree with it */
  colour: (value: number) => Rgb;
  /** axis title, with its unit: "p [MPa]" */
  title: string;
  /** log axis (film grades, whose range spans a decade) */
  log?: boolean;
  /** height of the strip [px] */
  height: number;
  /**
   * names the bar's view `colour_bar_<id>` (letters, digits, _), so tests and styles can find it;
   * the bars of one figure need different ids, as vega view names must be unique
   */
  id?: string;
  /** the "no contact" swatch under the strip, with the open fraction of the footprint [-] */
  noContact?: { fraction: number };
}

/** Steps of the strip: the colour tables have 256 entries, so more would show nothing new. */
const STEPS = 256;
/** Width of the strip [px]. */
export const COLOUR_BAR_WIDTH = 44;
/** Every colour bar's view name starts so (its marks carry the name as a class in the SVG). */
export const COLOUR_BAR_NAME = 'colour_bar';

/**
 * A vertical colour bar: a gradient strip, one image of `STEPS` pixels from the range's bottom
 * to its top, each painted with the colour of its value and blended smoothly in between, on a
 * quantitative axis (linear, or log for a film grade); optionally the grey "no contact" swatch
 * with the open area fraction below it. One image instead of hundreds of rectangles keeps a
 * figure fast to render.
 */
export function colourBarSpec(bar: ColourBar): Record<string, unknown> {
  const { lo, hi } = paddedRange(bar.lo, bar.hi, bar.log ?? false);
  const at = (t: number) => (bar.log ? lo * (hi / lo) ** t : lo + t * (hi - lo));
  // image rows run from the top: the first row is the range's top
  const rgb = new Uint8Array(3 * STEPS);
  for (let k = 0; k < STEPS; k++) rgb.set(bar.colour(at(1 - (k + 0.5) / STEPS)), 3 * k);
  const strip = { lo, hi, url: rgbPngDataUrl(1, STEPS, rgb) };
  const layers: Record<string, unknown>[] = [
    {
      data: { values: [strip] },
      mark: { type: 'image', aspect: false, smooth: true, aria: false },
      encoding: {
        x: { value: 0 },
        x2: { value: COLOUR_BAR_WIDTH },
        y: {
          field: 'hi',
          type: 'quantitative',
          scale: bar.log
            ? { type: 'log', domain: [lo, hi], nice: false }
            : { type: 'linear', domain: [lo, hi], nice: false, zero: false },
          axis: { orient: 'right', title: bar.title, tickCount: bar.log ? 6 : 8, labelFlush: false },
        },
        y2: { field: 'lo' },
        url: { field: 'url', type: 'nominal' },
      },
    },
    {
      data: { values: [{}] },
      mark: { type: 'rect', fill: null, stroke: OUTLINE_COLOUR, strokeWidth: 1.5 },
      encoding: {
        x: { value: 0 },
        x2: { value: COLOUR_BAR_WIDTH },
        y: { value: 0 },
        y2: { value: bar.height },
      },
    },
  ];
  if (bar.noContact) {
    const top = bar.height + 48;
    layers.push(
      {
        data: { values: [{}] },
        mark: { type: 'rect', fill: NO_CONTACT_CSS, stroke: OUTLINE_COLOUR, strokeWidth: 1.5 },
        encoding: {
          x: { value: 0 },
          x2: { value: COLOUR_BAR_WIDTH },
          y: { value: top },
          y2: { value: top + 36 },
        },
      },
      {
        data: { values: [{ text: ['no contact', `${formatPercent(bar.noContact.fraction)} of footprint`] }] },
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'top',
          dx: 8,
          fontSize: FONT_SIZE.note,
          lineHeight: FONT_SIZE.note * 1.25,
        },
        encoding: {
          x: { value: COLOUR_BAR_WIDTH },
          y: { value: top },
          text: { field: 'text' },
        },
      },
    );
  }
  return {
    ...(bar.id === undefined ? {} : { name: `${COLOUR_BAR_NAME}_${bar.id}` }),
    width: COLOUR_BAR_WIDTH,
    height: bar.height,
    layer: layers,
  };
}

/**
 * A range the axis can draw: a degenerate one (a uniform field) is widened around its value so
 * the bar shows that one colour with a readable axis; a log range stays positive.
 */
export function paddedRange(lo: number, hi: number, log: boolean): { lo: number; hi: number } {
  if (log) {
    const a = lo > 0 ? lo : 1e-3;
    return hi > a ? { lo: a, hi } : { lo: a / 2, hi: a * 2 };
  }
  if (hi > lo) return { lo, hi };
  const d = Math.max(Math.abs(lo) * 0.05, 1e-3);
  return { lo: lo - d, hi: lo + d };
}
