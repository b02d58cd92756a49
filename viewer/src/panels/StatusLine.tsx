import type { ShownResult } from '../state/shownResult';
import { shownCaption } from '../state/shownResult';
import type { SolveStatus } from '../state/viewerStore';
import { StaleBadge } from './ShownLabel';

export interface StatusLineProps {
  status: SolveStatus;
  error: string | null;
  shown: ShownResult | null;
  stale: boolean;
}

/**
 * The header's line about the shown result: what was solved (or opened) and how, the error of a
 * failed solve or a refused file, or nothing. A component of its own, so a crafted result.json
 * that lacks a field fails inside its error boundary, not in the app shell.
 */
export function StatusLine({ status, error, shown, stale }: StatusLineProps) {
  if (status === 'error')
    return (
      <span className="error" title={error ?? undefined}>
        {error}
      </span>
    );
  if (!shown) return status === 'cancelled' ? <span className="muted">Cancelled</span> : null;
  const { effort, solver } = shown.summary;
  return (
    <span className={stale ? 'muted' : 'ok'}>
      {status === 'cancelled' && 'Cancelled · '}
      {shown.origin === 'solve'
        ? `Solved ${shown.caseName} in ${shown.seconds.toFixed(2)} s`
        : `Showing ${shownCaption(shown)}`}{' '}
      · {solver.dofs.toLocaleString('en')} DOFs ·{' '}
      <span
        data-testid="factor-threads"
        data-value={effort.factorThreads}
        data-helped={effort.helperJoined}
        title={`the helper thread took half of ${effort.helperJoined} of ${solver.factorizations} factorizations and of ${effort.helperSwept} substitutions`}
      >
        {effort.factorThreads === 1 ? '1 thread' : `${effort.factorThreads} threads`}
      </span>
      {stale && <StaleBadge panel="status" />}
    </span>
  );
}
