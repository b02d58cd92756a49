import { z } from 'zod';
import { checkDesignProblem, type DesignProblem } from '../design/designProblem';
import { maxBudget } from '../design/designSpec';
import { checkDesignValues, type DesignValues } from '../design/designValues';
import { InputError } from '../validation/parseInput';
import { parseJsonText, shapedJson } from './shapedJson';

/**
 * `design.json`: a `stackpress design` run as the viewer opens it — the problem (so any design's
 * case can be built again), every evaluated design with its objectives, margins and parts, the
 * Pareto front and the best design. Browser-safe. Read back it is hostile input:
 * `decodeDesignFile` checks shapes, sizes and every number, derives the problem again from its
 * spec fields (`checkDesignProblem`), checks each design against it and the front and best
 * against the designs, and throws `DesignFileError` naming the key that is wrong.
 */

/** A design file that is not one `stackpress design` wrote, with the reason. */
export class DesignFileError extends Error {
  override name = 'DesignFileError';
}

/** The largest design.json a run of `maxBudget` designs writes is a few MiB; far larger is not ours [bytes]. */
export const MAX_DESIGN_FILE_BYTES = 64 * 2 ** 20;

const finite = z.number().refine(Number.isFinite, 'a finite number');
const nonNegative = finite.refine((v) => v >= 0, 'a finite number >= 0');
const count = z.int().min(0).max(1e9);
const index = z
  .int()
  .min(0)
  .max(maxBudget * 10);
const text = (max: number) => z.string().max(max);

const margin = z
  .object({
    id: text(100),
    name: text(100),
    state: z.enum(['load-up', 'after swelling', 'both states', 'at preload']),
    what: text(1000),
    value: finite,
    limit: finite,
    unit: text(20),
    margin: finite,
  })
  .strict();

const objectives = z
  .object({
    modules: count,
    moduleEnergyWh: nonNegative,
    moduleCellMassKg: nonNegative,
    moduleCellVolumeL: nonNegative,
    inactiveMassKg: nonNegative,
    inactiveVolumeL: finite,
    massEfficiency: nonNegative,
    volumeEfficiency: nonNegative,
    cov: nonNegative.nullable(),
  })
  .strict();

const part = z.object({ part: text(100), count: count, volumeL: nonNegative, massKg: nonNegative }).strict();

const designValues = z.record(text(40), z.union([finite, text(100), z.boolean()]));

const designRow = z
  .object({
    index,
    generation: count,
    key: text(2000),
    design: designValues,
    status: z.enum(['feasible', 'infeasible', 'failed']),
    front: z.boolean(),
    objectives: objectives.nullable(),
    constraints: z.array(margin).max(100),
    violated: z.array(text(100)).max(100),
    binding: text(100).nullable(),
    message: text(20_000).nullable(),
    parts: z.array(part).max(50).nullable(),
  })
  .strict();

const fileShape = z
  .object({
    schemaVersion: z.literal(1),
    kind: z.literal('stackpress.design'),
    name: text(500),
    spec: z.object({ file: text(4096), hash: text(200) }).strict(),
    seed: z
      .int()
      .min(-(2 ** 31))
      .max(2 ** 32 - 1),
    budget: z.int().min(1).max(maxBudget),
    population: z.int().min(1).max(maxBudget),
    covLimit: finite.refine((v) => v > 0, 'a finite number > 0'),
    measure: z.enum(['mass', 'volume']),
    systemKWh: finite.refine((v) => v > 0, 'a finite number > 0'),
    constraintIds: z.array(text(100)).max(100),
    seconds: nonNegative,
    generations: count,
    stopped: z.boolean(),
    evaluations: count,
    feasible: count,
    failed: count,
    firstFeasibleAt: count.nullable(),
    firstFeasibleSeconds: nonNegative.nullable(),
    problem: z.unknown(),
    front: z.array(index).max(maxBudget),
    best: z
      .object({
        index,
        design: designValues,
        objectives: z.tuple([finite, finite]),
        efficiencyPct: finite,
      })
      .strict()
      .nullable(),
    designs: z.array(designRow).max(maxBudget),
  })
  .strict();

export type DesignRow = Omit<z.output<typeof designRow>, 'design'> & { design: DesignValues };

/** A design run as read back: the problem derived again, the designs checked against it. */
export interface DesignFile {
  name: string;
  spec: { file: string; hash: string };
  seed: number;
  budget: number;
  covLimit: number;
  measure: 'mass' | 'volume';
  systemKWh: number;
  problem: DesignProblem;
  /** every evaluated design, in archive order */
  designs: DesignRow[];
  /** archive indices of the feasible Pareto front */
  front: number[];
  /** archive index of the best design within the CoV limit, or null when none qualified */
  best: number | null;
}

const fail = (key: string, what: string): never => {
  throw new DesignFileError(`${key}: ${what} — not a stackpress.design file`);
};

/**
 * Decode and check a design.json (its text). Throws DesignFileError naming the key: not JSON, a
 * shape or number out of bounds, a problem that is not a valid design problem, a design outside
 * the problem's variables, or a front or best that does not match the designs.
 */
export function decodeDesignFile(source: string): DesignFile {
  if (source.length > MAX_DESIGN_FILE_BYTES)
    fail('(file)', `${source.length} characters, allowed at most ${MAX_DESIGN_FILE_BYTES}`);
  const json = parseJsonText(source, DesignFileError);
  if (json !== null && typeof json === 'object' && !Array.isArray(json) && !Object.hasOwn(json, 'problem'))
    fail('problem', "missing — the run's problem, from which the viewer builds each design's case");
  const f = shapedJson(json, fileShape, 'stackpress.design', DesignFileError);
  let problem: DesignProblem;
  try {
    problem = checkDesignProblem(f.problem);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return fail('problem', e.issues.slice(0, 3).join('; '));
  }
  if (f.designs.length !== f.evaluations)
    fail('evaluations', `${f.evaluations}, but ${f.designs.length} designs are listed`);
  const byIndex = new Map<number, DesignRow>();
  for (const [i, d] of f.designs.entries()) {
    if (byIndex.has(d.index)) fail(`designs[${i}].index`, `${d.index} is listed twice`);
    let values: DesignValues;
    try {
      values = checkDesignValues(problem, d.design);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return fail(`designs[${i}].design`, e.issues.slice(0, 3).join('; '));
    }
    if (d.front && d.status !== 'feasible') fail(`designs[${i}].front`, `true for a ${d.status} design`);
    byIndex.set(d.index, { ...d, design: values });
  }
  f.front.forEach((k, i) => {
    if (byIndex.get(k)?.front !== true) fail(`front[${i}]`, `${k} is not a design marked on the front`);
  });
  const marked = f.designs.filter((d) => d.front).length;
  if (marked !== f.front.length)
    fail('front', `${f.front.length} designs, but ${marked} are marked on the front`);
  if (f.best) {
    const b = byIndex.get(f.best.index);
    if (!b || b.status !== 'feasible')
      fail('best.index', `${f.best.index} is not a feasible design of the run`);
  }
  return {
    name: f.name,
    spec: f.spec,
    seed: f.seed,
    budget: f.budget,
    covLimit: f.covLimit,
    measure: f.measure,
    systemKWh: f.systemKWh,
    problem,
    designs: [...byIndex.values()],
    front: f.front,
    best: f.best?.index ?? null,
  };
}
