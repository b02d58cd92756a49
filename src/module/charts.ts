import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ModuleResult } from './result';
import { libReference } from './sweep';

/**
 * Vega-Lite spec of one panel of Tan et al.'s Fig 5d–f: efficiency by mass and by volume against stack pressure
 * (log axis) for one system size, with the LIB reference lines dashed.
 */
export function efficiencyChartSpec(rows: ModuleResult[], systemKWh: number, subtitle: string): TopLevelSpec {
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
    scale: { range: ['#c0392b', '#2471a3'] },
  } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `Cell-to-module conversion efficiency, ${systemKWh} kWh`, subtitle },
    width: 420,
    height: 280,
    layer: [
      {
        data: { values: points },
        mark: { type: 'line', point: { size: 18 } },
        encoding: {
          x: {
            field: 'pressureMPa',
            type: 'quantitative',
            scale: { type: 'log', domain: [1, 100] },
            title: 'Stack pressure (MPa)',
          },
          y: {
            field: 'efficiency',
            type: 'quantitative',
            scale: { domain: [0, 100] },
            title: 'Conversion efficiency (%)',
          },
          color,
        },
      },
      {
        data: { values: refs },
        mark: { type: 'rule', strokeDash: [6, 4] },
        encoding: { y: { field: 'efficiency', type: 'quantitative' }, color },
      },
      {
        data: { values: refs },
        mark: { type: 'text', align: 'left', dx: 4, dy: -6, fontSize: 10 },
        encoding: {
          x: { datum: 1, type: 'quantitative' },
          y: { field: 'efficiency', type: 'quantitative' },
          text: { field: 'label' },
          color,
        },
      },
    ],
  } as TopLevelSpec;
}

/** Renders a Vega-Lite spec to an SVG string headlessly (no canvas, no DOM). */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
