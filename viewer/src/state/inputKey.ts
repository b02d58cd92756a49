import { canonicalJson } from '../../../src/case/canonicalJson';

/**
 * A canonical key of a case input: JSON with object keys sorted and undefined members dropped, so
 * two inputs that solve the same case give the same key whatever their key order. The store
 * compares the key of the current inputs with the key of the inputs the shown result was solved
 * from to tell a current result from a stale one.
 */
export function inputKey(input: unknown): string {
  return canonicalJson(input);
}
