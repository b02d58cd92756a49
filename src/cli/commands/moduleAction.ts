import { InvalidArgumentError } from 'commander';
import { evaluateCell } from '../../cell/model';
import { namedCells } from '../../cell/presets';
import { crossingsCsv, efficiencyCsv, partsCsv } from '../../module/csv';
import { fePlateSizer } from '../../module/fePlateSizer';
import { evaluateFullModule } from '../../module/fullMode';
import type { FullModuleInput } from '../../module/fullSchema';
import { optimiseModule } from '../../module/optimiser';
import { type PlateSizer, roarkPlateSizer } from '../../module/plateSizing';
import { evaluatePlatesOnlyModule } from '../../module/platesOnlyMode';
import type { PlatesOnlyModuleInput } from '../../module/platesOnlySchema';
import { crossings, logSpace, type ModuleEvaluator, sweep } from '../../module/sweep';
import { efficiencyChartSpec } from '../../presentation/figures/efficiencySpec';
import { writeReport } from '../../report/atomicWrite';
import { figureFiles } from '../../report/figureFiles';
import { designMarginsTable } from './designMargins';

export interface ModuleOptions {
  platesOnly?: boolean;
  out: string;
  systems: number[];
  pMin: number;
  pMax: number;
  points: number;
  cell?: string;
  cellWhKg?: number;
  cellWhL?: number;
  footprint?: [number, number];
  edge?: 'simply-supported' | 'clamped';
  deflectionLimit?: number;
  span?: 'short-side' | 'long-side';
  plates?: number;
  e?: number;
  nu?: number;
  density?: number;
  maxStackHeight?: number;
  plateMargin?: number;
  plateMaterial?: string;
  boltMaterial?: string;
  boltSafetyFactor?: number;
  plateSafetyFactor?: number;
  springs: boolean;
  gaskets: boolean;
  plateSizing: 'roark' | 'fe';
  optimise?: 'mass' | 'volume';
  system?: number;
  pressure?: number;
}

/**
 * The action of `stackpress module` (registered in ./module.ts): with `--optimise` the best design
 * for one system size and pressure (design.json), otherwise the efficiency sweep (CSV and SVG).
 */
export async function runModule(opts: ModuleOptions): Promise<void> {
  if (opts.optimise) return optimise(opts);
  await sweepAndReport(opts);
}

function cellDensities(o: ModuleOptions): { cellWhPerKg?: number; cellWhPerL?: number } {
  if (!o.cell) return { cellWhPerKg: o.cellWhKg, cellWhPerL: o.cellWhL };
  const preset = namedCells[o.cell];
  if (!preset)
    throw new InvalidArgumentError(`--cell "${o.cell}" is not one of ${Object.keys(namedCells).join(', ')}`);
  const { pouch } = evaluateCell(preset);
  return { cellWhPerKg: o.cellWhKg ?? pouch.whPerKg, cellWhPerL: o.cellWhL ?? pouch.whPerL };
}

/** Only the options the user gave, so schema defaults apply to the rest. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function platesOnlyInput(o: ModuleOptions): Omit<PlatesOnlyModuleInput, 'systemKWh' | 'pressureMPa'> {
  return defined({
    ...cellDensities(o),
    footprintWidthMm: o.footprint?.[0],
    footprintLengthMm: o.footprint?.[1],
    edge: o.edge,
    deflectionLimit: o.deflectionLimit,
    span: o.span,
    plateCount: o.plates,
    E: o.e,
    nu: o.nu,
    densityKgPerM3: o.density,
    maxStackHeightMm: o.maxStackHeight,
    plateMarginMm: o.plateMargin,
  });
}

function fullInput(o: ModuleOptions): Omit<FullModuleInput, 'systemKWh' | 'pressureMPa'> {
  // the full mode sizes its own plate outline from the bolts, so the plates-only margin does not apply
  const { E: _e, nu: _nu, densityKgPerM3: _d, plateMarginMm: _m, ...shared } = platesOnlyInput(o);
  return defined({
    ...shared,
    plateMaterial: o.plateMaterial,
    boltMaterial: o.boltMaterial,
    boltSafetyFactor: o.boltSafetyFactor,
    plateSafetyFactor: o.plateSafetyFactor,
    springs: o.springs,
    gaskets: o.gaskets,
  } as Omit<FullModuleInput, 'systemKWh' | 'pressureMPa'>);
}

function plateSizerOf(o: ModuleOptions): PlateSizer {
  return o.plateSizing === 'fe' ? fePlateSizer : roarkPlateSizer;
}

async function sweepAndReport(o: ModuleOptions): Promise<void> {
  const evaluate: ModuleEvaluator = o.platesOnly
    ? (s, p) => evaluatePlatesOnlyModule({ ...platesOnlyInput(o), systemKWh: s, pressureMPa: p })
    : (s, p) => evaluateFullModule({ ...fullInput(o), systemKWh: s, pressureMPa: p }, plateSizerOf(o));
  if (o.pMax <= o.pMin) throw new InvalidArgumentError('--p-max must exceed --p-min');
  const pressures = logSpace(o.pMin, o.pMax, Math.round(o.points));
  const rows = sweep(evaluate, o.systems, pressures);
  const cross = crossings(evaluate, o.systems, { minMPa: o.pMin, maxMPa: o.pMax });
  const mode = o.platesOnly
    ? 'plates-only mode: Roark end plates only'
    : 'full mode: plates, tie rods, springs, gaskets';
  const files: Record<string, string | Uint8Array> = {
    'efficiency.csv': efficiencyCsv(rows),
    'crossings.csv': crossingsCsv(cross),
    'parts.csv': partsCsv(rows),
  };
  Object.assign(
    files,
    await figureFiles(
      Object.fromEntries(o.systems.map((s) => [`efficiency-${s}kWh`, efficiencyChartSpec(rows, s, mode)])),
    ),
  );
  const written = await writeReport(o.out, files);
  process.stdout.write(`${mode}\n`);
  for (const c of cross) {
    const where = c.pressureMPa === null ? c.status : `crosses at ${c.pressureMPa.toFixed(2)} MPa`;
    process.stdout.write(`  ${c.systemKWh} kWh, ${c.metric} vs LIB ${c.reference}: ${where}\n`);
  }
  process.stdout.write(`wrote ${written.join(', ')}\n`);
  const failed = rows.filter((r) => !r.feasible).length;
  if (failed > 0) {
    process.stderr.write(
      `${failed} of ${rows.length} designs could not meet every limit (see parts.csv, feasible)\n`,
    );
    process.exitCode = 1;
  }
}

async function optimise(o: ModuleOptions): Promise<void> {
  if (o.system === undefined || o.pressure === undefined) {
    throw new InvalidArgumentError('--optimise needs --system <kWh> and --pressure <MPa>');
  }
  const { footprintWidthMm: _w, footprintLengthMm: _l, plateMaterial: _m, ...base } = fullInput(o);
  const design = optimiseModule(
    { ...base, systemKWh: o.system, pressureMPa: o.pressure },
    defined({ objective: o.optimise, maxStackHeightMm: o.maxStackHeight }),
  );
  const text = `${JSON.stringify(design, null, 2)}\n`;
  const written = await writeReport(o.out, { 'design.json': text });
  const r = design.result;
  process.stdout.write(
    `best by ${design.objective}: ${r.stack.moduleCount} module(s) of ${design.footprintWidthMm.toFixed(0)} × ` +
      `${design.footprintLengthMm.toFixed(0)} mm, ${design.plateMaterial} plates ${r.plate.thicknessMm.toFixed(1)} mm, ` +
      `${r.fasteners?.count} × M${r.fasteners?.diameterMm}; efficiency ${(r.massEfficiency * 100).toFixed(1)} % by mass, ` +
      `${(r.volumeEfficiency * 100).toFixed(1)} % by volume\n${designMarginsTable(design)}\nwrote ${written.join(', ')}\n`,
  );
}
