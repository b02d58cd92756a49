import { z } from 'zod';
import { quantity } from '../case/quantity';

/**
 * Plates-only module input: exactly the method of Tan et al. (Fig 5c–f): cells and two end plates sized
 * by Roark. Each field the paper leaves unstated is here with a documented default (src/module/README.md).
 * The full mode (fullSchema.ts) picks its shared fields from here with these defaults; the plates-only cell
 * defaults are set apart below, so the full mode keeps its own.
 */
export const platesOnlyModuleFields = {
  systemKWh: quantity('kWh', 'system energy', { gt: 0, lte: 100_000 }),
  pressureMPa: quantity('MPa', 'stack pressure', { gt: 0, lte: 1000 }),
  cellWhPerKg: quantity('Wh/kg', 'cell gravimetric energy density (default: an assumed cell target)', {
    gt: 0,
    lte: 2000,
  }).default(350),
  cellWhPerL: quantity('Wh/L', 'cell volumetric energy density (default: an assumed cell target)', {
    gt: 0,
    lte: 5000,
  }).default(750),
  footprintWidthMm: quantity('mm', 'cell footprint width = plate span (default: 100 × 300 mm large pouch)', {
    gt: 0,
    lte: 5000,
  }).default(100),
  footprintLengthMm: quantity('mm', 'cell footprint length = plate span', { gt: 0, lte: 5000 }).default(300),
  edge: z.enum(['simply-supported', 'clamped']).default('simply-supported').meta({
    description: 'plate edge condition: Roark Table 11.4 case 1a (simply supported) or 8a (clamped)',
  }),
  deflectionLimit: quantity('', 'deflection limit N in y_max ≤ L/N (Tan et al.: 500; ACI: 240, 360)', {
    gt: 0,
    lte: 100_000,
  }).default(500),
  span: z
    .enum(['short-side', 'long-side'])
    .default('short-side')
    .meta({ description: 'which side is the plate span L in L/N' }),
  plateCount: quantity('', 'end plates per module (2: top and bottom)', {
    int: true,
    gte: 1,
    lte: 2,
  }).default(2),
  E: quantity('MPa', "plate Young's modulus (Tan et al.: steel, 200 GPa)", { gt: 0, lte: 1e6 }).default(
    200_000,
  ),
  nu: quantity('', "plate Poisson's ratio (Roark's tables assume 0.3)", { gte: 0, lt: 0.5 }).default(0.3),
  densityKgPerM3: quantity('kg/m³', 'plate density (carbon steel 7850)', { gt: 0, lte: 25_000 }).default(
    7850,
  ),
  maxStackHeightMm: quantity('mm', 'tallest stack per module; omitted = a single stack', {
    gt: 0,
  }).optional(),
  plateMarginMm: quantity(
    'mm',
    'how far each end plate reaches past the cell footprint on every side; the plate is supported (bolted) on its own edge, so its span is footprint + 2 × margin (default 0: the plate is the footprint)',
    { gte: 0, lte: 1000 },
  ).default(0),
};

/**
 * The cell of the plates-only mode: the pouch-level result of the cell preset `ncm811-li-30um-separator`
 * (NCM811‖Li, 30 µm sulfide separator, a 100 × 300 mm pouch = the default footprint). Denser than the
 * full mode's 350 Wh/kg, 750 Wh/L target (2.59 vs 2.14 kg/L), because Tan et al.'s 1 kWh and 10 kWh
 * results can only both hold for cells denser than 2.26 kg/L, whatever the plate (src/module/README.md).
 */
const platesOnlyCell = {
  cellWhPerKg: quantity('Wh/kg', 'cell gravimetric energy density (default: NCM811‖Li sulfide pouch)', {
    gt: 0,
    lte: 2000,
  }).default(360),
  cellWhPerL: quantity('Wh/L', 'cell volumetric energy density (default: NCM811‖Li sulfide pouch)', {
    gt: 0,
    lte: 5000,
  }).default(932),
};

export const platesOnlyModuleSchema = z.object({ ...platesOnlyModuleFields, ...platesOnlyCell }).strict();

export type PlatesOnlyModuleInput = z.input<typeof platesOnlyModuleSchema>;
export type PlatesOnlyModule = z.output<typeof platesOnlyModuleSchema>;
