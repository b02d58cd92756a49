import { Matrix, solve } from 'ml-matrix';
import type { ContactState } from '../../solver/contact/contactSolver';
import { MAX_ROUNDOFF_RELATIVE } from '../../solver/contact/roundoff';
import { boltMaterials, boltStressArea } from '../case/materials';
import type { Case } from '../case/schema';
import type { StackModel } from '../model/buildModel';
import type { ForceBalance } from '../solveCase';
import { layerCompression } from '../stack/layerCompliance';

/**
 * A solved case whose state is not a valid answer: the force balance is missed, or the state is
 * physically impossible (a layer squeezed to zero thickness, a bolt past its proof load, a spring
 * past solid length, a slack bolt). The CLI reports it as a failed case (exit 1); no map is written.
 */
export class ResultRefusedError extends Error {
  override name = 'ResultRefusedError';
}

/** Thresholds of the design warnings; each warning names its quantity, value and limit. */
export const warningLimits = {
  /** contact area below this fraction of the cell footprint is a dead zone [-] */
  contactFraction: 0.95,
  /** bolt tension above this fraction of its proof load [-] */
  boltProofFraction: 0.9,
  /** plate safety factor against yield below this [-] */
  safetyFactor: 1.5,
  /** plate bending deflection above this fraction of its thickness leaves small-deflection theory [-] */
  deflectionOverThickness: 0.5,
  /** spring compression above this fraction of its travel (free − solid length) [-] */
  springTravel: 0.9,
} as const;

/** One solved load step with its name for messages and its force balance. */
export interface CheckedState {
  label: string;
  state: ContactState;
  balance: ForceBalance;
  /** per interface: its name and the contact fraction of its map [-] */
  contact: { name: string; fraction: number }[];
}

const pct = (v: number) => `${(100 * v).toFixed(1)} %`;
const newtons = (v: number) => `${Math.round(v)} N`;

/**
 * The force balance every returned state must meet [-]: the case's tolerance, or the round-off
 * floor of the plate forces, which the solver accepts only up to MAX_ROUNDOFF_RELATIVE.
 */
export function balanceLimit(c: Case): number {
  return Math.max(c.solver.tolerance, MAX_ROUNDOFF_RELATIVE);
}

/**
 * Throw ResultRefusedError unless every state meets the force balance: the Newton residual, the
 * global balance |Σ bolts − ∫p dA| and the reaction at the rigid-body supports, each relative to
 * the total bolt tension, at most `balanceLimit`.
 */
export function refuseUnbalanced(c: Case, states: CheckedState[]): void {
  const limit = balanceLimit(c);
  for (const { label, state, balance } of states) {
    const scale = balance.boltForce;
    const measures: [string, number][] = [
      ['Newton residual ‖r‖', state.residual / scale],
      ['|Σ bolt tension − ∫p dA|', balance.relResidual],
      ['rigid-body support reaction', state.supportReaction / scale],
    ];
    for (const [what, value] of measures) {
      if (!(value <= limit))
        throw new ResultRefusedError(
          `${label}: force balance missed — ${what} is ${Number.isFinite(value) ? value.toExponential(2) : String(value)} of the ${newtons(scale)} bolt load, the limit is ${limit.toExponential(0)} (solver.tolerance or the ${MAX_ROUNDOFF_RELATIVE} round-off floor). ` +
            'Likely cause: plates free to lift away from the stack, or plate and stack stiffnesses many orders apart. The map is not returned.',
        );
    }
  }
}

/**
 * Throw ResultRefusedError for a physically impossible state: a cell or pad compressed to zero
 * thickness, a bolt past its proof load or gone slack, a spring at solid length. Each message
 * names the case field, the value and the limit.
 */
export function refuseImpossible(c: Case, model: StackModel, states: CheckedState[]): void {
  const errors: string[] = [];
  for (const { label, state } of states) {
    for (const l of layerStrains(model, state)) {
      if (l.strain >= 1)
        errors.push(
          `${l.field}: compressed ${pct(l.strain)} of its ${l.thickness} mm thickness at ${l.pressure.toFixed(1)} MPa (${label}) — a layer cannot be squeezed to zero thickness; the pressure is beyond what the layer's law allows`,
        );
    }
    const proof = boltProofLoad(c);
    state.boltForce.forEach((F, i) => {
      const at = `bolts.positions[${i}]`;
      if (F > proof)
        errors.push(
          `${at}: tension ${newtons(F)} (${label}) — beyond the bolt's ${newtons(proof)} proof load (M${c.bolts.diameter} ${c.bolts.material}); the bolt would yield`,
        );
      else if (F < 0)
        errors.push(
          `${at}: tension ${newtons(F)} (${label}) — the bolt goes slack and its nut lifts off; the stack has lost its clamp`,
        );
    });
    const sp = c.bolts.springs;
    if (sp) {
      const travel = sp.freeLength - sp.solidLength;
      const Fmax = Math.max(...state.boltForce);
      const deflection = Fmax / sp.rate;
      if (deflection >= travel)
        errors.push(
          `bolts.springs: compressed ${deflection.toFixed(2)} mm by ${newtons(Fmax)} (${label}) — at or past solid length (travel ${travel.toFixed(2)} mm = freeLength − solidLength)`,
        );
    }
  }
  if (errors.length > 0)
    throw new ResultRefusedError(`physically impossible state:\n  ${errors.join('\n  ')}`);
}

/**
 * Warnings a designer needs, each naming the quantity, the value and the limit: dead zones,
 * bolts near proof load, low plate safety factor, pads strained past their law, plates bent
 * beyond small-deflection theory, springs near solid length.
 */
export function designWarnings(
  c: Case,
  model: StackModel,
  states: CheckedState[],
  plates: {
    name: string;
    thickness: number;
    w: Float64Array;
    safetyFactor: number;
    vonMises: number;
    yield: number;
  }[],
): string[] {
  const out: string[] = [];
  const L = warningLimits;
  const proof = boltProofLoad(c);
  for (const { label, state, contact } of states) {
    for (const itf of contact)
      if (itf.fraction < L.contactFraction)
        out.push(
          `contact area (${itf.name}, ${label}): ${pct(itf.fraction)} of the cell footprint — below ${pct(L.contactFraction)}; the rest is a dead zone without pressure`,
        );
    let worst = -1;
    state.boltForce.forEach((F, i) => {
      if (worst < 0 || F > state.boltForce[worst]) worst = i;
    });
    const Fw = state.boltForce[worst];
    if (worst >= 0 && Fw > L.boltProofFraction * proof && Fw <= proof)
      out.push(
        `bolt tension (bolts.positions[${worst}], ${label}): ${newtons(Fw)} — above ${pct(L.boltProofFraction)} of its ${newtons(proof)} proof load`,
      );
    const seen = new Set<string>();
    for (const l of layerStrains(model, state)) {
      if (l.validStrain === null || l.strain <= l.validStrain || l.strain >= 1 || seen.has(l.field)) continue;
      seen.add(l.field);
      out.push(
        `${l.field} strain (${label}): ${pct(l.strain)} at ${l.pressure.toFixed(2)} MPa — beyond the ${pct(l.validStrain)} of ${l.validity}; the map there is extrapolated`,
      );
    }
    const sp = c.bolts.springs;
    if (sp) {
      const travel = sp.freeLength - sp.solidLength;
      const used = Math.max(...state.boltForce) / sp.rate / travel;
      if (used > L.springTravel && used < 1)
        out.push(
          `spring compression (bolts.springs, ${label}): ${pct(used)} of its travel — above ${pct(L.springTravel)}; little is left before solid length`,
        );
    }
  }
  for (const p of plates) {
    if (p.safetyFactor < L.safetyFactor)
      out.push(
        `${p.name} safety factor: ${p.safetyFactor.toFixed(2)} (von Mises ${p.vonMises.toFixed(0)} MPa against ${p.yield} MPa yield) — below ${L.safetyFactor}`,
      );
    const bend = bendingDeflection(model, p.w);
    if (bend > L.deflectionOverThickness * p.thickness)
      out.push(
        `${p.name} bending deflection: ${bend.toFixed(3)} mm — above half its ${p.thickness} mm thickness, where small-deflection plate theory no longer holds`,
      );
  }
  return out;
}

/** Proof load of one bolt [N]: proof strength [MPa] × tensile stress area [mm²]. */
export function boltProofLoad(c: Case): number {
  return boltMaterials[c.bolts.material].yield * boltStressArea(c.bolts.diameter);
}

interface LayerStrain {
  field: string;
  thickness: number;
  validStrain: number | null;
  validity: string;
  /** largest compressive strain of one such layer in the state [-] */
  strain: number;
  /** at pressure [MPa] */
  pressure: number;
}

/** Per law and layer: the largest strain in the state, from the largest pressure on that law. */
function layerStrains(model: StackModel, state: ContactState): LayerStrain[] {
  const pMax = new Float64Array(model.lawLayers.length);
  model.problem.interfaces.forEach((itf, k) => {
    const p = state.pressure[k];
    for (let j = 0; j < p.length; j++) if (p[j] > pMax[itf.law[j]]) pMax[itf.law[j]] = p[j];
  });
  const out: LayerStrain[] = [];
  model.lawLayers.forEach((layers, li) => {
    const p = pMax[li];
    if (!(p > 0)) return;
    for (const l of layers)
      out.push({
        field: l.field,
        thickness: l.thickness,
        validStrain: l.validStrain,
        validity: l.validity,
        strain: layerCompression(l.layer, p) / l.thickness,
        pressure: p,
      });
  });
  return out.sort((a, b) => b.strain - a.strain);
}

/**
 * Bending deflection of a plate [mm]: the range of w about its least-squares plane w ≈ a + b x + c y,
 * so the rigid drop and tilt of the plate, which carry no bending, do not count.
 */
export function bendingDeflection(model: StackModel, w: Float64Array): number {
  const xy = model.mesh.nodes;
  const n = w.length;
  const A = new Matrix(3, 3);
  const r = new Matrix(3, 1);
  for (let i = 0; i < n; i++) {
    const row = [1, xy[2 * i], xy[2 * i + 1]];
    for (let a = 0; a < 3; a++) {
      r.set(a, 0, r.get(a, 0) + row[a] * w[i]);
      for (let b = 0; b < 3; b++) A.set(a, b, A.get(a, b) + row[a] * row[b]);
    }
  }
  const coef = solve(A, r);
  const [a0, b0, c0] = [coef.get(0, 0), coef.get(1, 0), coef.get(2, 0)];
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const d = w[i] - (a0 + b0 * xy[2 * i] + c0 * xy[2 * i + 1]);
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  return hi - lo;
}
