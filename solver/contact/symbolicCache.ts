import { analyse } from '../sparse';
import type { AnalyseOptions, SymbolicFactor, SymmetricCsc } from '../sparse/types';

/**
 * Symbolic factorizations kept by sparsity pattern, so cases that share a mesh (a sweep, a
 * batch, the viewer re-solving after an edit) skip the ordering and the analysis.
 */
const cache = new Map<string, SymbolicFactor>();
const CAPACITY = 4;

/** FNV-1a over the pattern: cheap next to the analysis it saves. */
function fingerprint(A: SymmetricCsc): string {
  let h = 0x811c9dc5;
  const mix = (v: number) => {
    h ^= v;
    h = Math.imul(h, 0x01000193);
  };
  for (let i = 0; i < A.colPtr.length; i++) mix(A.colPtr[i]);
  for (let i = 0; i < A.rowIdx.length; i++) mix(A.rowIdx[i]);
  return `${A.n}:${A.rowIdx.length}:${(h >>> 0).toString(16)}`;
}

/** `analyse(A, options)`, or the analysis of an identical pattern done before. */
export function cachedAnalyse(A: SymmetricCsc, options: AnalyseOptions, geometryKey: string): SymbolicFactor {
  const key = `${fingerprint(A)}|${geometryKey}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit); // most recently used last
    return { ...hit, describeDof: options.describeDof };
  }
  const sym = analyse(A, options);
  cache.set(key, sym);
  if (cache.size > CAPACITY) cache.delete(cache.keys().next().value!);
  return sym;
}

/** A key for node coordinates (they steer geometric nested dissection). */
export function coordinatesKey(coords: Float64Array): string {
  let h = 0x811c9dc5;
  const f = new Int32Array(coords.buffer, coords.byteOffset, coords.length * 2);
  for (let i = 0; i < f.length; i++) {
    h ^= f[i];
    h = Math.imul(h, 0x01000193);
  }
  return `${coords.length}:${(h >>> 0).toString(16)}`;
}
