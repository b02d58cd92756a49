import { seededRandom } from '../model/seededRandom';
import { InputError } from '../validation/parseInput';

/** A case path such as `plates.top.thickness` or `bolts.positions[2].x`, split into keys. */
export function pathKeys(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m || (m[1] === '' && m[2] === ''))
      throw new InputError('path', [
        `${path}: not a case path — write it like plates.top.thickness or bolts.positions[2].x`,
      ]);
    if (m[1]) keys.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) keys.push(Number(idx[1]));
  }
  return keys;
}

/** The value at `path` in `obj`, or undefined. */
export function getPath(obj: unknown, path: string): unknown {
  let v: unknown = obj;
  for (const k of pathKeys(path)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

/** A deep copy of `obj` with `value` at `path`; the parent of the last key must exist. */
export function withPath<T>(obj: T, path: string, value: unknown): T {
  const copy = structuredClone(obj);
  const keys = pathKeys(path);
  let parent: unknown = copy;
  for (const k of keys.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[k];
  (parent as Record<string | number, unknown>)[keys[keys.length - 1]] = value;
  return copy;
}

/** One varied input: its path and the values it takes. */
export interface Factor {
  path: string;
  values: unknown[];
}

/** Every combination of the factors' values (full factorial), the first factor varying slowest. */
export function fullFactorial(factors: Factor[]): Record<string, unknown>[] {
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
