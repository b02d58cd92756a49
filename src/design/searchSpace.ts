import type { SeededRandom } from '../model/seededRandom';
import { InputError } from '../validation/parseInput';

/** A continuous variable on [lo, hi]; its unit is the caller's. */
export interface RealVariable {
  readonly kind: 'real';
  readonly lo: number;
  readonly hi: number;
}

/** A whole-number variable on [lo, hi] (both whole). */
export interface IntVariable {
  readonly kind: 'int';
  readonly lo: number;
  readonly hi: number;
}

/** A value of a categorical variable: a preset name, a size, a switch or "none". */
export type ChoiceValue = string | number | boolean | null;

/** A categorical variable: one of `values`, with no order among them. */
export interface ChoiceVariable {
  readonly kind: 'choice';
  readonly values: readonly ChoiceValue[];
}

export type Variable = RealVariable | IntVariable | ChoiceVariable;

/** The variables of a problem by name. */
export type SearchSpace = Readonly<Record<string, Variable>>;

/** One design: a value for every variable of its space, keyed by variable name. */
export type Design = Readonly<Record<string, ChoiceValue>>;

/**
 * The variable names in canonical (sorted) order: a design's key and its genome follow it, so that
 * the order in which a spec lists its variables changes neither.
 */
export function variableNames(space: SearchSpace): readonly string[] {
  let names = sortedNames.get(space);
  if (names === undefined || names.length !== Object.keys(space).length) {
    names = Object.keys(space).sort();
    sortedNames.set(space, names);
  }
  return names;
}

/**
 * Sorted names by space: a search reads them for every design it breeds, and sorting a long list
 * each time cost more than the breeding. A space is read as immutable once a search has it.
 */
const sortedNames = new WeakMap<SearchSpace, readonly string[]>();

/** Most variables a space may have: far beyond any housing, small enough to keep a genome cheap. */
export const MAX_VARIABLES = 1000;

/** Refuse a space that no search can use: each issue names the variable, its value and what is allowed. */
export function checkSearchSpace(space: SearchSpace): void {
  const issues: string[] = [];
  const names = space && typeof space === 'object' ? Object.keys(space) : [];
  if (names.length === 0) issues.push('variables: none — a search needs at least one variable');
  if (names.length > MAX_VARIABLES)
    issues.push(`variables: ${names.length} variables — at most ${MAX_VARIABLES} are allowed`);
  for (const name of names.slice(0, MAX_VARIABLES)) issues.push(...variableIssues(name, space[name]));
  if (issues.length > 0) throw new InputError('search space', issues.slice(0, 20));
}

function variableIssues(name: string, v: Variable): string[] {
  const at = `variables.${name}`;
  if (!v || typeof v !== 'object') return [`${at}: ${String(v)} — must be a real, int or choice variable`];
  if (v.kind === 'real' || v.kind === 'int') {
    const whole = v.kind === 'int';
    const bound = (b: 'lo' | 'hi') => {
      const x = v[b];
      if (typeof x !== 'number' || !Number.isFinite(x))
        return [`${at}.${b}: ${String(x)} (caller's unit) — must be a finite number`];
      if (whole && !Number.isSafeInteger(x)) return [`${at}.${b}: ${x} — must be a whole number`];
      return [];
    };
    const bad = [...bound('lo'), ...bound('hi')];
    if (bad.length > 0) return bad;
    if (v.lo > v.hi) return [`${at}.lo: ${v.lo} (caller's unit) — must be <= hi (${v.hi})`];
    // a draw is lo + (hi − lo)·u: a width past the largest double would draw Infinity
    if (!Number.isFinite(v.hi - v.lo))
      return [`${at}: [${v.lo}, ${v.hi}] (caller's unit) — the range hi − lo must be a finite number`];
    return [];
  }
  if (v.kind === 'choice') {
    if (!Array.isArray(v.values) || v.values.length === 0)
      return [`${at}.values: ${JSON.stringify(v.values)} — must list at least one value`];
    const seen = new Set<string>();
    const issues: string[] = [];
    for (const value of v.values) {
      const ok =
        value === null ||
        typeof value === 'string' ||
        typeof value === 'boolean' ||
        (typeof value === 'number' && Number.isFinite(value));
      if (!ok)
        issues.push(`${at}.values: ${String(value)} — must be a string, finite number, boolean or null`);
      else if (seen.has(valueKey(value)))
        issues.push(`${at}.values: ${JSON.stringify(value)} — listed twice`);
      seen.add(valueKey(value));
    }
    return issues;
  }
  return [`${at}.kind: ${JSON.stringify((v as { kind?: unknown }).kind)} — must be real, int or choice`];
}

/** -0 and 0 are one design; JSON prints the shortest round-trip number, the same on every machine. */
function valueKey(value: ChoiceValue): string {
  return JSON.stringify(typeof value === 'number' && value === 0 ? 0 : value);
}

/**
 * The canonical key of a design: the same design gives the same key whatever the order of its
 * fields, so a search never evaluates one design twice.
 */
export function designKey(space: SearchSpace, design: Design): string {
  return `{${variableNames(space)
    .map((n) => `${JSON.stringify(n)}:${valueKey(design[n])}`)
    .join(',')}}`;
}

/** Refuse a design that is not a point of `space` (a caller's starting design, say). */
export function checkDesign(space: SearchSpace, design: Design, what = 'design'): void {
  const issues = designIssues(space, design, what);
  if (issues.length > 0) throw new InputError(what, issues.slice(0, 20));
}

/** Whether `design` gives every variable of `space` a value it allows (other fields are ignored). */
export function isDesignOf(space: SearchSpace, design: Design): boolean {
  return designIssues(space, design, 'design').length === 0;
}

function designIssues(space: SearchSpace, design: Design, what: string): string[] {
  const issues: string[] = [];
  for (const name of variableNames(space)) {
    const v = space[name];
    const x = design && Object.hasOwn(design, name) ? design[name] : undefined;
    const at = `${what}.${name}`;
    if (v.kind === 'choice') {
      if (!v.values.some((c) => valueKey(c) === valueKey(x as ChoiceValue)))
        issues.push(
          `${at}: ${JSON.stringify(x)} — must be one of ${v.values.map((c) => JSON.stringify(c)).join(', ')}`,
        );
    } else if (typeof x !== 'number' || !Number.isFinite(x) || x < v.lo || x > v.hi) {
      issues.push(`${at}: ${String(x)} (caller's unit) — must be a number in [${v.lo}, ${v.hi}]`);
    } else if (v.kind === 'int' && !Number.isInteger(x)) {
      issues.push(`${at}: ${x} — must be a whole number in [${v.lo}, ${v.hi}]`);
    }
  }
  return issues;
}

/**
 * A design as a genome: one number per variable in canonical order, a choice as the index of its
 * value. Variation operators work on genomes; callers see designs.
 */
export function encodeDesign(space: SearchSpace, design: Design): number[] {
  return variableNames(space).map((n) => {
    const v = space[n];
    if (v.kind !== 'choice') return design[n] as number;
    const k = valueKey(design[n]);
    return v.values.findIndex((c) => valueKey(c) === k);
  });
}

/** The design of a genome (the inverse of `encodeDesign`); -0 becomes 0. */
export function decodeDesign(space: SearchSpace, genome: readonly number[]): Design {
  // fromEntries defines own fields, so a variable named "__proto__" stays a field of the design
  return Object.fromEntries(
    variableNames(space).map((n, i) => {
      const v = space[n];
      return [n, v.kind === 'choice' ? v.values[genome[i]] : genome[i] === 0 ? 0 : genome[i]];
    }),
  );
}

/** A uniformly random design of `space` (continuous uniform, whole numbers and choices equally likely). */
export function randomDesign(space: SearchSpace, random: SeededRandom): Design {
  const genome = variableNames(space).map((n) => {
    const v = space[n];
    if (v.kind === 'real') return v.lo + (v.hi - v.lo) * random.uniform();
    if (v.kind === 'int') return v.lo + Math.floor((v.hi - v.lo + 1) * random.uniform());
    return Math.floor(v.values.length * random.uniform());
  });
  return decodeDesign(space, genome);
}

/**
 * How many distinct designs `space` holds: Infinity when a real variable has a range, so that a
 * search over a small discrete space knows when it has seen every design.
 */
export function spaceSize(space: SearchSpace): number {
  let size = 1;
  for (const n of variableNames(space)) {
    const v = space[n];
    if (v.kind === 'real') size *= v.hi > v.lo ? Number.POSITIVE_INFINITY : 1;
    else if (v.kind === 'int') size *= v.hi - v.lo + 1;
    else size *= v.values.length;
  }
  return size;
}
