import { z } from 'zod';
import { maxBolts } from '../case/limits';
import { plateMaterials } from '../case/materials';
import { quantity } from '../case/quantity';
import { caseSchema } from '../case/schema';
import { namedCells } from '../cell/presets';
import { InputError, parseInput } from '../validation/parseInput';
import { shownValue } from '../validation/shownValue';

/**
 * The design spec of `stackpress design`: a base case, the housing variables with their ranges or
 * choices, the constraints a design must meet, the objectives and the optimiser's settings. Units
 * as in case files: mm, N, MPa; spring rate N/mm, hardness Shore A, energy kWh.
 *
 * A variable left out keeps the base case's own value. Every constraint is optional; its default
 * is in its description (and so in `stackpress schema --design`).
 */

/** Most choices one variable may list: more is a grid, not a choice. */
export const maxChoices = 50;
/** Most points of the exhaustive grid: at about 4 s a solve, 10 000 points is half a day on one core. */
export const maxGridPoints = 10_000;
/** Most evaluations the optimiser may spend: the same half day. */
export const maxBudget = 10_000;

const presetNames = Object.keys(plateMaterials) as [
  keyof typeof plateMaterials,
  ...(keyof typeof plateMaterials)[],
];
const cellNames = Object.keys(namedCells) as [string, ...string[]];

/** A continuous or whole-number range `{min, max}` [unit]; min may equal max (the variable is then fixed). */
function range(
  unit: string,
  what: string,
  bounds: { gte?: number; gt?: number; lte: number; int?: boolean },
) {
  const u = unit ? ` ${unit}` : '';
  return z
    .object({
      min: quantity(unit, `least ${what}`, bounds),
      max: quantity(unit, `largest ${what}`, bounds),
    })
    .strict()
    .refine((r) => r.min <= r.max, {
      error: (iss) => {
        const r = iss.input as { min: number; max: number };
        return `min ${r.min}${u} > max ${r.max}${u} — a range's min must be <= its max`;
      },
    })
    .meta({ description: `range of the ${what}${unit ? ` [${unit}]` : ''}` });
}

/** A list of distinct choices, 1 to `maxChoices` of them. */
function choices<T extends z.ZodType>(item: T, what: string) {
  return z
    .array(item)
    .min(1)
    .max(maxChoices)
    .refine((xs) => new Set(xs.map((x) => JSON.stringify(x))).size === xs.length, {
      error: (iss) =>
        `${JSON.stringify(iss.input).slice(0, 120)} — the choices must be distinct (each listed once)`,
    })
    .meta({ description: `choices of the ${what} (1 to ${maxChoices}, each once)` });
}

const toggle = (what: string) =>
  choices(z.boolean(), what).meta({
    description: `whether the design has ${what}: [true], [false] or [true, false]`,
  });

/** The variables the optimiser may change. Names are the design's keys and the CSV's columns. */
export const designVariablesSchema = z
  .object({
    topThickness: range('mm', 'top plate thickness', { gte: 0.1, lte: 500 }).optional(),
    bottomThickness: range('mm', 'bottom plate thickness', { gte: 0.1, lte: 500 }).optional(),
    plateMaterial: choices(
      z.enum(presetNames),
      `material of both end plates (presets: ${presetNames.join(', ')})`,
    ).optional(),
    usePads: toggle('pads between the plates and the stack').optional(),
    padHardness: range('Shore A', 'pad hardness (the Gent law is trusted for 20–85)', {
      gte: 20,
      lte: 85,
    }).optional(),
    padThickness: range('mm', 'pad thickness', { gte: 0.01, lte: 100 }).optional(),
    useSprings: toggle('springs under the nuts').optional(),
    springRate: range('N/mm', 'rate of one spring', { gte: 1, lte: 1e7 }).optional(),
    springCount: range('', 'springs in series per bolt', { int: true, gte: 1, lte: 100 }).optional(),
    boltsPerEdge: range('', 'bolts along each edge of the bolt ring, corners included (4 × (n − 1) bolts)', {
      int: true,
      gte: 2,
      lte: maxBolts / 4 + 1,
    }).optional(),
    boltDiameter: choices(
      quantity('mm', 'nominal bolt diameter', { gte: 1, lte: 100 }),
      'nominal bolt diameter [mm]',
    ).optional(),
    useInterleaf: toggle('interleaf plates in the stack').optional(),
    preload: range('N', 'bolt preload (default: target pressure × footprint / bolt count)', {
      gte: 1,
      lte: 1e7,
    }).optional(),
  })
  .strict()
  .meta({ description: "design variables; one left out keeps the base case's value" });

export type DesignVariablesSpec = z.output<typeof designVariablesSchema>;
export type DesignVariableName = keyof DesignVariablesSpec;
export const designVariableNames = Object.keys(designVariablesSchema.shape) as DesignVariableName[];

/** Unit of each variable's value, for messages and the CSV's headers ('' for none). */
export const designVariableUnits: Record<DesignVariableName, string> = {
  topThickness: 'mm',
  bottomThickness: 'mm',
  plateMaterial: '',
  usePads: '',
  padHardness: 'Shore A',
  padThickness: 'mm',
  useSprings: '',
  springRate: 'N/mm',
  springCount: '',
  boltsPerEdge: '',
  boltDiameter: 'mm',
  useInterleaf: '',
  preload: 'N',
};

/** Constraint limits, each with the default a left-out one takes. */
export const designConstraintsSchema = z
  .object({
    meanPressure: quantity(
      '',
      'largest deviation of the mean cell pressure from the target after load-up and after swelling, as a fraction (0.1 for ±10 %); default 0.1',
      { gt: 0, lte: 1 },
    ).default(0.1),
    cov: quantity(
      '',
      'largest coefficient of variation of the cell pressure in each load state; default 0.1',
      {
        gt: 0,
        lte: 10,
      },
    ).default(0.1),
    contactFraction: quantity(
      '',
      'least share of the cell footprint in contact in each load state; default 0.95 (the solver warns below it)',
      { gte: 0, lte: 1 },
    ).default(0.95),
    within10: quantity(
      '',
      'least share of the footprint within ±10 % of the mean pressure in each load state; default 0 (reported, not required: the CoV limit bounds uniformity)',
      { gte: 0, lte: 1 },
    ).default(0),
    safetyFactor: quantity(
      '',
      'least plate safety factor, yield / largest von Mises stress over both load states; default 1.5 (the solver warns below it)',
      { gte: 0, lte: 100 },
    ).default(1.5),
    boltUtilisation: quantity(
      '',
      'largest bolt tension / proof load over both load states; default 0.9 (the solver warns above it)',
      { gt: 0, lte: 1 },
    ).default(0.9),
    springMargin: quantity(
      '',
      'share of the spring travel (free − solid length) that must stay unused in each load state; default 0.1',
      { gte: 0, lt: 1 },
    ).default(0.1),
    padStrain: quantity(
      '',
      "largest pad strain as a share of the strain its law is valid for (15 % for a Shore pad, the table's last point for a measured one); default 1",
      { gt: 0, lte: 1 },
    ).default(1),
  })
  .strict()
  .default({
    meanPressure: 0.1,
    cov: 0.1,
    contactFraction: 0.95,
    within10: 0,
    safetyFactor: 1.5,
    boltUtilisation: 0.9,
    springMargin: 0.1,
    padStrain: 1,
  })
  .meta({ description: 'limits a feasible design meets; each one left out takes its default' });

export type DesignConstraintLimits = z.output<typeof designConstraintsSchema>;

export const designObjectivesSchema = z
  .object({
    measure: z.enum(['mass', 'volume']).default('mass').meta({
      description:
        'inactive mass [kg] or inactive volume [L] of the system, minimised with the CoV after swelling; default mass',
    }),
    cell: z
      .enum(cellNames)
      .default('ncm811-li-30um-separator')
      .meta({
        description: `cell preset whose energy densities turn the case's cells into kWh (${cellNames.join(', ')}); default ncm811-li-30um-separator`,
      }),
    systemKWh: quantity('kWh', 'system energy, built of identical modules; default 10', {
      gt: 0,
      lte: 100_000,
    }).default(10),
  })
  .strict()
  .default({ measure: 'mass', cell: 'ncm811-li-30um-separator', systemKWh: 10 })
  .meta({ description: 'what the optimiser minimises and how efficiency is reported' });

export type DesignObjectiveSettings = z.output<typeof designObjectivesSchema>;

export const optimiserSettingsSchema = z
  .object({
    seed: quantity('', 'seed of the optimiser: the same seed gives the same designs; default 1', {
      int: true,
      gte: 0,
      lte: 2 ** 31 - 1,
    }).default(1),
    budget: quantity('', 'most designs evaluated; default 400', {
      int: true,
      gte: 1,
      lte: maxBudget,
    }).default(400),
    population: quantity('', 'designs per generation; default 20', { int: true, gte: 4, lte: 1000 }).default(
      20,
    ),
    // a few hundred evaluations are ten or twenty generations: ranking k children per slot on a
    // cheap surrogate of the designs evaluated so far sends out the promising ones (it helped on
    // the engine's constraint-ridge toy, not on the reference problem)
    preselection: quantity(
      '',
      "children bred per design sent out, ranked on an inverse-distance surrogate of the evaluated designs; default 1, plain NSGA-II (on the reference problem 5 did worse: 1.14 against 1.02 of the grid's best at 180 evaluations, both without the local phase)",
      { int: true, gte: 1, lte: 50 },
    ).default(1),
    // NSGA-II spreads a few hundred evaluations over the whole front and is still improving its
    // lightest design when they run out; a compass search from the best design found, for the
    // end of the budget, finishes what it started (src/design/localSearch.ts)
    localShare: quantity(
      '',
      'share of the budget spent last on a local (compass) search around the lightest feasible design within bestCovLimit; 0: NSGA-II to the end; default 0.4',
      { gte: 0, lte: 1 },
    ).default(0.4),
  })
  .strict()
  .default({ seed: 1, budget: 400, population: 20, preselection: 1, localShare: 0.4 })
  .meta({ description: 'optimiser settings' });

/**
 * Uniformity on a percentile: a design tuned to one draw of the bolt scatter and the flatness is
 * tuned to noise, so its CoV, contact and ±10 % constraints and its CoV objective may be taken
 * over a tolerance study of each design instead.
 */
export const uniformitySchema = z
  .object({
    samples: quantity('', 'tolerance draws per design (each one more solve of the design)', {
      int: true,
      gte: 2,
      lte: 200,
    }),
    seed: quantity('', "seed of every design's study: all designs see the same draws; default 1", {
      int: true,
      gte: 0,
      lte: 2 ** 31 - 1,
    }).default(1),
    percentile: quantity(
      '%',
      'percentile the constraints hold at: CoV at most the limit in this share of the draws, contact and the ±10 % share at least theirs in this share; default 90',
      { gte: 50, lte: 99.9 },
    ).default(90),
  })
  .strict()
  .optional()
  .meta({
    description:
      "uniformity constraints (CoV, contact fraction, within ±10 %) and the CoV objective at a percentile over a tolerance study of each design (its preload scatter and random flatness redrawn), e.g. p90 of CoV ≤ 0.1; without it, the design's own draw",
  });

const gridLevel = z.union([z.number(), z.string().max(100), z.boolean()]);

/** The exhaustive grid's levels: per variable, the values to try (a variable left out tries its choices, or both ends of its range). */
const gridSchema = z
  .partialRecord(z.enum(designVariableNames), z.array(gridLevel).min(1).max(maxChoices))
  .optional()
  .meta({
    description: `levels of the exhaustive grid per variable (at most ${maxChoices} each; ${maxGridPoints} points in all); a variable left out tries each of its choices, or its range's min and max`,
  });

/** A base case: a case file named relative to the spec and inside its folder, or the case inline. */
const basePath = z
  .string()
  .min(1, { error: '"" — must name the base case file (or give the case inline)' })
  .max(4096, { error: 'a path longer than 4096 characters — must name the base case file' })
  .meta({
    description: "path of the base case file, relative to the spec's folder and inside it",
  });

const specFields = {
  schemaVersion: z.literal(1).default(1),
  name: z.string().max(200).optional(),
  description: z.string().max(10_000).optional(),
  // parsed loosely here; the case's own checks (`checkCase`) name its fields with a `base.` prefix
  base: z
    .union([basePath, z.record(z.string(), z.unknown())], {
      error: (iss) =>
        typeof iss.input === 'string'
          ? undefined
          : `${shownValue(iss.input)} — must be the path of a case file or a case object`,
    })
    .meta({
      description: 'the base case: a case file path or the case inline',
    }),
  targetPressure: quantity(
    'MPa',
    "target mean cell pressure; default: the base case's nominal pressure (bolt count × preload / footprint)",
    { gt: 0, lte: 1000 },
  ).optional(),
  variables: designVariablesSchema,
  constraints: designConstraintsSchema,
  objectives: designObjectivesSchema,
  optimiser: optimiserSettingsSchema,
  bestCovLimit: quantity(
    '',
    'CoV limit of "the best design": the least inactive mass (or volume) with CoV at most this; default: constraints.cov',
    { gt: 0, lte: 10 },
  ).optional(),
  grid: gridSchema,
  uniformity: uniformitySchema,
};

export const designSpecSchema = z.object(specFields).strict();

export type DesignSpecInput = z.input<typeof designSpecSchema>;
export type DesignSpec = z.output<typeof designSpecSchema>;

/** Parse a design spec object; throws InputError naming each bad field with its value, unit and range. */
export function parseDesignSpec(raw: unknown): DesignSpec {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new InputError('design spec', [
      `(design spec): ${shownValue(raw)} — must be an object with base, variables and optionally constraints, objectives, optimiser, grid`,
    ]);
  return parseInput(designSpecSchema, raw, 'design spec');
}

/** The JSON Schema of design specs (input form), with the base case's full case schema. */
export function designSpecJsonSchema(): Record<string, unknown> {
  const documented = designSpecSchema.extend({
    base: z.union([basePath, caseSchema]).meta({
      description: 'the base case: a case file path, or the case inline (see stackpress schema)',
    }),
  });
  return {
    ...z.toJSONSchema(documented, { io: 'input' }),
    title: 'stackpress design spec',
    $id: 'stackpress.design/1',
  };
}
