import { useEffect, useState } from 'react';
import type { SolveProgress } from '../worker/solveClient';

export interface SolveProgressBarProps {
  progress: SolveProgress | null;
  /** performance.now() at the start of the solve [ms] */
  startedAt: number;
  /** time the last solve took [s], for an estimate */
  expected: number | null;
  onCancel: () => void;
}

/** Progress of the running solve: elapsed time against the last solve, the Newton step, and cancel. */
export function SolveProgressBar({ progress, startedAt, expected, onCancel }: SolveProgressBarProps) {
  // the clock ticks here, so only this small component re-renders while the worker runs
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setElapsed((performance.now() - startedAt) / 1000), 100);
    return () => clearInterval(timer);
  }, [startedAt]);
  const fraction = expected ? Math.min(0.97, elapsed / expected) : null;
  return (
    <div className="solve-progress" data-testid="solve-progress">
      <div className={`bar ${fraction === null ? 'indeterminate' : ''}`}>
        <div style={{ width: fraction === null ? '35%' : `${100 * fraction}%` }} />
      </div>
      <button type="button" onClick={onCancel} data-testid="cancel">
        Cancel
      </button>
      <span className="solve-progress-text">
        Solving… {elapsed.toFixed(1)} s
        {progress
          ? ` · ${progress.step} Newton ${progress.iteration}, residual ${progress.residual.toExponential(1)} N`
          : ' · factorizing'}
      </span>
    </div>
  );
}
