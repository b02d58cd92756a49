import type { SymmetricCsc } from '../sparse/types';

/** Entrywise |A| (same pattern) or |x|. */
export function absolute(A: SymmetricCsc): SymmetricCsc;
export function absolute(x: Float64Array): Float64Array;
export function absolute(a: SymmetricCsc | Float64Array): SymmetricCsc | Float64Array {
  if (a instanceof Float64Array) return a.map(Math.abs);
  return { ...a, values: a.values.map(Math.abs) };
}

/**
 * The smallest out-of-balance force [N] a residual r = K u + … can be trusted to: K u sums
 * terms of size |K||u| whose rounding errors do not cancel. Very stiff plates raise it above a
 * tight tolerance; asking for less would only make the iteration chase rounding noise.
 */
export const ROUNDOFF_FACTOR = 64 * Number.EPSILON;
