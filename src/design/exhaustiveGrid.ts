import { InputError } from '../validation/parseInput';
import { type EvaluatedDesign, errorMessage, settledEntry } from './evaluatedDesign';
import type { EvaluateDesign } from './runNsga2';
import { checkSearchSpace, type Design, designKey, type SearchSpace, variableNames } from './searchSpace';

/**
 * The levels of a reduced space, by variable name: for a real variable the values to try (in its
 * unit) or how many evenly spaced ones from lo to hi; for a whole-number variable the values to
 * try (default: every one). Choices always take every value.
 */
export type GridLevels = Readonly<Record<string, readonly number[] | number>>;

/** Most points a grid may have: a grid is for a comparison, and each point is a solve. */
export const MAX_GRID_POINTS = 1_000_000;

/** The values each variable takes on the grid, in canonical variable order. */
export function gridAxes(
  space: SearchSpace,
  levels: GridLevels = {},
): { name: string; values: Design[string][] }[] {
  checkSearchSpace(space);
  const issues: string[] = [];
  for (const name of Object.keys(levels))
    if (!Object.hasOwn(space, name)) issues.push(`levels.${name}: no such variable`);
  const axes = variableNames(space).map((name) => {
    const v = space[name];
    const given = Object.hasOwn(levels, name) ? levels[name] : undefined;
    const at = `levels.${name}`;
    if (v.kind === 'choice') {
      if (given !== undefined) issues.push(`${at}: ${JSON.stringify(given)} — a choice takes all its values`);
      return { name, values: [...v.values] };
    }
    if (typeof given === 'number') {
      if (v.kind === 'int' || !Number.isInteger(given) || given < 1 || given > MAX_GRID_POINTS) {
        issues.push(
          v.kind === 'int'
            ? `${at}: ${given} — a whole-number variable takes a list of levels, not a count`
            : `${at}: ${given} — a count of levels must be a whole number >= 1 and <= ${MAX_GRID_POINTS}`,
        );
        return { name, values: [] };
      }
      if (given === 1) return { name, values: [(v.lo + v.hi) / 2] };
      return {
        name,
        values: Array.from({ length: given }, (_, k) => v.lo + ((v.hi - v.lo) * k) / (given - 1)),
      };
    }
    if (given === undefined) {
      if (v.kind === 'int') {
        if (v.hi - v.lo + 1 > MAX_GRID_POINTS)
          issues.push(`${at}: every value of [${v.lo}, ${v.hi}] — too many`);
        else return { name, values: Array.from({ length: v.hi - v.lo + 1 }, (_, k) => v.lo + k) };
        return { name, values: [] };
      }
      if (v.hi === v.lo) return { name, values: [v.lo] };
      issues.push(`${at}: missing — a real variable on [${v.lo}, ${v.hi}] needs its levels or their count`);
      return { name, values: [] };
    }
    if (!Array.isArray(given) || given.length === 0) {
      issues.push(`${at}: ${JSON.stringify(given)} — must list at least one level`);
      return { name, values: [] };
    }
    const bad = given.find(
      (x) => typeof x !== 'number' || !(x >= v.lo && x <= v.hi) || (v.kind === 'int' && !Number.isInteger(x)),
    );
    if (bad !== undefined)
      issues.push(
        `${at}: ${String(bad)} (caller's unit) — levels must be ${v.kind === 'int' ? 'whole numbers ' : ''}in [${v.lo}, ${v.hi}]`,
      );
    return { name, values: [...new Set(given.map((x) => (x === 0 ? 0 : x)))] };
  });
  if (issues.length > 0) throw new InputError('grid levels', issues.slice(0, 20));
  return axes;
}

/** How many points the grid of `levels` has. */
export function gridSize(space: SearchSpace, levels: GridLevels = {}): number {
  return gridAxes(space, levels).reduce((n, a) => n * a.values.length, 1);
}

/**
 * Every combination of the grid's levels, the last variable (in canonical order) varying fastest.
 * Refuses a grid of more than `maxPoints` points before making any.
 */
export function exhaustiveGrid(
  space: SearchSpace,
  levels: GridLevels = {},
  maxPoints = MAX_GRID_POINTS,
): Design[] {
  const axes = gridAxes(space, levels);
  const size = axes.reduce((n, a) => n * a.values.length, 1);
  if (size > maxPoints)
    throw new InputError('grid levels', [`levels: ${size} grid points — at most ${maxPoints} are allowed`]);
  const designs: Design[] = [];
  const at = axes.map(() => 0);
  for (let p = 0; p < size; p++) {
    designs.push(Object.fromEntries(axes.map((a, i) => [a.name, a.values[at[i]]])));
    for (let i = axes.length - 1; i >= 0; i--) {
      at[i]++;
      if (at[i] < axes[i].values.length) break;
      at[i] = 0;
    }
  }
  return designs;
}

/**
 * Evaluate every point of a grid, `batchSize` at a time, into an archive like a search's (so
 * `bestFeasible` and `paretoFront` read both alike): the reference a search is measured against.
 */
export async function evaluateGrid(
  space: SearchSpace,
  levels: GridLevels,
  evaluate: EvaluateDesign,
  counts: { objectives: number; constraints?: number },
  batchSize = 64,
): Promise<EvaluatedDesign[]> {
  const designs = exhaustiveGrid(space, levels);
  const archive: EvaluatedDesign[] = [];
  const step = Number.isInteger(batchSize) && batchSize >= 1 ? batchSize : 1;
  for (let start = 0; start < designs.length; start += step) {
    const chunk = designs.slice(start, start + step);
    const settled = await Promise.all(
      chunk.map(async (design, k) => {
        const pending: EvaluatedDesign = {
          index: start + k,
          generation: 0,
          key: designKey(space, design),
          design,
          status: 'pending',
          objectives: [],
          constraints: [],
          violated: [],
        };
        try {
          return settledEntry(
            pending,
            await evaluate(design, pending.key),
            counts.objectives,
            counts.constraints ?? 0,
          );
        } catch (e) {
          return settledEntry(
            pending,
            { error: errorMessage(e) },
            counts.objectives,
            counts.constraints ?? 0,
          );
        }
      }),
    );
    archive.push(...settled);
  }
  return archive;
}
