import type { TopLevelSpec } from 'vega-lite';
import type { HistoryDriver, HistoryState, HistorySummary } from '../../history/historyResult';
import { cssColour, scaleColour } from '../colourScale';
import { CHART_ROOM } from './figureLayout';
import { formatPercent, formatValue } from './figureText';
import {
  A4_LANDSCAPE_150DPI,
  FONT_SIZE,
  figureConfig,
  OUTLINE_COLOUR,
  VEGA_LITE_SCHEMA,
} from './figureTheme';
import { figureTitle } from './figureTitle';
import { historyAxis } from './historyTimeAxis';

export interface HistoryChartOptions {
  history: HistorySummary;
  caseName: string;
  /** size of the whole figure [px]; default A4 landscape at 150 dpi */
  width?: number;
  height?: number;
}

const {
  padding: PAGE_PADDING,
  titleBlock: TITLE_BLOCK,
  subtitleLine: SUBTITLE_LINE,
  xAxis: X_AXIS,
  yAxis: Y_AXIS,
} = CHART_ROOM;
/** room right of the plots for the window's edge labels, above them for the legend, between the panels [px] */
const EDGE_LABELS = 200;
const LEGEND = 50;
const PANEL_SPACING = 30;
/** share of the plots' height the pressure panel takes; the bolt panel has the rest */
const PRESSURE_SHARE = 0.7;
/** above this many states the mean is drawn as a line only, without a dot per state */
const MAX_DOTS = 120;
/** room above and below the window and the judged values, as a share of their span */
const Y_MARGIN = 0.3;

/**
 * The series, in legend order, and their colours: the mean dark, its bands lighter shades of it
 * (opaque, so the legend's swatches are the colours drawn), the window green, outside red.
 */
const SERIES = ['mean', 'p5–p95', 'min–max', 'target window', 'outside the window'] as const;
type Series = (typeof SERIES)[number];
const DATA_COLOUR = cssColour(scaleColour('pressure', 0.3));
const COLOURS: Record<Series, string> = {
  mean: DATA_COLOUR,
  // light enough that the window shows through a band that spans the whole axis (a dead zone puts p5 at 0)
  'p5–p95': '#c3d2e2',
  'min–max': '#e8eef5',
  'target window': '#1b7837',
  // a red no scale uses, as the tolerance histogram's targets
  'outside the window': '#b2182b',
};

const DRIVER_WORDS: Record<HistoryDriver, string> = {
  breathing: 'cell breathing',
  growth: 'cell growth',
  thermal: 'temperature',
  relaxation: 'pad relaxation',
};

/** The statistic judged against the window, in words. */
const statisticWords = (h: HistorySummary) => (h.window.statistic === 'mean' ? 'mean' : 'p5 and p95');

/** Least and largest of `values`, by a loop: a spread of 40 000 arguments overflows some browsers' stacks. */
function extent(values: readonly number[]): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** The values of a state judged against the window [MPa]: its mean, or its p5 and p95. */
const judgedValues = (h: HistorySummary, s: HistoryState): number[] =>
  h.window.statistic === 'mean' ? [s.pressure.mean] : [s.pressure.p5, s.pressure.p95];

/** The values of a state that lie outside the window [MPa]. */
function outsideValues(h: HistorySummary, s: HistoryState): number[] {
  return judgedValues(h, s).filter((v) => v < h.window.min || v > h.window.max);
}

/**
 * The pressure axis [MPa]: the window and every judged value with room around them, so a change of
 * the mean by a tenth of the window shows; the bands are cut at it (a dead zone puts the minimum at
 * 0 and a bolt corner the maximum at three times the mean, which would flatten the line to nothing).
 */
function pressureDomain(h: HistorySummary): [number, number] {
  const judged = h.states.flatMap((s) => judgedValues(h, s));
  const [jLo, jHi] = extent(judged);
  const lo = Math.min(h.window.min, jLo);
  const hi = Math.max(h.window.max, jHi);
  const margin = Y_MARGIN * (hi - lo || Math.abs(hi) || 1);
  return [Math.max(0, lo - margin), hi + margin];
}

/** "cycle 10 charged, 6.50 MPa: 0.500 MPa above 6.00 MPa": the worst state in a few words. */
export function worstWords(h: HistorySummary): string {
  const w = h.verdict.worst;
  if (w.excess <= 0)
    return `${w.label}, ${formatValue(-w.excess)} MPa inside the ${w.side === 'above' ? 'upper' : 'lower'} edge`;
  return `${w.label}, ${formatValue(w.value)} MPa: ${formatValue(w.excess)} MPa ${w.side} ${formatValue(w.limit)} MPa`;
}

/** The verdict in a few words, as the chart's subtitle and the report's caption give it. */
export function verdictWords(h: HistorySummary): string {
  const { window: win, verdict } = h;
  return `${verdict.statesInWindow} of ${h.states.length} states (${formatPercent(verdict.fractionInWindow)}) hold the ${statisticWords(h)} in ${formatValue(win.min)}–${formatValue(win.max)} MPa · worst: ${worstWords(h)} · driven by ${DRIVER_WORDS[verdict.driver]}`;
}

/** A colour channel of one series, on the one scale whose legend names them all. */
const colour = (series: Series) => ({
  datum: series,
  scale: { domain: [...SERIES], range: SERIES.map((s) => COLOURS[s]) },
  legend: {
    title: null,
    orient: 'top',
    direction: 'horizontal',
    symbolType: 'square',
    symbolOpacity: 1,
    columnPadding: 40,
    labelLimit: 400,
  },
});

/**
 * The cell pressure under the top plate over a life history: the mean as a line, the p5–p95 and
 * min–max bands [MPa], the target window as a green band with its edges named, the states outside
 * it ringed in red and the worst state named; below it, on the same time axis, the bolt tension
 * (mean and min–max over the bolts [N]). Title: the case; subtitle: the verdict in a few words.
 */
export function historySpec(o: HistoryChartOptions): TopLevelSpec {
  const h = o.history;
  const { window: win, verdict } = h;
  const ax = historyAxis(h.states);
  const rows = h.states.map((s, k) => ({
    x: ax.x[k],
    label: s.label,
    mean: s.pressure.mean,
    min: s.pressure.min,
    max: s.pressure.max,
    p5: s.pressure.p5,
    p95: s.pressure.p95,
    boltMean: s.boltForce.mean,
    boltMin: s.boltForce.min,
    boltMax: s.boltForce.max,
  }));
  const outside = h.states.flatMap((s, k) => outsideValues(h, s).map((v) => ({ x: ax.x[k], v })));
  // -1 for a verdict naming a state the list lacks (a hand-edited result.json): then no worst marker
  const worstAt = h.states.findIndex((s) => s.index === verdict.worst.index);
  const domain = pressureDomain(h);
  const [low] = extent(rows.map((r) => r.min));
  const [, high] = extent(rows.map((r) => r.max));
  const cut =
    low < domain[0] || high > domain[1]
      ? ` · bands cut at the axis: min–max ${formatValue(low)} to ${formatValue(high)} MPa over the history`
      : '';
  const subtitle = [
    verdictWords(h),
    `cell pressure under the top plate at each state; window from ${win.source}${cut}`,
  ];
  const size = {
    width: o.width ?? A4_LANDSCAPE_150DPI.width,
    height: o.height ?? A4_LANDSCAPE_150DPI.height,
  };
  const plotWidth = size.width - PAGE_PADDING - Y_AXIS - EDGE_LABELS;
  const plots =
    size.height -
    PAGE_PADDING -
    TITLE_BLOCK -
    subtitle.length * SUBTITLE_LINE -
    LEGEND -
    2 * X_AXIS -
    PANEL_SPACING;
  const pressureHeight = Math.round(PRESSURE_SHARE * plots);

  const x = { field: 'x', type: 'quantitative', scale: ax.scale };
  const xHidden = { ...x, axis: { values: ax.axis.values, labels: false, title: null } };
  const y = {
    type: 'quantitative',
    scale: { domain, nice: false, zero: false },
  };
  const dots = rows.length <= MAX_DOTS ? { size: 60, filled: true } : false;
  const tooltip = [
    { field: 'label', title: 'state' },
    { field: 'x', title: ax.field, format: '.4~g' },
    { field: 'mean', title: 'mean [MPa]', format: '.3f' },
    { field: 'p5', title: 'p5 [MPa]', format: '.3f' },
    { field: 'p95', title: 'p95 [MPa]', format: '.3f' },
  ];
  // every state inside: the one nearest an edge is named in the outline colour, not the alarm's
  const worstColour = verdict.worst.excess > 0 ? COLOURS['outside the window'] : OUTLINE_COLOUR;
  // the worst state's name beside it, on the side with room
  const leftHalf = worstAt < h.states.length / 2;
  const worst = { x: ax.x[worstAt], v: verdict.worst.value, text: `worst: ${worstWords(h)}` };
  const above = verdict.worst.side === 'above';
  const pressureLayers: Record<string, unknown>[] = [
    {
      data: { values: rows },
      mark: { type: 'area', clip: true },
      encoding: {
        x: xHidden,
        y: { field: 'min', ...y, axis: { title: 'cell pressure [MPa]', tickCount: 8 } },
        y2: { field: 'max' },
        color: colour('min–max'),
      },
    },
    {
      data: { values: rows },
      mark: { type: 'area', clip: true },
      encoding: { x, y: { field: 'p5', ...y }, y2: { field: 'p95' }, color: colour('p5–p95') },
    },
    // the window over the bands, faint enough to see them through it; its edges dashed and named in the margin
    {
      data: { values: [{ lo: win.min, hi: win.max }] },
      mark: { type: 'rect', opacity: 0.28 },
      encoding: { y: { field: 'lo', ...y }, y2: { field: 'hi' }, color: colour('target window') },
    },
    {
      data: { values: [{ v: win.min }, { v: win.max }] },
      mark: { type: 'rule', strokeDash: [12, 6], strokeWidth: 2.5, color: COLOURS['target window'] },
      encoding: { y: { field: 'v', ...y } },
    },
    ...(
      [
        [win.max, 'max', 'bottom'],
        [win.min, 'min', 'top'],
      ] as const
    ).map(([v, edge, baseline]) => ({
      data: { values: [{ v, text: [`window ${edge}`, `${formatValue(v)} MPa`] }] },
      mark: {
        type: 'text',
        align: 'left',
        // the two lines outside the band: above its upper edge, below its lower one
        baseline,
        x: plotWidth + 12,
        dy: baseline === 'top' ? 6 : -6,
        lineHeight: FONT_SIZE.note + 4,
        fontSize: FONT_SIZE.note,
        fontWeight: 'bold',
        color: COLOURS['target window'],
      },
      encoding: { y: { field: 'v', ...y }, text: { field: 'text' } },
    })),
    {
      data: { values: rows },
      mark: { type: 'line', strokeWidth: 3, point: dots },
      encoding: { x, y: { field: 'mean', ...y }, color: colour('mean'), tooltip },
    },
  ];
  if (outside.length > 0)
    pressureLayers.push({
      data: { values: outside },
      mark: { type: 'point', shape: 'circle', size: 420, strokeWidth: 3, filled: false },
      encoding: { x, y: { field: 'v', ...y }, color: colour('outside the window') },
    });
  if (worstAt >= 0)
    pressureLayers.push(
      {
        data: { values: [worst] },
        mark: {
          type: 'point',
          shape: 'diamond',
          size: 900,
          strokeWidth: 3.5,
          filled: false,
          color: worstColour,
        },
        encoding: { x, y: { field: 'v', ...y } },
      },
      {
        data: { values: [worst] },
        mark: {
          type: 'text',
          align: leftHalf ? 'left' : 'right',
          dx: leftHalf ? 24 : -24,
          baseline: above ? 'bottom' : 'top',
          dy: above ? -12 : 12,
          fontSize: FONT_SIZE.note,
          fontWeight: 'bold',
          color: worstColour,
        },
        encoding: { x, y: { field: 'v', ...y }, text: { field: 'text' } },
      },
    );

  const [bLo] = extent(rows.map((r) => r.boltMin));
  const [, bHi] = extent(rows.map((r) => r.boltMax));
  const bPad = 0.08 * (bHi - bLo || Math.abs(bHi) || 1);
  const yBolt = {
    type: 'quantitative',
    scale: { domain: [Math.max(0, bLo - bPad), bHi + bPad], nice: false, zero: false },
  };
  const boltLayers = [
    {
      mark: { type: 'area' },
      encoding: {
        x: { ...x, axis: ax.axis },
        y: { field: 'boltMin', ...yBolt, axis: { title: 'bolt tension [N]', tickCount: 4 } },
        y2: { field: 'boltMax' },
        color: colour('min–max'),
      },
    },
    {
      mark: { type: 'line', strokeWidth: 3, point: dots },
      encoding: {
        x,
        y: { field: 'boltMean', ...yBolt },
        color: colour('mean'),
        tooltip: [
          { field: 'label', title: 'state' },
          { field: 'boltMean', title: 'bolt tension mean [N]', format: '.0f' },
          { field: 'boltMin', title: 'min [N]', format: '.0f' },
          { field: 'boltMax', title: 'max [N]', format: '.0f' },
        ],
      },
    },
  ];
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: figureConfig(),
    usermeta: { figureSize: size },
    title: figureTitle(size.width, `${o.caseName} — cell pressure over the life history`, subtitle),
    vconcat: [
      { width: plotWidth, height: pressureHeight, layer: pressureLayers },
      { width: plotWidth, height: plots - pressureHeight, data: { values: rows }, layer: boltLayers },
    ],
    spacing: PANEL_SPACING,
    resolve: { scale: { x: 'shared', color: 'shared' } },
  } as unknown as TopLevelSpec;
}
