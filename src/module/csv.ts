import type { ModuleResult } from './result';
import type { Crossing } from './sweep';

/** The columns of `efficiency.csv`, fixed so scripts can rely on them: efficiencies as fractions, plate thickness in mm. */
export const efficiencyColumns = [
  'systemKWh',
  'pressureMPa',
  'massEfficiency',
  'volumeEfficiency',
  'plateThicknessMm',
];

const num = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(10))) : '');

/** `efficiency.csv`: one row per system size and pressure. */
export function efficiencyCsv(rows: ModuleResult[]): string {
  const lines = rows.map((r) =>
    [r.systemKWh, r.pressureMPa, r.massEfficiency, r.volumeEfficiency, r.plate.thicknessMm]
      .map(num)
      .join(','),
  );
  return `${[efficiencyColumns.join(','), ...lines].join('\n')}\n`;
}

/** `parts.csv`: mass [kg] and volume [L] of every part, so the share of tie rods, springs … is visible. */
export function partsCsv(rows: ModuleResult[]): string {
  const names = [...new Set(rows.flatMap((r) => r.parts.map((p) => p.part)))];
  const slug = (s: string) => s.replace(/[^a-z]+/gi, '_').replace(/_$/, '');
  const header = [
    'systemKWh',
    'pressureMPa',
    'moduleCount',
    'stackHeightMm',
    'cellMassKg',
    ...names.map((n) => `${slug(n)}MassKg`),
    ...names.map((n) => `${slug(n)}VolumeL`),
    'boltCount',
    'boltDiameterMm',
    'massEfficiency',
    'volumeEfficiency',
    'feasible',
  ];
  const lines = rows.map((r) => {
    const byName = (n: string) => r.parts.find((p) => p.part === n);
    return [
      num(r.systemKWh),
      num(r.pressureMPa),
      String(r.stack.moduleCount),
      num(r.stack.stackHeightMm),
      num(r.stack.cellMassKg),
      ...names.map((n) => num(byName(n)?.massKg ?? 0)),
      ...names.map((n) => num(byName(n)?.volumeL ?? 0)),
      String(r.fasteners?.count ?? 0),
      num(r.fasteners?.diameterMm ?? 0),
      num(r.massEfficiency),
      num(r.volumeEfficiency),
      String(r.feasible),
    ].join(',');
  });
  return `${[header.join(','), ...lines].join('\n')}\n`;
}

/** `crossings.csv`: where each curve meets its LIB line. */
export function crossingsCsv(rows: Crossing[]): string {
  const lines = rows.map((c) =>
    [
      num(c.systemKWh),
      c.metric,
      num(c.reference),
      c.status,
      c.pressureMPa === null ? '' : num(c.pressureMPa),
    ].join(','),
  );
  return `${['systemKWh,metric,reference,status,pressureMPa', ...lines].join('\n')}\n`;
}
