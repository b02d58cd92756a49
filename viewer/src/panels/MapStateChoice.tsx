import { LOAD_STATE_LABEL, type LoadState } from '../../../src/presentation/resultFields';
import type { ShownHistory } from '../state/historyView';
import { HistorySlider } from './HistorySlider';
import { LoadStateChoice } from './LoadStateChoice';
import './history.css';

export interface MapStateChoiceProps {
  states: readonly LoadState[];
  state: LoadState;
  onLoadState: (s: LoadState) => void;
  /** the shown result's life history, or null: then this is the plain load-state choice */
  history: ShownHistory | null;
  /** the history state shown, or null when a load state is shown */
  historyIndex: number | null;
  onHistoryIndex: (index: number) => void;
}

/**
 * What the maps show, as one choice. Without a history: the load states (after load-up, after
 * swelling). With one: its slider, whose state 0 is load-up — the solve makes a life history or a
 * swelling step, never both; a result that has both anyway (crafted) gets the load-state radios
 * with a "life history" one whose slider appears under it. Radios and slider write the store's
 * one choice (`historyIndex` null or a state), so they cannot disagree.
 */
export function MapStateChoice(props: MapStateChoiceProps) {
  const { states, state, onLoadState, history, historyIndex, onHistoryIndex } = props;
  if (!history)
    return <LoadStateChoice states={states} state={state} onLoadState={onLoadState} name="load-state" />;
  const inHistory = historyIndex !== null;
  if (states.length === 1 && inHistory)
    return (
      <fieldset className="load-states map-states" data-testid="load-state" data-history="true">
        <HistorySlider history={history} index={historyIndex} onIndex={onHistoryIndex} />
      </fieldset>
    );
  return (
    <fieldset className="load-states map-states" data-testid="load-state" data-history={String(inHistory)}>
      {states.map((s) => (
        <label key={s} className="check">
          <input
            type="radio"
            name="load-state"
            value={s}
            checked={!inHistory && s === state}
            onChange={() => onLoadState(s)}
            data-testid={`load-state-${s}`}
          />{' '}
          {LOAD_STATE_LABEL[s]}
        </label>
      ))}
      <label className="check">
        <input
          type="radio"
          name="load-state"
          value="history"
          checked={inHistory}
          onChange={() => onHistoryIndex(0)}
          data-testid="load-state-history"
        />{' '}
        life history ({history.summary.states.length} states)
      </label>
      {inHistory && <HistorySlider history={history} index={historyIndex} onIndex={onHistoryIndex} />}
    </fieldset>
  );
}
