/** Fujifilm Prescale film grades [MPa]: the range over which the film develops its magenta colour. */
export interface FilmGrade {
  id: string;
  label: string;
  min: number;
  max: number;
}

export const FILM_GRADES: readonly FilmGrade[] = [
  { id: 'LLLW', label: 'LLLW (extreme ultra super low)', min: 0.2, max: 0.6 },
  { id: 'LLW', label: 'LLW (ultra super low)', min: 0.5, max: 2.5 },
  { id: 'LW', label: 'LW (super low)', min: 2.5, max: 10 },
  { id: 'MW', label: 'MW (medium)', min: 10, max: 50 },
  { id: 'HS', label: 'HS (high)', min: 50, max: 130 },
  { id: 'HHS', label: 'HHS (super high)', min: 130, max: 300 },
];

/** The grade whose range best brackets a pressure [MPa]: the one containing it, else the nearest. */
export function filmFor(pressure: number): FilmGrade {
  const inside = FILM_GRADES.filter((f) => pressure >= f.min && pressure <= f.max);
  if (inside.length > 0) {
    // prefer the grade where the pressure sits closest to mid-range (in log)
    return inside.reduce((a, b) =>
      Math.abs(logMid(a) - Math.log(pressure)) <= Math.abs(logMid(b) - Math.log(pressure)) ? a : b,
    );
  }
  return FILM_GRADES.reduce((a, b) =>
    Math.abs(logMid(a) - Math.log(pressure)) <= Math.abs(logMid(b) - Math.log(pressure)) ? a : b,
  );
}

const logMid = (f: FilmGrade) => 0.5 * (Math.log(f.min) + Math.log(f.max));

/** Optical density of the developed film [0, 1]: none below the range, saturated above, log-linear in between. */
export function filmDensity(pressure: number, film: FilmGrade): number {
  if (!(pressure > film.min)) return 0;
  if (pressure >= film.max) return 1;
  return (Math.log(pressure) - Math.log(film.min)) / (Math.log(film.max) - Math.log(film.min));
}

const PAPER: [number, number, number] = [250, 247, 249];
const MAGENTA: [number, number, number] = [178, 18, 108];

/** The colour the film shows at a given density (paper white to deep magenta). */
export function filmRgb(density: number): [number, number, number] {
  const d = density ** 0.85;
  return [0, 1, 2].map((c) => Math.round(PAPER[c] + (MAGENTA[c] - PAPER[c]) * d)) as [number, number, number];
}
