import { segmentOf } from '../../../solver/mesh/axis';
import type { ResultFields } from '../../../src/presentation/resultFields';

/** Index of the mesh cell containing v along sorted lines, and the local coordinate in it. */
function locate(lines: Float64Array, v: number): [number, number] {
  const k = segmentOf(lines, v);
  return [k, Math.max(0, Math.min(1, (v - lines[k]) / (lines[k + 1] - lines[k])))];
}

/** Bilinear interpolation of a nodal field of the tensor-product mesh at (x, y). */
export function sampleNodal(f: ResultFields, values: ArrayLike<number>, x: number, y: number): number {
  const nx = f.meshX.length;
  const [i, tx] = locate(f.meshX, x);
  const [j, ty] = locate(f.meshY, y);
  const n = j * nx + i;
  return (
    (1 - tx) * (1 - ty) * values[n] +
    tx * (1 - ty) * values[n + 1] +
    (1 - tx) * ty * values[n + nx] +
    tx * ty * values[n + nx + 1]
  );
}

export interface ProbeReading {
  x: number;
  y: number;
  onFootprint: boolean;
  /** MPa, mm */
  pressure: number;
  gap: number;
  deflection: { name: string; w: number }[];
}

/**
 * Pressure [MPa], open gap [mm] and each plate's w [mm] at (x, y) [mm] on one interface, in the
 * load state drawn (after swelling when the fields have it and `swollen` is set, else load-up).
 */
export function probeAt(
  f: ResultFields,
  interfaceIndex: number,
  x: number,
  y: number,
  swollen = false,
): ProbeReading {
  const fp = f.footprint;
  const onFootprint = x >= fp.x0 && x <= fp.x1 && y >= fp.y0 && y <= fp.y1;
  const field = f.interfaces[interfaceIndex];
  const itf = (swollen ? field.swollen : null) ?? field;
  const deflection = (swollen ? f.deflectionSwollen : null) ?? f.deflection;
  return {
    x,
    y,
    onFootprint,
    pressure: onFootprint ? sampleNodal(f, itf.pressure, x, y) : Number.NaN,
    gap: onFootprint ? sampleNodal(f, itf.gap, x, y) : Number.NaN,
    deflection: f.layers.flatMap((l, k) =>
      l.rigid ? [] : [{ name: l.name, w: sampleNodal(f, deflection[k], x, y) }],
    ),
  };
}

/** Nearest mesh-line index to v. */
export function nearestLine(lines: Float64Array, v: number): number {
  let best = 0;
  for (let i = 1; i < lines.length; i++) if (Math.abs(lines[i] - v) < Math.abs(lines[best] - v)) best = i;
  return best;
}
