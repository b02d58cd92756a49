import { z } from 'zod';
import {
  type MapDistribution,
  METRIC_UNITS,
  TOLERANCE_SCHEMA,
  type ToleranceMetric,
  type ToleranceResult,
} from '../tolerance/toleranceResult';
import {
  FieldsFileError,
  f64,
  gridPlacementShape,
  readF64,
  readU8,
  stackGeometrySchema,
  u8,
} from './fieldsFile';
import type { LoadState, PressureGrid } from './resultFields';
import { parseJsonText, shapedJson } from './shapedJson';
import type { StackGeometry } from './stackGeometry';

/**
 * `tolerance.json`: a tolerance study as the viewer opens it — the draws, the distributions and,
 * per load state, the four map grids (mean, p5, p95, P(contact)) as base64 of their little-endian
 * bytes on one grid header, so the file stays about a megabyte and every number survives bit for
 * bit. It also carries the stack's outline, so the maps can be drawn without the case. Browser-safe.
 * Read back it is hostile input: `decodeToleranceFile` checks shapes, sizes, ranges and the draws'
 * consistency and throws `ToleranceFileError` naming what is wrong.
 */

/** A tolerance file that is not one we wrote, with the reason (a FieldsFileError, so one catch takes both files). */
export class ToleranceFileError extends FieldsFileError {
  override name = 'ToleranceFileError';
}

/** What `tolerance.json` holds: the study, the stack the maps are drawn on, and where the case came from. */
export interface ToleranceFile {
  result: ToleranceResult;
  stack: StackGeometry | null;
  input: { file: string; hash: string } | null;
}

/** The schema's own bound on draws; a file with more was not written by us. */
const MAX_DRAWS = 1000;
/** A map grid of a case has at most this many points (see fieldsFile's limits). */
const MAX_GRID_POINTS = 4_000_000;

const STATES = ['loadUp', 'swollen'] as const satisfies readonly LoadState[];
const METRICS = Object.keys(METRIC_UNITS) as [ToleranceMetric, ...ToleranceMetric[]];
const MAP_NAMES = [
  'mean',
  'p5',
  'p95',
  'contactProbability',
] as const satisfies readonly (keyof MapDistribution)[];

const finite = z.number().refine(Number.isFinite, 'a finite number');
const fraction = finite.refine((v) => v >= 0 && v <= 1, 'a fraction from 0 to 1');
const count = z.int().min(0).max(1e12);
/** 32-bit seeds, signed or unsigned */
const seed = z
  .int()
  .min(-(2 ** 31))
  .max(2 ** 32 - 1);

const byMetric = <T extends z.ZodType>(v: T) =>
  z.object(Object.fromEntries(METRICS.map((m) => [m, v])) as Record<ToleranceMetric, T>).strict();
const byState = <T extends z.ZodType>(v: T) =>
  z
    .object(Object.fromEntries(STATES.map((s) => [s, v.optional()])) as Record<LoadState, z.ZodOptional<T>>)
    .strict();

const draw = z
  .object({
    index: z
      .int()
      .min(0)
      .max(MAX_DRAWS - 1),
    seed,
    inputs: z
      .record(z.string().max(200), z.union([finite, z.array(finite).max(10_000)]))
      .refine((r) => Object.keys(r).length <= 1000, 'at most 1000 inputs'),
    status: z.enum(['ok', 'failed']),
    error: z.string().max(20_000).nullable(),
    metrics: byState(byMetric(finite)).nullable(),
    factorizations: count,
    factorizationsReused: count,
  })
  .strict();

const distribution = z
  .object({
    mean: finite,
    std: finite,
    p5: finite,
    p50: finite,
    p95: finite,
    min: finite,
    max: finite,
    probability: fraction.nullable(),
  })
  .strict();

const gridHeader = gridPlacementShape;
const encodedValues = z.object({ values: z.string(), contact: z.string() }).strict();
const encodedMaps = z
  .object({
    grid: gridHeader,
    ...(Object.fromEntries(MAP_NAMES.map((n) => [n, encodedValues])) as Record<
      (typeof MAP_NAMES)[number],
      typeof encodedValues
    >),
  })
  .strict();

const firstOrder = z
  .object({
    quantity: z.enum(['meanPressure', 'centrePressure']),
    state: z.enum(STATES),
    value: finite,
    variance: finite.min(0),
    parts: z.object({ preload: finite, flatness: finite }).strict(),
    omitted: z.array(z.string().max(200)).max(50),
    point: z
      .object({ index: z.int().min(0), x: finite, y: finite })
      .strict()
      .optional(),
  })
  .strict();

const fileShape = z
  .object({
    schema: z.literal(TOLERANCE_SCHEMA),
    caseName: z.string().max(500),
    seed,
    samples: z.int().min(1).max(MAX_DRAWS),
    draws: z.array(draw).max(MAX_DRAWS),
    failed: z
      .array(
        z
          .int()
          .min(0)
          .max(MAX_DRAWS - 1),
      )
      .max(MAX_DRAWS),
    targets: z
      .array(z.object({ metric: z.enum(METRICS), min: finite.optional(), max: finite.optional() }).strict())
      .max(100),
    distributions: byState(byMetric(distribution)),
    maps: byState(encodedMaps),
    effort: z
      .object({
        seconds: finite.min(0),
        solvesPerDraw: finite.min(0),
        factorizationsPerDraw: finite.min(0),
        reusedPerDraw: finite.min(0),
      })
      .strict(),
    warnings: z.array(z.string().max(5000)).max(1000).optional(),
    firstOrder: z.array(firstOrder).max(20).optional(),
    stack: stackGeometrySchema.nullable(),
    input: z
      .object({ file: z.string().max(4096), hash: z.string().max(200) })
      .strict()
      .nullable(),
  })
  .strict();

type FileShape = z.infer<typeof fileShape>;

function encodeMaps(m: MapDistribution): z.infer<typeof encodedMaps> {
  const { x0, y0, dx, dy, nx, ny } = m.mean;
  const out = { grid: { x0, y0, dx, dy, nx, ny } } as z.infer<typeof encodedMaps>;
  for (const name of MAP_NAMES) {
    const g = m[name];
    if (g.nx !== nx || g.ny !== ny || g.x0 !== x0 || g.y0 !== y0 || g.dx !== dx || g.dy !== dy)
      throw new RangeError(
        `maps.${name}: its grid differs from the mean map's; the four maps share one grid`,
      );
    out[name] = { values: f64(g.values), contact: u8(g.contact) };
  }
  return out;
}

/** The text of `tolerance.json`. */
export function encodeToleranceFile(file: ToleranceFile): string {
  const r = file.result;
  const maps: FileShape['maps'] = {};
  for (const s of STATES) {
    const m = r.maps[s];
    if (m) maps[s] = encodeMaps(m);
  }
  // the fields named one by one, so the file holds exactly what the decoder accepts
  const shape: FileShape = {
    schema: TOLERANCE_SCHEMA,
    caseName: r.caseName,
    seed: r.seed,
    samples: r.samples,
    draws: r.draws.map((d) => ({
      index: d.index,
      seed: d.seed,
      inputs: d.inputs,
      status: d.status,
      error: d.error,
      metrics: d.metrics,
      factorizations: d.factorizations,
      factorizationsReused: d.factorizationsReused,
    })),
    failed: r.failed,
    targets: r.targets,
    distributions: r.distributions,
    maps,
    effort: r.effort,
    ...(r.warnings ? { warnings: r.warnings } : {}),
    ...(r.firstOrder ? { firstOrder: r.firstOrder } : {}),
    stack: file.stack,
    input: file.input,
  };
  return JSON.stringify(shape);
}

/** Rethrown as a ToleranceFileError: fieldsFile's readers name the array, we say which file. */
function rethrown<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof FieldsFileError) throw new ToleranceFileError(e.message);
    throw e;
  }
}

function decodeMaps(m: z.infer<typeof encodedMaps>, what: string): MapDistribution {
  const n = m.grid.nx * m.grid.ny;
  if (n > MAX_GRID_POINTS)
    throw new ToleranceFileError(`${what}.grid: ${n} points, allowed at most ${MAX_GRID_POINTS}`);
  const grid = (name: (typeof MAP_NAMES)[number]): PressureGrid =>
    rethrown(() => ({
      ...m.grid,
      values: readF64(m[name].values, n, `${what}.${name}.values`),
      contact: readU8(m[name].contact, n, `${what}.${name}.contact`),
    }));
  const out = {
    mean: grid('mean'),
    p5: grid('p5'),
    p95: grid('p95'),
    contactProbability: grid('contactProbability'),
  };
  const p = out.contactProbability.values;
  for (let k = 0; k < n; k++)
    if (!(p[k] >= 0 && p[k] <= 1))
      throw new ToleranceFileError(`${what}.contactProbability.values[${k}]: ${p[k]}, allowed 0 to 1`);
  return out;
}

/** Read back `tolerance.json` text. Throws ToleranceFileError naming what is wrong. */
export function decodeToleranceFile(text: string): ToleranceFile {
  const f = shapedJson(
    parseJsonText(text, ToleranceFileError),
    fileShape,
    TOLERANCE_SCHEMA,
    ToleranceFileError,
  );
  // a study is never silently partial: every draw asked for is there, in order, and the failed
  // list is exactly the draws that failed
  if (f.draws.length !== f.samples)
    throw new ToleranceFileError(
      `draws: ${f.draws.length} draws for samples ${f.samples}; a study lists every draw`,
    );
  f.draws.forEach((d, i) => {
    if (d.index !== i)
      throw new ToleranceFileError(`draws[${i}].index: ${d.index}, expected ${i} (index order)`);
    if ((d.status === 'ok') !== (d.metrics !== null) || (d.status === 'ok') !== (d.error === null))
      throw new ToleranceFileError(
        `draws[${i}]: status ${d.status} with ${d.metrics ? 'metrics' : 'no metrics'} and ${d.error === null ? 'no error' : 'an error'}; an ok draw has metrics and no error, a failed one the reverse`,
      );
  });
  const failed = f.draws.filter((d) => d.status === 'failed').map((d) => d.index);
  if (failed.length !== f.failed.length || failed.some((i, k) => f.failed[k] !== i))
    throw new ToleranceFileError(
      `failed: [${f.failed.join(', ')}], but the draws that failed are [${failed.join(', ')}]`,
    );
  const maps: ToleranceResult['maps'] = {};
  for (const s of STATES) {
    const m = f.maps[s];
    if (m) maps[s] = decodeMaps(m, `maps.${s}`);
  }
  const result: ToleranceResult = {
    schema: TOLERANCE_SCHEMA,
    caseName: f.caseName,
    seed: f.seed,
    samples: f.samples,
    draws: f.draws,
    failed: f.failed,
    targets: f.targets,
    distributions: f.distributions,
    maps,
    effort: f.effort,
  };
  if (f.warnings) result.warnings = f.warnings;
  if (f.firstOrder) result.firstOrder = f.firstOrder;
  return { result, stack: (f.stack as StackGeometry | null) ?? null, input: f.input };
}
