import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';

function Fallback({ error, resetErrorBoundary }: FallbackProps) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="panel-error" role="alert" data-testid="panel-error">
      <p>
        <b>This panel could not show the result.</b>
      </p>
      <p className="muted">{message}</p>
      <button type="button" onClick={resetErrorBoundary}>
        Try again
      </button>
    </div>
  );
}

/**
 * Keeps a panel's failure to itself: a crafted or damaged result.json, or a bug in one view, shows
 * a message in that panel instead of blanking the whole app. `resetKey` (the result shown) clears
 * the error when another case or result is opened.
 */
export function PanelErrorBoundary({ children, resetKey }: { children: ReactNode; resetKey?: unknown }) {
  return (
    <ErrorBoundary FallbackComponent={Fallback} resetKeys={[resetKey]}>
      {children}
    </ErrorBoundary>
  );
}
