import { nominalPreload } from '../case/checkCase';
import { InputError } from '../validation/parseInput';
import { shownValue } from '../validation/shownValue';
import { boltRingOf } from './designBolts';
import { admits, type DesignProblem, type DesignValue } from './designProblem';
import { type DesignVariableName, designVariableNames, designVariableUnits } from './designSpec';

/** A design: one value per declared variable, keyed by the variable's name. */
export type DesignValues = Partial<Record<DesignVariableName, DesignValue>>;

/** One variable of the optimiser's search space (units are the variable's, see designVariableUnits). */
export type SearchVariable =
  | { kind: 'real'; lo: number; hi: number }
  | { kind: 'int'; lo: number; hi: number }
  | { kind: 'choice'; values: DesignValue[] };

const integerVariables: ReadonlySet<DesignVariableName> = new Set(['springCount', 'boltsPerEdge']);

/** The declared variables as the optimiser's search space, in the spec's variable order. */
export function designSearchSpace(
  problem: DesignProblem,
): Partial<Record<DesignVariableName, SearchVariable>> {
  const out: Partial<Record<DesignVariableName, SearchVariable>> = {};
  for (const name of designVariableNames) {
    const def = problem.variables[name];
    if (def === undefined) continue;
    out[name] = Array.isArray(def)
      ? { kind: 'choice', values: [...def] }
      : { kind: integerVariables.has(name) ? 'int' : 'real', lo: def.min, hi: def.max };
  }
  return out;
}

/**
 * The base case's own value of every variable it has (a design of the base case itself): plate
 * thicknesses and material, pads, springs, bolts per edge (when its bolts are a ring), bolt size,
 * interleaf and the nominal preload [N]; only the declared variables are kept. A base value outside
 * its variable's range is kept as it is (the base case need not be in the search space).
 */
export function baseDesignValues(problem: DesignProblem): DesignValues {
  const c = problem.base;
  const out: DesignValues = {};
  out.topThickness = c.plates.top.thickness;
  if (!('rigid' in c.plates.bottom)) out.bottomThickness = c.plates.bottom.thickness;
  if (typeof c.plates.top.material === 'string') out.plateMaterial = c.plates.top.material;
  out.usePads = c.gaskets.length > 0;
  const pad = c.gaskets[0];
  if (pad) {
    if (pad.law.type === 'shore') out.padHardness = pad.law.hardness;
    out.padThickness = pad.thickness;
  }
  out.useSprings = c.bolts.springs !== undefined;
  if (c.bolts.springs) {
    out.springRate = c.bolts.springs.rate;
    out.springCount = c.bolts.springs.count;
  }
  const ring = boltRingOf(c.bolts.positions);
  if (ring) out.boltsPerEdge = ring.perEdge;
  out.boltDiameter = c.bolts.diameter;
  out.useInterleaf = c.stack.interleaf !== undefined;
  out.preload = nominalPreload(c);
  const declared: DesignValues = {};
  for (const name of designVariableNames)
    if (problem.variables[name] !== undefined && out[name] !== undefined) declared[name] = out[name];
  return declared;
}

/**
 * A design checked against the problem: an object with exactly the declared variables, each in
 * its range or among its choices. A design arrives from a queue or a file, so anything else is an
 * InputError naming the variable, its value and what is allowed.
 */
export function checkDesignValues(problem: DesignProblem, raw: unknown): DesignValues {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new InputError('design', [`(design): ${shownValue(raw)} — must be an object of variable values`]);
  const issues: string[] = [];
  const given = raw as Record<string, unknown>;
  const out: DesignValues = {};
  for (const key of Object.keys(given))
    if (
      !(designVariableNames as string[]).includes(key) ||
      problem.variables[key as DesignVariableName] === undefined
    )
      issues.push(
        `${shownValue(key, 40)}: not a variable of this problem — the design's keys are its declared variables`,
      );
  for (const name of designVariableNames) {
    const def = problem.variables[name];
    if (def === undefined) continue;
    const value = Object.hasOwn(given, name) ? given[name] : undefined;
    const unit = designVariableUnits[name] ? ` ${designVariableUnits[name]}` : '';
    if (!admits(problem.variables, name, value)) {
      const allowed = Array.isArray(def)
        ? `must be one of ${def.map((c) => shownValue(c)).join(', ')}`
        : `must be a ${integerVariables.has(name) ? 'whole number' : 'number'} >= ${def.min} and <= ${def.max}${unit}`;
      issues.push(
        `${name}: ${value === undefined ? 'required' : `${shownValue(value)}${typeof value === 'number' ? unit : ''}`} — ${allowed}`,
      );
    } else out[name] = value as DesignValue;
  }
  if (issues.length > 0) throw new InputError('design', issues.slice(0, 20));
  return out;
}

/**
 * The reduced space of the exhaustive grid, in the shape the grid search takes: each choice
 * variable narrowed to its grid levels (the search tries every choice), each real or whole-number
 * variable with its grid levels as the values to try.
 */
export function designGridSpace(problem: DesignProblem): {
  space: Partial<Record<DesignVariableName, SearchVariable>>;
  levels: Partial<Record<DesignVariableName, number[]>>;
} {
  const space = designSearchSpace(problem);
  const levels: Partial<Record<DesignVariableName, number[]>> = {};
  for (const name of designVariableNames) {
    const v = space[name];
    const grid = problem.grid[name];
    if (v === undefined || grid === undefined) continue;
    if (v.kind === 'choice') space[name] = { kind: 'choice', values: [...grid] };
    else levels[name] = grid.filter((x): x is number => typeof x === 'number');
  }
  return { space, levels };
}
