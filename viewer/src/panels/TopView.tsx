import { useCallback, useState } from 'react';
import type { HistoryState } from '../../../src/history/historyResult';
import { historyMapSpec } from '../../../src/presentation/figures/historyMapSpec';
import {
  interfaceState,
  pressureMapSpec,
  pressureRangeOf,
} from '../../../src/presentation/figures/pressureMapSpec';
import { FILM_GRADES } from '../../../src/presentation/film';
import type { LoadState, PressureGrid, ResultFields } from '../../../src/presentation/resultFields';
import type { ShownHistory } from '../state/historyView';
import { type FilmChoice, filmGradeOf, isFilmChoice, loadStatesOf } from './filmChoice';
import { fieldsAtState, historyHistogramSpec } from './historyFigures';
import { MapStateChoice } from './MapStateChoice';
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
  /** the shown result's life history and the state chosen (null: a load state is shown) */
  history?: { view: ShownHistory; index: number | null; onIndex: (index: number) => void } | null;
}

/** Height / width of the map figure: A4 landscape, as the CLI's pressure.png. */
const A4_ASPECT = 1240 / 1754;

/** The pressure histogram at a life-history state (the report's figure of that state's grid). */
function StateHistogram(props: {
  fields: ResultFields;
  grid: PressureGrid;
  state: HistoryState;
  caseName: string;
}) {
  const { fields, grid, state, caseName } = props;
  const spec = useCallback(
    (size: FigureSize) => historyHistogramSpec({ fields, grid, state, caseName, ...size }),
    [fields, grid, state, caseName],
  );
  return <VegaFigure spec={spec} aspect={0.75} testId="histogram" className="histogram" />;
}

/**
 * The pressure map of one interface — the CLI's pressure.png spec, at the panel's size — in the
 * chosen load state, drawn in viridis or as a Prescale grade would show it ("auto": the grade for
 * the map's mean), with a readout of the grid point under the pointer and its histogram beside it.
 * With a life history the same choice offers its states on a slider: the map of the cell stack
 * (interface 0, the one the history keeps) at that state, on one colour scale over all states so
 * sliding shows the pressure change, not a rescaled picture.
 */
export function TopView({
  fields,
  caseName,
  interfaceIndex,
  loadState,
  onLoadState,
  film,
  onFilm,
  history = null,
}: TopViewProps) {
  const states = loadStatesOf(fields, interfaceIndex);
  const state = states.includes(loadState) ? loadState : 'loadUp';
  // a history state's map when one is chosen and the fields hold the maps (interface 0: the history's)
  const historyIndex = history?.index ?? null;
  const grids = history?.view.grids ?? null;
  const atState =
    history && historyIndex !== null && grids
      ? { grid: grids[historyIndex], state: history.view.summary.states[historyIndex] }
      : null;
  const stateGrid = atState?.grid;
  const mapsMissing = history && historyIndex !== null && !grids ? history.view.mapsMissing : '';
  const gradeFields = atState ? fieldsAtState(fields, atState.grid, atState.state) : fields;
  const gradeInterface = atState ? 0 : interfaceIndex;
  const gradeState = atState ? 'loadUp' : state;
  const auto = filmGradeOf('auto', gradeFields, gradeInterface, gradeState);
  const grade = filmGradeOf(film, gradeFields, gradeInterface, gradeState);
  const grid = atState ? atState.grid : interfaceState(fields, interfaceIndex, state).field.grid;
  // the view paired with the grid it draws: a figure reports its view only for the latest spec, which
  // this render's grid made, so the readout never reads one grid over another's picture
  const [drawnMap, setDrawnMap] = useState<DrawnMap | null>(null);
  const onMapView = (view: FigureView | null) => setDrawnMap(view ? { view, grid } : null);
  const range = history?.view.range ?? null;
  const mapSpec = useCallback(
    (size: FigureSize) =>
      history && historyIndex !== null && stateGrid
        ? historyMapSpec({
            fields,
            history: history.view.summary,
            state: historyIndex,
            caseName,
            range: range ?? undefined,
            film: grade,
            cells: 'image',
            width: size.width,
            height: size.height,
          })
        : pressureMapSpec({
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
    [fields, interfaceIndex, state, caseName, grade, states.length, stateGrid, history, historyIndex, range],
  );

  return (
    <div className="top-view">
      <div className="top-view-toolbar">
        <MapStateChoice
          states={states}
          state={state}
          onLoadState={onLoadState}
          history={history?.view ?? null}
          historyIndex={historyIndex}
          onHistoryIndex={(i) => history?.onIndex(i)}
        />
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
      {mapsMissing ? (
        <p className="placeholder" data-testid="history-maps-missing">
          {mapsMissing}
        </p>
      ) : (
        <div
          className="top-view-figures"
          // the state drawn and its colour scale [MPa], for readers of the page and the tests
          data-history-index={atState ? historyIndex : ''}
          data-scale-lo={atState ? range?.lo : undefined}
          data-scale-hi={atState ? range?.hi : undefined}
        >
          <VegaFigure
            spec={mapSpec}
            aspect={A4_ASPECT}
            onView={onMapView}
            testId="top-view-map"
            className="map-figure"
          />
          {atState ? (
            <StateHistogram fields={fields} grid={atState.grid} state={atState.state} caseName={caseName} />
          ) : (
            <PressureHistogram
              fields={fields}
              caseName={caseName}
              interfaceIndex={interfaceIndex}
              loadState={state}
            />
          )}
        </div>
      )}
    </div>
  );
}
