import { parseInput } from '../validation/parseInput';
import { cellStack } from './cellStack';
import { roarkPlateSizer } from './plateSizing';
import { type PlatesOnlyModuleInput, platesOnlyModuleSchema } from './platesOnlySchema';
import type { ModuleResult } from './result';

/**
 * The module of Tan et al. (Fig 5c–f): two steel end plates sized by Roark for L/limit deflection,
 * nothing else counted. Efficiency = cells / (cells + plates), by mass and by volume (solid volumes:
 * cells [L] and plate outline × thickness).
 */
export function evaluatePlatesOnlyModule(raw: PlatesOnlyModuleInput): ModuleResult {
  const m = parseInput(platesOnlyModuleSchema, raw, 'plates-only module');
  const area = m.footprintWidthMm * m.footprintLengthMm;
  const stack = cellStack(
    m.systemKWh,
    m.cellWhPerKg,
    m.cellWhPerL,
    area,
    m.maxStackHeightMm ?? Number.POSITIVE_INFINITY,
  );
  // The plate reaches the margin past the cells on every side and rests on its own edge (Roark's
  // edge-supported plate), so it is loaded over its whole span: on the safe side, as in the full mode.
  const plateWidthMm = m.footprintWidthMm + 2 * m.plateMarginMm;
  const plateLengthMm = m.footprintLengthMm + 2 * m.plateMarginMm;
  const plate = roarkPlateSizer({
    widthMm: plateWidthMm,
    lengthMm: plateLengthMm,
    pressureMPa: m.pressureMPa,
    edge: m.edge,
    E: m.E,
    nu: m.nu,
    yieldMPa: Number.POSITIVE_INFINITY,
    deflectionLimit: m.deflectionLimit,
    span: m.span,
    stressSafetyFactor: 0,
  });
  const plateVolumeL =
    (stack.moduleCount * m.plateCount * plateWidthMm * plateLengthMm * plate.thicknessMm) / 1e6;
  const plateMassKg = (plateVolumeL / 1000) * m.densityKgPerM3;
  const moduleMassKg = stack.cellMassKg + plateMassKg;
  const moduleVolumeL = stack.cellVolumeL + plateVolumeL;
  return {
    mode: 'plates-only',
    systemKWh: m.systemKWh,
    pressureMPa: m.pressureMPa,
    stack,
    plate,
    parts: [{ part: 'end plates', massKg: plateMassKg, volumeL: plateVolumeL }],
    moduleMassKg,
    moduleVolumeL,
    massEfficiency: stack.cellMassKg / moduleMassKg,
    volumeEfficiency: stack.cellVolumeL / moduleVolumeL,
    feasible: true,
    notes: [],
  };
}
