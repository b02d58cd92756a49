import { z } from 'zod';
import { historySchema } from '../history/historySchema';
import { METRIC_UNITS, type ToleranceMetric } from '../tolerance/toleranceResult';
import { shownValue } from '../validation/shownValue';
import { cellConfinementSchema, confinementNeedsLinearLaw } from './confinementSchema';
import { maxBolts, maxGaskets, maxTablePoints } from './limits';
import { boltMaterials, plateMaterials } from './materials';
import { elastomerSchema, padRelaxationSchema } from './padRelaxationSchema';
import { quantity } from './quantity';
import { coordinate, gridMap, list, seed } from './schemaParts';

/**
 * The case file: one clamped pouch-stack module. Units are mm, N, MPa throughout
 * (torque in N·mm, spring rate in N/mm, density in kg/m³). Plate coordinates: the plates
 * span [0, Lx] × [0, Ly]; z points from the bottom plate up through the stack to the top plate.
 *
 * Every number has a range on both sides: wide enough for any real module, narrow enough that no
 * value can overflow the arithmetic (1e308 × 1e308), make a matrix singular or a solve endless.
 * The ranges are printed by `stackpress schema` and in every error message.
 */

/** Outline of a plate [mm]: 5 m covers a pack-level housing; above it the tool is the wrong model. */
const maxOutline = 5000;

const customPlateMaterial = z
  .object({
    // polymers (PEEK, glass-fibre laminates ≈ 3–40 GPa; 100 MPa leaves room for soft ones) to
    // tungsten carbide (≈ 700 GPa) and diamond-like coatings; outside, it is a unit mistake (Pa, GPa)
    E: quantity('MPa', "Young's modulus", { gte: 100, lte: 1.2e6 }),
    nu: quantity('', "Poisson's ratio", { gte: 0, lt: 0.5 }),
    // foams and balsa (≈ 100) to tungsten alloys (≈ 19 000) and osmium (22 600)
    density: quantity('kg/m³', 'density', { gte: 100, lte: 25_000 }),
    // maraging steels reach ≈ 2500 MPa, carbide composites more; 5000 is above any plate alloy
    yield: quantity('MPa', 'yield strength', { gt: 0, lte: 5000 }),
    // Invar and fused silica (≈ 1e-6) to elastomers (≈ 3e-4); above 1e-3 it is ppm/K written as 1/K
    alpha: quantity('1/K', 'linear thermal expansion coefficient, needed for a temperature change', {
      gte: 0,
      lte: 1e-3,
    }).optional(),
  })
  .strict();

const presetNames = Object.keys(plateMaterials) as [
  keyof typeof plateMaterials,
  ...(keyof typeof plateMaterials)[],
];
export const plateMaterialSchema = z
  .union([z.enum(presetNames), customPlateMaterial], {
    // an object is a custom material: the message then names its bad field (see issueMessage)
    error: (iss) =>
      iss.input !== null && typeof iss.input === 'object' && !Array.isArray(iss.input)
        ? undefined
        : `${shownValue(iss.input)} — must be one of ${presetNames.join(', ')} or {E, nu, density, yield}`,
  })
  .meta({
    description: `a preset (${presetNames.join(', ')}) or {E [MPa], nu, density [kg/m³], yield [MPa], alpha [1/K]}`,
  });

/**
 * A value map on a rectangular grid in plate coordinates; rows follow y, columns follow x.
 * `value` is the range of one map value; at most `maxMapLines` lines along each axis.
 */
/** A surface height [µm]: ±10 mm is far beyond any machined or cast face; more is a unit mistake. */
const heightUm = (d: string) => quantity('µm', d, { gte: -10_000, lte: 10_000 });

export const flatnessSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('none') }).strict(),
    z
      .object({
        type: z.literal('bow'),
        // a bowed plate is flat to tenths of a mm; 10 mm is a bent plate, not a flatness error
        bow: quantity(
          'mm',
          'centre height of a paraboloid bow of the face toward the stack; > 0 bulges toward the stack',
          { gte: -10, lte: 10 },
        ),
      })
      .strict(),
    z
      .object({
        type: z.literal('random'),
        // milled faces are a few µm RMS, cast ones tens to hundreds; 1 mm RMS is no longer a surface finish
        rms: quantity('µm', 'RMS height of a Gaussian random surface', { gte: 0, lte: 1000 }),
        // shorter than 0.1 mm is roughness the mesh cannot see; longer than the plate is a bow
        correlationLength: quantity('mm', 'correlation length of the surface', {
          gte: 0.1,
          lte: 2 * maxOutline,
        }),
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
        grid: gridMap(
          'µm',
          'surface height of the face toward the stack, > 0 toward the stack',
          heightUm('surface height'),
        ).optional(),
      })
      .strict(),
  ])
  .default({ type: 'none' })
  .meta({ description: 'plate flatness, which becomes an initial gap' });

const plateSchema = z
  .object({
    // thinner than 0.1 mm is a foil, not an end plate; 500 mm is a solid block
    thickness: quantity('mm', 'plate thickness', { gte: 0.1, lte: 500 }),
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

/** A tabulated pressure [MPa]: cells and pads are tested to tens of MPa; 1000 MPa crushes any of them. */
const tablePressure = quantity('MPa', 'pressure', { gte: 0, lte: 1000 });

const compressionLaw = z
  .discriminatedUnion('type', [
    z
      .object({
        type: z.literal('linear'),
        // foam-like pouches (≈ 1 MPa) to dense sulfide or oxide layers (20–150 GPa); 1e6 MPa is rigid
        modulus: quantity('MPa', 'through-thickness compression modulus of one cell', {
          gte: 0.1,
          lte: 1e6,
        }),
      })
      .strict(),
    z
      .object({
        type: z.literal('table'),
        strain: list(quantity('', 'compressive strain', { gte: 0, lt: 1 }), 2, maxTablePoints).meta({
          description: `compressive strain, increasing from 0 [-] (2 to ${maxTablePoints} points)`,
        }),
        pressure: list(tablePressure, 2, maxTablePoints).meta({
          description: `pressure at each strain, increasing from 0 [MPa] (2 to ${maxTablePoints} points)`,
        }),
      })
      .strict(),
  ])
  .meta({ description: 'through-thickness pressure–strain law of one cell' });

/** A strain of −1 would crush a cell to nothing; +1 doubles it, far beyond any electrode's swelling. */
const swellingStrain = quantity('', 'free through-thickness swelling strain of each cell', { gt: -1, lt: 1 });
/** The cell thickness is at most 100 mm, so no growth beyond ±100 mm can pass the per-cell check. */
const swellingGrowth = quantity(
  'mm',
  'free thickness growth of each cell; must be > −(cell thickness) and <= cell thickness',
  { gte: -100, lte: 100 },
);

const swellingSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('none') }).strict(),
    z
      .object({
        type: z.literal('strain'),
        value: swellingStrain,
      })
      .strict(),
    z
      .object({
        type: z.literal('thickness'),
        // the cross-field check limits it to (−cell thickness, +cell thickness]
        value: swellingGrowth,
      })
      .strict(),
    z
      .object({
        type: z.literal('strainMap'),
        grid: gridMap('', 'free swelling strain of each cell', swellingStrain),
      })
      .strict(),
    z
      .object({
        type: z.literal('thicknessMap'),
        grid: gridMap('mm', 'free thickness growth of each cell', swellingGrowth),
      })
      .strict(),
  ])
  .default({ type: 'none' })
  .meta({ description: 'cell swelling applied after load-up with the bolts locked' });

const stackSchema = z
  .object({
    footprint: z
      .object({
        // a pouch cell is at least a coin's width; it must fit on the plate, which is checked against Lx, Ly
        width: quantity('mm', 'cell footprint size along x', { gte: 1, lte: maxOutline }),
        depth: quantity('mm', 'cell footprint size along y', { gte: 1, lte: maxOutline }),
        cx: coordinate('footprint centre x (default: plate centre)').optional(),
        cy: coordinate('footprint centre y (default: plate centre)').optional(),
      })
      .strict(),
    cells: z
      .object({
        count: quantity('', 'number of pouch cells in the stack', { int: true, gte: 1, lte: 1000 }),
        // thin-film cells are tens of µm, thick prismatic ones tens of mm
        thickness: quantity('mm', 'thickness of one cell', { gte: 0.01, lte: 100 }),
        law: compressionLaw,
        confinement: cellConfinementSchema,
      })
      .strict()
      .superRefine(confinementNeedsLinearLaw),
    interleaf: z
      .object({
        every: quantity('', 'an interleaf plate after every N cells', { int: true, gte: 1, lte: 1000 }),
        // a cooling fin or a sheet of 50 µm up to a plate as thick as an end plate
        thickness: quantity('mm', 'interleaf plate thickness', { gte: 0.05, lte: 500 }),
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
        // rubbers and silicones are 1000–3000 MPa; the range allows foamed and filled ones
        bulkModulus: quantity('MPa', 'rubber bulk modulus', { gte: 100, lte: 10_000 }).default(2000),
        bonded: z
          .boolean()
          .default(true)
          .meta({ description: 'bonded faces: Gent–Lindley shape-factor stiffening applies' }),
      })
      .strict(),
    z
      .object({
        type: z.literal('table'),
        // a pad cannot compress by more than its thickness, at most 100 mm
        closure: list(quantity('mm', 'gasket compression', { gte: 0, lte: 100 }), 2, maxTablePoints).meta({
          description: `compression, increasing from 0 [mm] (2 to ${maxTablePoints} points)`,
        }),
        pressure: list(tablePressure, 2, maxTablePoints).meta({
          description: `pressure at each compression [MPa] (2 to ${maxTablePoints} points)`,
        }),
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
            x0: coordinate('rectangle min x'),
            y0: coordinate('rectangle min y'),
            x1: coordinate('rectangle max x'),
            y1: coordinate('rectangle max y'),
          })
          .strict(),
        z
          .object({
            type: z.literal('frame'),
            width: quantity('mm', 'frame band width inside the footprint edge', {
              gte: 0.1,
              lte: maxOutline,
            }),
          })
          .strict(),
      ])
      .default({ type: 'full' })
      .meta({
        description:
          'where the pad sits: the whole cell footprint, a rectangle, or a frame along the footprint edge',
      }),
    // 10 µm films to 100 mm blocks of foam
    thickness: quantity('mm', 'pad thickness', { gte: 0.01, lte: 100 }),
    law: gasketLaw,
    elastomer: elastomerSchema,
    relaxation: padRelaxationSchema,
  })
  .strict();

const boltMaterialNames = Object.keys(boltMaterials) as [
  keyof typeof boltMaterials,
  ...(keyof typeof boltMaterials)[],
];

const boltsSchema = z
  .object({
    // M1 to M100: the ISO metric range
    diameter: quantity('mm', 'nominal bolt diameter', { gte: 1, lte: 100 }),
    material: z
      .enum(boltMaterialNames)
      .default('8.8')
      .meta({ description: `property class: ${boltMaterialNames.join(', ')}` }),
    washerDiameter: quantity(
      'mm',
      'washer outer diameter, the footprint the bolt force acts over (default 2 × diameter)',
      // DIN 6340 and heavy washers reach about 3 × the bolt diameter of an M100
      { gte: 1, lte: 500 },
    ).optional(),
    positions: list(
      z.object({ x: coordinate('bolt x'), y: coordinate('bolt y') }).strict(),
      1,
      maxBolts,
    ).meta({
      description: `bolt axes in plate coordinates [mm] (1 to ${maxBolts} bolts)`,
    }),
    preload: z
      .union([
        // an M100 12.9 bolt holds about 6.6 MN at its proof strength
        z.object({ force: quantity('N', 'bolt preload force', { gte: 1, lte: 1e7 }) }).strict(),
        z
          .object({
            // 1e8 N·mm = 100 kN·m, beyond any wrench; the force it gives is checked against yield
            torque: quantity('N·mm', 'tightening torque (10 N·m = 10000 N·mm)', { gte: 1, lte: 1e8 }),
            // greased threads are ≈ 0.1, dry ones ≈ 0.3; below 0.05 the preload T/(K·d) is not credible
            nutFactor: quantity('', 'nut factor K in T = K·F·d', { gte: 0.05, lte: 1 }).default(0.2),
          })
          .strict(),
      ])
      .meta({ description: 'nominal preload per bolt: a force, or a torque with a nut factor' }),
    springs: z
      .object({
        // soft coil springs (≈ 10 N/mm) to stiff disc springs (≈ 1e5 N/mm) with room on both sides
        rate: quantity('N/mm', 'rate of one spring', { gte: 1, lte: 1e7 }),
        count: quantity('', 'springs stacked in series under each bolt head', {
          int: true,
          gte: 1,
          lte: 100,
        }).default(1),
        freeLength: quantity('mm', 'free length of one spring', { gt: 0, lte: 1000 }),
        solidLength: quantity('mm', 'solid (fully compressed) length of one spring', { gt: 0, lte: 1000 }),
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
              // a bolt at a tenth of its preload is loose, at three times it has yielded
              .array(quantity('', 'preload factor', { gte: 0.1, lte: 3 }))
              .max(maxBolts)
              .meta({ description: `one factor per bolt [-] (at most ${maxBolts})` }),
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
    // at least 1 mm (shorter would make the bolt stiffer than its own head); 10 m is any stack
    gripLength: quantity('mm', 'clamped length of the bolt shank (default: plates + stack + gaskets)', {
      gte: 1,
      lte: 10_000,
    }).optional(),
  })
  .strict();

/**
 * Most draws of a tolerance study. Each draw keeps one pressure grid per load state for the
 * per-point percentiles: 1000 draws × a 10 k-point grid × 8 B is 80 MB per state, below 100 MB;
 * the work budget checks the draws × the case's own grid against the memory limit.
 */
export const maxToleranceSamples = 1000;

/** The metric names a target may name (those every draw reports). */
const toleranceMetricNames = Object.keys(METRIC_UNITS) as [ToleranceMetric, ...ToleranceMetric[]];

/** A thickness tolerance: a normal offset of the nominal thickness, truncated so the layer stays real. */
const thicknessTolerance = (what: string) =>
  z
    .object({
      // ±10 mm of scatter is no longer a tolerance on a pad or a cell (both are at most 100 mm)
      sd: quantity('mm', `standard deviation of the ${what} thickness`, { gte: 0, lte: 10 }),
    })
    .strict()
    .optional()
    .meta({
      description: `normal scatter of the ${what} thickness per draw, cut at ±3 sd and at the schema's least thickness (0.01 mm) by redrawing`,
    });

const toleranceTarget = z
  .object({
    metric: z.enum(toleranceMetricNames).meta({
      description: `the metric: ${toleranceMetricNames.map((m) => `${m} [${METRIC_UNITS[m]}]`).join(', ')}`,
    }),
    // metrics are pressures [MPa], forces [N] and fractions; 1e9 is beyond any of them
    min: quantity('', "least value that meets the target, in the metric's unit", {
      gte: -1e9,
      lte: 1e9,
    }).optional(),
    max: quantity('', "largest value that meets the target, in the metric's unit", {
      gte: -1e9,
      lte: 1e9,
    }).optional(),
  })
  .strict()
  .refine((t) => t.min !== undefined || t.max !== undefined, { error: 'a target needs min, max or both' })
  .refine((t) => t.min === undefined || t.max === undefined || t.min <= t.max, {
    error: (iss) => {
      const t = iss.input as { min: number; max: number };
      return `min ${t.min} > max ${t.max} — a target's min must be <= its max`;
    },
  });

/**
 * A tolerance study: N draws of the case's random inputs, each solved, and the distribution of
 * every metric. A case with `factors` or `none` scatter and no `preload` block keeps its factors
 * in every draw; `uniform` or `normal` scatter is redrawn per draw from the draw's own seed.
 */
const tolerancesSchema = z
  .object({
    samples: quantity('', 'number of draws', { int: true, gte: 1, lte: maxToleranceSamples }).default(100),
    // the random generator's 32-bit signed seed, as the case's own seeds
    seed: quantity(
      '',
      'seed of the study: draw i takes its own seed from (seed, i), so it is the same whatever the number of draws',
      { int: true, gte: 0, lte: 2 ** 31 - 1 },
    ).default(1),
    preload: z
      .discriminatedUnion('type', [
        z
          .object({
            type: z.literal('uniform'),
            // a factor below 0.1 is the explicit factors' lower bound: a loose bolt
            halfRange: quantity('', 'half range of the preload factor (0.25 for ±25 %)', {
              gte: 0,
              lte: 0.9,
            }),
          })
          .strict(),
        z
          .object({
            type: z.literal('normal'),
            // cut at ±3σ, 0.3 keeps the least factor at the explicit factors' bound of 0.1
            cov: quantity('', 'coefficient of variation of the preload (cut at ±3σ)', { gte: 0, lte: 0.3 }),
          })
          .strict(),
      ])
      .optional()
      .meta({
        description:
          "preload scatter drawn per bolt per draw (default: the case's bolts.scatter, redrawn per draw when uniform or normal; explicit factors or none are kept in every draw)",
      }),
    flatness: z
      .object({
        redrawRandom: z.boolean().default(true).meta({
          description:
            "a plate with random flatness gets a fresh seed per draw (false: the case's seed in every draw)",
        }),
        mapNoise: z
          .object({
            rms: quantity('µm', 'RMS height of the Gaussian noise added to a measured map', {
              gte: 0,
              lte: 1000,
            }),
            correlationLength: quantity('mm', 'correlation length of the noise', {
              gte: 0.1,
              lte: 2 * maxOutline,
            }),
          })
          .strict()
          .optional()
          .meta({
            description: "a Gaussian random field added per draw to every plate's `map` flatness grid",
          }),
      })
      .strict()
      .default({ redrawRandom: true })
      .meta({ description: 'random flatness per draw' }),
    padThickness: thicknessTolerance('pad'),
    cellThickness: thicknessTolerance('cell'),
    targets: list(toleranceTarget, 0, 100).default([]).meta({
      description: 'targets on the metrics; each draw meets one when min <= value <= max (at most 100)',
    }),
  })
  .strict()
  .optional()
  .meta({
    description: 'a tolerance study: draws of the random inputs (bolt scatter, flatness, thicknesses)',
  });

export const caseSchema = z
  .object({
    schemaVersion: z.literal(1).default(1),
    name: z.string().optional(),
    description: z.string().optional(),
    plates: z
      .object({
        Lx: quantity('mm', 'plate outline along x (both plates)', { gt: 0, lte: maxOutline }),
        Ly: quantity('mm', 'plate outline along y (both plates)', { gt: 0, lte: maxOutline }),
        top: plateSchema,
        bottom: z.union([plateSchema, rigidBaseSchema]),
      })
      .strict(),
    stack: stackSchema,
    gaskets: z
      .array(gasketSchema)
      .max(maxGaskets)
      .default([])
      .meta({ description: `pads in the stack (at most ${maxGaskets})` }),
    bolts: boltsSchema,
    mesh: z
      .object({
        // 0.05 mm resolves a 1 mm washer edge; above 100 mm a plate has too few elements to bend.
        // Whether the mesh fits in memory is the work budget's check.
        size: quantity('mm', 'target element size', { gte: 0.05, lte: 100 }).default(2),
      })
      .strict()
      .default({ size: 2 }),
    solver: z
      .object({
        tolerance: quantity('', 'force-balance tolerance relative to the total bolt force', {
          gt: 0,
          lt: 1e-2,
        }).default(1e-9),
        // semismooth Newton on a piecewise-linear law ends in tens of steps; 1000 factorizations is the most to spend
        maxIterations: quantity('', 'Newton iteration limit per load step', {
          int: true,
          gte: 1,
          lte: 1000,
        }).default(60),
      })
      .strict()
      .default({ tolerance: 1e-9, maxIterations: 60 }),
    output: z
      .object({
        // pressure-sensitive film resolves about 0.1 mm; the grid's point count is the work budget's check
        gridSpacing: quantity('mm', 'spacing of the regular pressure grid', { gte: 0.05, lte: 50 }).default(
          1,
        ),
        // stack pressures are 0.1–50 MPa; a threshold above 1000 MPa would count nothing as contact
        contactThreshold: quantity('MPa', 'pressure above which a point counts as in contact', {
          gte: 0,
          lte: 1000,
        }).default(0.01),
      })
      .strict()
      .default({ gridSpacing: 1, contactThreshold: 0.01 }),
    tolerances: tolerancesSchema,
    history: historySchema,
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
export type TolerancesCase = NonNullable<z.output<typeof tolerancesSchema>>;
