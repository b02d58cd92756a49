import type { ConstraintMargin, DesignConstraintName } from './designConstraints';
import type { DesignEvaluation } from './designEvaluation';

/** How each constraint compares its value with its limit, for the sentence. */
const relation: Record<DesignConstraintName, string> = {
  meanPressure: 'within ±',
  cov: 'at most',
  contactFraction: 'at least',
  within10: 'at least',
  safetyFactor: 'at least',
  boltUtilisation: 'at most',
  springTravel: 'at most',
  padStrain: 'at most',
};

const shown = (v: number) => (Math.abs(v) >= 1e6 ? v.toExponential(2) : Number(v.toPrecision(3)).toString());

/**
 * One constraint in words: `CoV of the cell pressure (after swelling): 0.0916, at most 0.1 — margin 0.00838`.
 */
export function constraintLine(m: ConstraintMargin): string {
  const rel = relation[m.name];
  const limit = rel.endsWith('±') ? `${rel}${shown(m.limit)}` : `${rel} ${shown(m.limit)}`;
  return `${m.what} (${m.state}): ${shown(m.value)}, ${limit} — margin ${shown(m.margin)}`;
}

/**
 * Why a design stands where it does, in a few lines: its status, the constraint that binds (the
 * least margin: what stops a lighter design of the same kind), and the violated ones if any.
 */
export function bindingSummary(e: DesignEvaluation): string {
  const lines: string[] = [];
  if (e.status === 'feasible') lines.push('feasible: every constraint is met');
  else lines.push(`${e.status}: ${e.message ?? 'no reason given'}`);
  if (e.binding) lines.push(`binds: ${constraintLine(e.binding)}`);
  for (const m of e.constraints)
    if (m.margin < 0 && m !== e.binding) lines.push(`violated: ${constraintLine(m)}`);
  return lines.join('\n');
}
