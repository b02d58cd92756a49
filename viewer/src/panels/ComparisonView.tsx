import type { CaseSummary } from '../../../src/index';
import { fixed, percent } from '../domain/format';
import type { InterfaceField } from '../worker/protocol';
import { ColorBar } from './ColorBar';
import { PressureMapCanvas } from './PressureMapCanvas';

export interface ComparedCase {
  id: string;
  summary: CaseSummary;
  map: InterfaceField;
}

export interface ComparisonViewProps {
  ids: readonly string[];
  cases: ComparedCase[];
  running: string | null;
  error: string | null;
  onRun: () => void;
  onCancel: () => void;
}

/** Two or four cases side by side on one colour scale (by default the four Fig 5b housings, 2 × 2). */
export function ComparisonView({ ids, cases, running, error, onRun, onCancel }: ComparisonViewProps) {
  const min = Math.min(...cases.map((c) => c.summary.pressure.min));
  const max = Math.max(...cases.map((c) => c.summary.pressure.max));
  return (
    <div className="comparison">
      <div className="top-view-toolbar">
        <span>Fig 5b housings on one colour scale: {ids.join(', ')}</span>
        {running ? (
          <button type="button" onClick={onCancel}>
            Cancel ({running}…)
          </button>
        ) : (
          <button type="button" className="primary" onClick={onRun} data-testid="compare-run">
            {cases.length === ids.length ? 'Solve again' : 'Solve the four cases'}
          </button>
        )}
      </div>
      {error && <p className="error">{error}</p>}
      <div className="comparison-body">
        <div className="comparison-grid">
          {ids.map((id) => {
            const c = cases.find((x) => x.id === id);
            return (
              <figure key={id} className="comparison-cell">
                <figcaption>{id}</figcaption>
                {c ? (
                  <>
                    <PressureMapCanvas
                      grid={c.map.grid}
                      rendering={{ kind: 'colormap', min, max }}
                      width={260}
                    />
                    <div className="comparison-stats">
                      mean {fixed(c.summary.pressure.mean, 2)} · max/mean{' '}
                      {fixed(c.summary.pressure.maxOverMean, 3)} · CoV {fixed(c.summary.pressure.cov, 3)} ·
                      ±10 % {percent(c.summary.pressure.within10, 0)}
                    </div>
                  </>
                ) : (
                  <div className="placeholder">{running === id ? 'solving…' : 'not solved'}</div>
                )}
              </figure>
            );
          })}
        </div>
        {cases.length > 0 && <ColorBar min={min} max={max} />}
      </div>
    </div>
  );
}
