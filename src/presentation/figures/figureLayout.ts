import { COLOUR_BAR_WIDTH } from './colourBarSpec';
import { FONT_SIZE } from './figureTheme';

/** Room the parts around a map take [px] at the theme's font sizes (measured on rendered figures). */
const PAGE_PADDING = 2 * 24;
const TITLE = FONT_SIZE.title + 24;
const SUBTITLE_LINE = FONT_SIZE.subtitle + 10;
const PANEL_TITLE = FONT_SIZE.axisTitle + 24;
const Y_AXIS = 90;
const X_AXIS = 90;
/** the colour bar: its spacing from the map, the strip, and its labels or the "no contact" note beside it */
const BAR_SPACING = 36;
const BAR_LABELS = 250;
/** without the swatch only the tick labels and the axis title stand beside the strip */
const BAR_LABELS_ONLY = 110;
const PANEL_SPACING = 40;
/** under the strip: the "no contact" swatch with its two lines */
const SWATCH = 110;

/** Sizes of a figure of map panels, each with a colour bar. */
export interface FigureLayout {
  /** the one scale of every map, so the axes are equal and panels compare [px/mm] */
  pxPerMm: number;
  barHeight: number;
  barSpacing: number;
}

/**
 * The largest scale at which `columns` × `rows` maps of a plate, each with its axes and colour
 * bar, fit in a figure of `size` [px] under a title with `subtitleLines` lines.
 */
export function figureLayout(
  size: { width: number; height: number },
  plate: { Lx: number; Ly: number },
  columns: number,
  rows: number,
  subtitleLines: number,
  options: { panelTitles?: boolean; noContactSwatch?: boolean } = {},
): FigureLayout {
  const swatch = options.noContactSwatch ?? true;
  const panelTitle = options.panelTitles ? PANEL_TITLE : 0;
  const perPanelW = Y_AXIS + BAR_SPACING + COLOUR_BAR_WIDTH + (swatch ? BAR_LABELS : BAR_LABELS_ONLY);
  const perPanelH = X_AXIS + panelTitle;
  const width = size.width - PAGE_PADDING - columns * perPanelW - (columns - 1) * PANEL_SPACING;
  const height =
    size.height -
    PAGE_PADDING -
    TITLE -
    subtitleLines * SUBTITLE_LINE -
    rows * perPanelH -
    (rows - 1) * PANEL_SPACING;
  const pxPerMm = Math.max(0.5, Math.min(width / (columns * plate.Lx), height / (rows * plate.Ly)));
  const mapHeight = plate.Ly * pxPerMm;
  return {
    pxPerMm,
    barHeight: Math.max(80, swatch ? mapHeight - SWATCH : mapHeight),
    barSpacing: BAR_SPACING,
  };
}

/** Space between map panels [px]. */
export const PANEL_GAP = PANEL_SPACING;

/**
 * Room [px] a chart with axes (a histogram) leaves around its plot at the theme's font sizes:
 * page padding, the title block, a subtitle line, the x axis and the y axis with its title.
 */
export const CHART_ROOM = {
  padding: PAGE_PADDING,
  titleBlock: 100,
  subtitleLine: SUBTITLE_LINE,
  xAxis: X_AXIS,
  yAxis: 110,
} as const;
