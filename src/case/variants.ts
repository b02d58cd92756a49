import { seededRandom } from '../model/seededRandom';
import { InputError } from '../validation/parseInput';

/** Keys that reach an object's prototype instead of its own data. */
const prototypeKeys = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A case path such as `plates.top.thickness` or `bolts.positions[2].x`, split into keys. Throws
 * InputError for a malformed path and for `__proto__`, `constructor` or `prototype` in it.
 */
export function pathKeys(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m || (m[1] === '' && m[2] === ''))
      throw new InputError('path', [
        `${path}: not a case path — write it like plates.top.thickness or bolts.positions[2].x`,
      ]);
    if (prototypeKeys.has(m[1]))
      throw new InputError('path', [
        `${path}: "${m[1]}" is not a case key — a path may not contain __proto__, constructor or prototype`,
      ]);
    if (m[1]) keys.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) keys.push(Number(idx[1]));
  }
  return keys;
}

/**
 * The child of `v` at `key` when `v` holds it itself: a list by index, an object by own key —
 * never anything inherited (`valueOf`, `toString`) nor a list's `length`.
 */
function ownChild(v: unknown, key: string | number): { value: unknown } | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  if (Array.isArray(v)) return typeof key === 'number' && key < v.length ? { value: v[key] } : undefined;
  return typeof key === 'string' && Object.hasOwn(v, key)
    ? { value: (v as Record<string, unknown>)[key] }
    : undefined;
}

/** The value at `path` in `obj` (own properties only), or undefined. */
export function getPath(obj: unknown, path: string): unknown {
  let v: unknown = obj;
  for (const k of pathKeys(path)) {
    const child = ownChild(v, k);
    if (!child) return undefined;
    v = child.value;
  }
  return v;
}

/**
 * A deep copy of `obj` with `value` at `path`. Every key but the last must exist as an own
 * property (InputError otherwise); the last may be new, unless its parent is a list.
 */
export function withPath<T>(obj: T, path: string, value: unknown): T {
  const keys = pathKeys(path);
  const copy = structuredClone(obj);
  let parent: unknown = copy;
  for (const k of keys.slice(0, -1)) {
    const child = ownChild(parent, k);
    if (!child) throw new InputError('path', [`${path}: ${JSON.stringify(k)} is not in the case`]);
    parent = child.value;
  }
  const last = keys[keys.length - 1];
  const fits = Array.isArray(parent)
    ? typeof last === 'number' && last < parent.length
    : parent !== null && typeof parent === 'object' && typeof last === 'string';
  if (!fits) throw new InputError('path', [`${path}: ${JSON.stringify(last)} cannot be set in the case`]);
  (parent as Record<string | number, unknown>)[last] = value;
  return copy;
}

/** One varied input: its path and the values it takes. */
export interface Factor {
  path: string;
  values: unknown[];
}

/** Every combination of the factors' values (full factorial), the first factor varying slowest. */
export function fullFactorial(factors: Factor[]): Record<string, unknown>[] {
  for (const f of factors) pathKeys(f.path);
  let rows: Record<string, unknown>[] = [{}];
  for (const f of factors) rows = rows.flatMap((r) => f.values.map((v) => ({ ...r, [f.path]: v })));
  return rows;
}

/** A sampled input: its path, range and whether it takes whole numbers. */
export interface Range {
  path: string;
  lo: number;
  hi: number;
  integer: boolean;
}

/**
 * A seeded Latin hypercube of `n` points: each range is cut into n equal strata and every stratum
 * is used exactly once, at a random point inside it; strata are shuffled independently per range.
 */
export function latinHypercube(ranges: Range[], n: number, seed: number): Record<string, number>[] {
  for (const r of ranges) pathKeys(r.path);
  const rng = seededRandom(seed);
  const rows: Record<string, number>[] = Array.from({ length: n }, () => ({}));
  for (const r of ranges) {
    const strata = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng.uniform() * (i + 1));
      [strata[i], strata[j]] = [strata[j], strata[i]];
    }
    for (let i = 0; i < n; i++) {
      const v = r.lo + ((strata[i] + rng.uniform()) / n) * (r.hi - r.lo);
      rows[i][r.path] = r.integer ? Math.round(v) : v;
    }
  }
  return rows;
}
