import { type ClosureLaw, closureLaw } from '../../solver/contact/closureLaw';
import { segmentOf } from '../../solver/mesh/axis';

/**
 * Compression of one compliant layer as a piecewise-linear function of pressure, δ(p):
 * p[0] = 0, d[0] = 0, both strictly increasing, extended linearly past the last point.
 * Layers in series carry the same pressure, so their compressions add at equal p — that is
 * why the layer is described as δ(p) and only the sum is inverted to p(c).
 */
export interface LayerCompliance {
  /** pressure [MPa] */
  p: number[];
  /** compression at that pressure [mm] */
  d: number[];
  /** what the layer is, for messages */
  label: string;
}

/** A linear layer of thickness t [mm] and compression modulus E [MPa]: δ = p·t/E. */
export function linearLayer(label: string, thickness: number, modulus: number): LayerCompliance {
  return { label, p: [0, 1], d: [0, thickness / modulus] };
}

/**
 * Compression δ [mm] of a layer at pressure p [MPa]. The segment is found by bisection, so the
 * series law of big tables (every breakpoint of every layer evaluated on every layer) costs
 * n·log n, not n².
 */
export function layerCompression(layer: LayerCompliance, p: number): number {
  const { p: ps, d: ds } = layer;
  // k = 0 below the table, n − 2 past its end: the law extends linearly both ways
  const k = segmentOf(ps, p);
  return ds[k] + ((ds[k + 1] - ds[k]) / (ps[k + 1] - ps[k])) * (p - ps[k]);
}

/**
 * The closure law of layers in series, each taken `count` times: c(p) = Σ count·δ(p),
 * exact on the union of the layers' pressure breakpoints, then inverted to p(c).
 */
export function seriesClosureLaw(layers: { layer: LayerCompliance; count: number }[]): ClosureLaw {
  if (layers.length === 0) throw new Error('series closure law: no layers');
  const breaks = new Set<number>();
  for (const { layer } of layers) for (const p of layer.p) breaks.add(p);
  const ps = [...breaks].sort((a, b) => a - b);
  const cs = ps.map((p) =>
    layers.reduce((sum, { layer, count }) => sum + count * layerCompression(layer, p), 0),
  );
  return closureLaw(cs, ps);
}
