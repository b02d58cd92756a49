import { z } from 'zod';
import { quantity } from '../case/quantity';

/**
 * Cell input: a layer stack plus how it is built into a pouch cell.
 * Units: thickness µm, areal loading mg/cm², areal capacity mAh/cm², density g/cm³,
 * specific capacity mAh/g, potentials V vs Li/Li⁺, pouch dimensions mm, mass g.
 */

const fraction = (d: string) => quantity('', d, { gt: 0, lte: 1 });
const porosity = (d: string) => quantity('', d, { gte: 0, lt: 1 });
const densityGcc = (d: string) => quantity('g/cm³', d, { gt: 0, lte: 25 });
const thicknessUm = (d: string) => quantity('µm', d, { gte: 0, lte: 5000 });

const cathodeLoading = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('active-mass'),
      mgPerCm2: quantity('mg/cm²', 'areal mass of cathode active material (not composite)', {
        gt: 0,
        lte: 200,
      }),
    })
    .strict(),
  z
    .object({
      kind: z.literal('areal-capacity'),
      mAhPerCm2: quantity('mAh/cm²', 'areal capacity of one cathode coating', { gt: 0, lte: 40 }),
    })
    .strict(),
  z
    .object({
      kind: z.literal('thickness'),
      um: quantity('µm', 'thickness of one cathode composite coating', { gt: 0, lte: 2000 }),
    })
    .strict(),
]);

const compositeDensity = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('direct'), gPerCm3: densityGcc('composite (electrode) density incl. pores') })
    .strict(),
  z
    .object({
      kind: z.literal('porosity'),
      porosity: porosity('pore volume fraction of the composite'),
      activeDensityGPerCm3: densityGcc('crystal density of the active material'),
      balanceDensityGPerCm3: densityGcc(
        'mean density of the non-active balance (solid electrolyte, carbon, binder)',
      ),
    })
    .strict(),
]);

export const cathodeSchema = z
  .object({
    material: z.string().min(1).meta({ description: 'label of the active material, e.g. NMC811' }),
    specificCapacityMAhPerG: quantity('mAh/g', 'reversible specific capacity of the active material', {
      gt: 0,
      lte: 1000,
    }),
    averageVoltageV: quantity('V', 'average discharge potential vs Li/Li⁺', { gt: 0, lte: 6 }),
    activeWtFraction: fraction('active material mass fraction of the composite'),
    loading: cathodeLoading,
    density: compositeDensity,
  })
  .strict();

export const separatorSchema = z
  .object({
    material: z.string().min(1).meta({ description: 'solid electrolyte label, e.g. LGPS' }),
    densityGPerCm3: densityGcc('crystal density of the solid electrolyte'),
    thicknessUm: quantity('µm', 'separator thickness', { gt: 0, lte: 2000 }),
    porosity: porosity('pore volume fraction of the separator').default(0),
  })
  .strict();

const liMetalSizing = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('np-ratio'),
      value: quantity('', 'anode/cathode capacity ratio', { gt: 0, lte: 100 }),
    })
    .strict(),
  z
    .object({ kind: z.literal('thickness'), um: quantity('µm', 'Li foil thickness', { gt: 0, lte: 2000 }) })
    .strict(),
]);

export const anodeSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('li-metal'),
      sizing: liMetalSizing,
      specificCapacityMAhPerG: quantity('mAh/g', 'Li specific capacity', { gt: 0, lte: 4000 }).default(3860),
      densityGPerCm3: densityGcc('Li density').default(0.534),
    })
    .strict(),
  z
    .object({
      kind: z.literal('anode-free'),
      reservoirUm: thicknessUm('excess Li deposited on the collector at assembly (0 = none)').default(0),
      densityGPerCm3: densityGcc('Li density').default(0.534),
    })
    .strict(),
  z
    .object({
      kind: z.literal('composite'),
      material: z.string().min(1).meta({ description: 'anode active material label: graphite, Si, Li-In …' }),
      specificCapacityMAhPerG: quantity('mAh/g', 'specific capacity of the anode active material', {
        gt: 0,
        lte: 4000,
      }),
      activeWtFraction: fraction('active material mass fraction of the anode composite'),
      compositeDensityGPerCm3: densityGcc('anode composite density incl. pores'),
      npRatio: quantity('', 'anode/cathode capacity ratio', { gt: 0, lte: 100 }),
      averagePotentialV: quantity('V', 'average anode potential vs Li/Li⁺ (subtracted from the cathode)', {
        gte: 0,
        lte: 3,
      }),
    })
    .strict(),
]);

export const collectorSchema = z
  .object({
    material: z.enum(['Al', 'Cu', 'Ni', 'stainless']).meta({ description: 'current collector foil metal' }),
    thicknessUm: quantity('µm', 'foil thickness', { gt: 0, lte: 500 }),
    densityGPerCm3: densityGcc('foil density; omitted = handbook value for the metal').optional(),
  })
  .strict();

export const constructionSchema = z
  .object({
    coating: z.enum(['single', 'double']).meta({
      description: 'single: each electrode coated on one side; double: collectors shared by two unit cells',
    }),
    layers: quantity('', 'unit cells (cathode coatings facing an anode) in the pouch', {
      int: true,
      gte: 1,
      lte: 500,
    }),
    stacking: z
      .enum(['parallel', 'bipolar'])
      .meta({ description: 'parallel: unit cells in parallel (bi-cell stack); bipolar: in series' }),
    electrodeWidthMm: quantity('mm', 'coated electrode width', { gt: 0, lte: 2000 }),
    electrodeLengthMm: quantity('mm', 'coated electrode length', { gt: 0, lte: 2000 }),
    edgeMarginMm: quantity('mm', 'pouch edge margin each side (stacking tolerance and seal)', {
      gte: 0,
      lte: 100,
    }).default(5),
    pouchFoilThicknessUm: quantity('µm', 'laminated Al pouch foil thickness', { gte: 0, lte: 1000 }).default(
      113,
    ),
    pouchFoilDensityGPerCm3: densityGcc('mean density of the pouch laminate').default(1.6),
    tabMassG: quantity('g', 'mass of both tabs with sealant', { gte: 0, lte: 1000 }).default(2),
    tabProtrusionMm: quantity('mm', 'tab length outside the pouch counted in the box volume', {
      gte: 0,
      lte: 200,
    }).default(0),
  })
  .strict();

export const cellSchema = z
  .object({
    name: z.string().default('cell').meta({ description: 'label of this cell design' }),
    cathode: cathodeSchema,
    separator: separatorSchema,
    anode: anodeSchema,
    cathodeCollector: collectorSchema,
    anodeCollector: collectorSchema,
    construction: constructionSchema,
  })
  .strict()
  .superRefine((cell, ctx) => {
    // A bipolar foil carries a cathode on one face and an anode on the other: there is nothing to share.
    if (cell.construction.stacking === 'bipolar' && cell.construction.coating === 'double') {
      ctx.addIssue({
        code: 'custom',
        path: ['construction', 'coating'],
        input: cell.construction.coating,
        message: `"double" — bipolar stacking needs coating "single" (one cathode and one anode per bipolar foil)`,
      });
    }
  });

export type CellInput = z.input<typeof cellSchema>;
export type Cell = z.output<typeof cellSchema>;
