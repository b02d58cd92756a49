import type { TopLevelSpec } from 'vega-lite';
import { formatValue } from './figureText';
import {
  A4_LANDSCAPE_150DPI,
  FONT_SIZE,
  figureConfig,
  OUTLINE_COLOUR,
  VEGA_LITE_SCHEMA,
} from './figureTheme';
import { figureTitle } from './figureTitle';

/** One evaluated design on the chart: solved, so it has a CoV and an efficiency. */
export interface ParetoPoint {
  /** archive index, shown in the tooltip */
  index: number;
  /** cell-to-module efficiency [%] */
  efficiencyPct: number;
  /** CoV of the cell pressure after swelling [-] */
  cov: number;
  /** infeasible: violates a constraint; feasible: meets all; front: feasible and non-dominated */
  kind: 'infeasible' | 'feasible' | 'front';
}

export interface ParetoChartOptions {
  /** the chosen design's archive index (marked and labelled); none: no feasible design qualified */
  chosen?: number;
  /** CoV limit of the chosen design [-], drawn as a dashed rule */
  covLimit: number;
  /** 'mass' or 'volume': which efficiency the y axis shows */
  measure: 'mass' | 'volume';
  /** designs that failed (no CoV), counted in the subtitle */
  failed?: number;
  width?: number;
  height?: number;
}

const KINDS = ['infeasible', 'feasible', 'Pareto front'] as const;
const KIND_COLOURS = ['#9e9e9e', '#5d9cd4', '#c0392b'];

/**
 * The right end of the CoV axis [-]: the largest CoV shown, but no further than four times the
 * limit — a dome-bent thin plate reaches a CoV of 1 or more, and would squash the region a
 * designer chooses in against the axis.
 */
export function covAxisMax(points: readonly ParetoPoint[], covLimit: number): number {
  const largest = points.reduce((m, p) => Math.max(m, p.cov), 0);
  return Math.max(covLimit * 1.5, Math.min(largest * 1.05, covLimit * 4));
}

/**
 * Vega-Lite spec of a design search's Pareto chart: cell-to-module efficiency [%] against CoV
 * after swelling [-], every solved design a point (infeasible faint, feasible blue), the feasible
 * front joined in red, the CoV limit dashed and the chosen design ringed and labelled.
 */
export function paretoChartSpec(
  points: readonly ParetoPoint[],
  title: string,
  options: ParetoChartOptions,
): TopLevelSpec {
  const size = {
    width: options.width ?? A4_LANDSCAPE_150DPI.width,
    height: options.height ?? A4_LANDSCAPE_150DPI.height,
  };
  const xMax = covAxisMax(points, options.covLimit);
  const beyond = points.filter((p) => p.cov > xMax).length;
  const label = (k: ParetoPoint['kind']) => (k === 'front' ? 'Pareto front' : k);
  const values = points.filter((p) => p.cov <= xMax).map((p) => ({ ...p, group: label(p.kind) }));
  const front = values.filter((p) => p.kind === 'front').sort((a, b) => a.cov - b.cov);
  const chosen = points.find((p) => p.index === options.chosen);
  const effMax = Math.max(1, ...values.map((p) => p.efficiencyPct));
  const x = {
    field: 'cov',
    type: 'quantitative',
    scale: { domain: [0, xMax], nice: false },
    title: 'CoV of the cell pressure after swelling [-]',
  } as const;
  const y = {
    field: 'efficiencyPct',
    type: 'quantitative',
    scale: { domain: [0, Number((effMax * 1.15).toPrecision(2))], nice: false },
    title: `cell-to-module efficiency by ${options.measure} [%]`,
  } as const;
  const colour = {
    field: 'group',
    type: 'nominal',
    title: 'designs',
    scale: { domain: [...KINDS], range: KIND_COLOURS },
    legend: { titleLimit: 600, labelLimit: 600 },
  } as const;
  const tooltip = [
    { field: 'index', title: 'design #', type: 'quantitative' },
    { field: 'efficiencyPct', title: 'efficiency [%]', type: 'quantitative', format: '.2f' },
    { field: 'cov', title: 'CoV [-]', type: 'quantitative', format: '.4f' },
    { field: 'group', title: 'status' },
  ];
  const layer: Record<string, unknown>[] = [
    // infeasible designs faint, under the feasible ones
    {
      data: { values: values.filter((p) => p.kind === 'infeasible') },
      mark: { type: 'point', filled: true, size: 90, clip: true, opacity: 0.35 },
      encoding: { x, y, color: colour, tooltip },
    },
    {
      data: { values: values.filter((p) => p.kind === 'feasible') },
      mark: { type: 'point', filled: true, size: 110, clip: true, opacity: 0.8 },
      encoding: { x, y, color: colour, tooltip },
    },
    {
      data: { values: front },
      mark: { type: 'line', strokeWidth: 3, clip: true, point: { size: 140, filled: true } },
      encoding: { x, y, color: colour, order: { field: 'cov', type: 'quantitative' }, tooltip },
    },
    {
      data: { values: [{ cov: options.covLimit, text: `CoV limit ${formatValue(options.covLimit)}` }] },
      mark: { type: 'rule', strokeDash: [12, 8], strokeWidth: 2.5, color: OUTLINE_COLOUR },
      encoding: { x: { field: 'cov', type: 'quantitative' } },
    },
    {
      data: { values: [{ cov: options.covLimit, text: `CoV limit ${formatValue(options.covLimit)}` }] },
      // above the plot area (y < 0 px), where no point can sit
      mark: { type: 'text', baseline: 'bottom', y: -8, fontSize: FONT_SIZE.note, color: OUTLINE_COLOUR },
      encoding: { x: { field: 'cov', type: 'quantitative' }, text: { field: 'text' } },
    },
  ];
  if (chosen) {
    const at = [
      {
        cov: chosen.cov,
        efficiencyPct: chosen.efficiencyPct,
        text: `chosen #${chosen.index}: ${chosen.efficiencyPct.toFixed(2)} %, CoV ${chosen.cov.toFixed(3)}`,
      },
    ];
    layer.push(
      {
        data: { values: at },
        mark: {
          type: 'point',
          shape: 'circle',
          size: 900,
          strokeWidth: 4,
          color: OUTLINE_COLOUR,
          filled: false,
        },
        encoding: {
          x: { field: 'cov', type: 'quantitative' },
          y: { field: 'efficiencyPct', type: 'quantitative' },
        },
      },
      {
        data: { values: at },
        mark: {
          type: 'text',
          align: chosen.cov > xMax * 0.6 ? 'right' : 'left',
          dx: chosen.cov > xMax * 0.6 ? -26 : 26,
          dy: -26,
          fontSize: FONT_SIZE.note,
          fontWeight: 'bold',
          color: OUTLINE_COLOUR,
        },
        encoding: {
          x: { field: 'cov', type: 'quantitative' },
          y: { field: 'efficiencyPct', type: 'quantitative' },
          text: { field: 'text' },
        },
      },
    );
  }
  const counts = `${points.filter((p) => p.kind !== 'infeasible').length} feasible of ${points.length} solved designs`;
  const notes = [
    counts,
    ...(options.failed ? [`${options.failed} not solved`] : []),
    ...(beyond > 0 ? [`${beyond} with CoV > ${formatValue(xMax)} not shown`] : []),
    chosen ? 'ringed: least inactive mass within the CoV limit' : 'no feasible design within the CoV limit',
  ];
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: { ...figureConfig(), legend: { ...(figureConfig().legend as object), orient: 'right' } },
    usermeta: { figureSize: size },
    title: figureTitle(size.width, title, [notes.join(' · ')], { offset: 44 }),
    width: size.width - 48 - 140 - 260,
    height: size.height - 48 - 150 - 110,
    layer,
  } as unknown as TopLevelSpec;
}
