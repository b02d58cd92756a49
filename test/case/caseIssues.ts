import { checkCase } from '../../src/case/checkCase';
import { InputError } from '../../src/validation/parseInput';

/** The issues checkCase reports for `raw` (empty when the case is valid); other errors are thrown. */
export function issuesOf(raw: unknown): string[] {
  try {
    checkCase(raw);
  } catch (e) {
    if (e instanceof InputError) return e.issues;
    throw e;
  }
  return [];
}
