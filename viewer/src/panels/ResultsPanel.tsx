import type { CaseSummary, PressureStats } from '../../../src/index';
import { fixed, percent, significant } from '../domain/format';
import type { ShownHistory } from '../state/historyView';
import { historyStateRows, pressureHeading, resultsStateOf } from './resultsAtState';

/** A read-out with its exact value in data-value, so tests compare numbers, not formatting. */
function Value({ id, value, text }: { id: string; value: number | boolean; text: string }) {
  return (
    <td className="num" data-testid={id} data-value={String(value)}>
      {text}
    </td>
  );
}

function PressureTable({ stats, prefix }: { stats: PressureStats; prefix: string }) {
  const rows: [keyof PressureStats, string, (v: number) => string][] = [
    ['mean', 'Mean [MPa]', (v) => fixed(v, 3)],
    ['min', 'Min [MPa]', (v) => fixed(v, 3)],
    ['max', 'Max [MPa]', (v) => fixed(v, 3)],
    ['std', 'Std dev [MPa]', (v) => fixed(v, 3)],
    ['cov', 'CoV [-]', (v) => fixed(v, 4)],
    ['maxOverMean', 'Max / mean [-]', (v) => fixed(v, 3)],
    ['p5', 'P5 [MPa]', (v) => fixed(v, 3)],
    ['p95', 'P95 [MPa]', (v) => fixed(v, 3)],
    ['contactFraction', 'In contact', (v) => percent(v)],
    ['within10', 'Within ±10 % of mean', (v) => percent(v)],
    ['force', 'Contact force [N]', (v) => significant(v, 6)],
    ['area', 'Footprint area [mm²]', (v) => significant(v, 6)],
  ];
  return (
    <table className="kv">
      <tbody>
        {rows.map(([key, label, fmt]) => (
          <tr key={key}>
            <th>{label}</th>
            <Value id={`${prefix}-${key}`} value={stats[key]} text={fmt(stats[key])} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface ResultsPanelProps {
  summary: CaseSummary;
  seconds: number | null;
  /** the shown result's life history (checked), or null */
  history?: ShownHistory | null;
  /** the history state the maps show (`chosenHistoryIndex`), or null when a load state is shown */
  historyIndex?: number | null;
}

/**
 * Summary of a solved case (or a loaded result.json): pressure statistics, bolt forces, plate stress.
 * With a life-history state other than load-up chosen, the cell pressure is that state's, under a
 * heading naming it, with the state's own block (time, bolts, springs, pads, window); the blocks a
 * history does not keep per state (force balance, per-bolt forces, plates) stay load-up's and say so.
 * The state's statistics carry test ids `history-stat-*`, never `stat-*`, so a reader of an id
 * always reads one quantity.
 */
export function ResultsPanel({ summary, seconds, history = null, historyIndex = null }: ResultsPanelProps) {
  const swelling = summary.swelling;
  const at = resultsStateOf(history, historyIndex);
  const loadUpNote = at ? ' · load-up' : '';
  return (
    <div className="results" data-testid="results-panel" data-history-index={at ? at.index : ''}>
      <h3 data-testid="results-pressure-heading">{pressureHeading(at)}</h3>
      {at ? (
        <>
          <PressureTable stats={at.state.pressure} prefix="history-stat" />
          <h3>History state</h3>
          <table className="kv" data-testid="results-history-state">
            <tbody>
              {historyStateRows(at.state).map((r) => (
                <tr key={r.key}>
                  <th>{r.label}</th>
                  <Value id={`history-state-${r.key}`} value={r.value} text={r.text} />
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <PressureTable stats={summary.pressure} prefix="stat" />
      )}
      {swelling && (
        <>
          <h3>After swelling (bolts locked)</h3>
          <PressureTable stats={swelling.pressure} prefix="swell" />
        </>
      )}
      <h3>Force balance{loadUpNote}</h3>
      <table className="kv">
        <tbody>
          <tr>
            <th>Σ bolt tension [N]</th>
            <Value
              id="balance-boltForce"
              value={summary.balance.boltForce}
              text={significant(summary.balance.boltForce, 6)}
            />
          </tr>
          <tr>
            <th>Nominal pressure [MPa]</th>
            <Value
              id="nominalPressure"
              value={summary.nominalPressure}
              text={fixed(summary.nominalPressure, 3)}
            />
          </tr>
          <tr>
            <th>Residual [-]</th>
            <Value
              id="balance-relResidual"
              value={summary.balance.relResidual}
              text={summary.balance.relResidual.toExponential(2)}
            />
          </tr>
        </tbody>
      </table>
      <h3 data-testid="results-bolts-heading">
        Bolt forces [N]{at ? ' · load-up (per-bolt forces are not kept per history state)' : ''}
      </h3>
      <table className="grid-table">
        <thead>
          <tr>
            <th>#</th>
            <th>x, y [mm]</th>
            <th>load-up</th>
            <th>swollen</th>
          </tr>
        </thead>
        <tbody>
          {summary.bolts.map((b, i) => (
            <tr key={`${b.x},${b.y}`}>
              <td>{i + 1}</td>
              <td>
                {b.x}, {b.y}
              </td>
              <Value id={`bolt-${i}-force`} value={b.force} text={b.force.toFixed(0)} />
              <Value
                id={`bolt-${i}-forceAfterSwelling`}
                value={b.forceAfterSwelling}
                text={b.forceAfterSwelling.toFixed(0)}
              />
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Plates{loadUpNote}</h3>
      <table className="grid-table">
        <thead>
          <tr>
            <th>plate</th>
            <th>w max/min [µm]</th>
            <th>σ vM [MPa]</th>
            <th>SF</th>
          </tr>
        </thead>
        <tbody>
          {summary.plates.map((p, i) => (
            <tr key={p.name}>
              <td>{p.name}</td>
              <td className="num">
                {(1000 * p.wMax).toFixed(1)} / {(1000 * p.wMin).toFixed(1)}
              </td>
              <Value id={`plate-${i}-vonMisesMax`} value={p.vonMisesMax} text={p.vonMisesMax.toFixed(1)} />
              <Value id={`plate-${i}-safetyFactor`} value={p.safetyFactor} text={fixed(p.safetyFactor, 2)} />
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Solver</h3>
      <table className="kv">
        <tbody>
          <tr>
            <th>DOFs · nnz(L)</th>
            <td className="num">
              {summary.solver.dofs.toLocaleString('en')} · {summary.solver.nnzL.toLocaleString('en')}
            </td>
          </tr>
          <tr>
            <th>Newton its · factorizations</th>
            <td className="num">
              {summary.solver.newtonIterations} · {summary.solver.factorizations}
            </td>
          </tr>
          <tr>
            <th>Solve time [s]</th>
            <td
              className="num"
              data-testid="solve-seconds"
              data-value={String(seconds ?? summary.effort.seconds)}
            >
              {(seconds ?? summary.effort.seconds).toFixed(2)}
            </td>
          </tr>
        </tbody>
      </table>
      {summary.warnings.length > 0 && (
        <div className="warnings">
          {summary.warnings.map((w) => (
            <p key={w}>⚠ {w}</p>
          ))}
        </div>
      )}
    </div>
  );
}
