import type { Rgb } from './colourScale';

/**
 * Pressure-sensitive film (Fujifilm Prescale) emulation: the one the CLI's `--film` and the
 * viewer's film view both draw.
 *
 * A film grade develops colour only inside its pressure range: none below it, saturated above.
 * Inside, the optical density grows close to linearly with log pressure, so we map the range
 * log-linearly to a density d ∈ [0, 1] and blend paper white towards the developed magenta with
 * d^0.85 (the film's tone curve is slightly convex; this makes mid-range read as mid-grey when
 * printed). The result is a picture to set beside a scanned film, not a calibrated densitometry.
 */

/** A film grade and the range over which it develops colour [MPa]. */
export interface FilmGrade {
  id: FilmGradeId;
  label: string;
  /** pressure range [MPa] */
  min: number;
  max: number;
}

export const FILM_GRADE_IDS = ['LLLW', 'LLW', 'LW', 'MW', 'HS', 'HHS'] as const;
export type FilmGradeId = (typeof FILM_GRADE_IDS)[number];

export const FILM_GRADES: readonly FilmGrade[] = [
  { id: 'LLLW', label: 'LLLW (extreme ultra super low)', min: 0.2, max: 0.6 },
  { id: 'LLW', label: 'LLW (ultra super low)', min: 0.5, max: 2.5 },
  { id: 'LW', label: 'LW (super low)', min: 2.5, max: 10 },
  { id: 'MW', label: 'MW (medium)', min: 10, max: 50 },
  { id: 'HS', label: 'HS (high)', min: 50, max: 130 },
  { id: 'HHS', label: 'HHS (super high)', min: 130, max: 300 },
];

/** The grade with an id. */
export function filmGrade(id: FilmGradeId): FilmGrade {
  const g = FILM_GRADES.find((f) => f.id === id);
  if (!g) throw new Error(`unknown film grade ${id}`);
  return g;
}

const logMid = (f: FilmGrade) => 0.5 * (Math.log(f.min) + Math.log(f.max));

/** The grade whose range best brackets a pressure [MPa]: nearest (in log) to mid-range among those containing it, else overall. */
export function filmFor(pressure: number): FilmGrade {
  const p = pressure > 0 ? pressure : FILM_GRADES[0].min;
  const inside = FILM_GRADES.filter((f) => p >= f.min && p <= f.max);
  const pool = inside.length > 0 ? inside : FILM_GRADES;
  return pool.reduce((a, b) =>
    Math.abs(logMid(a) - Math.log(p)) <= Math.abs(logMid(b) - Math.log(p)) ? a : b,
  );
}

/** Developed density [0, 1] at a pressure [MPa]: 0 below the range, 1 above it, log-linear inside. */
export function filmDensity(pressure: number, film: FilmGrade): number {
  if (!(pressure > film.min)) return 0;
  if (pressure >= film.max) return 1;
  return (Math.log(pressure) - Math.log(film.min)) / (Math.log(film.max) - Math.log(film.min));
}

/** Unexposed film and fully developed film. */
export const FILM_PAPER: Rgb = [250, 247, 249];
export const FILM_MAGENTA: Rgb = [178, 18, 108];

/** The colour the film shows at a density d ∈ [0, 1]. */
export function filmColour(density: number): Rgb {
  const d = Math.min(1, Math.max(0, Number.isFinite(density) ? density : 0)) ** 0.85;
  return [0, 1, 2].map((c) =>
    Math.round(FILM_PAPER[c] + (FILM_MAGENTA[c] - FILM_PAPER[c]) * d),
  ) as unknown as Rgb;
}

/** The colour the film shows at a pressure [MPa]. */
export function filmPressureColour(pressure: number, film: FilmGrade): Rgb {
  return filmColour(filmDensity(pressure, film));
}
