/** An RGB colour, channels 0–255. */
export type Rgb = readonly [number, number, number];

/** Viridis (matplotlib) sampled at 9 evenly spaced stops; perceptually uniform, readable in grey. */
const viridisStops: Rgb[] = [
  [68, 1, 84],
  [71, 45, 123],
  [59, 82, 139],
  [44, 114, 142],
  [33, 145, 140],
  [40, 174, 128],
  [94, 201, 98],
  [173, 220, 48],
  [253, 231, 37],
];

/** Viridis at t ∈ [0, 1] (clamped), linear between the stops. */
export function viridis(t: number): Rgb {
  const s = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (viridisStops.length - 1);
  const k = Math.min(viridisStops.length - 2, Math.floor(s));
  const f = s - k;
  const a = viridisStops[k];
  const b = viridisStops[k + 1];
  return [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2])];
}

/** Fujifilm Prescale film grades and their pressure ranges [MPa]. */
export const filmRanges = {
  LLLW: [0.2, 0.6],
  LLW: [0.5, 2.5],
  LW: [2.5, 10],
  MW: [10, 50],
  HS: [50, 130],
  HHS: [130, 300],
} as const satisfies Record<string, readonly [number, number]>;

export type FilmGrade = keyof typeof filmRanges;

const deepMagenta: Rgb = [165, 0, 95];

/**
 * Prescale-like colour at relative density t ∈ [0, 1] over the film's range: white below the
 * range (no colour develops), deepening magenta across it, saturated above it.
 */
export function filmMagenta(t: number): Rgb {
  const d = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) ** 0.8;
  return [
    255 + d * (deepMagenta[0] - 255),
    255 + d * (deepMagenta[1] - 255),
    255 + d * (deepMagenta[2] - 255),
  ];
}
