import { z } from 'zod';
import { maxHistoryMapValues, maxHistoryStates } from '../history/historySummarySchema';
import { pressureStatsSchema } from '../results/pressureStatsSchema';
import { historyGrid } from './historyMapsOf';
import type { HistoryMaps, InterfaceState, PressureGrid, ResultFields } from './resultFields';
import { parseJsonText, shapedJson } from './shapedJson';
import type { StackGeometry } from './stackGeometry';

/**
 * `fields.json`: the solved fields beside a result folder's `result.json`, so the viewer and
 * `stackpress report` draw a result without solving it again. Typed arrays travel as base64 of
 * their little-endian bytes, so every number survives bit for bit; the rest is plain JSON.
 * Browser-safe (no Buffer). The file is hostile input when read back: `decodeResultFields`
 * checks its shape, sizes and numbers and throws `FieldsFileError` naming what is wrong.
 */
export const FIELDS_SCHEMA = 'stackpress.fields/1';

/** A fields file that is not one we wrote, with the reason. */
export class FieldsFileError extends Error {
  override name = 'FieldsFileError';
}

// the largest mesh the case limits allow is far below this; anything larger was not written by us
const MAX_LINES = 20_000;
const MAX_NODES = 4_000_000;
const MAX_LAYERS = 200;
/** history maps: 20 001 states of a 2000-point grid, or 200 of a 200 000-point one (fields.json is read up to 256 MiB) */
const MAX_HISTORY_VALUES = maxHistoryMapValues;

function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  // String.fromCharCode takes its arguments on the stack; a multiple of 3 bytes keeps '=' padding at the end only
  const chunk = 3 * 8192;
  for (let i = 0; i < bytes.length; i += chunk)
    out += btoa(String.fromCharCode(...bytes.subarray(i, i + chunk)));
  return out;
}

function base64ToBytes(s: string, what: string): Uint8Array {
  let bin: string;
  try {
    bin = atob(s);
  } catch {
    throw new FieldsFileError(`${what}: not base64`);
  }
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Base64 of a Float64Array's little-endian bytes. */
export const f64 = (a: Float64Array) => bytesToBase64(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
export const u8 = (a: Uint8Array) => bytesToBase64(a);
/** Base64 of the values rounded to Float32, little-endian: half the size, for maps drawn in colour. */
export const f32 = (a: ArrayLike<number>) => u8(new Uint8Array(Float32Array.from(a).buffer));

/** `length` finite numbers from base64 (`f64`); throws FieldsFileError naming `what`. */
export function readF64(s: string, length: number, what: string): Float64Array {
  const bytes = base64ToBytes(s, what);
  if (bytes.length !== 8 * length)
    throw new FieldsFileError(`${what}: ${bytes.length / 8} numbers where the mesh needs ${length}`);
  const out = new Float64Array(length);
  new Uint8Array(out.buffer).set(bytes);
  for (let i = 0; i < length; i++)
    if (!Number.isFinite(out[i]))
      throw new FieldsFileError(`${what}[${i}]: ${out[i]} is not a finite number`);
  return out;
}

/** `length` finite Float32 numbers from base64 (`f32`), widened to Float64; throws FieldsFileError naming `what`. */
export function readF32(s: string, length: number, what: string): Float64Array {
  const bytes = base64ToBytes(s, what);
  if (bytes.length !== 4 * length)
    throw new FieldsFileError(`${what}: ${bytes.length / 4} numbers where the grid needs ${length}`);
  const f = new Float32Array(length);
  new Uint8Array(f.buffer).set(bytes);
  const out = Float64Array.from(f);
  for (let i = 0; i < length; i++)
    if (!Number.isFinite(out[i]))
      throw new FieldsFileError(`${what}[${i}]: ${out[i]} is not a finite number`);
  return out;
}

/** `length` 0/1 flags from base64 (`u8`); throws FieldsFileError naming `what`. */
export function readU8(s: string, length: number, what: string): Uint8Array {
  const bytes = base64ToBytes(s, what);
  if (bytes.length !== length)
    throw new FieldsFileError(`${what}: ${bytes.length} entries where the mesh needs ${length}`);
  for (let i = 0; i < length; i++)
    if (bytes[i] > 1) throw new FieldsFileError(`${what}[${i}]: ${bytes[i]}, allowed 0 or 1`);
  return bytes;
}

const finite = z.number().refine(Number.isFinite, 'a finite number');
const rect = z.object({ x0: finite, y0: finite, x1: finite, y1: finite }).strict();
/** A regular map grid's placement and size (its values are stored beside it): fields and tolerance files. */
export const gridPlacementShape = z
  .object({
    x0: finite,
    y0: finite,
    dx: finite.refine((v) => v > 0, 'positive'),
    dy: finite.refine((v) => v > 0, 'positive'),
    nx: z.int().min(2).max(MAX_LINES),
    ny: z.int().min(2).max(MAX_LINES),
  })
  .strict();
const gridHeader = gridPlacementShape.extend({ values: z.string(), contact: z.string() }).strict();
const stateShape = z
  .object({ pressure: z.string(), gap: z.string(), grid: gridHeader, stats: pressureStatsSchema })
  .strict();
const slab = z
  .object({
    kind: z.enum(['plate', 'base', 'gasket', 'cell']),
    name: z.string().max(200),
    rect,
    z0: finite,
    z1: finite,
    upper: z.int().min(0).max(MAX_LAYERS),
    lower: z.int().min(0).max(MAX_LAYERS),
    frac0: finite,
    frac1: finite,
    lift: finite,
    interfaceIndex: z.int().min(-1).max(MAX_LAYERS),
  })
  .strict();
/** `StackGeometry` as read back from a file: bounded lists, finite numbers, no other keys. */
export const stackGeometrySchema = z
  .object({
    plate: z.object({ Lx: finite, Ly: finite }).strict(),
    footprint: rect,
    parts: z.array(slab).max(100_000),
    bolts: z
      .array(
        z
          .object({
            x: finite,
            y: finite,
            diameter: finite,
            washerDiameter: finite,
            springs: z
              .object({ count: z.int().min(1).max(100), freeLength: finite, solidLength: finite })
              .strict()
              .nullable(),
          })
          .strict(),
      )
      .max(10_000),
    zTop: finite,
    zBottom: finite,
    topLift: finite,
    topLayer: z.int().min(0).max(MAX_LAYERS),
    bottomLayer: z.int().min(0).max(MAX_LAYERS),
  })
  .strict();
const fileShape = z
  .object({
    schema: z.literal(FIELDS_SCHEMA),
    caseName: z.string().max(500),
    inputHash: z.string().max(200).nullable(),
    meshX: z.object({ length: z.int().min(2).max(MAX_LINES), data: z.string() }).strict(),
    meshY: z.object({ length: z.int().min(2).max(MAX_LINES), data: z.string() }).strict(),
    footprint: rect,
    layers: z
      .array(z.object({ name: z.string().max(200), thickness: finite, rigid: z.boolean() }).strict())
      .min(2)
      .max(MAX_LAYERS),
    cellsPerInterface: z.array(z.int().min(0).max(100_000)).max(MAX_LAYERS),
    interfaces: z
      .array(
        z
          .object({
            name: z.string().max(200),
            mask: z.string(),
            pressure: z.string(),
            gap: z.string(),
            grid: gridHeader,
            stats: pressureStatsSchema,
            swollen: stateShape.nullable(),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_LAYERS),
    deflection: z.array(z.string()).max(MAX_LAYERS),
    deflectionSwollen: z.array(z.string()).max(MAX_LAYERS).nullable(),
    stack: stackGeometrySchema,
    // files written before histories existed have no key
    history: z
      .object({
        contactThreshold: finite,
        grid: gridPlacementShape,
        values: z.array(z.string()).min(1).max(maxHistoryStates),
      })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();

type FileShape = z.infer<typeof fileShape>;

const encodeGrid = (g: PressureGrid) => ({ ...g, values: f64(g.values), contact: u8(g.contact) });
const encodeState = (s: InterfaceState) => ({
  pressure: f64(s.pressure),
  gap: f64(s.gap),
  grid: encodeGrid(s.grid),
  stats: s.stats,
});

/**
 * A history's maps as the file keeps them: one grid placement for all states (they are all on the
 * interface's map grid) and each state's values as Float32; the contact flags follow from the threshold.
 */
function encodeHistory(h: HistoryMaps): FileShape['history'] {
  const { x0, y0, dx, dy, nx, ny } = h.grids[0];
  h.grids.forEach((g, k) => {
    if (g.x0 !== x0 || g.y0 !== y0 || g.dx !== dx || g.dy !== dy || g.nx !== nx || g.ny !== ny)
      throw new RangeError(`history map ${k} is not on the grid of map 0: every state is mapped on one grid`);
  });
  return {
    contactThreshold: h.contactThreshold,
    grid: { x0, y0, dx, dy, nx, ny },
    values: h.grids.map((g) => f32(g.values)),
  };
}

function decodeHistory(h: NonNullable<FileShape['history']>): HistoryMaps {
  const n = h.grid.nx * h.grid.ny;
  if (n > MAX_NODES) throw new FieldsFileError(`history.grid: ${n} points, allowed at most ${MAX_NODES}`);
  if (n * h.values.length > MAX_HISTORY_VALUES)
    throw new FieldsFileError(
      `history: ${h.values.length} maps of ${n} points, allowed at most ${MAX_HISTORY_VALUES} values in all`,
    );
  return {
    grids: h.values.map((v, k) =>
      historyGrid(h.grid, readF32(v, n, `history.values[${k}]`), h.contactThreshold),
    ),
    contactThreshold: h.contactThreshold,
  };
}

/** The text of `fields.json` for solved fields; `inputHash` ties it to its result.json. */
export function encodeResultFields(fields: ResultFields, inputHash: string | null = null): string {
  const file: FileShape = {
    schema: FIELDS_SCHEMA,
    caseName: fields.caseName,
    inputHash,
    meshX: { length: fields.meshX.length, data: f64(fields.meshX) },
    meshY: { length: fields.meshY.length, data: f64(fields.meshY) },
    footprint: fields.footprint,
    layers: fields.layers,
    cellsPerInterface: fields.cellsPerInterface,
    interfaces: fields.interfaces.map((i) => ({
      name: i.name,
      mask: u8(i.mask),
      ...encodeState(i),
      swollen: i.swollen ? encodeState(i.swollen) : null,
    })),
    deflection: fields.deflection.map(f64),
    deflectionSwollen: fields.deflectionSwollen ? fields.deflectionSwollen.map(f64) : null,
    stack: fields.stack,
    history: fields.history && fields.history.grids.length > 0 ? encodeHistory(fields.history) : null,
  };
  return JSON.stringify(file);
}

/** Read back `fields.json` text: the fields and the input hash it was written with. Throws FieldsFileError. */
export function decodeResultFields(text: string): { fields: ResultFields; inputHash: string | null } {
  const f = shapedJson(parseJsonText(text, FieldsFileError), fileShape, FIELDS_SCHEMA, FieldsFileError);
  const nNodes = f.meshX.length * f.meshY.length;
  if (nNodes > MAX_NODES) throw new FieldsFileError(`mesh: ${nNodes} nodes, allowed at most ${MAX_NODES}`);
  const nLayers = f.layers.length;
  if (f.interfaces.length !== nLayers - 1 || f.cellsPerInterface.length !== nLayers - 1)
    throw new FieldsFileError(
      `interfaces: ${f.interfaces.length} for ${nLayers} plate layers, which need ${nLayers - 1}`,
    );
  if (f.deflection.length !== nLayers || (f.deflectionSwollen && f.deflectionSwollen.length !== nLayers))
    throw new FieldsFileError(`deflection: one field per plate layer (${nLayers}) is needed`);
  const readGrid = (g: FileShape['interfaces'][number]['grid'], what: string): PressureGrid => {
    const n = g.nx * g.ny;
    if (n > MAX_NODES) throw new FieldsFileError(`${what}: ${n} points, allowed at most ${MAX_NODES}`);
    return {
      ...g,
      values: readF64(g.values, n, `${what}.values`),
      contact: readU8(g.contact, n, `${what}.contact`),
    };
  };
  const readState = (s: z.infer<typeof stateShape>, what: string): InterfaceState => ({
    pressure: readF64(s.pressure, nNodes, `${what}.pressure`),
    gap: readF64(s.gap, nNodes, `${what}.gap`),
    grid: readGrid(s.grid, `${what}.grid`),
    stats: s.stats,
  });
  const fields: ResultFields = {
    caseName: f.caseName,
    meshX: readF64(f.meshX.data, f.meshX.length, 'meshX'),
    meshY: readF64(f.meshY.data, f.meshY.length, 'meshY'),
    footprint: f.footprint,
    layers: f.layers,
    cellsPerInterface: f.cellsPerInterface,
    interfaces: f.interfaces.map((i, k) => ({
      name: i.name,
      mask: readU8(i.mask, nNodes, `interfaces[${k}].mask`),
      ...readState(i, `interfaces[${k}]`),
      swollen: i.swollen ? readState(i.swollen, `interfaces[${k}].swollen`) : null,
    })),
    deflection: f.deflection.map((d, l) => readF64(d, nNodes, `deflection[${l}]`)),
    deflectionSwollen: f.deflectionSwollen
      ? f.deflectionSwollen.map((d, l) => readF64(d, nNodes, `deflectionSwollen[${l}]`))
      : null,
    stack: f.stack as StackGeometry,
    history: f.history ? decodeHistory(f.history) : null,
  };
  for (const p of fields.stack.parts)
    if (p.upper >= nLayers || p.lower >= nLayers)
      throw new FieldsFileError(
        `stack.parts: ${p.name} follows layer ${Math.max(p.upper, p.lower)} of ${nLayers}`,
      );
  return { fields, inputHash: f.inputHash };
}
