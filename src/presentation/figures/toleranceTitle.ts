import type { ToleranceResult } from '../../tolerance/toleranceResult';
import type { LoadState } from '../resultFields';
import { LOAD_STATE_LABEL } from '../resultFields';

/** What every tolerance figure's title says: the case, what is shown, how many draws, the seed and the load state. */
export function toleranceTitle(r: ToleranceResult, what: string, state: LoadState): string {
  return `${r.caseName} — ${what}, ${draws(r.samples)}, seed ${r.seed}, ${LOAD_STATE_LABEL[state]}`;
}

/** "1 draw", "100 draws". */
export const draws = (n: number) => `${n} draw${n === 1 ? '' : 's'}`;

/** The note a figure carries when draws failed: they are not in it, and which they are. */
export function failedNote(r: ToleranceResult): string | null {
  if (r.failed.length === 0) return null;
  const shown = r.failed.slice(0, 12).join(', ');
  const more = r.failed.length > 12 ? `, … (${r.failed.length} in all)` : '';
  return `${r.failed.length} of ${r.samples} draws failed and are left out: draws ${shown}${more} (see samples.csv)`;
}

/** The map statistics of one load state, or an error naming what the study lacks. */
export function studyMaps(r: ToleranceResult, state: LoadState) {
  const maps = r.maps[state];
  if (!maps)
    throw new RangeError(
      `${r.caseName}: the study has no maps ${LOAD_STATE_LABEL[state]}${state === 'swollen' ? ' (the case does not swell)' : ' (no draw solved)'}`,
    );
  return maps;
}
