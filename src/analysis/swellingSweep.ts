import { ContactSolver } from '../../solver/contact/contactSolver';
import { checkCase } from '../case/checkCase';
import { buildModel, uniformSwelling } from '../model/buildModel';
import { pressureStats } from '../results/pressureStats';

export interface SwellingPoint {
  /** free thickness growth of each cell [µm] */
  growthPerCell: number;
  /** cell pressure under the top plate [MPa] */
  meanPressure: number;
  maxPressure: number;
  /** std/mean [-] */
  cov: number;
  /** Σ bolt tension [N] */
  boltForce: number;
  contactFraction: number;
}

/**
 * Mean pressure and uniformity against stack swelling: load up once, then grow every cell by
 * each amount with the bolts locked. One model, one symbolic factorization, one load-up for the
 * whole sweep; each point starts from the load-up state.
 * @param growthsUm free growth per cell [µm], e.g. 0, 5, …, 30
 */
export function swellingSweep(raw: unknown, growthsUm: number[]): SwellingPoint[] {
  const c = checkCase(raw).case;
  const model = buildModel(c);
  const solver = new ContactSolver(model.problem);
  const opts = { tolerance: c.solver.tolerance, maxIterations: c.solver.maxIterations };
  const loadUp = solver.loadUp(opts);
  const itf = model.problem.interfaces[0];
  return growthsUm.map((g) => {
    const state = g === 0 ? loadUp : solver.swell(loadUp, uniformSwelling(model, g * 1e-3), opts);
    const s = pressureStats(state.pressure[0], itf.area, c.output.contactThreshold);
    return {
      growthPerCell: g,
      meanPressure: s.mean,
      maxPressure: s.max,
      cov: s.cov,
      boltForce: state.boltForce.reduce((a, b) => a + b, 0),
      contactFraction: s.contactFraction,
    };
  });
}
