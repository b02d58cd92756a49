import { z } from 'zod';
import { boltMaterials, plateMaterials } from '../case/materials';
import { quantity } from '../case/quantity';
import { platesOnlyModuleFields } from './platesOnlySchema';

const plateNames = Object.keys(plateMaterials) as [
  keyof typeof plateMaterials,
  ...(keyof typeof plateMaterials)[],
];
const boltNames = Object.keys(boltMaterials) as [
  keyof typeof boltMaterials,
  ...(keyof typeof boltMaterials)[],
];

/**
 * Full-mode module input: the plates-only mode's geometry plus real materials, a stress check, fasteners,
 * springs, gaskets and a stack-height limit that splits the system into modules.
 */
export const fullModuleSchema = z
  .object({
    systemKWh: platesOnlyModuleFields.systemKWh,
    pressureMPa: platesOnlyModuleFields.pressureMPa,
    cellWhPerKg: platesOnlyModuleFields.cellWhPerKg,
    cellWhPerL: platesOnlyModuleFields.cellWhPerL,
    footprintWidthMm: platesOnlyModuleFields.footprintWidthMm,
    footprintLengthMm: platesOnlyModuleFields.footprintLengthMm,
    edge: platesOnlyModuleFields.edge,
    deflectionLimit: platesOnlyModuleFields.deflectionLimit,
    span: platesOnlyModuleFields.span,
    plateCount: platesOnlyModuleFields.plateCount,
    plateMaterial: z
      .enum(plateNames)
      .default('carbon-steel')
      .meta({ description: `end-plate material: ${plateNames.join(', ')}` }),
    plateSafetyFactor: quantity('', 'plate bending stress ≤ yield / this; 0 = no stress check', {
      gte: 0,
      lte: 10,
    }).default(1.5),
    boltMaterial: z
      .enum(boltNames)
      .default('10.9')
      .meta({ description: `tie rod / bolt material: ${boltNames.join(', ')}` }),
    boltSafetyFactor: quantity('', 'bolt tension ≤ stress area × yield / this', { gte: 1, lte: 10 }).default(
      1.5,
    ),
    minBolts: quantity('', 'fewest bolts per module', { int: true, gte: 2, lte: 1000 }).default(4),
    minBoltPitchDiameters: quantity('', 'minimum bolt pitch along the bolt line [diameters]', {
      gt: 0,
      lte: 20,
    }).default(3),
    boltClearanceMm: quantity('mm', 'gap between a washer and the cell edge', { gte: 0, lte: 100 }).default(
      2,
    ),
    boltDiameterMm: quantity('mm', 'fix the bolt diameter; omitted = lightest feasible size', {
      gt: 0,
      lte: 200,
    }).optional(),
    springs: z.boolean().default(true).meta({ description: 'disc-spring stacks under the nuts' }),
    springTravelStrain: quantity('', 'stack growth the springs absorb, fraction of stack height', {
      gte: 0,
      lte: 1,
    }).default(0.02),
    gaskets: z.boolean().default(true).meta({ description: 'rubber pads between plates and stack' }),
    gasketThicknessMm: quantity('mm', 'thickness of each rubber pad', { gt: 0, lte: 100 }).default(3),
    maxStackHeightMm: quantity('mm', 'tallest stack per module; taller systems get more modules', {
      gt: 0,
    }).default(400),
  })
  .strict();

export type FullModuleInput = z.input<typeof fullModuleSchema>;
export type FullModule = z.output<typeof fullModuleSchema>;
