import type { CaseSummary } from '../solveCase';

/**
 * The headline outputs of one case as a flat CSV row: cell pressure [MPa] and its uniformity,
 * force balance, bolt forces [N], plate deflection [mm] and safety, swelling, solver effort.
 */
export function summaryRow(s: CaseSummary): Record<string, number | string> {
  const p = s.pressure;
  const row: Record<string, number | string> = {
    pMean: p.mean,
    pMin: p.min,
    pMax: p.max,
    pStd: p.std,
    pCov: p.cov,
    pMaxOverMean: p.maxOverMean,
    pP5: p.p5,
    pP95: p.p95,
    contactFraction: p.contactFraction,
    within10: p.within10,
    contactForce: p.force,
    nominalPressure: s.nominalPressure,
    boltForceTotal: s.balance.boltForce,
    boltForceMin: Math.min(...s.bolts.map((b) => b.force)),
    boltForceMax: Math.max(...s.bolts.map((b) => b.force)),
    relResidual: s.balance.relResidual,
  };
  for (const pl of s.plates) {
    row[`${pl.name}.wMax`] = pl.wMax;
    row[`${pl.name}.wMin`] = pl.wMin;
    row[`${pl.name}.vonMisesMax`] = pl.vonMisesMax;
    row[`${pl.name}.safetyFactor`] = pl.safetyFactor;
  }
  if (s.swelling) {
    row.swellPMean = s.swelling.pressure.mean;
    row.swellPMax = s.swelling.pressure.max;
    row.swellPMaxOverMean = s.swelling.pressure.maxOverMean;
    row.swellBoltForceTotal = s.swelling.balance.boltForce;
  }
  row.dofs = s.solver.dofs;
  row.newtonIterations = s.solver.newtonIterations;
  row.seconds = s.effort.seconds;
  row.warnings = s.warnings.join('; ');
  return row;
}
