import { Fingerprint } from './fingerprint';
import { analyse } from './symbolic';
import type { AnalyseOptions, SymbolicFactor, SymmetricCsc } from './types';

/**
 * Symbolic factorizations kept by sparsity pattern, so cases that share a mesh (a sweep, a
 * batch, the viewer re-solving after an edit) skip the ordering and the analysis.
 */
const cache = new Map<string, SymbolicFactor>();
const CAPACITY = 4;

/** The pattern's fingerprint: cheap next to the analysis it saves. */
function fingerprint(A: SymmetricCsc): string {
  return `${A.n}:${A.rowIdx.length}:${new Fingerprint().words(A.colPtr).words(A.rowIdx)}`;
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
  return `${coords.length}:${new Fingerprint().floats(coords)}`;
}
