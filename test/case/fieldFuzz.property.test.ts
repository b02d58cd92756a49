import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ContactConvergenceError } from '../../solver/contact/contactSolver';
import { caseSchema } from '../../src/case/schema';
import { getPath, withPath } from '../../src/case/variants';
import { balanceLimit, ResultRefusedError } from '../../src/results/stateChecks';
import { solveCase, summaryOf } from '../../src/solveCase';
import { InputError } from '../../src/validation/parseInput';
import { numericLeaves } from './numericLeaves';

/**
 * Hostile values in any numeric field of a real case: every generated case is refused as bad
 * input (InputError, exit 2), refused as a result (ResultRefusedError or ContactConvergenceError,
 * exit 1, no map), or solves with every load state in force balance and no NaN or Infinity
 * anywhere in its summary or maps. Any other outcome — a TypeError, a RangeError, a NaN that
 * slipped through — fails the property.
 */
const base = withPath(
  withPath(
    JSON.parse(readFileSync(join(import.meta.dirname, '../../cases/fig5b-springs-gaskets.json'), 'utf8')),
    'mesh',
    { size: 10 },
  ),
  'stack.swelling',
  { type: 'thickness', value: 0.01 },
);

/** Every numeric field of the case; the mesh and grid are left out so a run stays short. */
const paths = numericLeaves(base)
  .map(([p]) => p)
  .filter((p) => !p.startsWith('mesh') && !p.startsWith('output'));

const hostileValue = fc.oneof(
  fc.double(), // includes NaN, ±Infinity, −0, subnormals
  fc.double({ min: -10, max: 10, noNaN: true }).map((x) => x * 10 ** Math.round(x)),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constantFrom(0, -1, 1, 0.5, 2, 1e308, -1e308, 1e-300, 5e-324, 1e6, 1e-6),
  fc.constantFrom<unknown>('12', '', null, true, [], {}, [1, 2]),
);

/** The field's own value scaled by 10^u, u in [−2, 2]: mostly plausible cases, some far outside. */
const scaledValue = (path: string) =>
  fc.double({ min: -2, max: 2, noNaN: true }).map((u) => (getPath(base, path) as number) * 10 ** u);

const mutation = fc.array(
  fc
    .constantFrom(...paths)
    .chain((path) =>
      fc.tuple(fc.constant(path), fc.oneof(hostileValue, scaledValue(path), scaledValue(path))),
    ),
  { minLength: 1, maxLength: 3 },
);

const outcomes = { input: 0, refused: 0, solved: 0 };
afterAll(() => console.log('hostile field values:', JSON.stringify(outcomes)));

describe('hostile values in the case fields (property)', () => {
  it('are refused as input, refused as a result, or solve in force balance with no NaN', () => {
    fc.assert(
      fc.property(mutation, (changes) => {
        let raw: unknown = base;
        for (const [path, value] of changes) raw = withPath(raw, path, value);
        let result: ReturnType<typeof solveCase>;
        try {
          result = solveCase(raw);
        } catch (e) {
          if (e instanceof InputError) {
            outcomes.input++;
            // every message names a field and what is allowed, never a bare NaN or a JS error
            for (const m of e.issues) expect(m).toMatch(/^[\w.[\]()]+: .+ — .+/);
            return;
          }
          if (e instanceof ResultRefusedError || e instanceof ContactConvergenceError) {
            outcomes.refused++;
            return;
          }
          throw e;
        }
        outcomes.solved++;
        const c = caseSchema.parse(raw);
        const limit = balanceLimit(c);
        expect(result.balance.relResidual).toBeLessThanOrEqual(limit);
        if (result.swelling) expect(result.swelling.balance.relResidual).toBeLessThanOrEqual(limit);
        expect(numericLeaves(summaryOf(result)).filter(([, v]) => !Number.isFinite(v))).toEqual([]);
        for (const p of result.fields.pressure)
          for (const v of p.grid.values) expect(Number.isFinite(v)).toBe(true);
      }),
      { numRuns: 120, seed: 20261201 },
    );
  }, 300_000);
});
