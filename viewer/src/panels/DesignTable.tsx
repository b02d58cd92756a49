import type { DesignFile } from '../../../src/presentation/designFile';
import {
  covText,
  declaredVariables,
  efficiencyPctOf,
  frontRows,
  variableHeader,
  variableText,
} from './designRows';

export interface DesignTableProps {
  file: DesignFile;
  /** archive index of the design shown below, or null */
  chosen: number | null;
  onChoose: (index: number) => void;
}

/**
 * The front's designs, most efficient first: archive index, the declared variables with their
 * units, the objectives (efficiency [%], system inactive mass [kg] or volume [L], CoV after
 * swelling [-]) and the constraint that binds. A row is a button: it chooses its design.
 */
export function DesignTable({ file, chosen, onChoose }: DesignTableProps) {
  const variables = declaredVariables(file);
  const rows = frontRows(file);
  const inactive = file.measure === 'mass' ? 'inactive mass [kg]' : 'inactive volume [L]';
  if (rows.length === 0)
    return (
      <p className="muted" data-testid="design-table-empty">
        No feasible design in this run: the front is empty.
      </p>
    );
  return (
    <table className="kv design-table" data-testid="design-table">
      <caption>
        Pareto front, {rows.length} design{rows.length === 1 ? '' : 's'} — click a row to solve it
      </caption>
      <thead>
        <tr>
          <th>design</th>
          {variables.map((v) => (
            <th key={v}>{variableHeader(v)}</th>
          ))}
          <th>efficiency by {file.measure} [%]</th>
          <th>system {inactive}</th>
          <th>CoV after swelling [-]</th>
          <th>binding</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => {
          const o = d.objectives;
          const eff = efficiencyPctOf(d, file.measure);
          return (
            <tr
              key={d.index}
              className={`${d.index === chosen ? 'chosen' : ''} ${d.index === file.best ? 'best' : ''}`}
              onClick={() => onChoose(d.index)}
              data-testid={`design-row-${d.index}`}
              data-index={d.index}
              data-cov={covText(o?.cov)}
              aria-selected={d.index === chosen}
            >
              <td>
                #{d.index}
                {d.index === file.best ? ' (best)' : ''}
              </td>
              {variables.map((v) => (
                <td key={v}>{variableText(d.design[v])}</td>
              ))}
              <td className="num">{eff === null ? '—' : eff.toFixed(2)}</td>
              <td className="num">
                {o ? (file.measure === 'mass' ? o.inactiveMassKg : o.inactiveVolumeL).toFixed(1) : '—'}
              </td>
              <td className="num">{covText(o?.cov)}</td>
              <td>{d.binding ?? '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
