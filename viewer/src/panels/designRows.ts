import {
  type DesignVariableName,
  designVariableNames,
  designVariableUnits,
} from '../../../src/design/designSpec';
import type { DesignFile, DesignRow } from '../../../src/presentation/designFile';
import type { ParetoPoint } from '../../../src/presentation/figures/paretoSpec';

/** The efficiency the run optimised, by its measure (mass or volume) [%]; null when not counted. */
export function efficiencyPctOf(row: DesignRow, measure: DesignFile['measure']): number | null {
  const o = row.objectives;
  if (!o) return null;
  return 100 * (measure === 'mass' ? o.massEfficiency : o.volumeEfficiency);
}

/** The chart's points: every solved design (an unsolved one has no CoV), as the CLI's chart. */
export function designPoints(file: DesignFile): ParetoPoint[] {
  return file.designs.flatMap((d) => {
    const eff = efficiencyPctOf(d, file.measure);
    const cov = d.objectives?.cov;
    if (eff === null || cov === null || cov === undefined || d.status === 'failed') return [];
    const kind: ParetoPoint['kind'] = d.front ? 'front' : d.status === 'feasible' ? 'feasible' : 'infeasible';
    return [{ index: d.index, efficiencyPct: eff, cov, kind }];
  });
}

/** The front's designs, most efficient first, with the best design added when it is not on it. */
export function frontRows(file: DesignFile): DesignRow[] {
  const rows = file.designs.filter((d) => d.front || d.index === file.best);
  return rows.sort(
    (a, b) =>
      (efficiencyPctOf(b, file.measure) ?? 0) - (efficiencyPctOf(a, file.measure) ?? 0) || a.index - b.index,
  );
}

/** The variables the run's problem declares, in the spec's order. */
export function declaredVariables(file: DesignFile): DesignVariableName[] {
  return designVariableNames.filter((n) => file.problem.variables[n] !== undefined);
}

/** "topThickness [mm]"; a unitless variable (a material, a yes/no) by its name alone. */
export function variableHeader(name: DesignVariableName): string {
  return designVariableUnits[name] ? `${name} [${designVariableUnits[name]}]` : name;
}

/** A variable's value as a table shows it: 4 significant digits, yes/no, or the choice's name. */
export function variableText(value: unknown): string {
  if (typeof value === 'number') return String(Number(value.toPrecision(4)));
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value ?? '—');
}

/** CoV as the tab prints it (4 decimals), so the table, the chart tooltip and the solved map agree. */
export const covText = (cov: number | null | undefined): string =>
  cov === null || cov === undefined ? '—' : cov.toFixed(4);
