import type { StackGeometry } from '../../../src/presentation/stackGeometry';

/**
 * Deflection as drawn: each plate's w minus its mean, so the exaggeration magnifies bending and
 * not the stack's closure (a 0.2 mm closure × 100 would crush a 15 mm stack through itself).
 */
export function bendingOnly(deflection: readonly Float64Array[]): Float64Array[] {
  return deflection.map((w) => {
    let mean = 0;
    for (let i = 0; i < w.length; i++) mean += w[i];
    mean /= Math.max(1, w.length);
    return w.map((v) => v - mean);
  });
}

/**
 * The largest exaggeration that keeps every pad and cell face in order: the drawn distance between
 * two plates stays above 40 % of its true value at every node.
 */
export function safeExaggeration(bending: readonly Float64Array[], layout: StackGeometry): number {
  let limit = 1000;
  for (let k = 0; k + 1 < bending.length; k++) {
    const parts = layout.parts.filter((p) => p.interfaceIndex === k);
    if (parts.length === 0) continue;
    const h = Math.max(...parts.map((p) => p.z1)) - Math.min(...parts.map((p) => p.z0));
    const wu = bending[k];
    const wl = bending[k + 1];
    let closing = 0;
    for (let n = 0; n < wu.length; n++) closing = Math.max(closing, wl[n] - wu[n]);
    if (closing > 0) limit = Math.min(limit, (0.6 * h) / closing);
  }
  return Math.max(1, Math.floor(limit));
}
