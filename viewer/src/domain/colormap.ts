/**
 * The pressure colormap: Google's Turbo (polynomial fit by Mikhailov, 2019) sampled into a
 * 256-entry table. The 3D view samples it as a 1D texture with the scalar as texture coordinate,
 * so colours are interpolated in the scalar, never in RGB.
 */
export const COLORMAP_SIZE = 256;

function turbo(t: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, t));
  const r =
    0.13572138 +
    x * (4.6153926 + x * (-42.66032258 + x * (132.13108234 + x * (-152.94239396 + x * 59.28637943))));
  const g =
    0.09140261 + x * (2.19418839 + x * (4.84296658 + x * (-14.18503333 + x * (4.27729857 + x * 2.82956604))));
  const b =
    0.1066733 +
    x * (12.64194608 + x * (-60.58204836 + x * (110.36276771 + x * (-89.90310912 + x * 27.34824973))));
  const c = (v: number) => Math.round(255 * Math.min(1, Math.max(0, v)));
  return [c(r), c(g), c(b)];
}

/** RGBA bytes, COLORMAP_SIZE × 1. */
export function colormapTable(): Uint8Array {
  const out = new Uint8Array(4 * COLORMAP_SIZE);
  for (let i = 0; i < COLORMAP_SIZE; i++) {
    const [r, g, b] = turbo(i / (COLORMAP_SIZE - 1));
    out.set([r, g, b, 255], 4 * i);
  }
  return out;
}

/** Colour of a normalized scalar t ∈ [0, 1] (nearest table entry), for 2D canvases. */
export function colormapRgb(t: number, table: Uint8Array): [number, number, number] {
  const i = Math.round(Math.min(1, Math.max(0, t)) * (COLORMAP_SIZE - 1));
  return [table[4 * i], table[4 * i + 1], table[4 * i + 2]];
}

/** A CSS linear-gradient through the same table, bottom to top. */
export function colormapCssGradient(direction = 'to top', stops = 16): string {
  const parts: string[] = [];
  for (let i = 0; i <= stops; i++) {
    const [r, g, b] = turbo(i / stops);
    parts.push(`rgb(${r} ${g} ${b}) ${((100 * i) / stops).toFixed(1)}%`);
  }
  return `linear-gradient(${direction}, ${parts.join(', ')})`;
}

/** Normalize a value into the texture coordinate of the table (centres of the first and last texels). */
export function colormapCoordinate(value: number, min: number, max: number): number {
  const t = max > min ? (value - min) / (max - min) : 0.5;
  const half = 0.5 / COLORMAP_SIZE;
  return half + Math.min(1, Math.max(0, t)) * (1 - 2 * half);
}
