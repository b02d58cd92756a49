import { useEffect, useState } from 'react';
import type { LoadState } from '../../../src/presentation/resultFields';
import { significant } from '../domain/format';
import type { ShownStudy, StudyState } from '../state/studyState';
import { studyCaption } from '../state/studyState';
import { LoadStateChoice } from './LoadStateChoice';
import { OpenFilesButton } from './OpenFilesButton';
import { PanelErrorBoundary } from './PanelErrorBoundary';
import { SpreadFigures } from './SpreadFigures';
import { SpreadFailures, SpreadMetrics } from './SpreadTable';
import { DEFAULT_DRAWS, DEFAULT_SEED, parseDraws, parseSeed } from './spreadSettings';

export interface SpreadViewProps {
  study: Pick<StudyState, 'status' | 'progress' | 'error' | 'shown'>;
  /** the shown study was run on other inputs than the current ones */
  stale: boolean;
  /** why Run cannot start now ('' when it can): no case open, or the case is solving */
  blocked: string;
  loadState: LoadState;
  onLoadState: (state: LoadState) => void;
  onRun: (samples: number, seed: number) => void;
  onCancel: () => void;
  /** a study folder's tolerance.json, alone or with its case.json */
  onOpenFiles: (files: File[]) => void;
}

/** The load states the study has metrics for, load-up first. */
function statesOf(shown: ShownStudy | null): LoadState[] {
  const d = shown?.result.distributions;
  return (['loadUp', 'swollen'] as const).filter((s) => d?.[s] !== undefined);
}

/** What the study line says: running with draws done and failed, cancelled, failed, or idle. */
function StudyLine({ study }: { study: SpreadViewProps['study'] }) {
  const p = study.progress;
  const failed = p?.failed ?? [];
  const drawsText = p
    ? `draw ${p.done} of ${p.total}, ${failed.length} failed${failed.length ? ` (${failed.slice(0, 12).join(', ')}${failed.length > 12 ? ', …' : ''})` : ''}`
    : '';
  return (
    <div
      className="spread-status"
      data-testid="spread-status"
      data-status={study.status}
      data-done={p?.done ?? ''}
      data-total={p?.total ?? ''}
      data-failed={failed.length}
    >
      {study.status === 'running' && (
        <>
          <progress max={p?.total ?? 1} value={p?.done ?? 0} />
          <span>Running the study… {drawsText}</span>
        </>
      )}
      {study.status === 'cancelled' && (
        <span className="spread-cancelled">
          Study cancelled{p ? ` at ${drawsText}` : ''} — nothing of it is shown
          {study.shown ? '; the study below is an earlier, complete one' : ''}
        </span>
      )}
      {study.status === 'error' && <span className="error">{study.error}</span>}
    </div>
  );
}

/**
 * The Spread tab: a tolerance study of the case as edited (N draws from a seed, run in the solver
 * worker) or a study folder's tolerance.json, shown as its p5/p95 and mean maps on one scale, its
 * probability of contact, the CoV histogram over the draws, p5/p50/p95 of the metrics and the
 * failed draws by index.
 */
export function SpreadView({
  study,
  stale,
  blocked,
  loadState,
  onLoadState,
  onRun,
  onCancel,
  onOpenFiles,
}: SpreadViewProps) {
  const [drawsText, setDrawsText] = useState(String(DEFAULT_DRAWS));
  const [seedText, setSeedText] = useState(String(DEFAULT_SEED));
  const { shown } = study;
  // a study opened from a file: its draws and seed, so Run studies the open case the same way
  useEffect(() => {
    if (shown?.origin !== 'file') return;
    setDrawsText(String(shown.result.samples));
    setSeedText(String(shown.result.seed));
  }, [shown]);
  const draws = parseDraws(drawsText);
  const seed = parseSeed(seedText);
  const inputErrors = [draws.error, seed.error].filter((e): e is string => e !== null);
  const running = study.status === 'running';
  const states = statesOf(shown);
  const state = states.includes(loadState) ? loadState : (states[0] ?? 'loadUp');
  return (
    <div className="spread" data-testid="spread">
      <form
        className="top-view-toolbar spread-toolbar"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (draws.value !== null && seed.value !== null && !blocked && !running)
            onRun(draws.value, seed.value);
        }}
      >
        <label>
          Draws{' '}
          <input
            type="text"
            inputMode="numeric"
            size={5}
            value={drawsText}
            onChange={(e) => setDrawsText(e.target.value)}
            aria-invalid={draws.error !== null}
            data-testid="spread-draws"
          />
        </label>
        <label>
          Seed{' '}
          <input
            type="text"
            inputMode="numeric"
            size={10}
            value={seedText}
            onChange={(e) => setSeedText(e.target.value)}
            aria-invalid={seed.error !== null}
            data-testid="spread-seed"
          />
        </label>
        {/* both buttons always there: a button that turned from Cancel into a submit button
            under the pointer would take the click that cancelled as a Run */}
        <button
          type="submit"
          className="primary"
          disabled={running || inputErrors.length > 0 || blocked !== ''}
          title={blocked || undefined}
          data-testid="spread-run"
        >
          Run study
        </button>
        <button type="button" onClick={onCancel} disabled={!running} data-testid="spread-cancel">
          Cancel
        </button>
        <OpenFilesButton
          label="Open tolerance.json…"
          title="Open a study folder's tolerance.json, with its case.json to compare it with edits (or drop them on the window)"
          accept=".json,application/json"
          onOpenFiles={onOpenFiles}
          buttonTestId="spread-open"
          inputTestId="spread-file-input"
        />
        {states.length > 1 && (
          <LoadStateChoice states={states} state={state} onLoadState={onLoadState} name="spread-load-state" />
        )}
      </form>
      {inputErrors.map((e) => (
        <p key={e} className="error" data-testid="spread-input-error">
          {e}
        </p>
      ))}
      {blocked && !running && <p className="muted">{blocked}</p>}
      <StudyLine study={study} />
      {shown ? (
        <>
          <div className={`panel-caption ${stale ? 'is-stale' : ''}`} data-testid="spread-caption">
            <span className="caption-text">{studyCaption(shown)}</span>
            {stale && (
              <span className="stale-badge" data-testid="spread-stale">
                stale — inputs edited since; run the study again
              </span>
            )}
            {shown.inputKey === null && (
              <span className="stale-badge" data-testid="spread-inputs-unknown">
                inputs unknown — open it with its case.json to compare with the open case
              </span>
            )}
            <span className="muted" data-testid="spread-seconds" data-value={String(shown.seconds)}>
              · {significant(shown.seconds, 3)} s
            </span>
          </div>
          <div className={`spread-body ${stale ? 'is-stale' : ''}`}>
            <PanelErrorBoundary resetKey={`${studyCaption(shown)}:${state}`}>
              <SpreadFigures result={shown.result} stack={shown.stack} state={state}>
                <div className="spread-tables">
                  <SpreadMetrics result={shown.result} state={state} />
                  <SpreadFailures result={shown.result} />
                </div>
              </SpreadFigures>
            </PanelErrorBoundary>
          </div>
        </>
      ) : (
        study.status !== 'error' && (
          <div className="placeholder" data-testid="spread-empty">
            {running
              ? 'The figures appear when every draw is done.'
              : 'Run a study of the case as edited, or open a study folder’s tolerance.json.'}
          </div>
        )
      )}
    </div>
  );
}
