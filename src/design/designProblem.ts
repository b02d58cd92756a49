import { checkCase, footprintRect, nominalPreload } from '../case/checkCase';
import type { Case } from '../case/schema';
import { InputError } from '../validation/parseInput';
import { shownValue } from '../validation/shownValue';
import { type BoltRing, boltRingOf } from './designBolts';
import {
  type DesignConstraintLimits,
  type DesignObjectiveSettings,
  type DesignSpec,
  type DesignVariableName,
  type DesignVariablesSpec,
  designVariableNames,
  designVariableUnits,
  maxGridPoints,
  parseDesignSpec,
} from './designSpec';

/** One value of a design variable: a number in its unit, a material name or a yes/no. */
export type DesignValue = number | string | boolean;

/**
 * A design problem ready to evaluate: the spec with its base case read and checked. Plain JSON,
 * so a worker process can be handed it once and then evaluate designs one at a time.
 */
export interface DesignProblem {
  name: string;
  /** the base case, validated, every default filled in, without a tolerance study */
  base: Case;
  /** target mean cell pressure [MPa] */
  targetPressure: number;
  variables: DesignVariablesSpec;
  constraints: DesignConstraintLimits;
  objectives: DesignObjectiveSettings;
  optimiser: DesignSpec['optimiser'];
  /** CoV limit of the best design [-] */
  bestCovLimit: number;
  /** the exhaustive grid's levels of every declared variable */
  grid: Partial<Record<DesignVariableName, DesignValue[]>>;
  /** the base case's bolt ring, which `boltsPerEdge` re-spaces; null when boltsPerEdge is fixed */
  ring: BoltRing | null;
  /** uniformity at a percentile over a tolerance study of each design; absent: the design's own draw */
  uniformity?: NonNullable<DesignSpec['uniformity']>;
}

/** Nominal mean cell pressure of a case [MPa]: bolt count × nominal preload / footprint area. */
export function caseNominalPressure(c: Case): number {
  const fp = footprintRect(c);
  return (c.bolts.positions.length * nominalPreload(c)) / ((fp.x1 - fp.x0) * (fp.y1 - fp.y0));
}

/**
 * The problem of a parsed spec and its base case (raw, as read from its file or inline). Throws
 * InputError for a base case that is not a valid case (its fields prefixed `base.`), for
 * variables the base case cannot take (a bottom thickness on a rigid base, a bolt count on bolts
 * that are not a ring, per-bolt scatter factors with a changing bolt count) and for grid levels
 * outside their variable's range or choices.
 */
export function designProblem(spec: DesignSpec, baseRaw: unknown, baseLabel = 'base'): DesignProblem {
  let base: Case;
  try {
    base = checkCase(baseRaw).case;
  } catch (e) {
    if (e instanceof InputError)
      throw new InputError(
        'design spec',
        e.issues.map((i) => `${baseLabel}: ${i}`),
      );
    throw e;
  }
  base = { ...base, tolerances: undefined };
  const issues: string[] = [];
  // the constraints are judged after load-up and the case's swelling; a life history is not a design state yet
  if (base.history)
    issues.push(
      `${baseLabel}.history: a life history in the base case — the optimiser judges load-up and stack.swelling; remove the history from the base case (solve the chosen best.json with it afterwards)`,
    );
  const v = spec.variables;
  if (v.bottomThickness && 'rigid' in base.plates.bottom)
    issues.push(
      'variables.bottomThickness: the base case has a rigid base, not a bottom plate — leave bottomThickness out or give the base case a bottom plate',
    );
  let ring: BoltRing | null = null;
  if (v.boltsPerEdge) {
    const found = boltRingOf(base.bolts.positions);
    if (!found)
      issues.push(
        `variables.boltsPerEdge: the base case's ${base.bolts.positions.length} bolts are not an evenly spaced ring on a rectangle, corners included — boltsPerEdge re-spaces such a ring; lay the base case's bolts out so, or leave boltsPerEdge out`,
      );
    else ring = found.ring;
    if (base.bolts.scatter.type === 'factors')
      issues.push(
        'variables.boltsPerEdge: the base case gives one preload factor per bolt (bolts.scatter.factors) — with a changing bolt count use uniform or normal scatter, or leave boltsPerEdge out',
      );
  }
  const grid = gridLevels(spec, issues);
  if (issues.length > 0) throw new InputError('design spec', issues);
  const target = spec.targetPressure ?? caseNominalPressure(base);
  return {
    name: spec.name ?? `${base.name ?? 'case'} design`,
    base,
    targetPressure: target,
    variables: v,
    constraints: spec.constraints,
    objectives: spec.objectives,
    optimiser: spec.optimiser,
    bestCovLimit: spec.bestCovLimit ?? spec.constraints.cov,
    grid,
    ring,
    ...(spec.uniformity ? { uniformity: spec.uniformity } : {}),
  };
}

/**
 * A problem received as JSON (by a worker, from a queue) checked as a spec file is: the problem
 * is derived again from its spec fields and its base case, so a tampered one (a range beyond the
 * schema's bounds, a base case that is not a case) is an InputError, never a design that could
 * make a worker hang or run out of memory. Returns the problem as derived.
 */
export function checkDesignProblem(raw: unknown): DesignProblem {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new InputError('design problem', [`(design problem): ${shownValue(raw)} — must be an object`]);
  const r = raw as Record<string, unknown>;
  const own = (k: string) => (Object.hasOwn(r, k) ? r[k] : undefined);
  const spec = parseDesignSpec({
    name: own('name'),
    base: own('base'),
    targetPressure: own('targetPressure'),
    variables: own('variables'),
    constraints: own('constraints'),
    objectives: own('objectives'),
    optimiser: own('optimiser'),
    bestCovLimit: own('bestCovLimit'),
    grid: own('grid'),
    uniformity: own('uniformity'),
  });
  return designProblem(spec, spec.base);
}

/** Whether `value` is one a declared variable may take. */
export function admits(spec: DesignVariablesSpec, name: DesignVariableName, value: unknown): boolean {
  const def = spec[name];
  if (def === undefined) return false;
  if (Array.isArray(def)) return def.some((c) => c === value);
  const integer = name === 'springCount' || name === 'boltsPerEdge';
  return (
    typeof value === 'number' && value >= def.min && value <= def.max && (!integer || Number.isInteger(value))
  );
}

/** The grid's levels per declared variable: the spec's, else the choices, else the range's ends. */
function gridLevels(spec: DesignSpec, issues: string[]): DesignProblem['grid'] {
  const out: DesignProblem['grid'] = {};
  const given = spec.grid ?? {};
  for (const name of Object.keys(given) as DesignVariableName[])
    if (spec.variables[name] === undefined)
      issues.push(
        `grid.${name}: not a declared variable — the grid can only give levels of variables listed under variables`,
      );
  let points = 1;
  for (const name of designVariableNames) {
    const def = spec.variables[name];
    if (def === undefined) continue;
    const levels: DesignValue[] =
      given[name] ?? (Array.isArray(def) ? [...def] : [...new Set([def.min, def.max])]);
    const unit = designVariableUnits[name] ? ` ${designVariableUnits[name]}` : '';
    const allowed = Array.isArray(def)
      ? `one of the variable's choices ${def.map((c) => shownValue(c)).join(', ')}`
      : `within the variable's range ${def.min} to ${def.max}${unit}`;
    levels.forEach((level, i) => {
      if (!admits(spec.variables, name, level))
        issues.push(
          `grid.${name}[${i}]: ${shownValue(level)}${typeof level === 'number' ? unit : ''} — must be ${allowed}`,
        );
    });
    out[name] = levels;
    points *= levels.length;
  }
  if (points > maxGridPoints)
    issues.push(`grid: ${points} points — at most ${maxGridPoints}; give fewer levels per variable`);
  return out;
}
