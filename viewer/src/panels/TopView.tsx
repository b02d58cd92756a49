import { useCallback, useState } from 'react';
import {
  interfaceState,
  pressureMapSpec,
  pressureRangeOf,
} from '../../../src/presentation/figures/pressureMapSpec';
import { FILM_GRADES } from '../../../src/presentation/film';
import type { LoadState, ResultFields } from '../../../src/presentation/resultFields';
import { type FilmChoice, filmGradeOf, isFilmChoice, loadStatesOf } from './filmChoice';
import { LoadStateChoice } from './LoadStateChoice';
import { PressureHistogram } from './PressureHistogram';
import { type DrawnMap, TopViewReadout } from './TopViewReadout';
import { type FigureSize, type FigureView, VegaFigure } from './VegaFigure';
import './figures.css';

export interface TopViewProps {
  fields: ResultFields;
  caseName: string;
  /** the interface shown (index into fields.interfaces, top first) */
  interfaceIndex: number;
  loadState: LoadState;
  onLoadState: (state: LoadState) => void;
  film: FilmChoice;
  onFilm: (film: FilmChoice) => void;
}

/** Height / width of the map figure: A4 landscape, as the CLI's pressure.png. */
const A4_ASPECT = 1240 / 1754;

/**
 * The pressure map of one interface — the CLI's pressure.png spec, at the panel's size — in the
 * chosen load state, drawn in viridis or as a Prescale grade would show it ("auto": the grade for
 * the map's mean), with a readout of the grid point under the pointer and its histogram beside it.
 */
export function TopView({
  fields,
  caseName,
  interfaceIndex,
  loadState,
  onLoadState,
  film,
  onFilm,
}: TopViewProps) {
  const states = loadStatesOf(fields, interfaceIndex);
  const state = states.includes(loadState) ? loadState : 'loadUp';
  const auto = filmGradeOf('auto', fields, interfaceIndex, state);
  const grade = filmGradeOf(film, fields, interfaceIndex, state);
  const grid = interfaceState(fields, interfaceIndex, state).field.grid;
  // the view paired with the grid it draws: a figure reports its view only for the latest spec, which
  // this render's grid made, so the readout never reads one grid over another's picture
  const [drawnMap, setDrawnMap] = useState<DrawnMap | null>(null);
  const onMapView = (view: FigureView | null) => setDrawnMap(view ? { view, grid } : null);
  const mapSpec = useCallback(
    (size: FigureSize) =>
      pressureMapSpec({
        fields,
        interfaceIndex,
        state,
        caseName,
        film: grade,
        // one image instead of a rectangle per cell: drawing 10,000 rectangles took ~0.2 s per
        // re-solve; the readout below stands in for the rectangles' tooltips
        cells: 'image',
        width: size.width,
        height: size.height,
        // toggling load-up ↔ swollen keeps one colour scale, as the CLI's two maps do
        range: states.length > 1 ? pressureRangeOf(fields, interfaceIndex) : undefined,
      }),
    [fields, interfaceIndex, state, caseName, grade, states.length],
  );
  return (
    <div className="top-view">
      <div className="top-view-toolbar">
        <LoadStateChoice states={states} state={state} onLoadState={onLoadState} name="load-state" />
        <label>
          Drawn as{' '}
          <select
            value={film}
            onChange={(e) => isFilmChoice(e.target.value) && onFilm(e.target.value)}
            data-testid="film-select"
          >
            <option value="scale">pressure scale (viridis)</option>
            <option value="auto">Prescale film — auto ({auto})</option>
            {FILM_GRADES.map((f) => (
              <option key={f.id} value={f.id}>
                Prescale {f.label} {f.min}–{f.max} MPa
              </option>
            ))}
          </select>
        </label>
        <TopViewReadout map={drawnMap} />
      </div>
      <div className="top-view-figures">
        <VegaFigure
          spec={mapSpec}
          aspect={A4_ASPECT}
          onView={onMapView}
          testId="top-view-map"
          className="map-figure"
        />
        <PressureHistogram
          fields={fields}
          caseName={caseName}
          interfaceIndex={interfaceIndex}
          loadState={state}
        />
      </div>
    </div>
  );
}
