import type { TopLevelSpec } from 'vega-lite';
import { cssColour, NO_CONTACT_CSS, valueColour } from '../colourScale';
import { LOAD_STATE_LABEL, type LoadState, type PressureGrid, type ResultFields } from '../resultFields';
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
import { gridStats, pointWeight } from './gridCells';
import { interfaceState } from './pressureMapSpec';

export interface HistogramOptions {
  fields: ResultFields;
  interfaceIndex: number;
  state: LoadState;
  caseName: string;
  /** size of the whole figure [px]; default A4 landscape at 150 dpi */
  width?: number;
  height?: number;
}

/** One bar: pressures in [p0, p1) [MPa] and the share of the footprint area carrying them [%]. */
export interface PressureBin {
  p0: number;
  p1: number;
  percent: number;
}

/** Room [px] around the plots at the theme's font sizes. */
const { padding: PAGE_PADDING, titleBlock: TITLE_BLOCK, xAxis: X_AXIS, yAxis: Y_AXIS } = CHART_ROOM;
const SPACING = 30;

/** Bars of a histogram: about 30, at a round width. */
const BINS = 30;

/**
 * Area-weighted histogram of the pressure in contact (trapezoid weights of the grid points) as
 * shares of the whole footprint area [%], plus the open share: bars and open share sum to 100 %.
 */
export function pressureHistogram(grid: PressureGrid): { bins: PressureBin[]; openPercent: number } {
  const { min, max, area, openFraction } = gridStats(grid);
  const step = roundStep(max > min ? (max - min) / BINS : Math.max(Math.abs(min) * 0.02, 1e-3));
  const start = Math.floor(min / step) * step;
  const count = Math.max(1, Math.ceil((max - start) / step + 1e-9));
  const weight = new Float64Array(count);
  for (let j = 0; j < grid.ny; j++)
    for (let i = 0; i < grid.nx; i++) {
      const k = j * grid.nx + i;
      if (!grid.contact[k]) continue;
      const b = Math.min(count - 1, Math.max(0, Math.floor((grid.values[k] - start) / step)));
      weight[b] += pointWeight(j, grid.ny, grid.dy) * pointWeight(i, grid.nx, grid.dx);
    }
  const bins = Array.from(weight, (w, b) => ({
    p0: start + b * step,
    p1: start + (b + 1) * step,
    percent: area > 0 ? (100 * w) / area : 0,
  }));
  return { bins, openPercent: 100 * openFraction };
}

/** The round number (1, 2 or 5 × 10^k) at or above `raw`. */
function roundStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw * (1 - 1e-9)) ?? 10 * p;
}

/**
 * Histogram of one interface's pressure over the footprint: bars of the contact pressure in MPa,
 * each coloured as the map colours its middle, height the share of footprint area [%]; the open
 * area as its own grey "no contact" bar on the left, on the same y axis; the mean marked.
 */
export function histogramSpec(o: HistogramOptions): TopLevelSpec {
  const { name, field } = interfaceState(o.fields, o.interfaceIndex, o.state);
  const stats = gridStats(field.grid);
  const { bins, openPercent } = pressureHistogram(field.grid);
  const size = {
    width: o.width ?? A4_LANDSCAPE_150DPI.width,
    height: o.height ?? A4_LANDSCAPE_150DPI.height,
  };
  const top = Math.max(openPercent, ...bins.map((b) => b.percent));
  const yMax = Math.min(100, Math.max(5, Math.ceil((top * 1.12) / 5) * 5));
  const yScale = { domain: [0, yMax], nice: false };
  const yTicks = roundTicks(yMax, 11);
  const plotHeight = size.height - PAGE_PADDING - TITLE_BLOCK - X_AXIS;
  const openWidth = 150;
  const rows = bins.map((b) => ({
    ...b,
    c: cssColour(valueColour('pressure', 0.5 * (b.p0 + b.p1), stats.min, stats.max)),
  }));
  const yAxis = {
    field: 'percent',
    type: 'quantitative',
    scale: yScale,
    axis: { title: 'share of footprint area [%]', values: yTicks, format: tickFormat(yTicks) },
  };
  const open = {
    width: openWidth,
    height: plotHeight,
    data: { values: [{ label: 'no contact', percent: openPercent, text: formatPercent(openPercent / 100) }] },
    encoding: {
      x: { field: 'label', type: 'nominal', title: null, axis: { labelAngle: 0 } },
      y: yAxis,
    },
    layer: [
      {
        mark: {
          type: 'bar',
          fill: NO_CONTACT_CSS,
          stroke: OUTLINE_COLOUR,
          strokeWidth: 1,
          width: 0.7 * openWidth,
        },
        encoding: { tooltip: [{ field: 'percent', title: 'no contact [%]', format: '.1f' }] },
      },
      {
        mark: { type: 'text', baseline: 'bottom', dy: -6, fontSize: FONT_SIZE.note },
        encoding: { text: { field: 'text' } },
      },
    ],
  };
  // the mean over the footprint counts open area as 0, so it can lie below every contact bin
  const lo = Math.min(bins[0].p0, stats.mean);
  const hi = Math.max(bins[bins.length - 1].p1, stats.mean);
  const mean = { mean: stats.mean, label: `mean ${formatValue(stats.mean)} MPa` };
  const contact = {
    width: size.width - PAGE_PADDING - Y_AXIS - openWidth - SPACING - 20,
    height: plotHeight,
    encoding: {
      x: { field: 'p0', type: 'quantitative', scale: { domain: [lo, hi], nice: false, zero: false } },
    },
    layer: [
      {
        data: { values: rows },
        mark: { type: 'rect', stroke: OUTLINE_COLOUR, strokeWidth: 0.5 },
        encoding: {
          // about 10 ticks: vega's default of one per 40 px would hide most labels, which still cost render time
          x: { field: 'p0', type: 'quantitative', axis: { title: 'p [MPa]', tickCount: 10 } },
          x2: { field: 'p1' },
          // the shared y axis is drawn once, beside the no-contact bar
          y: { ...yAxis, field: 'zero', axis: null },
          y2: { field: 'percent' },
          color: { field: 'c', type: 'nominal', scale: null, legend: null },
          tooltip: [
            { field: 'p0', title: 'from p [MPa]', format: '.3f' },
            { field: 'p1', title: 'to p [MPa]', format: '.3f' },
            { field: 'percent', title: 'share of footprint [%]', format: '.2f' },
          ],
        },
        transform: [{ calculate: '0', as: 'zero' }],
      },
      {
        data: { values: [mean] },
        mark: { type: 'rule', strokeDash: [10, 6], strokeWidth: 2.5, color: OUTLINE_COLOUR },
        encoding: { x: { field: 'mean', type: 'quantitative' } },
      },
      {
        data: { values: [mean] },
        mark: { type: 'text', align: 'left', baseline: 'top', dx: 8, y: 8, fontSize: FONT_SIZE.note },
        encoding: { x: { field: 'mean', type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: figureConfig(),
    usermeta: { figureSize: size },
    title: figureTitle(
      size.width,
      `${o.caseName} — ${name}, ${LOAD_STATE_LABEL[o.state]}: pressure distribution`,
      [
        `area-weighted over the footprint (${formatValue(stats.area)} mm²) · in contact ${formatValue(stats.min)} to ${formatValue(stats.max)} MPa · CoV ${field.stats.cov.toFixed(2)}`,
      ],
    ),
    hconcat: [open, contact],
    spacing: SPACING,
    resolve: { scale: { y: 'shared' } },
  } as unknown as TopLevelSpec;
}
