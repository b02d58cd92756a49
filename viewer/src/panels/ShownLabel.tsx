import { type ShownResult, shownCaption } from '../state/shownResult';

/**
 * Which case and which solve a panel shows, and a "stale — re-solve" badge when the inputs have
 * changed since: every panel that shows a result carries one, so none can pass off another
 * solve's numbers as current. Test ids: `caption-<panel>`, `stale-<panel>`.
 */
export function ShownLabel({ shown, stale, panel }: { shown: ShownResult; stale: boolean; panel: string }) {
  return (
    <div className={`panel-caption ${stale ? 'is-stale' : ''}`} data-testid={`caption-${panel}`}>
      <span className="caption-text">{shownCaption(shown)}</span>
      {stale && <StaleBadge panel={panel} />}
    </div>
  );
}

export function StaleBadge({ panel }: { panel: string }) {
  return (
    <span className="stale-badge" data-testid={`stale-${panel}`}>
      stale — re-solve
    </span>
  );
}
