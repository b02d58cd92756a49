import type { ContactState } from '../../solver/contact/contactSolver';
import { nominalPreload } from '../case/checkCase';
import type { Case } from '../case/schema';
import { preloadFactors } from '../model/boltMembers';
import type { StackModel } from '../model/buildModel';
import { boltProofLoad } from '../results/stateChecks';
import type { CaseResult } from '../solveCase';
import { layerCompression } from '../stack/layerCompliance';
import type { DesignConstraintLimits } from './designSpec';

/** The constraints a design is held to; each a margin, ≥ 0 when met. */
export type DesignConstraintName =
  | 'meanPressure'
  | 'cov'
  | 'contactFraction'
  | 'within10'
  | 'safetyFactor'
  | 'boltUtilisation'
  | 'springTravel'
  | 'padStrain';

/** Where a constraint was measured. */
export type ConstraintState = 'load-up' | 'after swelling' | 'both states' | 'at preload';

/** One constraint of one design: what was measured, its limit and the margin between them. */
export interface ConstraintMargin {
  /** unique in a design's list: the name, with `.loadUp` or `.swollen` for a per-state one */
  id: string;
  name: DesignConstraintName;
  state: ConstraintState;
  /** what `value` is, for summaries */
  what: string;
  value: number;
  limit: number;
  /** unit of value and limit ('-' for ratios and shares) */
  unit: string;
  /** dimensionless, ≥ 0 when the constraint is met; for a ≤ limit on a share: limit − value */
  margin: number;
}

const stateId = (s: ConstraintState) => (s === 'load-up' ? 'loadUp' : 'swollen');

/** A solved load state with its summary statistics. */
interface SolvedState {
  label: 'load-up' | 'after swelling';
  state: ContactState;
  mean: number;
  cov: number;
  contactFraction: number;
  within10: number;
}

/**
 * The constraint margins of a solved design. Per load state (after load-up, and after swelling
 * when the case swells): mean cell pressure within ± the limit of the target, CoV, contact
 * fraction and the share within ±10 % of the mean. Over both states: the plates' least safety
 * factor, the largest bolt tension over its proof load, the springs' used travel and the pads'
 * largest strain over the strain their law is valid for.
 */
export function solvedConstraints(
  c: Case,
  result: CaseResult,
  limits: DesignConstraintLimits,
  targetPressure: number,
): ConstraintMargin[] {
  const states: SolvedState[] = [
    { label: 'load-up', state: result.fields.loadUp, ...statsOf(result.pressure) },
  ];
  if (result.swelling && result.fields.swollen)
    states.push({
      label: 'after swelling',
      state: result.fields.swollen,
      ...statsOf(result.swelling.pressure),
    });
  const out: ConstraintMargin[] = [];
  for (const s of states) {
    const id = (name: string) => `${name}.${stateId(s.label)}`;
    const deviation = s.mean / targetPressure - 1;
    out.push({
      id: id('meanPressure'),
      name: 'meanPressure',
      state: s.label,
      what: `mean cell pressure / target ${targetPressure} MPa − 1`,
      value: deviation,
      limit: limits.meanPressure,
      unit: '-',
      margin: limits.meanPressure - Math.abs(deviation),
    });
    out.push(atMost(id('cov'), 'cov', s.label, 'CoV of the cell pressure', s.cov, limits.cov));
    out.push(
      atLeast(
        id('contactFraction'),
        'contactFraction',
        s.label,
        'share of the footprint in contact',
        s.contactFraction,
        limits.contactFraction,
      ),
    );
    out.push(
      atLeast(
        id('within10'),
        'within10',
        s.label,
        'share of the footprint within ±10 % of the mean',
        s.within10,
        limits.within10,
      ),
    );
  }
  let sf = Number.MAX_VALUE;
  for (const p of result.plates) sf = Math.min(sf, p.safetyFactor);
  out.push({
    id: 'safetyFactor',
    name: 'safetyFactor',
    state: 'both states',
    what: 'least plate safety factor against yield (von Mises)',
    value: sf,
    limit: limits.safetyFactor,
    unit: '-',
    // relative, so a factor of 2 against a limit of 1.5 weighs like other shares
    margin: limits.safetyFactor > 0 ? sf / limits.safetyFactor - 1 : 1,
  });
  let fMax = 0;
  for (const s of states) for (const f of s.state.boltForce) fMax = Math.max(fMax, f);
  out.push(...forceConstraints(c, fMax, 'both states', limits));
  const pad = padStrainShare(
    result.fields.model,
    states.map((s) => s.state),
  );
  if (pad !== null)
    out.push(
      atMost(
        'padStrain',
        'padStrain',
        'both states',
        `largest strain of ${pad.field} / the strain its law is valid for`,
        pad.share,
        limits.padStrain,
      ),
    );
  return out;
}

/**
 * The constraints known before a solve, for a design that could not be solved: the largest bolt
 * tension at preload (nominal × the largest scatter factor) over its proof load, and the springs'
 * used travel under it.
 */
export function preloadConstraints(c: Case, limits: DesignConstraintLimits): ConstraintMargin[] {
  let factor = 0;
  for (const f of preloadFactors(c)) factor = Math.max(factor, f);
  return forceConstraints(c, nominalPreload(c) * factor, 'at preload', limits);
}

/** The constraint with the least margin: the one that binds (or is violated most). */
export function bindingConstraint(list: readonly ConstraintMargin[]): ConstraintMargin | null {
  let best: ConstraintMargin | null = null;
  for (const m of list) if (best === null || m.margin < best.margin) best = m;
  return best;
}

function statsOf(p: { mean: number; cov: number; contactFraction: number; within10: number }) {
  return { mean: p.mean, cov: p.cov, contactFraction: p.contactFraction, within10: p.within10 };
}

function atMost(
  id: string,
  name: DesignConstraintName,
  state: ConstraintState,
  what: string,
  value: number,
  limit: number,
): ConstraintMargin {
  return { id, name, state, what, value, limit, unit: '-', margin: limit - value };
}

function atLeast(
  id: string,
  name: DesignConstraintName,
  state: ConstraintState,
  what: string,
  value: number,
  limit: number,
): ConstraintMargin {
  return { id, name, state, what, value, limit, unit: '-', margin: value - limit };
}

/** Bolt utilisation and spring travel under the largest bolt tension `fMax` [N]. */
function forceConstraints(
  c: Case,
  fMax: number,
  state: ConstraintState,
  limits: DesignConstraintLimits,
): ConstraintMargin[] {
  const out = [
    atMost(
      'boltUtilisation',
      'boltUtilisation',
      state,
      `largest bolt tension / proof load (M${c.bolts.diameter} ${c.bolts.material})`,
      fMax / boltProofLoad(c),
      limits.boltUtilisation,
    ),
  ];
  const sp = c.bolts.springs;
  if (sp) {
    const travel = sp.freeLength - sp.solidLength;
    // springs in series each carry the full bolt tension
    const used = travel > 0 ? fMax / sp.rate / travel : Number.MAX_VALUE;
    out.push(
      atMost(
        'springTravel',
        'springTravel',
        state,
        'used share of the spring travel (free − solid length)',
        used,
        1 - limits.springMargin,
      ),
    );
  }
  return out;
}

/** The largest pad strain over its law's valid strain in any state, and the pad; null without pads. */
function padStrainShare(model: StackModel, states: ContactState[]): { field: string; share: number } | null {
  let worst: { field: string; share: number } | null = null;
  for (const state of states) {
    const pMax = new Float64Array(model.lawLayers.length);
    model.problem.interfaces.forEach((itf, k) => {
      const p = state.pressure[k];
      for (let j = 0; j < p.length; j++) if (p[j] > pMax[itf.law[j]]) pMax[itf.law[j]] = p[j];
    });
    model.lawLayers.forEach((layers, li) => {
      for (const l of layers) {
        if (!l.field.startsWith('gaskets') || l.validStrain === null) continue;
        const share = pMax[li] > 0 ? layerCompression(l.layer, pMax[li]) / l.thickness / l.validStrain : 0;
        if (worst === null || share > worst.share) worst = { field: l.field, share };
      }
    });
  }
  return worst;
}

/** The per-state uniformity constraints a study replaces. */
const UNIFORMITY: DesignConstraintName[] = ['cov', 'contactFraction', 'within10'];

/**
 * `constraints` with CoV, contact fraction and the ±10 % share of each load state taken over a
 * tolerance study's draws at percentile q [%]: CoV's q-th percentile at most its limit, the
 * shares' (100 − q)-th at least theirs ("p90 of CoV ≤ 0.1": in 90 % of the draws the CoV is at
 * most 0.1). `quantile(metric, state, p)` gives the study's p-quantile (p in [0, 1]).
 */
export function percentileConstraints(
  constraints: readonly ConstraintMargin[],
  limits: DesignConstraintLimits,
  q: number,
  draws: number,
  quantile: (
    metric: 'cov' | 'contactFraction' | 'within10',
    state: 'loadUp' | 'swollen',
    p: number,
  ) => number,
): ConstraintMargin[] {
  return constraints.map((m) => {
    if (!UNIFORMITY.includes(m.name) || (m.state !== 'load-up' && m.state !== 'after swelling')) return m;
    const state = stateId(m.state);
    const name = m.name as 'cov' | 'contactFraction' | 'within10';
    const upper = name === 'cov';
    const p = upper ? q : 100 - q;
    const what = `p${Number(p.toFixed(1))} over ${draws} draws of the ${m.what}`;
    const value = quantile(name, state, p / 100);
    return upper
      ? atMost(m.id, name, m.state, what, value, limits.cov)
      : atLeast(m.id, name, m.state, what, value, limits[name]);
  });
}
