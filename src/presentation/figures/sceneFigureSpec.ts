import type { TopLevelSpec } from 'vega-lite';
import { valueColour } from '../colourScale';
import { LOAD_STATE_LABEL, type LoadState } from '../resultFields';
import { colourBarSpec } from './colourBarSpec';
import { figureLayout } from './figureLayout';
import { formatPercent, formatValue } from './figureText';
import { A4_LANDSCAPE_150DPI, figureConfig, VEGA_LITE_SCHEMA } from './figureTheme';

export interface SceneFigureOptions {
  /** the 3D view as an image URL (a PNG data URL of the WebGL canvas) */
  imageUrl: string;
  /** its size [px] */
  imageWidth: number;
  imageHeight: number;
  caseName: string;
  /** the interface whose pressure the view paints */
  interfaceName: string;
  state: LoadState;
  /** the range the view's colours run over [MPa] */
  range: { min: number; max: number };
  /** fraction of the footprint out of contact [-], for the "no contact" swatch */
  openFraction: number;
  /** what else the picture shows ("bending ×100, exploded view") */
  note?: string;
  /** size of the whole figure [px]; default A4 landscape at 150 dpi */
  width?: number;
  height?: number;
}

/**
 * The 3D view as a figure: the rendered image beside the pressure colour bar the maps use (the
 * same piece, the same colours for the same range), under a title naming the case, the interface
 * and the load state. The image keeps its aspect ratio and is scaled to the room the page leaves.
 */
export function sceneFigureSpec(o: SceneFigureOptions): TopLevelSpec {
  if (!(o.imageWidth > 0 && o.imageHeight > 0))
    throw new RangeError(`the 3D view image is ${o.imageWidth} × ${o.imageHeight} px: nothing to draw`);
  const lo = o.range.min;
  const hi = o.range.max;
  const subtitle = [
    `colours from ${formatValue(lo)} to ${formatValue(hi)} MPa of contact pressure · no contact ${formatPercent(o.openFraction)} of the footprint${o.note ? ` · ${o.note}` : ''}`,
  ];
  // the image has no axes, but the layout's room for them keeps the picture clear of the colour bar's labels
  const size = {
    width: o.width ?? A4_LANDSCAPE_150DPI.width,
    height: o.height ?? A4_LANDSCAPE_150DPI.height,
  };
  const layout = figureLayout(size, { Lx: o.imageWidth, Ly: o.imageHeight }, 1, 1, subtitle.length);
  const w = Math.round(o.imageWidth * layout.pxPerMm);
  const h = Math.round(o.imageHeight * layout.pxPerMm);
  const picture = {
    width: w,
    height: h,
    data: { values: [{ url: o.imageUrl }] },
    mark: { type: 'image', width: w, height: h, aspect: false, align: 'left', baseline: 'top' },
    encoding: { x: { value: 0 }, y: { value: 0 }, url: { field: 'url', type: 'nominal' } },
  };
  const bar = colourBarSpec({
    lo,
    hi,
    colour: (p: number) => valueColour('pressure', p, lo, hi),
    title: 'p [MPa]',
    height: layout.barHeight,
    noContact: { fraction: o.openFraction },
  });
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: figureConfig(),
    // the renderers fit the drawing into exactly this size, as they do the maps
    usermeta: { figureSize: size },
    title: { text: `${o.caseName} — 3D view, ${o.interfaceName}, ${LOAD_STATE_LABEL[o.state]}`, subtitle },
    hconcat: [picture, bar],
    spacing: layout.barSpacing,
  } as unknown as TopLevelSpec;
}
