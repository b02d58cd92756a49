import type { KeyboardEvent } from 'react';
import { type ShownHistory, stateCaption, stateWhere } from '../state/historyView';

export interface HistorySliderProps {
  history: ShownHistory;
  /** the state shown (index into the history's states) */
  index: number;
  onIndex: (index: number) => void;
}

/**
 * The life history's state slider: one stop per state (0 = load-up), step buttons, and the state
 * beside it — label, time [h], cycle, SOC, ΔT [K], mean cell pressure [MPa] and whether the
 * window's statistic is inside the window. The range input takes ←/→ (and Home/End) itself; the
 * step buttons take them too, so the keys keep stepping after a button was clicked.
 */
export function HistorySlider({ history, index, onIndex }: HistorySliderProps) {
  const { states } = history.summary;
  const last = states.length - 1;
  const state = states[index];
  const step = (by: number) => onIndex(Math.max(0, Math.min(last, index + by)));
  const onKey = (e: KeyboardEvent) => {
    const by =
      e.key === 'ArrowLeft' || e.key === 'ArrowDown'
        ? -1
        : e.key === 'ArrowRight' || e.key === 'ArrowUp'
          ? 1
          : 0;
    if (by === 0) return;
    e.preventDefault();
    step(by);
  };
  return (
    <div
      className="history-slider"
      data-testid="history-slider"
      data-index={index}
      data-count={states.length}
      data-label={state.label}
    >
      <button
        type="button"
        onClick={() => step(-1)}
        onKeyDown={onKey}
        disabled={index <= 0}
        aria-label="previous state"
        data-testid="history-prev"
      >
        ◀
      </button>
      <input
        type="range"
        min={0}
        max={last}
        step={1}
        value={index}
        onChange={(e) => onIndex(Number(e.target.value))}
        aria-label="life history state"
        aria-valuetext={stateCaption(history, index)}
        data-testid="history-range"
      />
      <button
        type="button"
        onClick={() => step(1)}
        onKeyDown={onKey}
        disabled={index >= last}
        aria-label="next state"
        data-testid="history-next"
      >
        ▶
      </button>
      <output className="history-state" data-testid="history-caption" aria-live="polite">
        <b>
          {index}/{last}
        </b>{' '}
        {state.label} <span className="muted">· {stateWhere(state)}</span> · mean{' '}
        <b>{state.pressure.mean.toFixed(3)}</b> MPa{' '}
        <span
          className={state.inWindow ? 'history-in' : 'history-out'}
          data-testid="history-in-window"
          data-value={String(state.inWindow)}
        >
          {state.inWindow ? 'in window' : 'outside window'}
        </span>
      </output>
    </div>
  );
}
