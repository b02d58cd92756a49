import { z } from 'zod';
import { maxTablePoints } from '../case/limits';
import { quantity } from '../case/quantity';
import { gridMap, list } from '../case/schemaParts';
import { namedCells } from '../cell/presets';
import { cellSchema } from '../cell/schema';

/**
 * The `history` block of a case: the states a module lives through after bolt load-up, solved
 * as a quasi-static sequence with the nuts locked. Times are hours since load-up, temperatures
 * are differences from the assembly temperature [K], growth and breathing are the free thickness
 * change of one cell [mm], SOC is 0 (discharged, as assembled) to 1 (charged).
 */

/** Most states of one history (load-up excluded): 10 000 cycles of two states, with room. */
export const maxHistoryStateCount = 20_000;

const soc = (d: string) => quantity('', d, { gte: 0, lte: 1 });
/** A cell's free thickness change [mm]: the case checks it against the cell thickness. */
const cellGrowth = (d: string) => quantity('mm', d, { gte: -100, lte: 100 });
/** A temperature change [K]: −100 K is a module at −75 °C assembled at 25 °C; +200 K is far past any cell. */
const deltaT = (d: string) => quantity('K', d, { gte: -100, lte: 200 });
/** Ten years is 87 600 h; a million hours covers any calendar life with room. */
const hours = (d: string, bounds = { gte: 0, lte: 1e6 }) => quantity('h', d, bounds);

const cellNames = Object.keys(namedCells) as [string, ...string[]];

/** A distribution of the breathing over the footprint: a factor on the uniform value at each point. */
const breathingMap = gridMap(
  '',
  'factor on the breathing at each point (1 = as the table or cell says)',
  // a factor of 0 holds a point still; 10 × the mean is a hot spot no real cell reaches
  quantity('', 'breathing factor', { gte: 0, lte: 10 }),
)
  .optional()
  .meta({ description: 'optional map of a factor on the breathing over the footprint (default: uniform)' });

const breathingSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('none') }).strict(),
    z
      .object({
        type: z.literal('table'),
        soc: list(soc('state of charge'), 2, maxTablePoints).meta({
          description: `state of charge, increasing from 0 to 1 [-] (2 to ${maxTablePoints} points)`,
        }),
        thickness: list(cellGrowth('free thickness change of one cell'), 2, maxTablePoints).meta({
          description:
            'free thickness change of one cell from its assembled (SOC 0) thickness at each SOC [mm]',
        }),
        map: breathingMap,
      })
      .strict(),
    z
      .object({
        type: z.literal('cell'),
        cell: z.union([z.enum(cellNames), cellSchema]).meta({
          description: `the cell whose breathing is derived: a preset (${cellNames.join(', ')}) or a cell description (stackpress schema --cell)`,
        }),
        // NCM shrinks by up to 7 % on charge and LCO grows by 2 %; ±30 % is no intercalation cathode
        cathodeVolumeChange: quantity('', 'volume change of the cathode composite from SOC 0 to 1', {
          gte: -0.3,
          lte: 0.3,
        }).default(-0.05),
        // Si grows up to about 3 (300 %) when fully lithiated
        anodeVolumeChange: quantity(
          '',
          'volume change of a composite (Si, alloy, graphite) anode from SOC 0 to 1; required for composite anodes',
          { gte: -0.5, lte: 4 },
        ).optional(),
        map: breathingMap,
      })
      .strict(),
  ])
  .default({ type: 'none' })
  .meta({ description: 'reversible thickness change of each cell with state of charge' });

const growthSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('none') }).strict(),
    z
      .object({
        type: z.literal('linear'),
        // a cell that grows by a tenth of a mm per cycle has failed in tens of cycles
        perCycle: quantity('mm', 'irreversible thickness growth of one cell per cycle', {
          gte: -0.1,
          lte: 0.1,
        }),
      })
      .strict(),
    z
      .object({
        type: z.literal('table'),
        cycle: list(quantity('', 'cycle number', { gte: 0, lte: 1e6 }), 2, maxTablePoints).meta({
          description: `cycles completed, increasing from 0 [-] (2 to ${maxTablePoints} points)`,
        }),
        thickness: list(cellGrowth('irreversible growth of one cell'), 2, maxTablePoints).meta({
          description: 'irreversible thickness growth of one cell after that many cycles [mm], 0 at cycle 0',
        }),
      })
      .strict(),
  ])
  .default({ type: 'none' })
  .meta({ description: 'irreversible growth of each cell over the cycles' });

const temperatureSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('none') }).strict(),
    z.object({ type: z.literal('constant'), deltaT: deltaT('temperature change of every state') }).strict(),
    z
      .object({
        type: z.literal('daily'),
        mean: deltaT('mean temperature change'),
        amplitude: quantity('K', 'half the day–night swing', { gte: 0, lte: 100 }),
        periodHours: hours('period of the swing', { gte: 0.01, lte: 1e5 }).default(24),
      })
      .strict(),
    z
      .object({
        type: z.literal('table'),
        time: list(hours('time since load-up'), 2, maxTablePoints).meta({
          description: `time since load-up, increasing [h] (2 to ${maxTablePoints} points; held at the ends)`,
        }),
        deltaT: list(deltaT('temperature change'), 2, maxTablePoints).meta({
          description: 'temperature change from assembly at each time [K]',
        }),
      })
      .strict(),
  ])
  .default({ type: 'none' })
  .meta({ description: 'temperature of the whole module against time, uniform (no gradient through it)' });

const explicitState = z
  .object({
    time: hours('time since load-up'),
    soc: soc('state of charge'),
    cycle: quantity('', 'cycles completed (drives the irreversible growth)', { gte: 0, lte: 1e6 }).default(0),
    deltaT: deltaT('temperature change from assembly (replaces the temperature block)').optional(),
    label: z
      .string()
      .max(200)
      // printed to terminals and written to CSV: no control characters (escape sequences), and no
      // leading = + - @ that a spreadsheet would run as a formula
      .regex(/^(?![=+\-@])[^\p{Cc}]*$/u, {
        error: (iss) =>
          `${JSON.stringify(iss.input)} — a label is printable text of at most 200 characters, without control characters and not starting with = + - @`,
      })
      .optional()
      .meta({ description: 'name of the state in the outputs (printable, not starting with = + - @)' }),
  })
  .strict();

export const historySchema = z
  .object({
    cycles: z
      .object({
        count: quantity('', 'charge–discharge cycles', { int: true, gte: 1, lte: 10_000 }).default(1),
        // a 10 C cycle is 0.2 h; a year-long cycle is calendar ageing
        hoursPerCycle: hours('duration of one cycle', { gte: 0.1, lte: 10_000 }).default(4),
        statesPerCycle: quantity(
          '',
          'states solved per cycle, evenly in time (2: charged, then discharged)',
          { int: true, gte: 2, lte: 48 },
        ).default(2),
      })
      .strict()
      .default({ count: 1, hoursPerCycle: 4, statesPerCycle: 2 })
      .meta({ description: 'the cycle schedule: SOC runs min → max → min in each cycle' }),
    soc: z
      .object({
        min: soc('state of charge at the end of discharge (and at load-up)').default(0),
        max: soc('state of charge at the top of charge').default(1),
      })
      .strict()
      .default({ min: 0, max: 1 }),
    states: list(explicitState, 1, maxHistoryStateCount)
      .optional()
      .meta({
        description: `explicit states in time order, instead of the cycle schedule (1 to ${maxHistoryStateCount})`,
      }),
    breathing: breathingSchema,
    growth: growthSchema,
    temperature: temperatureSchema,
    thermal: z
      .object({
        // ceramics ≈ 5e-6, polymers ≈ 2e-4; 1e-3 /K is no solid
        cellAlpha: quantity('1/K', 'through-thickness thermal expansion of a cell (default: the preset)', {
          gte: 0,
          lte: 1e-3,
        }).optional(),
      })
      .strict()
      .default({})
      .meta({ description: 'thermal expansion not given by the material presets' }),
    window: z
      .object({
        min: quantity('MPa', 'least cell pressure of the window', { gte: 0, lte: 1000 }),
        max: quantity('MPa', 'largest cell pressure of the window', { gt: 0, lte: 1000 }),
        statistic: z
          .enum(['mean', 'p5p95'])
          .default('mean')
          .meta({ description: 'mean: the mean cell pressure; p5p95: its 5th and 95th percentiles' }),
      })
      .strict()
      .refine((w) => w.min < w.max, {
        error: (iss) => {
          const w = iss.input as { min: number; max: number };
          return `min ${w.min} MPa >= max ${w.max} MPa — the window's min must be below its max`;
        },
      })
      .optional()
      .meta({ description: 'the pressure window the cells must stay in (default: the load-up mean ± 20 %)' }),
    maps: list(
      quantity('', 'state index (0 = load-up)', { int: true, gte: 0, lte: maxHistoryStateCount }),
      0,
      50,
    )
      .optional()
      .meta({
        description: 'states whose maps the report draws (default: load-up, the worst state, the last)',
      }),
  })
  .strict()
  .optional()
  .meta({
    description:
      'the life after load-up: charge and discharge, irreversible growth, temperature and pad relaxation, solved state by state with the nuts locked',
  });

export type HistoryCase = NonNullable<z.output<typeof historySchema>>;
