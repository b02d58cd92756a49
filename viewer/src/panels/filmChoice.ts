import { gridStats } from '../../../src/presentation/figures/gridCells';
import { interfaceState } from '../../../src/presentation/figures/pressureMapSpec';
import { FILM_GRADE_IDS, type FilmGradeId, filmFor } from '../../../src/presentation/film';
import type { LoadState, ResultFields } from '../../../src/presentation/resultFields';

/** How the pressure map is drawn: the viridis scale, or as a Prescale film grade would show it. */
export type FilmChoice = 'scale' | 'auto' | FilmGradeId;

/** Whether a string from a select is a film choice. */
export function isFilmChoice(v: string): v is FilmChoice {
  return v === 'scale' || v === 'auto' || (FILM_GRADE_IDS as readonly string[]).includes(v);
}

/**
 * The grade a choice stands for, or null for the viridis scale. "auto" is the grade that best
 * brackets the map's mean over the footprint [MPa] — the mean the map's subtitle prints.
 */
export function filmGradeOf(
  choice: FilmChoice,
  fields: ResultFields,
  interfaceIndex: number,
  state: LoadState,
): FilmGradeId | null {
  if (choice === 'scale') return null;
  if (choice !== 'auto') return choice;
  return filmFor(gridStats(interfaceState(fields, interfaceIndex, state).field.grid).mean).id;
}

/** The load states an interface has: load-up always, swollen when the case swells. */
export function loadStatesOf(fields: ResultFields, interfaceIndex: number): LoadState[] {
  return fields.interfaces[interfaceIndex]?.swollen ? ['loadUp', 'swollen'] : ['loadUp'];
}
