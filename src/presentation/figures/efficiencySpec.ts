import type { TopLevelSpec } from 'vega-lite';
import type { ModuleResult } from '../../module/result';
import { libReference } from '../../module/sweep';
import { formatValue } from './figureText';
import {
  A4_LANDSCAPE_150DPI,
  FONT_SIZE,
  figureConfig,
  OUTLINE_COLOUR,
  VEGA_LITE_SCHEMA,
} from './figureTheme';
import { figureTitle } from './figureTitle';

export interface EfficiencyChartOptions {
  /** mark the stack pressure of the case at hand [MPa] */
  thisCase?: { pressureMPa: number; label?: string } | null;
  /** size of the whole figure [px]; default A4 landscape at 150 dpi */
  width?: number;
  height?: number;
}

/** Two series, told apart by hue and dash (the pressure scales are for fields, not series). */
const SERIES_COLOURS = ['#c0392b', '#2471a3'];

/**
 * Vega-Lite spec of one panel of Tan et al.'s Fig 5d–f: efficiency by mass and by volume against
 * stack pressure [MPa] (log axis) for one system size [kWh], with the LIB reference lines dashed
 * and, optionally, a marker at this case's pressure whose label sits above the plot, clear of the curves.
 */
export function efficiencyChartSpec(
  rows: ModuleResult[],
  systemKWh: number,
  subtitle: string,
  options: EfficiencyChartOptions = {},
): TopLevelSpec {
  const points = rows
    .filter((r) => r.systemKWh === systemKWh)
    .flatMap((r) => [
      { pressureMPa: r.pressureMPa, efficiency: r.massEfficiency * 100, series: 'by mass' },
      { pressureMPa: r.pressureMPa, efficiency: r.volumeEfficiency * 100, series: 'by volume' },
    ]);
  const refs = [
    { efficiency: libReference.massEfficiency * 100, series: 'by mass', label: 'LIB, mass 82 %' },
    { efficiency: libReference.volumeEfficiency * 100, series: 'by volume', label: 'LIB, volume 73 %' },
  ];
  const color = {
    field: 'series',
    type: 'nominal',
    title: 'ASSB module',
    scale: { domain: ['by mass', 'by volume'], range: SERIES_COLOURS },
    // vega cuts legend titles at 180 px by default: "ASSB modu…" at print font sizes
    legend: { titleLimit: 600, labelLimit: 600 },
  } as const;
  const size = {
    width: options.width ?? A4_LANDSCAPE_150DPI.width,
    height: options.height ?? A4_LANDSCAPE_150DPI.height,
  };
  const x = {
    field: 'pressureMPa',
    type: 'quantitative',
    scale: { type: 'log', domain: [1, 100] },
    title: 'stack pressure [MPa]',
  } as const;
  const y = {
    field: 'efficiency',
    type: 'quantitative',
    scale: { domain: [0, 100] },
    title: 'conversion efficiency [%]',
  } as const;
  const layer: Record<string, unknown>[] = [
    {
      data: { values: points },
      mark: { type: 'line', strokeWidth: 3, point: { size: 80, filled: true } },
      encoding: {
        x,
        y,
        color,
        tooltip: [
          { field: 'series', title: 'efficiency' },
          { field: 'pressureMPa', title: 'p [MPa]', type: 'quantitative', format: '.2f' },
          { field: 'efficiency', title: 'efficiency [%]', type: 'quantitative', format: '.1f' },
        ],
      },
    },
    {
      data: { values: refs },
      mark: { type: 'rule', strokeDash: [10, 6], strokeWidth: 2 },
      encoding: { y: { field: 'efficiency', type: 'quantitative' }, color },
    },
    {
      data: { values: refs },
      mark: { type: 'text', align: 'left', dx: 6, dy: -10, fontSize: FONT_SIZE.note },
      encoding: {
        x: { datum: 1, type: 'quantitative' },
        y: { field: 'efficiency', type: 'quantitative' },
        text: { field: 'label' },
        color,
      },
    },
  ];
  const mark = options.thisCase;
  if (mark && Number.isFinite(mark.pressureMPa) && mark.pressureMPa > 0) {
    const at = [
      {
        pressureMPa: mark.pressureMPa,
        label: mark.label ?? `this case, ${formatValue(mark.pressureMPa)} MPa`,
      },
    ];
    layer.push(
      {
        data: { values: at },
        mark: { type: 'rule', strokeWidth: 2.5, color: OUTLINE_COLOUR },
        encoding: {
          x: { field: 'pressureMPa', type: 'quantitative' },
          tooltip: [{ field: 'pressureMPa', title: 'this case p [MPa]', format: '.2f' }],
        },
      },
      {
        data: { values: at },
        // above the plot area (y < 0 px), where no curve can run
        mark: { type: 'text', baseline: 'bottom', y: -8, fontSize: FONT_SIZE.note, color: OUTLINE_COLOUR },
        encoding: { x: { field: 'pressureMPa', type: 'quantitative' }, text: { field: 'label' } },
      },
    );
  }
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: { ...figureConfig(), legend: { ...(figureConfig().legend as object), orient: 'right' } },
    usermeta: { figureSize: size },
    title: figureTitle(size.width, `Cell-to-module conversion efficiency, ${systemKWh} kWh`, [subtitle], {
      offset: 44,
    }),
    width: size.width - 48 - 140 - 260,
    height: size.height - 48 - 150 - 110,
    layer,
  } as unknown as TopLevelSpec;
}
