import { z } from 'zod';
import { boltMaterials, plateMaterials } from './materials';
import { quantity } from './quantity';

/**
 * The case file: one clamped pouch-stack module. Units are mm, N, MPa throughout
 * (torque in N·mm, spring rate in N/mm, density in kg/m³). Plate coordinates: the plates
 * span [0, Lx] × [0, Ly]; z points from the bottom plate up through the stack to the top plate.
 */

const nonNegInt = (d: string) => quantity('', d, { int: true, gte: 0 });
const seed = nonNegInt('seed of the random generator, so a case always gives the same numbers').default(1);

const customPlateMaterial = z
  .object({
    E: quantity('MPa', "Young's modulus", { gt: 0 }),
    nu: quantity('', "Poisson's ratio", { gte: 0, lt: 0.5 }),
    density: quantity('kg/m³', 'density', { gt: 0 }),
    yield: quantity('MPa', 'yield strength', { gt: 0 }),
  })
  .strict();

const presetNames = Object.keys(plateMaterials) as [
  keyof typeof plateMaterials,
  ...(keyof typeof plateMaterials)[],
];
export const plateMaterialSchema = z
  .union([z.enum(presetNames), customPlateMaterial], {
    error: (iss) =>
      `${JSON.stringify(iss.input)} — must be one of ${presetNames.join(', ')} or {E, nu, density, yield}`,
  })
  .meta({
    description: `a preset (${presetNames.join(', ')}) or {E [MPa], nu, density [kg/m³], yield [MPa]}`,
  });

/** A value map on a rectangular grid in plate coordinates; rows follow y, columns follow x. */
const gridMap = (unit: string, what: string) =>
  z
    .object({
      x: z
        .array(quantity('mm', 'grid x coordinate'))
        .min(2)
        .meta({ description: 'grid x coordinates, increasing [mm]' }),
      y: z
        .array(quantity('mm', 'grid y coordinate'))
        .min(2)
        .meta({ description: 'grid y coordinates, increasing [mm]' }),
      values: z
        .array(z.array(quantity(unit, what)))
        .meta({ description: `${what}; values[j][i] at (x[i], y[j]) [${unit}]` }),
    })
    .strict();

export const flatnessSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('none') }).strict(),
    z
      .object({
        type: z.literal('bow'),
        bow: quantity(
          'mm',
          'centre height of a paraboloid bow of the face toward the stack; > 0 bulges toward the stack',
        ),
      })
      .strict(),
    z
      .object({
        type: z.literal('random'),
        rms: quantity('µm', 'RMS height of a Gaussian random surface', { gte: 0 }),
        correlationLength: quantity('mm', 'correlation length of the surface', { gt: 0 }),
        seed,
      })
      .strict(),
    z
      .object({
        type: z.literal('map'),
        file: z.string().optional().meta({
          description:
            'CSV grid read by the case loader (first row x [mm], first column y [mm], heights in µm)',
        }),
        grid: gridMap('µm', 'surface height of the face toward the stack, > 0 toward the stack').optional(),
      })
      .strict(),
  ])
  .default({ type: 'none' })
  .meta({ description: 'plate flatness, which becomes an initial gap' });

const plateSchema = z
  .object({
    thickness: quantity('mm', 'plate thickness', { gt: 0 }),
    material: plateMaterialSchema,
    flatness: flatnessSchema,
  })
  .strict();

const rigidBaseSchema = z
  .object({
    rigid: z.literal(true).meta({ description: 'the bottom is a rigid base; bolts thread into it' }),
    flatness: flatnessSchema,
  })
  .strict();

const compressionLaw = z
  .discriminatedUnion('type', [
    z
      .object({
        type: z.literal('linear'),
        modulus: quantity('MPa', 'through-thickness compression modulus of one cell', { gt: 0 }),
      })
      .strict(),
    z
      .object({
        type: z.literal('table'),
        strain: z
          .array(quantity('', 'compressive strain', { gte: 0, lt: 1 }))
          .min(2)
          .meta({ description: 'compressive strain, increasing from 0 [-]' }),
        pressure: z
          .array(quantity('MPa', 'pressure', { gte: 0 }))
          .min(2)
          .meta({ description: 'pressure at each strain, increasing from 0 [MPa]' }),
      })
      .strict(),
  ])
  .meta({ description: 'through-thickness pressure–strain law of one cell' });

const swellingSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('none') }).strict(),
    z
      .object({
        type: z.literal('strain'),
        value: quantity('', 'free through-thickness swelling strain of each cell'),
      })
      .strict(),
    z
      .object({ type: z.literal('thickness'), value: quantity('mm', 'free thickness growth of each cell') })
      .strict(),
    z
      .object({ type: z.literal('strainMap'), grid: gridMap('', 'free swelling strain of each cell') })
      .strict(),
    z
      .object({ type: z.literal('thicknessMap'), grid: gridMap('mm', 'free thickness growth of each cell') })
      .strict(),
  ])
  .default({ type: 'none' })
  .meta({ description: 'cell swelling applied after load-up with the bolts locked' });

const stackSchema = z
  .object({
    footprint: z
      .object({
        width: quantity('mm', 'cell footprint size along x', { gt: 0 }),
        depth: quantity('mm', 'cell footprint size along y', { gt: 0 }),
        cx: quantity('mm', 'footprint centre x (default: plate centre)').optional(),
        cy: quantity('mm', 'footprint centre y (default: plate centre)').optional(),
      })
      .strict(),
    cells: z
      .object({
        count: quantity('', 'number of pouch cells in the stack', { int: true, gte: 1, lte: 1000 }),
        thickness: quantity('mm', 'thickness of one cell', { gt: 0 }),
        law: compressionLaw,
      })
      .strict(),
    interleaf: z
      .object({
        every: quantity('', 'an interleaf plate after every N cells', { int: true, gte: 1 }),
        thickness: quantity('mm', 'interleaf plate thickness', { gt: 0 }),
        material: plateMaterialSchema,
      })
      .strict()
      .optional(),
    swelling: swellingSchema,
  })
  .strict();

const gasketLaw = z
  .discriminatedUnion('type', [
    z
      .object({
        type: z.literal('shore'),
        hardness: quantity('Shore A', 'durometer hardness (Gent is trusted for 20–85)', { gte: 20, lte: 85 }),
        bulkModulus: quantity('MPa', 'rubber bulk modulus', { gt: 0 }).default(2000),
        bonded: z
          .boolean()
          .default(true)
          .meta({ description: 'bonded faces: Gent–Lindley shape-factor stiffening applies' }),
      })
      .strict(),
    z
      .object({
        type: z.literal('table'),
        closure: z
          .array(quantity('mm', 'gasket compression', { gte: 0 }))
          .min(2)
          .meta({ description: 'compression, increasing from 0 [mm]' }),
        pressure: z
          .array(quantity('MPa', 'pressure', { gte: 0 }))
          .min(2)
          .meta({ description: 'pressure at each compression [MPa]' }),
      })
      .strict(),
  ])
  .meta({ description: 'pressure–closure law of the pad' });

const gasketSchema = z
  .object({
    side: z
      .enum(['top', 'bottom', 'both'])
      .meta({ description: 'between the stack and the top plate, the bottom plate, or both' }),
    region: z
      .discriminatedUnion('type', [
        z.object({ type: z.literal('full') }).strict(),
        z
          .object({
            type: z.literal('rect'),
            x0: quantity('mm', 'rectangle min x'),
            y0: quantity('mm', 'rectangle min y'),
            x1: quantity('mm', 'rectangle max x'),
            y1: quantity('mm', 'rectangle max y'),
          })
          .strict(),
        z
          .object({
            type: z.literal('frame'),
            width: quantity('mm', 'frame band width inside the footprint edge', { gt: 0 }),
          })
          .strict(),
      ])
      .default({ type: 'full' })
      .meta({
        description:
          'where the pad sits: the whole cell footprint, a rectangle, or a frame along the footprint edge',
      }),
    thickness: quantity('mm', 'pad thickness', { gt: 0 }),
    law: gasketLaw,
  })
  .strict();

const boltMaterialNames = Object.keys(boltMaterials) as [
  keyof typeof boltMaterials,
  ...(keyof typeof boltMaterials)[],
];

const boltsSchema = z
  .object({
    diameter: quantity('mm', 'nominal bolt diameter', { gt: 0 }),
    material: z
      .enum(boltMaterialNames)
      .default('8.8')
      .meta({ description: `property class: ${boltMaterialNames.join(', ')}` }),
    washerDiameter: quantity(
      'mm',
      'washer outer diameter, the footprint the bolt force acts over (default 2 × diameter)',
      { gt: 0 },
    ).optional(),
    positions: z
      .array(z.object({ x: quantity('mm', 'bolt x'), y: quantity('mm', 'bolt y') }).strict())
      .min(1)
      .meta({ description: 'bolt axes in plate coordinates [mm]' }),
    preload: z
      .union([
        z.object({ force: quantity('N', 'bolt preload force', { gt: 0 }) }).strict(),
        z
          .object({
            torque: quantity('N·mm', 'tightening torque (10 N·m = 10000 N·mm)', { gt: 0 }),
            nutFactor: quantity('', 'nut factor K in T = K·F·d', { gt: 0, lte: 1 }).default(0.2),
          })
          .strict(),
      ])
      .meta({ description: 'nominal preload per bolt: a force, or a torque with a nut factor' }),
    springs: z
      .object({
        rate: quantity('N/mm', 'rate of one spring', { gt: 0 }),
        count: quantity('', 'springs stacked in series under each bolt head', { int: true, gte: 1 }).default(
          1,
        ),
        freeLength: quantity('mm', 'free length of one spring', { gt: 0 }),
        solidLength: quantity('mm', 'solid (fully compressed) length of one spring', { gt: 0 }),
      })
      .strict()
      .optional(),
    scatter: z
      .discriminatedUnion('type', [
        z.object({ type: z.literal('none') }).strict(),
        z
          .object({
            type: z.literal('factors'),
            factors: z
              .array(quantity('', 'preload factor', { gt: 0 }))
              .meta({ description: 'one factor per bolt [-]' }),
          })
          .strict(),
        z
          .object({
            type: z.literal('uniform'),
            halfRange: quantity('', 'half range of the factor (0.25 for ±25 %)', { gte: 0, lt: 1 }),
            seed,
          })
          .strict(),
        z
          .object({
            type: z.literal('normal'),
            cov: quantity('', 'coefficient of variation of the preload', { gte: 0, lt: 0.5 }),
            seed,
          })
          .strict(),
      ])
      .default({ type: 'none' })
      .meta({ description: 'preload scatter between bolts' }),
    gripLength: quantity('mm', 'clamped length of the bolt shank (default: plates + stack + gaskets)', {
      gt: 0,
    }).optional(),
  })
  .strict();

export const caseSchema = z
  .object({
    schemaVersion: z.literal(1).default(1),
    name: z.string().optional(),
    description: z.string().optional(),
    plates: z
      .object({
        Lx: quantity('mm', 'plate outline along x (both plates)', { gt: 0 }),
        Ly: quantity('mm', 'plate outline along y (both plates)', { gt: 0 }),
        top: plateSchema,
        bottom: z.union([plateSchema, rigidBaseSchema]),
      })
      .strict(),
    stack: stackSchema,
    gaskets: z.array(gasketSchema).default([]),
    bolts: boltsSchema,
    mesh: z
      .object({
        size: quantity('mm', 'target element size', { gt: 0 }).default(2),
      })
      .strict()
      .default({ size: 2 }),
    solver: z
      .object({
        tolerance: quantity('', 'force-balance tolerance relative to the total bolt force', {
          gt: 0,
          lt: 1e-2,
        }).default(1e-9),
        maxIterations: quantity('', 'Newton iteration limit per load step', { int: true, gte: 1 }).default(
          60,
        ),
      })
      .strict()
      .default({ tolerance: 1e-9, maxIterations: 60 }),
    output: z
      .object({
        gridSpacing: quantity('mm', 'spacing of the regular pressure grid', { gt: 0 }).default(1),
        contactThreshold: quantity('MPa', 'pressure above which a point counts as in contact', {
          gte: 0,
        }).default(0.01),
      })
      .strict()
      .default({ gridSpacing: 1, contactThreshold: 0.01 }),
  })
  .strict();

/** A case as written in a file (defaults may be missing). */
export type CaseInput = z.input<typeof caseSchema>;
/** A validated case with every default filled in. */
export type Case = z.output<typeof caseSchema>;
export type Flatness = z.output<typeof flatnessSchema>;
export type CompressionLaw = z.output<typeof compressionLaw>;
export type GasketCase = z.output<typeof gasketSchema>;
export type GasketLawCase = z.output<typeof gasketLaw>;
export type PlateCase = z.output<typeof plateSchema>;
export type BoltsCase = z.output<typeof boltsSchema>;
export type SwellingCase = z.output<typeof swellingSchema>;
export type GridMap = z.output<ReturnType<typeof gridMap>>;
