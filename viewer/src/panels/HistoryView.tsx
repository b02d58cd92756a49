import { useCallback, useMemo, useRef, useState } from 'react';
import type { VisualizationSpec } from 'vega-embed';
import { historyMapSpec } from '../../../src/presentation/figures/historyMapSpec';
import { historySpec, worstWords } from '../../../src/presentation/figures/historySpec';
import type { ResultFields } from '../../../src/presentation/resultFields';
import { downloadBlob } from '../domain/exportFiles';
import { type ShownHistory, stateCaption, windowText } from '../state/historyView';
import { exportName, figurePngBlob } from './figureFiles';
import { HistorySlider } from './HistorySlider';
import { markChosenState, stateOfClick } from './historyChartMarks';
import { useFigureClick } from './useFigureClick';
import { type FigureSize, VegaFigure } from './VegaFigure';
import './history.css';

export interface HistoryViewProps {
  /** the shown result's life history, or null when it has none */
  history: ShownHistory | null;
  /** the state the maps show, or null when a load state is shown instead */
  index: number | null;
  onIndex: (index: number) => void;
  caseName: string;
  /** the shown result's fields (the stack the state maps are drawn on), or null without fields.json */
  fields: ResultFields | null;
}

/** Height / width of the chart: A4 landscape, as the CLI's history.png. */
const A4_ASPECT = 1240 / 1754;

/**
 * The History tab: the CLI's trajectory chart (`historySpec`: cell pressure against the state with
 * the window, bolt tension below) with the state the maps show marked in orange — a click on a state
 * of the chart chooses it, as the slider under the chart does — the verdict, the window, and the
 * chart as a PNG at its print size. Without a history it says how to get one.
 */
export function HistoryView({ history, index, onIndex, caseName, fields }: HistoryViewProps) {
  if (!history)
    return (
      <p className="placeholder" data-testid="history-none">
        This result has no life history: add a <code>history</code> block to the case (cycles, breathing,
        growth, temperature, a pressure window) and solve it to follow the pressure over the module's life.
      </p>
    );
  return (
    <HistoryPanel history={history} index={index} onIndex={onIndex} caseName={caseName} fields={fields} />
  );
}

function HistoryPanel({
  history,
  index,
  onIndex,
  caseName,
  fields,
}: HistoryViewProps & { history: ShownHistory }) {
  const { summary } = history;
  const { verdict } = summary;
  const states = summary.states;
  const onIndexRef = useRef(onIndex);
  onIndexRef.current = onIndex;
  const statesRef = useRef(states);
  statesRef.current = states;
  const spec = useCallback(
    (size: FigureSize) => {
      const chart = historySpec({ history: summary, caseName, ...size }) as VisualizationSpec;
      return index === null ? chart : markChosenState(chart, summary.states, index);
    },
    [summary, caseName, index],
  );
  // a click on a state's mark chooses it (the listener outlives re-embeds through the refs)
  const onView = useFigureClick((item) => {
    const chosen = stateOfClick((item as { datum?: unknown } | null)?.datum, statesRef.current);
    if (chosen !== null) onIndexRef.current(chosen);
  });
  const [exporting, setExporting] = useState<string | null>(null);
  const exportPng = async (spec: () => VisualizationSpec, suffix: string) => {
    setExporting('');
    try {
      downloadBlob(await figurePngBlob(spec()), exportName(caseName, suffix));
      setExporting(null);
    } catch (e) {
      setExporting(`The PNG could not be made: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const shownIndex = index ?? 0;
  // the map of the state shown, at print size on the slider's colour scale (the CLI draws the maps of
  // its chosen states only, on their own shared scale)
  const mapOfState =
    fields && history.grids
      ? () =>
          historyMapSpec({
            fields,
            history: summary,
            state: shownIndex,
            caseName,
            range: history.range ?? undefined,
            cells: 'image',
          }) as VisualizationSpec
      : null;
  const worstIndex = useMemo(
    () => states.findIndex((s) => s.index === verdict.worst.index),
    [states, verdict],
  );
  return (
    <div className="history-view" data-testid="history-view">
      <div className="history-toolbar">
        <HistorySlider history={history} index={shownIndex} onIndex={onIndex} />
        {index === null && (
          <span className="muted" data-testid="history-load-state-note">
            The maps show a load state: move the slider or click a state to show the life history's.
          </span>
        )}
      </div>
      <div
        className="history-chart-host"
        data-testid="history-chart-host"
        data-chosen={index ?? ''}
        data-states={states.length}
      >
        <VegaFigure
          spec={spec}
          aspect={A4_ASPECT}
          onView={onView}
          testId="history-chart"
          className="history-chart"
        />
      </div>
      <section className="history-verdict" data-testid="history-verdict">
        <h3>Verdict</h3>
        <p data-testid="history-verdict-text">{verdict.text}</p>
        <dl>
          <dt>Window</dt>
          <dd data-testid="history-window" data-min={summary.window.min} data-max={summary.window.max}>
            {windowText(summary)}
          </dd>
          <dt>Inside</dt>
          <dd data-testid="history-fraction" data-value={verdict.fractionInWindow}>
            {verdict.statesInWindow} of {states.length} states ({(100 * verdict.fractionInWindow).toFixed(0)}{' '}
            %)
          </dd>
          <dt>Worst</dt>
          <dd>
            {worstWords(summary)}
            {worstIndex >= 0 && (
              <>
                {' '}
                <button
                  type="button"
                  className="link"
                  onClick={() => onIndex(worstIndex)}
                  title={stateCaption(history, worstIndex)}
                  data-testid="history-worst"
                >
                  show state {worstIndex}
                </button>
              </>
            )}
          </dd>
          <dt>Driver</dt>
          <dd data-testid="history-driver">{verdict.driver}</dd>
        </dl>
        <div className="history-exports">
          <button
            type="button"
            // the print size (A4 at 150 dpi), unmarked: the CLI's history.png
            onClick={() =>
              void exportPng(
                () => historySpec({ history: summary, caseName }) as VisualizationSpec,
                'history.png',
              )
            }
            disabled={exporting === ''}
            data-testid="export-history-png"
          >
            Chart PNG
          </button>
          {mapOfState && (
            <button
              type="button"
              onClick={() => void exportPng(mapOfState, `history-map-${shownIndex}.png`)}
              disabled={exporting === ''}
              data-testid="export-history-map-png"
            >
              Map PNG of state {shownIndex}
            </button>
          )}
        </div>
        {exporting && <p className="error">{exporting}</p>}
      </section>
    </div>
  );
}
