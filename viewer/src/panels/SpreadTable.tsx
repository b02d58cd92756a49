import type { LoadState } from '../../../src/presentation/resultFields';
import type {
  MetricDistribution,
  ToleranceMetric,
  ToleranceResult,
} from '../../../src/tolerance/toleranceResult';
import { fixed, percent } from '../domain/format';

/** The metrics a module designer reads off a study, with their units and how they are printed. */
const ROWS: { metric: ToleranceMetric; label: string; format: (v: number) => string }[] = [
  { metric: 'cov', label: 'CoV of the pressure [-]', format: (v) => fixed(v, 4) },
  { metric: 'meanPressure', label: 'Mean pressure [MPa]', format: (v) => fixed(v, 3) },
  { metric: 'maxOverMean', label: 'Max / mean [-]', format: (v) => fixed(v, 3) },
  { metric: 'contactFraction', label: 'In contact [% of footprint]', format: (v) => percent(v) },
  { metric: 'within10', label: 'Within ±10 % of mean [% of footprint]', format: (v) => percent(v) },
  // yield / von Mises of the plates; the study records Number.MAX_VALUE for unstressed plates
  {
    metric: 'safetyFactor',
    label: 'Plate safety factor (yield / σ_vM) [-]',
    format: (v) => (v > 1e300 ? '— (unstressed)' : fixed(v, 2)),
  },
];

const COLUMNS = ['p5', 'p50', 'p95'] as const satisfies readonly (keyof MetricDistribution)[];

/** A read-out with its exact value in data-value, so tests compare numbers, not formatting. */
function Cell({ id, value, text }: { id: string; value: number; text: string }) {
  return (
    <td className="num" data-testid={id} data-value={String(value)}>
      {text}
    </td>
  );
}

/** p5 / p50 / p95 of the study's metrics over its solved draws in one load state, with the share meeting each target. */
export function SpreadMetrics({ result, state }: { result: ToleranceResult; state: LoadState }) {
  const dist = result.distributions[state];
  if (!dist)
    return <p className="muted">No draw solved {state === 'swollen' ? 'after swelling' : ''}: no metrics.</p>;
  const targeted = ROWS.some((r) => dist[r.metric].probability !== null);
  const solved = result.samples - result.failed.length;
  return (
    <table className="kv spread-metrics" data-testid="spread-metrics">
      <caption>
        over the {solved} solved of {result.samples} draws
      </caption>
      <thead>
        <tr>
          <th />
          {COLUMNS.map((c) => (
            <th key={c} className="num">
              {c}
            </th>
          ))}
          {targeted && <th className="num">P(target)</th>}
        </tr>
      </thead>
      <tbody>
        {ROWS.map(({ metric, label, format }) => {
          const d = dist[metric];
          return (
            <tr key={metric}>
              <th>{label}</th>
              {COLUMNS.map((c) => (
                <Cell key={c} id={`spread-${metric}-${c}`} value={d[c]} text={format(d[c])} />
              ))}
              {targeted && <td className="num">{d.probability === null ? '' : percent(d.probability)}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The draws that failed, by index with their seed and message: never hidden, each can be re-run alone. */
export function SpreadFailures({ result }: { result: ToleranceResult }) {
  const failed = result.draws.filter((d) => d.status === 'failed');
  if (failed.length === 0)
    return (
      <p className="muted" data-testid="spread-failed" data-count="0">
        All {result.samples} draws solved.
      </p>
    );
  return (
    <div className="spread-failed" data-testid="spread-failed" data-count={failed.length}>
      <h3 className="error">
        {failed.length} of {result.samples} draws failed and are left out of the maps and metrics
      </h3>
      <table className="kv">
        <thead>
          <tr>
            <th className="num">draw</th>
            <th className="num">seed</th>
            <th>why it failed</th>
          </tr>
        </thead>
        <tbody>
          {failed.map((d) => (
            <tr key={d.index} data-testid={`spread-failed-${d.index}`}>
              <td className="num">{d.index}</td>
              <td className="num">{d.seed}</td>
              <td>{d.error}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
