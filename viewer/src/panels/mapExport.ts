import type { VisualizationSpec } from 'vega-embed';
import { historyMapSpec } from '../../../src/presentation/figures/historyMapSpec';
import { pressureMapSpec, pressureRangeOf } from '../../../src/presentation/figures/pressureMapSpec';
import type { LoadState, ResultFields } from '../../../src/presentation/resultFields';
import type { ShownHistory } from '../state/historyView';
import { type FilmChoice, filmGradeOf } from './filmChoice';
import { fieldsAtState } from './historyFigures';
import { resultsStateOf } from './resultsAtState';

export interface MapExportOptions {
  fields: ResultFields;
  caseName: string;
  interfaceIndex: number;
  /** the load state shown (already checked against the interface's states) */
  state: LoadState;
  film: FilmChoice;
  history: ShownHistory | null;
  /** the history state the maps show (`chosenHistoryIndex`), or null when a load state is shown */
  historyIndex: number | null;
}

/** What the Export panel's "Pressure map" row writes. */
export interface MapExport {
  /** which state the file holds, in words for the panel's note; '' for a load state's map */
  note: string;
  /** file name suffix without extension: "pressure", "pressure-swollen", "history-map-3" */
  suffix: string;
  /** the history state drawn, or null for a load state's map */
  historyIndex: number | null;
  spec: () => VisualizationSpec;
}

/**
 * The pressure map the Export panel writes: with a life-history state other than load-up chosen
 * (and its maps in the fields), that state's map of the cell stack (interface 0, the one the history
 * keeps) by the CLI's historyMapSpec on the slider's colour scale — the picture the Top view shows,
 * at print size — named as the CLI names its history maps; otherwise the load state's map, as the
 * CLI's pressure.png. The film choice applies to both, with "auto" picking the grade for the map drawn.
 */
export function mapExportOf(o: MapExportOptions): MapExport {
  const { fields, caseName } = o;
  const at = resultsStateOf(o.history, o.historyIndex);
  const grid = at && o.history?.grids ? o.history.grids[at.index] : undefined;
  if (at && o.history && grid) {
    const history = o.history;
    const film = filmGradeOf(o.film, fieldsAtState(fields, grid, at.state), 0, 'loadUp');
    return {
      note: `The map is history state ${at.index}'s (${at.state.label}), on the slider's colour scale; deflection, histogram, 3D view and the CSVs stay load-up's.`,
      suffix: `history-map-${at.index}`,
      historyIndex: at.index,
      spec: () =>
        historyMapSpec({
          fields,
          history: history.summary,
          state: at.index,
          caseName,
          range: history.range ?? undefined,
          film,
          cells: 'image',
        }) as VisualizationSpec,
    };
  }
  const film = filmGradeOf(o.film, fields, o.interfaceIndex, o.state);
  return {
    // a state chosen whose maps are missing: the load-up map, and the note says why
    note: at ? `The map is load-up's: ${o.history?.mapsMissing}.` : '',
    suffix: o.state === 'swollen' ? 'pressure-swollen' : 'pressure',
    historyIndex: null,
    spec: () =>
      pressureMapSpec({
        fields,
        interfaceIndex: o.interfaceIndex,
        state: o.state,
        caseName,
        film,
        cells: 'image',
        // one colour scale for both load states, as the CLI's pressure and pressure-swollen files
        range: fields.interfaces[o.interfaceIndex]?.swollen
          ? pressureRangeOf(fields, o.interfaceIndex)
          : undefined,
      }) as VisualizationSpec,
  };
}
