import type { TopLevelSpec } from 'vega-lite';
import type { ToleranceResult } from '../../tolerance/toleranceResult';
import { valueColour } from '../colourScale';
import type { LoadState, PressureGrid } from '../resultFields';
import type { StackGeometry } from '../stackGeometry';
import { COLOUR_BAR_WIDTH, colourBarSpec } from './colourBarSpec';
import { PANEL_GAP } from './figureLayout';
import { formatPercent, formatValue } from './figureText';
import { A4_LANDSCAPE_150DPI, FONT_SIZE, figureConfig, VEGA_LITE_SCHEMA } from './figureTheme';
import { figureTitle } from './figureTitle';
import { gridStats } from './gridCells';
import { type CellDrawing, mapPanelSpec } from './mapPanelSpec';
import { clipText } from './textWidth';
import { failedNote, studyMaps, toleranceTitle } from './toleranceTitle';

export interface ToleranceMapsOptions {
  result: ToleranceResult;
  /** the stack the maps are drawn on (plate outline, footprint, bolts) */
  stack: StackGeometry;
  state: LoadState;
  /** see `PressureMapOptions.cells` */
  cells?: CellDrawing;
  /** size of the whole figure [px]; default A4 landscape at 150 dpi */
  width?: number;
  height?: number;
}

/**
 * Room [px] around maps that share one colour bar, at the theme's font sizes: the same parts
 * `figureLayout` allows for (page padding, title and subtitle lines, panel titles, axes), with one
 * bar for the row instead of one per map, so three maps fit an A4 page at a readable size.
 */
const ROOM = {
  page: 2 * 24,
  title: FONT_SIZE.title + 24,
  subtitleLine: FONT_SIZE.subtitle + 10,
  panelTitle: FONT_SIZE.axisTitle + 24,
  yAxis: 90,
  xAxis: 90,
  barSpacing: 36,
  barLabels: 110,
};

/** px per mm of `columns` maps of `plate` in a row, with one colour bar, under `subtitleLines` lines. */
function rowScale(
  size: { width: number; height: number },
  plate: { Lx: number; Ly: number },
  columns: number,
  subtitleLines: number,
): number {
  const width =
    size.width -
    ROOM.page -
    columns * ROOM.yAxis -
    (columns - 1) * PANEL_GAP -
    ROOM.barSpacing -
    COLOUR_BAR_WIDTH -
    ROOM.barLabels;
  const height =
    size.height - ROOM.page - ROOM.title - subtitleLines * ROOM.subtitleLine - ROOM.panelTitle - ROOM.xAxis;
  return Math.max(0.5, Math.min(width / (columns * plate.Lx), height / plate.Ly));
}

/** Height [px] of a figure whose maps are `mapHeight` tall, under `subtitleLines` lines. */
function contentHeight(mapHeight: number, subtitleLines: number): number {
  return (
    ROOM.page + ROOM.title + subtitleLines * ROOM.subtitleLine + ROOM.panelTitle + ROOM.xAxis + mapHeight
  );
}

/** The in-contact range [MPa] over several grids: one colour scale for all of them. */
export function sharedRange(grids: PressureGrid[]): { lo: number; hi: number } {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const g of grids) {
    const s = gridStats(g);
    if (s.openFraction < 1) {
      lo = Math.min(lo, s.min);
      hi = Math.max(hi, s.max);
    }
  }
  return lo <= hi ? { lo, hi } : { lo: 0, hi: 1 };
}

/**
 * The spread of the pressure map over a study's draws: the mean, the 5th and the 95th percentile
 * per point, side by side on one colour scale in MPa (one bar), so a colour means one pressure in
 * all three; grey where the point is out of contact in that map. Each panel's title quotes its
 * mean over the footprint and its open share.
 */
export function toleranceMapsSpec(o: ToleranceMapsOptions): TopLevelSpec {
  const { result, stack } = o;
  const maps = studyMaps(result, o.state);
  const panels = [
    { label: 'mean', grid: maps.mean },
    { label: 'p5', grid: maps.p5 },
    { label: 'p95', grid: maps.p95 },
  ];
  const range = sharedRange(panels.map((p) => p.grid));
  const colour = (p: number) => valueColour('pressure', p, range.lo, range.hi);
  const solved = result.samples - result.failed.length;
  const subtitle = [
    `mean, 5th and 95th percentile per point over ${solved} solved draws; one scale ${formatValue(range.lo)} to ${formatValue(range.hi)} MPa; grey: out of contact`,
  ];
  const note = failedNote(result);
  if (note) subtitle.push(note);
  const size = {
    width: o.width ?? A4_LANDSCAPE_150DPI.width,
    height: o.height ?? A4_LANDSCAPE_150DPI.height,
  };
  const pxPerMm = rowScale(size, stack.plate, panels.length, subtitle.length);
  // three maps in a row fill the page's width, not its height: the figure is as tall as they need
  size.height = Math.min(size.height, Math.ceil(contentHeight(stack.plate.Ly * pxPerMm, subtitle.length)));
  const maps3 = panels.map(({ label, grid }) => {
    const s = gridStats(grid);
    return {
      title: {
        // a panel's label may be no wider than its panel, or the row would spread
        text: clipText(
          `${label}: mean ${formatValue(s.mean)} MPa, ${formatPercent(s.openFraction)} open`,
          stack.plate.Lx * pxPerMm + ROOM.yAxis,
          FONT_SIZE.axisTitle,
        ),
        fontSize: FONT_SIZE.axisTitle,
        fontWeight: 'normal',
        anchor: 'start',
      },
      ...mapPanelSpec({
        grid,
        colour,
        stack,
        pxPerMm,
        cells: o.cells ?? 'rect',
        valueTitle: 'p [MPa]',
      }),
    };
  });
  const bar = colourBarSpec({
    id: 'p',
    lo: range.lo,
    hi: range.hi,
    colour,
    title: 'p [MPa]',
    height: stack.plate.Ly * pxPerMm,
  });
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: figureConfig(),
    usermeta: { figureSize: size },
    title: figureTitle(size.width, toleranceTitle(result, 'pressure spread', o.state), subtitle),
    hconcat: [{ hconcat: maps3, spacing: PANEL_GAP }, bar],
    spacing: ROOM.barSpacing,
  } as unknown as TopLevelSpec;
}
