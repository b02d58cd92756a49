import type { TopLevelSpec } from 'vega-lite';
import type { MetricTarget, ToleranceResult } from '../../tolerance/toleranceResult';
import { cssColour, scaleColour } from '../colourScale';
import type { LoadState } from '../resultFields';
import { CHART_ROOM } from './figureLayout';
import { formatPercent, formatValue, roundTicks, tickFormat } from './figureText';
import {
  A4_LANDSCAPE_150DPI,
  FONT_SIZE,
  figureConfig,
  OUTLINE_COLOUR,
  VEGA_LITE_SCHEMA,
} from './figureTheme';
import { figureTitle } from './figureTitle';
import { draws, failedNote, toleranceTitle } from './toleranceTitle';

export interface ToleranceHistogramOptions {
  result: ToleranceResult;
  state: LoadState;
  width?: number;
  height?: number;
}

/** One bar: the draws whose CoV lies in [v0, v1) [-]. */
export interface CountBin {
  v0: number;
  v1: number;
  count: number;
}

/** Room [px] around the plot at the theme's font sizes (as the pressure histogram leaves). */
const {
  padding: PAGE_PADDING,
  titleBlock: TITLE_BLOCK,
  subtitleLine: SUBTITLE_LINE,
  xAxis: X_AXIS,
  yAxis: Y_AXIS,
} = CHART_ROOM;
/** The bars: one colour from the middle of the one scale, outlined as the other figures' bars. */
const BAR_FILL = cssColour(scaleColour('pressure', 0.45));
/** Targets in a red no scale uses, so a limit never reads as data. */
const TARGET_COLOUR = '#b2182b';

/** The round number (1, 2 or 5 × 10^k) at or above `raw`. */
function roundStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw * (1 - 1e-9)) ?? 10 * p;
}

/**
 * The round width (1, 2, 2.5 or 5 × 10^k) that cuts `range` into the number of bins nearest to
 * `bins`: rounding the width only up could halve the bins (0.021 → 0.05).
 */
function nearestRoundStep(range: number, bins: number): number {
  const p = 10 ** Math.floor(Math.log10(range / bins));
  const candidates = [0.5, 1, 2, 2.5, 5, 10].map((m) => m * p);
  let best = candidates[0];
  for (const c of candidates) if (Math.abs(range / c - bins) < Math.abs(range / best - bins)) best = c;
  return best;
}

/**
 * Counts of `values` in bins of a round width, about √n of them (5 to 30), starting at a multiple
 * of the width: every value in exactly one bin, the last bin closed on the right.
 */
export function countHistogram(values: number[]): CountBin[] {
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const bins = Math.min(30, Math.max(5, Math.ceil(Math.sqrt(values.length))));
  const step =
    max > min ? nearestRoundStep(max - min, bins) : roundStep(Math.max(Math.abs(min) * 0.02, 1e-3));
  // 1e-9 of a step: 0.3 / 0.05 is 5.999…, and 0.3 belongs to the bin starting at 0.3
  const start = Math.floor(min / step + 1e-9) * step;
  const n = Math.max(1, Math.ceil((max - start) / step + 1e-9));
  const counts = new Array<number>(n).fill(0);
  for (const v of values) counts[Math.min(n - 1, Math.max(0, Math.floor((v - start) / step + 1e-9)))]++;
  return counts.map((count, b) => ({
    v0: Number((start + b * step).toPrecision(12)),
    v1: Number((start + (b + 1) * step).toPrecision(12)),
    count,
  }));
}

/** Share of `values` meeting a target [-]: it holds when value ≥ min and ≤ max, as the study counts it. */
export function shareMeeting(values: number[], t: MetricTarget): number {
  const ok = values.filter((v) => (t.min === undefined || v >= t.min) && (t.max === undefined || v <= t.max));
  return values.length > 0 ? ok.length / values.length : 0;
}

/** "CoV ≤ 0.3", "0.2 ≤ CoV ≤ 0.4": a target as a designer writes it. */
function targetText(t: MetricTarget): string {
  if (t.min !== undefined && t.max !== undefined)
    return `${formatValue(t.min)} ≤ CoV ≤ ${formatValue(t.max)}`;
  return t.max !== undefined ? `CoV ≤ ${formatValue(t.max)}` : `CoV ≥ ${formatValue(t.min ?? 0)}`;
}

/**
 * Histogram of the CoV of the pressure map over a study's solved draws: draws per bin, the p5,
 * p50 and p95 marked dashed, and every CoV target the study sets as a red line with the
 * probability of meeting it.
 */
export function toleranceHistogramSpec(o: ToleranceHistogramOptions): TopLevelSpec {
  const { result, state } = o;
  const values = result.draws.flatMap((d) => {
    const v = d.status === 'ok' ? d.metrics?.[state]?.cov : undefined;
    return v === undefined ? [] : [v];
  });
  if (values.length === 0)
    throw new RangeError(`${result.caseName}: no solved draw has a CoV in this load state to draw`);
  const dist = result.distributions[state]?.cov;
  const bins = countHistogram(values);
  const targets = result.targets.filter((t) => t.metric === 'cov');
  const bounds = targets.flatMap((t) => [t.min, t.max].filter((v): v is number => v !== undefined));
  // the percentiles lie within the draws' range unless the distribution is another study's; a
  // line outside the axis would be drawn past the plot
  const marks = dist ? [dist.p5, dist.p50, dist.p95] : [];
  const lo = Math.min(bins[0].v0, ...bounds, ...marks);
  const hi = Math.max(bins[bins.length - 1].v1, ...bounds, ...marks);
  const pad = 0.04 * (hi - lo || 1);
  const xScale = { domain: [lo - pad, hi + pad], nice: false, zero: false };
  const top = Math.max(...bins.map((b) => b.count));
  const yMax = Math.max(2, Math.ceil(top * 1.25));
  const yTicks = roundTicks(yMax, 11).filter((t) => Number.isInteger(t));
  const subtitle = [
    dist
      ? `${draws(values.length)} solved · CoV mean ${formatValue(dist.mean)}, p5 ${formatValue(dist.p5)}, p50 ${formatValue(dist.p50)}, p95 ${formatValue(dist.p95)} · CoV of the pressure over the footprint, one value per draw`
      : `${draws(values.length)} solved · CoV of the pressure over the footprint, one value per draw`,
  ];
  if (targets.length > 0)
    subtitle.push(
      targets.map((t) => `P(${targetText(t)}) = ${formatPercent(shareMeeting(values, t))}`).join(' · '),
    );
  const note = failedNote(result);
  if (note) subtitle.push(note);
  const size = {
    width: o.width ?? A4_LANDSCAPE_150DPI.width,
    height: o.height ?? A4_LANDSCAPE_150DPI.height,
  };
  const plotHeight = size.height - PAGE_PADDING - TITLE_BLOCK - subtitle.length * SUBTITLE_LINE - X_AXIS;
  const x = { type: 'quantitative', scale: xScale };
  const percentiles = dist
    ? [
        { v: dist.p5, label: `p5 ${formatValue(dist.p5)}`, row: 0 },
        { v: dist.p50, label: `p50 ${formatValue(dist.p50)}`, row: 1 },
        { v: dist.p95, label: `p95 ${formatValue(dist.p95)}`, row: 2 },
      ]
    : [];
  const targetLines = bounds.map((v) => ({ v, label: `target ${formatValue(v)}` }));
  const labelY = (row: number) => 8 + row * (FONT_SIZE.note + 6);
  const layers: Record<string, unknown>[] = [
    {
      data: { values: bins },
      mark: { type: 'rect', fill: BAR_FILL, stroke: OUTLINE_COLOUR, strokeWidth: 1 },
      encoding: {
        x: {
          field: 'v0',
          ...x,
          axis: { title: 'CoV of the pressure over the footprint [-]', tickCount: 10 },
        },
        x2: { field: 'v1' },
        y: {
          field: 'zero',
          type: 'quantitative',
          scale: { domain: [0, yMax], nice: false },
          axis: { title: 'draws', values: yTicks, format: tickFormat(yTicks) },
        },
        y2: { field: 'count' },
        tooltip: [
          { field: 'v0', title: 'from CoV [-]', format: '.3f' },
          { field: 'v1', title: 'to CoV [-]', format: '.3f' },
          { field: 'count', title: 'draws' },
        ],
      },
      transform: [{ calculate: '0', as: 'zero' }],
    },
  ];
  if (percentiles.length > 0)
    layers.push(
      {
        data: { values: percentiles },
        mark: { type: 'rule', strokeDash: [10, 6], strokeWidth: 2.5, color: OUTLINE_COLOUR },
        encoding: { x: { field: 'v', ...x } },
      },
      ...percentiles.map((p) => ({
        data: { values: [p] },
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'top',
          dx: 6,
          y: labelY(p.row),
          fontSize: FONT_SIZE.note,
        },
        encoding: { x: { field: 'v', ...x }, text: { field: 'label' } },
      })),
    );
  if (targetLines.length > 0)
    layers.push(
      {
        data: { values: targetLines },
        mark: { type: 'rule', strokeWidth: 3, color: TARGET_COLOUR },
        encoding: { x: { field: 'v', ...x } },
      },
      {
        data: { values: targetLines },
        mark: {
          type: 'text',
          align: 'right',
          baseline: 'top',
          dx: -6,
          y: labelY(3),
          fontSize: FONT_SIZE.note,
          color: TARGET_COLOUR,
        },
        encoding: { x: { field: 'v', ...x }, text: { field: 'label' } },
      },
    );
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: figureConfig(),
    usermeta: { figureSize: size },
    title: figureTitle(size.width, toleranceTitle(result, 'CoV over the draws', state), subtitle),
    width: size.width - PAGE_PADDING - Y_AXIS - 20,
    height: plotHeight,
    layer: layers,
  } as unknown as TopLevelSpec;
}
