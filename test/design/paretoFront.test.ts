import { describe, expect, it } from 'vitest';
import type { DesignStatus, EvaluatedDesign } from '../../src/design/evaluatedDesign';
import { crowdingDistances, nondominatedFronts } from '../../src/design/nondominatedSort';
import { bestFeasible, paretoFront } from '../../src/design/paretoFront';

/** An archive entry with the given objectives (mass kg, CoV) and status. */
const entry = (index: number, objectives: number[], status: DesignStatus = 'feasible'): EvaluatedDesign => ({
  index,
  generation: 0,
  key: `d${index}`,
  design: { i: index },
  status,
  objectives: status === 'failed' ? [] : objectives,
  constraints: [],
  violated: [],
});

describe('Pareto front of an archive', () => {
  // by hand: 0 (1, 0.30), 2 (2, 0.10), 4 (3, 0.05) and 5 (2, 0.10, a tie with 2) are non-dominated;
  // 1 (1.5, 0.35) is dominated by 0, 3 (2.5, 0.12) by 2; 6 and 7 would dominate all but are not feasible
  const archive = [
    entry(0, [1, 0.3]),
    entry(1, [1.5, 0.35]),
    entry(2, [2, 0.1]),
    entry(3, [2.5, 0.12]),
    entry(4, [3, 0.05]),
    entry(5, [2, 0.1]),
    entry(6, [0.1, 0.01], 'infeasible'),
    entry(7, [], 'failed'),
  ];

  it('keeps the non-dominated feasible designs, ties both, sorted by the first objective', () => {
    expect(paretoFront(archive).map((e) => e.index)).toEqual([0, 2, 5, 4]);
    expect(paretoFront([...archive].reverse()).map((e) => e.index)).toEqual([0, 2, 5, 4]);
    expect(paretoFront([])).toEqual([]);
  });

  it('the best feasible design for a criterion, with a limit on another objective', () => {
    expect(bestFeasible(archive, { objective: 0 })?.index).toBe(0);
    expect(bestFeasible(archive, { objective: 1 })?.index).toBe(4);
    expect(bestFeasible(archive, { objective: 0, limits: [{ objective: 1, max: 0.1 }] })?.index).toBe(2);
    expect(bestFeasible(archive, { objective: 0, limits: [{ objective: 1, max: 0.01 }] })).toBeUndefined();
  });
});

describe('ranking (Deb et al. 2002; Deb 2000)', () => {
  it('fronts by constrained domination: feasible by Pareto rank, then infeasible by violation, failed last', () => {
    const items = [
      { objectives: [1, 4], violation: 0 },
      { objectives: [2, 2], violation: 0 },
      { objectives: [3, 3], violation: 0 }, // dominated by 1
      { objectives: [0, 0], violation: 0.5 },
      { objectives: [0, 0], violation: 0.2 },
      { objectives: [], violation: Number.POSITIVE_INFINITY },
      { objectives: [], violation: Number.POSITIVE_INFINITY },
    ];
    expect(nondominatedFronts(items)).toEqual([[0, 1], [2], [4], [3], [5, 6]]);
  });

  it('crowding distance: ends infinite, inner points the sum of normalised neighbour gaps', () => {
    const items = [0, 1, 3, 4].map((x) => ({ objectives: [x, 4 - x], violation: 0 }));
    // inner point at x = 1: (3 − 0)/4 in each objective; at x = 3: (4 − 1)/4 in each
    expect(crowdingDistances(items, [0, 1, 2, 3])).toEqual([
      Number.POSITIVE_INFINITY,
      1.5,
      1.5,
      Number.POSITIVE_INFINITY,
    ]);
    expect(crowdingDistances([{ objectives: [], violation: Number.POSITIVE_INFINITY }], [0])).toEqual([0]);
  });
});
