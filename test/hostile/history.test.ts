import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCase } from '../../src/case/checkCase';
import type { CaseInput } from '../../src/case/schema';
import { solveCase } from '../../src/solveCase';
import { InputError } from '../../src/validation/parseInput';
import { runCliCaptured } from '../cli/cliHarness';
import { symmetricCase } from '../contact/caseFixtures';

/**
 * Hostile `history` blocks: each must be refused up front with an InputError (the CLI's exit 2)
 * whose message names the field, the value with its unit and what is allowed — before any Newton
 * step (`onIteration` is never called), so no input can make the solve hang or fill the memory.
 * The expected fragments below are written from the schema's documented bounds, not copied from
 * the code's output.
 */

/** A small valid module (8 mm mesh) with the given history block. */
const withHistory = (history: unknown, overrides: Partial<CaseInput> = {}): CaseInput => ({
  ...symmetricCase(8),
  ...overrides,
  history: history as CaseInput['history'],
});

/** The InputError message of `raw`, which must be refused before the first Newton step. */
function refusal(raw: unknown): string {
  let steps = 0;
  let error: unknown;
  try {
    solveCase(raw, { onIteration: () => steps++ });
  } catch (e) {
    error = e;
  }
  expect(error, 'the case was solved, not refused').toBeInstanceOf(InputError);
  expect(steps, 'refused only after solving').toBe(0);
  return (error as InputError).message;
}

const breathingTable = { type: 'table', soc: [0, 1], thickness: [0, 0.01] };

describe('hostile history: cross-field checks', () => {
  it('a history beside stack.swelling other than none', () => {
    const c = withHistory({});
    c.stack = { ...c.stack, swelling: { type: 'strain', value: 0.01 } };
    expect(refusal(c)).toContain(
      'stack.swelling: "strain" — a case with a history takes its swelling from history.breathing and history.growth; set stack.swelling to none',
    );
  });

  it.each([
    [
      'breathing',
      { breathing: { type: 'table', soc: [0, 0.5, 1], thickness: [0, 0.01] } },
      'history.breathing.thickness: 2 points but 3 in history.breathing.soc — must be equal',
    ],
    [
      'growth',
      { growth: { type: 'table', cycle: [0, 100], thickness: [0, 0.01, 0.02] } },
      'history.growth.thickness: 3 points but 2 in history.growth.cycle — must be equal',
    ],
    [
      'temperature',
      { temperature: { type: 'table', time: [0, 10, 20, 30], deltaT: [0, 5] } },
      'history.temperature.deltaT: 2 points but 4 in history.temperature.time — must be equal',
    ],
  ])('tables of unequal length: %s', (_, history, message) => {
    expect(refusal(withHistory(history))).toContain(message);
  });

  it.each([
    [
      'soc repeated',
      { breathing: { type: 'table', soc: [0, 0.5, 0.5], thickness: [0, 0.01, 0.02] } },
      'history.breathing.soc[2]: 0.5 after 0.5 — must increase strictly',
    ],
    [
      'soc falling',
      { breathing: { type: 'table', soc: [0, 0.8, 0.3], thickness: [0, 0.01, 0.02] } },
      'history.breathing.soc[2]: 0.3 after 0.8 — must increase strictly',
    ],
    [
      'cycle falling',
      { growth: { type: 'table', cycle: [0, 10, 5], thickness: [0, 0.01, 0.02] } },
      'history.growth.cycle[2]: 5 after 10 — must increase strictly',
    ],
    [
      'time repeated',
      { temperature: { type: 'table', time: [0, 10, 10], deltaT: [0, 5, 6] } },
      'history.temperature.time[2]: 10 h after 10 h — must increase strictly',
    ],
  ])('tables whose abscissa does not increase: %s', (_, history, message) => {
    expect(refusal(withHistory(history))).toContain(message);
  });

  it.each([
    [
      'breathing from SOC 0.2',
      { breathing: { type: 'table', soc: [0.2, 1], thickness: [0, 0.01] } },
      'history.breathing.soc[0]: 0.2 — the table must start at SOC 0',
    ],
    [
      'breathing to SOC 0.8',
      { breathing: { type: 'table', soc: [0, 0.8], thickness: [0, 0.01] } },
      'history.breathing.soc[1]: 0.8 — the table must end at SOC 1',
    ],
    [
      'breathing not 0 at SOC 0',
      { breathing: { type: 'table', soc: [0, 1], thickness: [0.005, 0.01] } },
      'history.breathing.thickness[0]: 0.005 mm — the change from the assembled (SOC 0) cell is 0 mm at SOC 0; must be 0',
    ],
    [
      'growth from cycle 10',
      { growth: { type: 'table', cycle: [10, 100], thickness: [0, 0.01] } },
      'history.growth.cycle[0]: 10 — the table must start at cycle 0',
    ],
    [
      'growth table ending before the history',
      { cycles: { count: 20 }, growth: { type: 'table', cycle: [0, 10], thickness: [0, 0.01] } },
      'history.growth.cycle[1]: 10 — the history runs to cycle 20; the table must reach it',
    ],
    [
      'growth not 0 at cycle 0',
      { growth: { type: 'table', cycle: [0, 100], thickness: [0.01, 0.02] } },
      'history.growth.thickness[0]: 0.01 mm — no growth before the first cycle; must be 0 mm at cycle 0',
    ],
  ])('tables that do not start (or end) where their documentation says: %s', (_, history, message) => {
    expect(refusal(withHistory(history))).toContain(message);
  });

  it('explicit states out of time order', () => {
    const message = refusal(
      withHistory({
        states: [
          { time: 1, soc: 0 },
          { time: 5, soc: 0.5 },
          { time: 2, soc: 1 },
        ],
      }),
    );
    expect(message).toContain('history.states[2].time: 2 h — before history.states[1].time 5 h');
    expect(message).toContain('must be in time order');
  });

  it('explicit states whose cycles completed fall (irreversible growth undone)', () => {
    expect(
      refusal(
        withHistory({
          states: [
            { time: 1, soc: 0, cycle: 100 },
            { time: 2, soc: 0, cycle: 5 },
          ],
        }),
      ),
    ).toContain(
      'history.states[1].cycle: 5 — below history.states[0].cycle 100; the cycles completed must not decrease',
    );
  });

  it('growth that shrinks a cell through itself: a linear rate over the cycles', () => {
    // 100 cycles × −0.05 mm is −5 mm on a 2 mm cell; at most 2/100 = 0.02 mm a cycle of shrinkage
    expect(
      refusal(withHistory({ cycles: { count: 100 }, growth: { type: 'linear', perCycle: -0.05 } })),
    ).toContain(
      'history.growth.perCycle: -0.05 mm — over 100 cycles a 2 mm cell would shrink by 5 mm, through its own thickness; must be > -0.02 mm',
    );
  });

  it('growth that shrinks a cell through itself: a table, and breathing', () => {
    expect(refusal(withHistory({ growth: { type: 'table', cycle: [0, 10], thickness: [0, -2] } }))).toContain(
      'history.growth.thickness[1]: -2 mm — a cell of 2 mm cannot shrink by its own thickness',
    );
    expect(
      refusal(withHistory({ breathing: { type: 'table', soc: [0, 1], thickness: [0, -2.5] } })),
    ).toContain(
      'history.breathing.thickness[1]: -2.5 mm — a cell of 2 mm cannot shrink by its own thickness',
    );
  });

  it('breathing and growth each possible alone but through the cell together, naming the state', () => {
    // −1.2 mm on charge and −0.1 mm a cycle: at the 9th charge −1.2 − 0.85 = −2.05 mm on a 2 mm cell
    const message = refusal(
      withHistory({
        cycles: { count: 10 },
        breathing: { type: 'table', soc: [0, 1], thickness: [0, -1.2] },
        growth: { type: 'linear', perCycle: -0.1 },
      }),
    );
    expect(message).toContain('history: state 17 (cycle 9 charged, t = 34 h)');
    expect(message).toContain('leave a 2 mm cell -0.0500 mm thick');
    expect(message).toContain('must leave it > 0 mm');
  });

  it('soc.min above soc.max', () => {
    expect(refusal(withHistory({ soc: { min: 0.8, max: 0.2 } }))).toContain(
      'history.soc.min: 0.8 — above history.soc.max 0.2; must be <= it',
    );
  });

  it('10 000 cycles × 48 states: too many states', () => {
    expect(refusal(withHistory({ cycles: { count: 10_000, statesPerCycle: 48 } }))).toContain(
      'history.cycles.count: 10000 — 10000 cycles × 48 states is 480000 states, more than the 20000 a history may have',
    );
  });

  it('20 001 explicit states: too many states', () => {
    const states = Array.from({ length: 20_001 }, (_, i) => ({ time: i, soc: 0 }));
    const message = refusal(withHistory({ states }));
    expect(message).toContain('history.states: 20001 items — must have at most 20000');
  });

  it('many states on a fine grid: refused by the memory budget before any solve', () => {
    // 20 000 states × 801² grid points (80 mm at 0.1 mm) × 8 B ≈ 98 000 MiB, over the 4096 MiB default
    const c = withHistory(
      { cycles: { count: 5000, statesPerCycle: 4 } },
      { output: { gridSpacing: 0.1, contactThreshold: 0.05 } },
    );
    const message = refusal(c);
    expect(message).toContain('history: 20000 states — their maps need about 98 000 MiB');
    expect(message).toContain('(20001 states × 641 601 grid points × 8 B)');
    expect(message).toContain('more than the 4096 MiB memory limit');
  });

  it('more map values than a fields.json may hold: refused before the solve, not after it', () => {
    // 40 states of an 80 mm footprint at 0.1 mm: 41 × 801² = 26 301 641 values fit; 80 states,
    // 81 × 641 601 = 51 969 681, pass the 40 000 000 the viewer and stackpress report read
    const fine = { output: { gridSpacing: 0.1, contactThreshold: 0.05 }, mesh: { size: 20 } };
    const message = refusal(withHistory({ cycles: { count: 40 } }, fine));
    expect(message).toContain(
      'history: 80 states — 81 maps × 641 601 grid points is 51 969 681 map values, more than the 40 000 000 a result',
    );
    // within the memory budget, so this is the only message
    expect(message).not.toContain('memory limit');
  });

  it('so many states of so many interfaces that result.json could not be written: refused up front', () => {
    // 40 cells with an interleaf plate after every 10th: 3 plates, 4 interfaces. Per state at least
    // 1.49 kB + 3 × 0.55 kB (measured) ≈ 3.1 kB: 20 001 states ≈ 60 MiB and more, over the 60 MiB a history may add by the estimate
    const c = withHistory(
      { cycles: { count: 10_000 } },
      { mesh: { size: 20 }, output: { gridSpacing: 2, contactThreshold: 0.05 } },
    );
    c.stack = { ...c.stack, cells: { ...c.stack.cells, count: 40, thickness: 0.5 } };
    c.stack.interleaf = { every: 10, thickness: 2, material: 'al-6061-t6' };
    const message = refusal(c);
    expect(message).toContain('history: 20000 states — with 4 interfaces each they would put about');
    expect(message).toContain('MiB into result.json, more than the 60 MiB a result may hold');
    // the same history on the two-plate module (one interface, ≈ 34 MiB) passes the checks (not solved here)
    // (on a 2 mm grid: 41² points × 20 001 maps keep to the 40 M values of fields.json)
    const coarse = { mesh: { size: 20 }, output: { gridSpacing: 2, contactThreshold: 0.05 } };
    expect(() => checkCase(withHistory({ cycles: { count: 10_000 } }, coarse))).not.toThrow();
  });

  it('the memory budget follows a lower limit: 200 states of a 0.5 mm grid under 50 MiB', () => {
    // 201 × 161² × 8 B ≈ 40 MiB of maps: within 4096 MiB, over 50 MiB with the solve's own share
    const c = withHistory(
      { cycles: { count: 100 } },
      { output: { gridSpacing: 0.5, contactThreshold: 0.05 } },
    );
    let error: unknown;
    try {
      solveCase(c, { limits: { maxMemoryMiB: 50 }, onIteration: () => expect.unreachable('solved') });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain('history: 200 states — their maps need about');
    expect((error as Error).message).toContain('more than the 50 MiB memory limit');
  });

  it('maps out of range: past the last state, negative, fractional', () => {
    // 2 cycles of 2 states: states 0 (load-up) to 4
    expect(refusal(withHistory({ cycles: { count: 2 }, maps: [0, 7] }))).toContain(
      'history.maps[1]: 7 — the history has states 0 (load-up) to 4; must be <= 4',
    );
    expect(refusal(withHistory({ maps: [-1] }))).toContain(
      'history.maps[0]: -1 — must be a whole number and >= 0 and <= 20000',
    );
    expect(refusal(withHistory({ maps: [1.5] }))).toContain(
      'history.maps[0]: 1.5 — must be a whole number and >= 0 and <= 20000',
    );
  });

  it.each([
    ['top', { temperature: { type: 'constant', deltaT: 10 } }],
    ['bottom', { states: [{ time: 1, soc: 0, deltaT: -5 }] }],
  ] as const)('a custom %s plate material without alpha under a temperature change', (side, history) => {
    const c = withHistory(history);
    c.plates = {
      ...c.plates,
      [side]: { thickness: 10, material: { E: 2e5, nu: 0.3, density: 7850, yield: 300 } },
    };
    expect(refusal(c)).toContain(
      `plates.${side}.material.alpha: required for a temperature change — the linear thermal expansion coefficient of the custom plate material in 1/K, a number >= 0 and <= 0.001`,
    );
  });

  it('a custom plate material without alpha and no temperature change is solved', () => {
    const c = withHistory({ cycles: { count: 1 }, breathing: breathingTable });
    c.plates = {
      ...c.plates,
      top: { thickness: 10, material: { E: 2e5, nu: 0.3, density: 7850, yield: 300 } },
    };
    expect(solveCase(c).history!.states).toHaveLength(3);
  });

  it('a Prony law whose weights sum past 1, and a weight past 1', () => {
    const pad = (terms: { weight: number; tau: number }[]) => ({
      gaskets: [
        {
          side: 'top' as const,
          thickness: 2,
          law: { type: 'table' as const, closure: [0, 1], pressure: [0, 20] },
          relaxation: { type: 'prony' as const, terms },
        },
      ],
    });
    const sum = refusal(
      withHistory(
        {},
        pad([
          { weight: 0.75, tau: 1 },
          { weight: 0.5, tau: 10 },
        ]),
      ),
    );
    expect(sum).toContain('gaskets[0].relaxation.terms: weights sum to 1.25 — must be <= 1');
    expect(refusal(withHistory({}, pad([{ weight: 1.5, tau: 1 }])))).toContain(
      'gaskets[0].relaxation.terms[0].weight: 1.5 — must be >= 0 and <= 1',
    );
  });

  it("breathing 'cell' with a composite anode and no anodeVolumeChange", () => {
    // fig1b is the graphite full cell
    expect(refusal(withHistory({ breathing: { type: 'cell', cell: 'fig1b' } }))).toContain(
      'history.breathing.anodeVolumeChange: required for the composite graphite anode — the volume change of the anode layer at full lithiation, a number >= 0 and <= 4',
    );
    // the schema admits −0.5 for any anode; the cell model's own bound (lithiation only grows a host) is named too
    expect(
      refusal(withHistory({ breathing: { type: 'cell', cell: 'fig1b', anodeVolumeChange: -0.2 } })),
    ).toContain('history.breathing.anodeVolumeChange: -0.2 — must be >= 0 and <= 4');
    // and a Li-metal cell given a composite's volume change
    expect(
      refusal(withHistory({ breathing: { type: 'cell', cell: 'ncm811-li-40um', anodeVolumeChange: 0.1 } })),
    ).toContain('history.breathing.anodeVolumeChange: 0.1 — applies to composite anodes only');
  });

  it('a breathing map of the wrong shape or with unsorted coordinates', () => {
    const map = (m: unknown) => withHistory({ breathing: { ...breathingTable, map: m } });
    expect(refusal(map({ x: [0, 120], y: [0, 120], values: [[1], [1, 1]] }))).toContain(
      'history.breathing.map.values[0]: 1 values — must have one per x (2)',
    );
    expect(refusal(map({ x: [0, 120], y: [0, 120], values: [[1, 1]] }))).toContain(
      'history.breathing.map.values: 1 rows — must have one per y (2)',
    );
    expect(
      refusal(
        map({
          x: [0, 120, 60],
          y: [0, 120],
          values: [
            [1, 1, 1],
            [1, 1, 1],
          ],
        }),
      ),
    ).toContain('history.breathing.map.x[2]: 60 mm — must increase strictly');
  });
});

/**
 * Every numeric field of the history block, with a block that makes the field live (its union
 * variant chosen), its unit and its documented range. Each gets NaN, ±Infinity and a string.
 */
interface NumericField {
  /** path below `history` */
  path: (string | number)[];
  unit: string;
  range: string;
  int?: boolean;
  block: Record<string, unknown>;
}

const cellTable = (soc: number[], thickness: number[]) => ({ breathing: { type: 'table', soc, thickness } });
const numericFields: NumericField[] = [
  {
    path: ['cycles', 'count'],
    unit: '',
    range: '>= 1 and <= 10000',
    int: true,
    block: { cycles: { count: 2 } },
  },
  {
    path: ['cycles', 'hoursPerCycle'],
    unit: 'h',
    range: '>= 0.1 and <= 10000',
    block: { cycles: { hoursPerCycle: 4 } },
  },
  {
    path: ['cycles', 'statesPerCycle'],
    unit: '',
    range: '>= 2 and <= 48',
    int: true,
    block: { cycles: { statesPerCycle: 2 } },
  },
  { path: ['soc', 'min'], unit: '', range: '>= 0 and <= 1', block: { soc: { min: 0, max: 1 } } },
  { path: ['soc', 'max'], unit: '', range: '>= 0 and <= 1', block: { soc: { min: 0, max: 1 } } },
  {
    path: ['states', 0, 'time'],
    unit: 'h',
    range: '>= 0 and <= 1000000',
    block: { states: [{ time: 1, soc: 0.5, cycle: 0.5, deltaT: 1 }] },
  },
  {
    path: ['states', 0, 'soc'],
    unit: '',
    range: '>= 0 and <= 1',
    block: { states: [{ time: 1, soc: 0.5, cycle: 0.5, deltaT: 1 }] },
  },
  {
    path: ['states', 0, 'cycle'],
    unit: '',
    range: '>= 0 and <= 1000000',
    block: { states: [{ time: 1, soc: 0.5, cycle: 0.5, deltaT: 1 }] },
  },
  {
    path: ['states', 0, 'deltaT'],
    unit: 'K',
    range: '>= -100 and <= 200',
    block: { states: [{ time: 1, soc: 0.5, cycle: 0.5, deltaT: 1 }] },
  },
  { path: ['breathing', 'soc', 1], unit: '', range: '>= 0 and <= 1', block: cellTable([0, 1], [0, 0.01]) },
  {
    path: ['breathing', 'thickness', 1],
    unit: 'mm',
    range: '>= -100 and <= 100',
    block: cellTable([0, 1], [0, 0.01]),
  },
  {
    path: ['breathing', 'map', 'values', 0, 1],
    unit: '',
    range: '>= 0 and <= 10',
    block: {
      breathing: {
        ...breathingTable,
        map: {
          x: [0, 120],
          y: [0, 120],
          values: [
            [1, 1],
            [1, 1],
          ],
        },
      },
    },
  },
  {
    path: ['breathing', 'map', 'x', 1],
    unit: 'mm',
    range: '>= -100000 and <= 100000',
    block: {
      breathing: {
        ...breathingTable,
        map: {
          x: [0, 120],
          y: [0, 120],
          values: [
            [1, 1],
            [1, 1],
          ],
        },
      },
    },
  },
  {
    path: ['breathing', 'cathodeVolumeChange'],
    unit: '',
    range: '>= -0.3 and <= 0.3',
    block: { breathing: { type: 'cell', cell: 'ncm811-li-40um', cathodeVolumeChange: -0.05 } },
  },
  {
    path: ['breathing', 'anodeVolumeChange'],
    unit: '',
    range: '>= -0.5 and <= 4',
    block: { breathing: { type: 'cell', cell: 'fig1b', anodeVolumeChange: 0.1 } },
  },
  {
    path: ['growth', 'perCycle'],
    unit: 'mm',
    range: '>= -0.1 and <= 0.1',
    block: { growth: { type: 'linear', perCycle: 0.001 } },
  },
  {
    path: ['growth', 'cycle', 1],
    unit: '',
    range: '>= 0 and <= 1000000',
    block: { growth: { type: 'table', cycle: [0, 100], thickness: [0, 0.01] } },
  },
  {
    path: ['growth', 'thickness', 1],
    unit: 'mm',
    range: '>= -100 and <= 100',
    block: { growth: { type: 'table', cycle: [0, 100], thickness: [0, 0.01] } },
  },
  {
    path: ['temperature', 'deltaT'],
    unit: 'K',
    range: '>= -100 and <= 200',
    block: { temperature: { type: 'constant', deltaT: 5 } },
  },
  ...(['mean', 'amplitude', 'periodHours'] as const).map((k) => ({
    path: ['temperature', k],
    unit: k === 'periodHours' ? 'h' : 'K',
    range: { mean: '>= -100 and <= 200', amplitude: '>= 0 and <= 100', periodHours: '>= 0.01 and <= 100000' }[
      k
    ],
    block: { temperature: { type: 'daily', mean: 0, amplitude: 5, periodHours: 24 } },
  })),
  {
    path: ['temperature', 'time', 1],
    unit: 'h',
    range: '>= 0 and <= 1000000',
    block: { temperature: { type: 'table', time: [0, 10], deltaT: [0, 5] } },
  },
  {
    path: ['temperature', 'deltaT', 1],
    unit: 'K',
    range: '>= -100 and <= 200',
    block: { temperature: { type: 'table', time: [0, 10], deltaT: [0, 5] } },
  },
  {
    path: ['thermal', 'cellAlpha'],
    unit: '1/K',
    range: '>= 0 and <= 0.001',
    block: { thermal: { cellAlpha: 1e-5 } },
  },
  { path: ['window', 'min'], unit: 'MPa', range: '>= 0 and <= 1000', block: { window: { min: 4, max: 6 } } },
  { path: ['window', 'max'], unit: 'MPa', range: '> 0 and <= 1000', block: { window: { min: 4, max: 6 } } },
  { path: ['maps', 0], unit: '', range: '>= 0 and <= 20000', int: true, block: { maps: [0] } },
];

/** A deep copy of `block` with the value at `path` replaced. */
function replaced(block: Record<string, unknown>, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(block);
  let at: Record<string | number, unknown> = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  at[path.at(-1)!] = value;
  return copy;
}

/** The field as the messages write it: history.states[0].time */
const fieldName = (path: (string | number)[]) =>
  `history${path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('')}`;

describe('hostile history: NaN, Infinity and strings in every numeric field', () => {
  it('every base block is valid as given (so each refusal below is the injected value)', () => {
    for (const f of numericFields) {
      const c = withHistory(f.block);
      c.mesh = { size: 20 };
      // soft cells: the cell models' breathing (0.3 mm a cell) would take stiff ones past the bolts' proof load
      c.stack.cells.law = { type: 'linear', modulus: 100 };
      expect(() => solveCase(c), fieldName(f.path)).not.toThrow();
    }
  });

  for (const f of numericFields) {
    const name = fieldName(f.path);
    const unit = f.unit ? ` ${f.unit}` : '';
    const kind = f.int ? 'whole number' : 'number';
    it(`${name} [${f.unit || '-'}]: NaN, Infinity, -Infinity, "7"`, () => {
      for (const v of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
        expect(refusal(withHistory(replaced(f.block, f.path, v)))).toContain(
          `${name}: ${v}${unit} — must be a finite ${kind} ${f.range}`,
        );
      }
      expect(refusal(withHistory(replaced(f.block, f.path, '7')))).toContain(
        `${name}: "7" — must be a ${kind}${f.unit ? ` in ${f.unit}` : ''} that is ${f.range}`,
      );
    });
  }
});

describe('hostile history through the CLI: exit 2 (1 for a refused state), the field named, nothing written', () => {
  const scratch: string[] = [];
  afterAll(async () => {
    for (const d of scratch) await rm(d, { recursive: true, force: true });
  });

  it.each([
    [
      'nan-hours.yaml',
      // YAML's .nan is how a file carries NaN (JSON cannot)
      `${JSON.stringify({ ...symmetricCase(8), history: undefined }).slice(0, -1)},"history":{"cycles":{"hoursPerCycle":.nan}}}`,
      'history.cycles.hoursPerCycle: NaN h — must be a finite number >= 0.1 and <= 10000',
    ],
    [
      'maps-past-end.json',
      JSON.stringify(withHistory({ cycles: { count: 1 }, maps: [3] })),
      'history.maps[0]: 3 — the history has states 0 (load-up) to 2; must be <= 2',
    ],
    [
      'composite-anode.json',
      JSON.stringify(withHistory({ breathing: { type: 'cell', cell: 'fig1b' } })),
      'history.breathing.anodeVolumeChange: required for the composite graphite anode',
    ],
    [
      'too-many.json',
      JSON.stringify(withHistory({ cycles: { count: 10_000, statesPerCycle: 48 } })),
      'history.cycles.count: 10000 — 10000 cycles × 48 states is 480000 states',
    ],
  ])('%s', async (file, text, message) => {
    const dir = await mkdtemp(join(tmpdir(), 'stackpress-hostile-history-'));
    scratch.push(dir);
    const out = join(dir, 'out');
    await writeFile(join(dir, file), text);
    const r = await runCliCaptured(['solve', join(dir, file), '--out', out, '--threads', '1']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(message);
    // a refusal writes nothing: no case folder (the out folder itself, if made, stays empty)
    const written = await readdir(out).catch(() => []);
    expect(written).toEqual([]);
  });

  it('a history refused at a state (the bolts go slack as the cells shrink) exits 1, names the state, writes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stackpress-hostile-history-'));
    scratch.push(dir);
    const out = join(dir, 'out');
    const file = join(dir, 'shrinking.json');
    // 4 cells losing 5 µm a cycle each: the 32 kN clamp is gone within a few cycles
    await writeFile(
      file,
      JSON.stringify(withHistory({ cycles: { count: 10 }, growth: { type: 'linear', perCycle: -0.005 } })),
    );
    const r = await runCliCaptured(['solve', file, '--out', out, '--threads', '1']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/history state \d+ \(cycle \d+ (charged|discharged), t = [\d.]+ h\)/);
    expect(r.stderr).toContain('goes slack');
    expect(await readdir(out).catch(() => [])).toEqual([]);
  });
});
