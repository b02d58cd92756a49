import { z } from 'zod';
import { maxResultJsonBytes } from '../case/limits';
import { pressureStatsSchema } from '../results/pressureStatsSchema';
import type { HistorySummary } from './historyResult';

/**
 * The `history` of a result.json, checked before a report or the viewer uses it: every number
 * finite, every list of a size a case can make.
 */

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const text = z.string().max(10_000);
/** the history block allows at most this many states (load-up included) */
export const maxHistoryStates = 20_001;
/**
 * Most map values (states × grid points) of a history in fields.json: 20 001 states of a
 * 2000-point grid, or 200 of a 200 000-point one; as Float32 in base64 about 213 MB, inside the
 * 256 MiB a reader takes. The case checks refuse a history past it before solving.
 */
export const maxHistoryMapValues = 40_000_000;
/**
 * Most bytes the states of a history may add to result.json. Beyond a few hundred MiB the file
 * cannot be written at all (JavaScript's longest string) after a whole solve; the case checks
 * refuse such a history before solving.
 */
// the rest of a result.json is a few kB, and no more than 4 MiB even with 2000 bolts and layers
export const maxHistoryResultBytes = maxResultJsonBytes - 4 * 2 ** 20;
/**
 * Upper estimate of one state's bytes in result.json (indented): its own figures, then its
 * statistics per interface. Measured 1.49 kB with one interface and 2.04 kB with two.
 */
export const historyStateBytes = (interfaces: number) => 1200 + 600 * interfaces;
const maxLayers = 2002;

const stateSchema = z.object({
  index: z.int().min(0),
  label: text,
  time: finite,
  cycle: finite,
  soc: finite,
  deltaT: finite,
  pressure: pressureStatsSchema,
  interfaces: z
    .array(z.object({ name: text, pressure: pressureStatsSchema }))
    .min(1)
    .max(maxLayers),
  boltForce: z.object({ mean: finite, min: finite, max: finite, total: finite }),
  springs: z.object({ forceMax: finite, lengthMin: finite, solidMargin: finite }).nullable(),
  padStrain: z.object({ mean: finite, max: finite }).nullable(),
  relResidual: finite,
  newtonIterations: z.int().min(0),
  drivers: z.object({ breathing: finite, growth: finite, thermal: finite, relaxation: finite }),
  inWindow: z.boolean(),
});

export const historySummarySchema = z.object({
  window: z.object({
    min: finite,
    max: finite,
    statistic: z.enum(['mean', 'p5p95']),
    source: text,
  }),
  states: z.array(stateSchema).min(1).max(maxHistoryStates),
  verdict: z.object({
    fractionInWindow: finite,
    statesInWindow: z.int().min(0),
    worst: z.object({
      index: z.int().min(0),
      label: text,
      value: finite,
      limit: finite,
      side: z.enum(['below', 'above']),
      excess: finite,
    }),
    driver: z.enum(['breathing', 'growth', 'thermal', 'relaxation']),
    text,
  }),
  mapStates: z.array(z.int().min(0)).max(maxHistoryStates),
}) satisfies z.ZodType<HistorySummary>;
