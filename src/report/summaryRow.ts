import type { CaseSummary } from '../solveCase';

/**
 * The headline outputs of one case as a flat CSV row: cell pressure and its uniformity, force
 * balance, bolt forces, plate deflection and safety, swelling, solver effort. Each header that
 * carries a quantity ends with its unit, `name [unit]` ([-] for ratios and fractions), so a
 * spreadsheet reader needs no other document; counts and text have none.
 */
export function summaryRow(s: CaseSummary): Record<string, number | string> {
  const p = s.pressure;
  const row: Record<string, number | string> = {
    'pMean [MPa]': p.mean,
    'pMin [MPa]': p.min,
    'pMax [MPa]': p.max,
    'pStd [MPa]': p.std,
    'pCov [-]': p.cov,
    'pMaxOverMean [-]': p.maxOverMean,
    'pP5 [MPa]': p.p5,
    'pP95 [MPa]': p.p95,
    'contactFraction [-]': p.contactFraction,
    'within10 [-]': p.within10,
    'contactForce [N]': p.force,
    'nominalPressure [MPa]': s.nominalPressure,
    'boltForceTotal [N]': s.balance.boltForce,
    'boltForceMin [N]': Math.min(...s.bolts.map((b) => b.force)),
    'boltForceMax [N]': Math.max(...s.bolts.map((b) => b.force)),
    'relResidual [-]': s.balance.relResidual,
  };
  for (const pl of s.plates) {
    row[`${pl.name}.wMax [mm]`] = pl.wMax;
    row[`${pl.name}.wMin [mm]`] = pl.wMin;
    row[`${pl.name}.vonMisesMax [MPa]`] = pl.vonMisesMax;
    row[`${pl.name}.safetyFactor [-]`] = pl.safetyFactor;
  }
  if (s.swelling) {
    row['swellPMean [MPa]'] = s.swelling.pressure.mean;
    row['swellPMax [MPa]'] = s.swelling.pressure.max;
    row['swellPMaxOverMean [-]'] = s.swelling.pressure.maxOverMean;
    row['swellBoltForceTotal [N]'] = s.swelling.balance.boltForce;
  }
  row.dofs = s.solver.dofs;
  row.newtonIterations = s.solver.newtonIterations;
  row['seconds [s]'] = s.effort.seconds;
  row.warnings = s.warnings.join('; ');
  return row;
}
