import { z } from 'zod';
import { maxBolts } from '../../case/limits';
import { historySummarySchema } from '../../history/historySummarySchema';
import { pressureStatsSchema } from '../../results/pressureStatsSchema';
import { type CaseSummary, RESULT_SCHEMA } from '../../solveCase';

/**
 * The summary in a result.json, checked before a report is made of it: a result folder may come
 * from another machine or have been edited, so every number must be finite and every list of a
 * size a case can have. Unknown keys (the `input` a folder adds) are dropped.
 */

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const count = z.int().min(0);
/** names and warnings are short; a megabyte of text in one is not ours */
const text = z.string().max(10_000);
/** a stack has at most 1000 cells, each interleaf plate adds an interface and a plate */
const maxLayers = 2002;

const balance = z.object({ boltForce: finite, contactForce: finite, relResidual: finite });
const interfaces = z
  .array(z.object({ name: text, pressure: pressureStatsSchema }))
  .min(1)
  .max(maxLayers);

const summarySchema = z.object({
  schema: z.literal(RESULT_SCHEMA),
  name: text,
  units: z.object({
    length: z.literal('mm'),
    force: z.literal('N'),
    pressure: z.literal('MPa'),
    stress: z.literal('MPa'),
    fractions: z.literal('-'),
  }),
  warnings: z.array(text).max(10_000),
  pressure: pressureStatsSchema,
  bolts: z
    .array(z.object({ x: finite, y: finite, force: finite, forceAfterSwelling: finite }))
    .min(1)
    .max(maxBolts),
  balance,
  interfaces,
  plates: z
    .array(
      z.object({
        name: text,
        wMax: finite,
        wMin: finite,
        vonMisesMax: finite,
        yield: finite,
        safetyFactor: finite,
      }),
    )
    .min(1)
    .max(maxLayers),
  swelling: z.object({ pressure: pressureStatsSchema, balance, interfaces }).nullable(),
  // result folders written before histories existed have no key
  history: historySummarySchema.nullable().default(null),
  boltStiffness: z.object({ bolt: finite, springs: finite.nullable(), total: finite }),
  nominalPressure: finite,
  solver: z.object({
    dofs: count,
    nnzL: count,
    flops: finite,
    newtonIterations: count,
    factorizations: count,
    supportReaction: finite,
  }),
  effort: z.object({
    seconds: finite,
    phases: z.object({
      validate: finite,
      model: finite,
      setup: finite,
      loadUp: finite,
      swelling: finite,
      results: finite,
    }),
    factorThreads: count,
    helperJoined: count,
    // result folders written before the substitutions went halves do not say it
    helperSwept: count.default(0),
    factorizationsReused: count,
    analysesReused: count,
    plateModelsReused: count,
    plansReused: count,
  }),
});

/** The summary of a parsed result.json, or the first problems found (`field: what is wrong`). */
export function checkedSummary(json: unknown): { summary: CaseSummary } | { problems: string[] } {
  const r = summarySchema.safeParse(json);
  if (r.success) return { summary: r.data satisfies CaseSummary };
  return {
    problems: r.error.issues.slice(0, 5).map((iss) => {
      const at = iss.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('');
      return `${at.replace(/^\./, '') || '(top level)'}: ${iss.message}`;
    }),
  };
}
