import type { FilmGrade } from '../domain/film';
import { filmRgb } from '../domain/film';

/** The film's colour scale from its lower to its upper limit (log pressure). */
export function FilmLegend({ film }: { film: FilmGrade }) {
  const stops = Array.from({ length: 11 }, (_, i) => {
    const [r, g, b] = filmRgb(i / 10);
    return `rgb(${r} ${g} ${b}) ${i * 10}%`;
  });
  return (
    <div className="film-legend">
      <div className="film-ramp" style={{ background: `linear-gradient(to right, ${stops.join(', ')})` }} />
      <div className="film-ticks">
        <span>{film.min} MPa</span>
        <span>
          Prescale {film.id} · {film.min}–{film.max} MPa
        </span>
        <span>{film.max} MPa</span>
      </div>
    </div>
  );
}
