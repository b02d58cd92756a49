import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../src/case/schema';
import type { HistoryState } from '../../src/history/historyResult';
import type { RegularGrid } from '../../src/results/pressureMap';
import { ResultRefusedError } from '../../src/results/stateChecks';
import { type CaseResult, solveCase, summaryOf } from '../../src/solveCase';
import { loadCase, symmetricCase } from '../contact/caseFixtures';

/**
 * Invariants every solved life history must keep, whatever its loads: each state in force balance,
 * no tension anywhere, Newton descending in energy, symmetry kept, no non-finite number, a verdict
 * that agrees with its own rows, factorizations reused across equal steps, reversible breathing.
 * Each expected value is recomputed here from the rows and the inputs, not read from the verdict.
 * Small meshes and few cycles keep the file to a few seconds.
 */

/** A relaxing pad over the whole footprint: a linear table law, one Prony term. */
const relaxingPad = {
  side: 'top' as const,
  thickness: 2,
  law: { type: 'table' as const, closure: [0, 1], pressure: [0, 40] },
  relaxation: { type: 'prony' as const, terms: [{ weight: 0.3, tau: 6 }] },
};

/**
 * Everything at once on the cycling-springs module (random flatness, springs, scatter): breathing,
 * growth, a daily temperature swing and a relaxing pad, 3 cycles of 4 states on an 8 mm mesh.
 */
function richCase(): CaseInput {
  const c = loadCase('cycling-springs');
  c.mesh = { size: 8 };
  c.gaskets = [relaxingPad];
  c.history = { ...c.history, cycles: { count: 3, hoursPerCycle: 4, statesPerCycle: 4 } };
  return c;
}

interface Step {
  step: string;
  iteration: number;
  residual: number;
  energy: number;
}

/** The solve with every Newton step recorded, grouped into one list per solve (a new one at iteration 1). */
function solveRecorded(c: CaseInput): { result: CaseResult; solves: Step[][] } {
  const steps: Step[] = [];
  const result = solveCase(c, { onIteration: (s) => steps.push({ ...s }) });
  const solves: Step[][] = [];
  for (const s of steps) {
    if (s.iteration === 1) solves.push([]);
    solves.at(-1)!.push(s);
  }
  return { result, solves };
}

const rich = solveRecorded(richCase());
const richStates = () => rich.result.history!.states;

describe('life history invariants: every state of a rich history', () => {
  const tolerance = rich.result.fields.case.solver.tolerance;

  it('has 13 states (load-up and 3 cycles × 4) and the case tolerance of 1e-9', () => {
    expect(richStates()).toHaveLength(13);
    expect(tolerance).toBe(1e-9);
  });

  it('meets the force balance |Σ bolt − ∫p dA| / Σ bolt ≤ the case tolerance (1e-9), recomputed from the row', () => {
    for (const s of richStates()) {
      const recomputed = Math.abs(s.boltForce.total - s.pressure.force) / s.boltForce.total;
      expect(recomputed, s.label).toBeLessThanOrEqual(tolerance);
      // the row's own figure is that same quotient (to round-off of the division, 1e-15)
      expect(Math.abs(s.relResidual - recomputed), s.label).toBeLessThan(1e-15);
      // ∫p dA is the mean pressure times the footprint area (1e-12 relative: one sum, two roundings)
      expect(Math.abs(s.pressure.mean * s.pressure.area - s.pressure.force) / s.pressure.force).toBeLessThan(
        1e-12,
      );
    }
  });

  it('ends every Newton solve at a residual ≤ the case tolerance (1e-9) of the bolt load', () => {
    const solved = richStates().filter((s) => s.newtonIterations > 0);
    // one recorded solve per state that needed Newton steps, in order, with as many steps
    expect(rich.solves.map((s) => s.length)).toEqual(solved.map((s) => s.newtonIterations));
    for (const steps of rich.solves) expect(steps.at(-1)!.residual).toBeLessThanOrEqual(tolerance);
    // every history state after load-up needed work: the loads change from each state to the next
    expect(solved.length).toBeGreaterThan(1);
  });

  it('lowers the total potential energy at every Newton step of every solve', () => {
    for (const steps of rich.solves) {
      for (let i = 1; i < steps.length; i++) {
        // the line search accepts E_new ≤ E_old + 1e-12·(|E| + 1e-3 · total preload) of round-off
        const slack = 1e-12 * (Math.abs(steps[i - 1].energy) + 1e-3 * 8 * 6250 * 1.03);
        expect(steps[i].energy, `iteration ${steps[i].iteration}`).toBeLessThanOrEqual(
          steps[i - 1].energy + slack,
        );
      }
    }
  });

  it('carries no tension: the least point pressure of every state and interface is ≥ 0', () => {
    for (const s of richStates()) {
      for (const itf of s.interfaces) {
        expect(itf.pressure.min, `${s.label}, ${itf.name}`).toBeGreaterThanOrEqual(0);
        expect(itf.pressure.p5, `${s.label}, ${itf.name}`).toBeGreaterThanOrEqual(0);
      }
    }
    // and on the maps of every state (interpolated from nodal values, so ≥ 0 as well)
    for (const g of rich.result.fields.history!.grids)
      for (const v of g.values) expect(v).toBeGreaterThanOrEqual(0);
  });

  it('holds no NaN or Infinity anywhere in summaryOf(result).history', () => {
    const bad: string[] = [];
    let numbers = 0;
    const walk = (v: unknown, at: string) => {
      if (typeof v === 'number') {
        numbers++;
        if (!Number.isFinite(v)) bad.push(`${at} = ${v}`);
      } else if (Array.isArray(v)) for (const [i, x] of v.entries()) walk(x, `${at}[${i}]`);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${at}.${k}`);
    };
    const history = summaryOf(rich.result).history;
    walk(history, 'history');
    expect(bad).toEqual([]);
    // the walk went through every row: 13 states of more than 40 numbers each
    expect(numbers).toBeGreaterThan(13 * 40);
    // and the summary survives JSON unchanged (no NaN turned into null on the way to result.json)
    expect(JSON.parse(JSON.stringify(history))).toEqual(history);
  });

  it('has a verdict consistent with its rows: share inside, the worst excess, its index', () => {
    const h = rich.result.history!;
    const { min, max } = h.window;
    expect(h.window.statistic).toBe('mean');
    const inside = h.states.filter((s) => s.pressure.mean >= min && s.pressure.mean <= max);
    for (const s of h.states)
      expect(s.inWindow, s.label).toBe(s.pressure.mean >= min && s.pressure.mean <= max);
    expect(h.verdict.statesInWindow).toBe(inside.length);
    expect(h.verdict.fractionInWindow).toBe(inside.length / h.states.length);
    // the excess of a state: how far its mean lies outside [min, max] (negative inside)
    const excess = (s: HistoryState) => Math.max(min - s.pressure.mean, s.pressure.mean - max);
    const largest = Math.max(...h.states.map(excess));
    expect(h.verdict.worst.excess).toBe(largest);
    expect(excess(h.states[h.verdict.worst.index])).toBe(largest);
    expect(h.verdict.worst.label).toBe(h.states[h.verdict.worst.index].label);
    // the default maps are load-up, the worst state and the last
    expect(h.mapStates).toEqual([...new Set([0, h.verdict.worst.index, 12])].sort((a, b) => a - b));
  });
});

describe('life history invariants: a stack with an interleaf plate and pads on both sides', () => {
  it('every interface carries the whole bolt force (in series, 1e-9) and no tension, in every state', () => {
    const c: CaseInput = {
      ...symmetricCase(8),
      gaskets: [{ ...relaxingPad, side: 'both' }],
      history: {
        cycles: { count: 2, statesPerCycle: 4 },
        breathing: { type: 'table', soc: [0, 1], thickness: [0, 0.004] },
        temperature: { type: 'daily', mean: 5, amplitude: 10, periodHours: 6 },
      },
    };
    c.stack = { ...c.stack, interleaf: { every: 2, thickness: 5, material: 'al-6061-t6' } };
    const h = solveCase(c).history!;
    expect(h.states[0].interfaces).toHaveLength(2);
    for (const s of h.states) {
      for (const itf of s.interfaces) {
        // the interleaf plate floats: whatever the bolts pull, each layer of the stack passes on
        expect(
          Math.abs(s.boltForce.total - itf.pressure.force) / s.boltForce.total,
          `${s.label}, ${itf.name}`,
        ).toBeLessThanOrEqual(1e-9);
        expect(itf.pressure.min, `${s.label}, ${itf.name}`).toBeGreaterThanOrEqual(0);
      }
      expect(s.padStrain!.max).toBeGreaterThan(0);
    }
    // the pads relax: by the last state some stack height has gone into them
    expect(h.states.at(-1)!.drivers.relaxation).toBeLessThan(0);
  });
});

describe('life history invariants: verdicts', () => {
  it('names the worst state with its time to three figures below 100 h (a 0.2 h cycle)', () => {
    const h = solveCase({
      ...symmetricCase(10),
      history: { cycles: { count: 2, hoursPerCycle: 0.2 }, growth: { type: 'linear', perCycle: 0.002 } },
    }).history!;
    // growth only: the last state (2 cycles, 0.4 h) presses hardest
    expect(h.verdict.worst.index).toBe(4);
    expect(h.verdict.text).toContain('cycle 2 discharged (state 4, t = 0.400 h)');
  });

  /** A stiff, uniform module whose cells only grow: the pressure rises state by state. */
  const growing = (window: { min: number; max: number }) =>
    solveCase({
      ...symmetricCase(10),
      history: { cycles: { count: 2 }, growth: { type: 'linear', perCycle: 0.002 }, window },
    }).history!;
  // 8 bolts × 4000 N over 80 × 80 mm
  const nominal = (8 * 4000) / 6400;

  it('a window that excludes load-up from below says the preload already misses it', () => {
    const h = growing({ min: 3 * nominal, max: 4 * nominal });
    expect(h.states[0].pressure.mean).toBeCloseTo(nominal, 9);
    expect(h.states[0].inWindow).toBe(false);
    expect(h.verdict.fractionInWindow).toBe(0);
    // the lowest state is load-up: it is the worst, and the verdict says the preload sets it
    expect(h.verdict.worst.index).toBe(0);
    expect(h.verdict.worst.side).toBe('below');
    expect(h.verdict.text).toContain('load-up (state 0');
    expect(h.verdict.text).toContain('already at load-up');
  });

  it('a window that excludes load-up while a later state is worse still names load-up as outside', () => {
    // load-up sits above the window; growth takes the later states further above it
    const h = growing({ min: 0.2 * nominal, max: 0.9 * nominal });
    expect(h.states[0].inWindow).toBe(false);
    expect(h.verdict.worst.index).toBe(h.states.length - 1);
    expect(h.verdict.worst.side).toBe('above');
    expect(h.verdict.text).toContain('Load-up is already outside the window');
  });

  it('a p5–p95 window judges both percentiles: inside only when p5 ≥ min and p95 ≤ max', () => {
    const h = solveCase({
      ...symmetricCase(10),
      history: {
        cycles: { count: 2 },
        growth: { type: 'linear', perCycle: 0.002 },
        window: { min: 0.5 * nominal, max: 1.3 * nominal, statistic: 'p5p95' },
      },
    }).history!;
    const { min, max } = h.window;
    const excess = (s: HistoryState) => Math.max(min - s.pressure.p5, s.pressure.p95 - max);
    for (const s of h.states) expect(s.inWindow, s.label).toBe(s.pressure.p5 >= min && s.pressure.p95 <= max);
    expect(h.verdict.statesInWindow).toBe(h.states.filter((s) => s.inWindow).length);
    expect(h.verdict.worst.excess).toBe(Math.max(...h.states.map(excess)));
    // the map is not uniform: p5 and p95 differ from the mean, so the test judges more than the mean
    expect(h.states[0].pressure.p95 - h.states[0].pressure.p5).toBeGreaterThan(0.1 * nominal);
  });

  it('a window holding every state says so and names the state closest to its edge', () => {
    const h = growing({ min: 0.5 * nominal, max: 2 * nominal });
    expect(h.verdict.fractionInWindow).toBe(1);
    expect(h.verdict.worst.excess).toBeLessThanOrEqual(0);
    expect(h.verdict.text).toContain('Closest to the edge');
    expect(h.verdict.text).not.toContain('Load-up is already outside');
  });
});

/** Value of a grid at column i, row j. */
const at = (g: RegularGrid, i: number, j: number) => g.values[j * g.nx + i];

describe('life history invariants: symmetry and breathing', () => {
  it('a doubly symmetric module breathing uniformly keeps its map symmetric at every state (1e-9 of the largest value)', () => {
    const r = solveCase({
      ...symmetricCase(5),
      history: {
        cycles: { count: 2, statesPerCycle: 4 },
        breathing: { type: 'table', soc: [0, 1], thickness: [0, 0.01] },
      },
    });
    const grids = r.fields.history!.grids;
    expect(grids).toHaveLength(9);
    // the charged states press harder than load-up, so the states differ
    expect(r.history!.states[2].pressure.mean).toBeGreaterThan(1.05 * r.history!.states[0].pressure.mean);
    for (const [k, g] of grids.entries()) {
      expect(g.nx).toBe(g.ny);
      let largest = 0;
      for (const v of g.values) largest = Math.max(largest, v);
      let worst = 0;
      for (let j = 0; j < g.ny; j++)
        for (let i = 0; i < g.nx; i++) {
          const v = at(g, i, j);
          // mirror in x, mirror in y, and the diagonal (the bolt ring is square too)
          worst = Math.max(
            worst,
            Math.abs(v - at(g, g.nx - 1 - i, j)),
            Math.abs(v - at(g, i, g.ny - 1 - j)),
            Math.abs(v - at(g, j, i)),
          );
        }
      // the solve is symmetric up to the round-off of a Cholesky factor with an unsymmetric ordering
      expect(worst / largest, `state ${k}`).toBeLessThan(1e-9);
    }
  });

  it('breathing from the cell model raises the pressure on charge and returns it on discharge (1e-9)', () => {
    // the preset breathes about 0.3 mm a cell: soft cells (100 MPa) keep the bolts below proof load
    const c = symmetricCase(8);
    c.stack.cells.law = { type: 'linear', modulus: 100 };
    const r = solveCase({
      ...c,
      history: { cycles: { count: 2 }, breathing: { type: 'cell', cell: 'ncm811-li-40um' } },
    });
    const [up, charged1, discharged1, charged2, discharged2] = r.history!.states;
    // Li plating outgrows the NCM cathode's shrinkage: the cell thickens on charge
    expect(charged1.drivers.breathing).toBeGreaterThan(0);
    for (const charged of [charged1, charged2]) {
      expect(charged.soc).toBe(1);
      expect(charged.pressure.mean).toBeGreaterThan(up.pressure.mean);
      expect(charged.boltForce.total).toBeGreaterThan(up.boltForce.total);
    }
    const grids = r.fields.history!.grids;
    // no growth, no ΔT, no pads: nothing remembers the charge, so each discharged state is load-up
    const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
    for (const [k, d] of [
      [2, discharged1],
      [4, discharged2],
    ] as const) {
      expect(d.soc).toBe(0);
      expect(relative(d.pressure.mean, up.pressure.mean)).toBeLessThanOrEqual(1e-9);
      expect(relative(d.pressure.max, up.pressure.max)).toBeLessThanOrEqual(1e-9);
      expect(relative(d.pressure.min, up.pressure.min)).toBeLessThanOrEqual(1e-9);
      expect(relative(d.boltForce.total, up.boltForce.total)).toBeLessThanOrEqual(1e-9);
      const peak = Math.max(...grids[0].values);
      for (let i = 0; i < grids[0].values.length; i++)
        expect(Math.abs(grids[k].values[i] - grids[0].values[i]) / peak).toBeLessThanOrEqual(1e-9);
    }
  });

  const breathingCase = (map?: { x: number[]; y: number[]; values: number[][] }): CaseInput => ({
    ...symmetricCase(8),
    history: { cycles: { count: 1 }, breathing: { type: 'table', soc: [0, 1], thickness: [0, 0.01], map } },
  });

  it('a breathing map factor rising in x makes the charged map lean to +x; a uniform factor 1 is no map, exactly', () => {
    const plain = solveCase(breathingCase());
    const ones = solveCase(
      breathingCase({
        x: [0, 120],
        y: [0, 120],
        values: [
          [1, 1],
          [1, 1],
        ],
      }),
    );
    // every row and every map bit for bit (effort holds timings, so only the history is compared)
    expect(summaryOf(ones).history).toEqual(summaryOf(plain).history);
    const [a, b] = [plain, ones].map((r) => r.fields.history!.grids);
    for (let k = 0; k < a.length; k++) expect(Array.from(b[k].values)).toEqual(Array.from(a[k].values));

    // the factor runs from 0.2 at x = 0 to 1.8 at x = 120: the same mean breathing, tilted
    const tilted = solveCase(
      breathingCase({
        x: [0, 120],
        y: [0, 120],
        values: [
          [0.2, 1.8],
          [0.2, 1.8],
        ],
      }),
    );
    const g = tilted.fields.history!.grids;
    const halves = (grid: RegularGrid) => {
      let left = 0;
      let right = 0;
      for (let j = 0; j < grid.ny; j++)
        for (let i = 0; i < grid.nx; i++) {
          const mirrored = grid.nx - 1 - i;
          if (i < mirrored) left += at(grid, i, j);
          else if (i > mirrored) right += at(grid, i, j);
        }
      return { left, right };
    };
    const up = halves(g[0]);
    const charged = halves(g[1]);
    // load-up is symmetric (1e-9); at charge the +x half carries clearly more (5 % of the total at least)
    expect(Math.abs(up.right - up.left) / up.left).toBeLessThan(1e-9);
    expect((charged.right - charged.left) / (charged.right + charged.left)).toBeGreaterThan(0.05);
    // after discharge the tilt is gone again (no growth, ΔT or pads: 1e-9 of the peak)
    const peak = Math.max(...g[0].values);
    for (let i = 0; i < g[0].values.length; i++)
      expect(Math.abs(g[2].values[i] - g[0].values[i]) / peak).toBeLessThanOrEqual(1e-9);
  });
});

describe('life history invariants: impossible states are refused, naming the state', () => {
  it('cells shrinking until the bolts go slack: refused at a named history state', () => {
    const c: CaseInput = {
      ...symmetricCase(10),
      history: { cycles: { count: 10 }, growth: { type: 'linear', perCycle: -0.005 } },
    };
    let error: unknown;
    try {
      solveCase(c);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ResultRefusedError);
    const message = (error as Error).message;
    expect(message).toContain('goes slack');
    const named = /history state (\d+) \(cycle (\d+) (charged|discharged), t = ([\d.]+) h\)/.exec(message);
    expect(named, message).not.toBeNull();
    const [, index, cycle, phase, time] = named!;
    // the label and the time are those of the schedule: state i is cycle ⌈i/2⌉, at 2·i h
    expect(Number(cycle)).toBe(Math.ceil(Number(index) / 2));
    expect(phase).toBe(Number(index) % 2 === 1 ? 'charged' : 'discharged');
    expect(Number(time)).toBe(2 * Number(index));
    // a rigid clamp (cells 4·2 mm at 5 GPa in series with 8 M8 bolts) loses its 32 kN at
    // 32 000 / (1/(1/4e6 + 1/(8·268 000))) / (4 · 0.005) ≈ 1.15 cycles; bending plates only delay it
    expect(Number(index)).toBeGreaterThanOrEqual(3);
  });
});

describe('life history invariants: reuse of factorizations', () => {
  it('20 cycles of equal steps on linear laws in full contact take ≤ 3 factorizations', () => {
    const c: CaseInput = {
      ...symmetricCase(8),
      // a soft pad keeps every point in contact through the swing: the contact set never changes
      gaskets: [{ ...relaxingPad, law: { type: 'table', closure: [0, 1], pressure: [0, 20] } }],
      history: {
        cycles: { count: 20, hoursPerCycle: 4 },
        breathing: { type: 'table', soc: [0, 1], thickness: [0, 0.005] },
        growth: { type: 'linear', perCycle: 0.0002 },
      },
    };
    const r = solveCase(c);
    const h = r.history!;
    expect(h.states).toHaveLength(41);
    for (const s of h.states) expect(s.pressure.contactFraction, s.label).toBe(1);
    // load-up on the elastic pad, then one tangent for every state of the relaxed pad's step A(4 h)
    expect(r.solver.factorizations).toBeLessThanOrEqual(3);
    // and the states were solved: every one after load-up took Newton steps
    for (const s of h.states.slice(1)) expect(s.newtonIterations, s.label).toBeGreaterThan(0);
  });
});
