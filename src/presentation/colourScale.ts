import { interpolateCividis, interpolateViridis } from 'd3-scale-chromatic';

/**
 * The colour scales every picture uses, in the CLI and in the viewer alike, so one pressure
 * gives one colour wherever it is drawn.
 *
 * Pressure is drawn in viridis: perceptually uniform, so equal steps of pressure look like equal
 * steps of colour and a hot spot is as visible as a dead zone of the same size; it stays readable
 * in grey print. Deflection uses cividis, so a deflection map is never mistaken for a pressure map.
 * Points out of contact are drawn in `NO_CONTACT_COLOUR`, a neutral grey that neither scale contains,
 * so no contact can never be read as low pressure.
 */

/** An RGB colour, channels 0–255 integers. */
export type Rgb = readonly [number, number, number];

/** The colour of points out of contact (a gap opened, so the pressure is zero). */
export const NO_CONTACT_COLOUR: Rgb = [200, 200, 200];
export const NO_CONTACT_CSS = cssColour(NO_CONTACT_COLOUR);

/** The named sequential scales. */
export type ScaleName = 'pressure' | 'deflection';

const interpolators: Record<ScaleName, (t: number) => string> = {
  pressure: interpolateViridis,
  deflection: interpolateCividis,
};

/** Entries of the lookup tables: every drawing quantizes t ∈ [0, 1] to one of them, so all agree. */
export const COLOUR_TABLE_SIZE = 256;

function parseCss(c: string): Rgb {
  // d3-scale-chromatic returns '#rrggbb' or 'rgb(r, g, b)'
  if (c.startsWith('#')) {
    const n = Number.parseInt(c.slice(1), 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  const m = c.match(/\d+(\.\d+)?/g);
  if (!m || m.length < 3) throw new Error(`unexpected colour ${c}`);
  return [Math.round(Number(m[0])), Math.round(Number(m[1])), Math.round(Number(m[2]))];
}

// built once at import: 256 entries per scale, read-only afterwards
const tables: Record<ScaleName, readonly Rgb[]> = {
  pressure: buildTable(interpolators.pressure),
  deflection: buildTable(interpolators.deflection),
};

function buildTable(interpolate: (t: number) => string): Rgb[] {
  return Array.from({ length: COLOUR_TABLE_SIZE }, (_, i) =>
    parseCss(interpolate(i / (COLOUR_TABLE_SIZE - 1))),
  );
}

/** Index into the table for t ∈ [0, 1] (clamped; non-finite → 0). */
export function tableIndex(t: number): number {
  const c = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  return Math.round(c * (COLOUR_TABLE_SIZE - 1));
}

/** Colour of a normalized value t ∈ [0, 1] on a scale. */
export function scaleColour(name: ScaleName, t: number): Rgb {
  return tables[name][tableIndex(t)];
}

/** Colour of `value` on a scale running from `lo` to `hi` (same units). A degenerate range maps to mid-scale. */
export function valueColour(name: ScaleName, value: number, lo: number, hi: number): Rgb {
  return scaleColour(name, hi > lo ? (value - lo) / (hi - lo) : 0.5);
}

/** RGBA bytes, COLOUR_TABLE_SIZE × 1, for a 1D texture (the 3D view samples it with the scalar). */
export function colourTableRgba(name: ScaleName): Uint8Array {
  const out = new Uint8Array(4 * COLOUR_TABLE_SIZE);
  tables[name].forEach(([r, g, b], i) => {
    out.set([r, g, b, 255], 4 * i);
  });
  return out;
}

/** Texture coordinate of a value: centres of the first and last texels, clamped. */
export function colourTableCoordinate(value: number, lo: number, hi: number): number {
  const t = hi > lo ? (value - lo) / (hi - lo) : 0.5;
  const half = 0.5 / COLOUR_TABLE_SIZE;
  return half + Math.min(1, Math.max(0, t)) * (1 - 2 * half);
}

/** `#rrggbb` of a colour. */
export function cssColour([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/** A CSS linear-gradient through the scale (for DOM colour bars), `stops` + 1 stops. */
export function cssGradient(name: ScaleName, direction = 'to top', stops = 16): string {
  const parts: string[] = [];
  for (let i = 0; i <= stops; i++)
    parts.push(`${cssColour(scaleColour(name, i / stops))} ${((100 * i) / stops).toFixed(1)}%`);
  return `linear-gradient(${direction}, ${parts.join(', ')})`;
}
