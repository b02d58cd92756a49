import type { RegularGrid } from '../results/pressureMap';
import { type FilmGrade, filmMagenta, filmRanges, viridis } from './colormap';
import { renderFieldImage } from './fieldImage';

/**
 * `pressure.png`: the cell pressure map [MPa] in viridis with a colour bar from its min to max,
 * or, with `film`, Prescale-like magenta density over the film's range.
 */
export function pressurePng(grid: RegularGrid, film?: FilmGrade): Buffer {
  if (film) {
    const [lo, hi] = filmRanges[film];
    return renderFieldImage([grid], { lo, hi, colour: filmMagenta, unit: 'MPa', tag: film }).toPng();
  }
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of grid.values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi > lo)) hi = lo + 1e-9;
  return renderFieldImage([grid], { lo, hi, colour: viridis, unit: 'MPa' }).toPng();
}
