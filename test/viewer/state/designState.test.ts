import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { designProblem } from '../../../src/design/designProblem';
import { parseDesignSpec } from '../../../src/design/designSpec';
import { DesignFileError, decodeDesignFile } from '../../../src/presentation/designFile';
import { createDesignStore, holdsDesignFile } from '../../../viewer/src/state/designState';
import { type CaseSolverPort, createViewerStore } from '../../../viewer/src/state/viewerStore';
import { SolveCancelledError, type SolvedCase } from '../../../viewer/src/worker/solveClient';

const defaultCase = JSON.parse(readFileSync(new URL('../../../cases/default.json', import.meta.url), 'utf8'));
const flush = () => new Promise((r) => setTimeout(r, 0));
const file = (name: string, text: string) => new File([text], name, { type: 'application/json' });

/** The problem of a tiny spec: top plate 15–35 mm and its material, on the default case. */
const problem = designProblem(
  parseDesignSpec({
    schemaVersion: 1,
    name: 'tiny',
    base: defaultCase,
    variables: { topThickness: { min: 15, max: 35 }, plateMaterial: ['carbon-steel', 'al-7075-t6'] },
  }),
  defaultCase,
);

const margin = (id: string, value: number, limit: number) => ({
  id,
  name: id.split('.')[0],
  state: 'after swelling',
  what: id,
  value,
  limit,
  unit: '-',
  margin: limit - value,
});
const objectives = (cov: number, eff: number) => ({
  modules: 90,
  moduleEnergyWh: 111.9,
  moduleCellMassKg: 0.3,
  moduleCellVolumeL: 0.12,
  inactiveMassKg: 400,
  inactiveVolumeL: 300,
  massEfficiency: eff,
  volumeEfficiency: eff,
  cov,
});

/** A design.json as `stackpress design` writes it (written out by hand): three designs, #0 and #2 on the front. */
function record() {
  const design = (index: number, t: number, m: string, status: string, front: boolean, cov: number) => ({
    index,
    generation: 0,
    key: `k${index}`,
    design: { topThickness: t, plateMaterial: m },
    status,
    front,
    objectives: objectives(cov, 0.05 + index / 100),
    constraints: [margin('cov.swollen', cov, 0.1)],
    violated: status === 'infeasible' ? ['cov.swollen'] : [],
    binding: 'cov.swollen',
    message: status === 'infeasible' ? 'violates cov.swollen' : null,
    parts: [{ part: 'top plate', count: 1, volumeL: 0.5, massKg: 1.4 }],
  });
  return {
    schemaVersion: 1,
    kind: 'stackpress.design',
    name: 'tiny',
    spec: { file: 'spec.json', hash: 'abc' },
    seed: 1,
    budget: 3,
    population: 3,
    covLimit: 0.1,
    measure: 'mass',
    systemKWh: 10,
    constraintIds: ['cov.swollen'],
    seconds: 1.5,
    generations: 1,
    stopped: false,
    evaluations: 3,
    feasible: 2,
    failed: 0,
    firstFeasibleAt: 1,
    firstFeasibleSeconds: 0.5,
    problem,
    front: [0, 2],
    best: {
      index: 2,
      design: { topThickness: 20, plateMaterial: 'al-7075-t6' },
      objectives: [400, 0.08],
      efficiencyPct: 7,
    },
    designs: [
      design(0, 30, 'carbon-steel', 'feasible', true, 0.05),
      design(1, 15, 'carbon-steel', 'infeasible', false, 0.3),
      design(2, 20, 'al-7075-t6', 'feasible', true, 0.08),
    ],
  };
}
const text = (r: unknown) => JSON.stringify(r, null, 2);

describe('design.json decoding: tampered files are refused naming the key', () => {
  it('reads a file as written: the designs, front, best and the problem derived again', () => {
    const f = decodeDesignFile(text(record()));
    expect(f.designs.map((d) => d.index)).toEqual([0, 1, 2]);
    expect(f.front).toEqual([0, 2]);
    expect(f.best).toBe(2);
    expect(f.problem.variables.topThickness).toEqual({ min: 15, max: 35 });
    expect(f.problem.base.plates.top.thickness).toBe(defaultCase.plates.top.thickness);
  });

  const cases: [string, (r: ReturnType<typeof record>) => string, string][] = [
    ['not JSON', (r) => text(r).slice(0, 50), 'not JSON'],
    [
      'an infinite CoV (1e999)',
      (r) => text(r).replace('"cov": 0.3', '"cov": 1e999'),
      'designs.1.objectives.cov',
    ],
    [
      'a negative mass',
      (r) =>
        text({
          ...r,
          designs: [
            { ...r.designs[0], parts: [{ part: 'x', count: 1, volumeL: 1, massKg: -1 }] },
            ...r.designs.slice(1),
          ],
        }),
      'designs.0.parts.0.massKg',
    ],
    ['a key not written', (r) => text({ ...r, extra: 1 }), '(top level)'],
    ['no problem', (r) => text({ ...r, problem: undefined }), 'problem: missing'],
    [
      'a range widened past the schema',
      (r) =>
        text({
          ...r,
          problem: {
            ...r.problem,
            variables: { ...r.problem.variables, topThickness: { min: 15, max: 1e9 } },
          },
        }),
      'problem: variables.topThickness.max',
    ],
    [
      'a base case that is not a case',
      (r) => text({ ...r, problem: { ...r.problem, base: { ...r.problem.base, plates: 'thick' } } }),
      'problem: ',
    ],
    [
      'a design outside its range',
      (r) => text(r).replace('"topThickness": 15', '"topThickness": 99'),
      'designs[1].design: topThickness: 99 mm',
    ],
    [
      'an infeasible design on the front',
      (r) => text({ ...r, designs: r.designs.map((d) => (d.index === 1 ? { ...d, front: true } : d)) }),
      'designs[1].front',
    ],
    ['a front listing a design not marked on it', (r) => text({ ...r, front: [0, 1] }), 'front[1]: 1'],
    [
      'a best design that is not feasible',
      (r) => text({ ...r, best: { ...r.best, index: 1 } }),
      'best.index: 1',
    ],
    ['designs missing', (r) => text({ ...r, evaluations: 4 }), 'evaluations: 4'],
    [
      'a design listed twice',
      (r) => text({ ...r, evaluations: 4, designs: [...r.designs, r.designs[0]] }),
      'designs[3].index: 0',
    ],
    [
      'more designs than any budget',
      (r) => text({ ...r, designs: Array(10_001).fill(r.designs[1]) }),
      'designs',
    ],
  ];
  for (const [what, tamper, key] of cases)
    it(`refuses ${what}`, () => {
      expect(() => decodeDesignFile(tamper(record()))).toThrow(DesignFileError);
      expect(() => decodeDesignFile(tamper(record()))).toThrow(key);
    });
});

type Call = { input: unknown; resolve: (v: SolvedCase) => void; reject: (e: Error) => void };

/** One fake worker as the SolveClient: a new job or cancel rejects the running one. */
function fakeWorker() {
  const calls: Call[] = [];
  const cancel = () => {
    for (const c of calls.splice(0)) c.reject(new SolveCancelledError('solve cancelled'));
  };
  const solver: CaseSolverPort = {
    solve: (input) => {
      cancel();
      return new Promise<SolvedCase>((resolve, reject) => calls.push({ input, resolve, reject }));
    },
    cancel,
  };
  return { solver, calls };
}

const solved = (cov: number) =>
  ({
    summary: { name: 'default-design', pressure: { cov, mean: 5 }, swelling: null },
    fields: null,
    seconds: 0.1,
  }) as unknown as SolvedCase;

async function stores() {
  const worker = fakeWorker();
  const viewer = createViewerStore(worker.solver, 'default');
  viewer.getState().solve();
  worker.calls[0].resolve(solved(0.09));
  await flush();
  const design = createDesignStore(worker.solver, viewer);
  return { worker, viewer, design };
}

describe('Design tab state', () => {
  it('opens the design.json among a folder’s files and shows the Design tab', async () => {
    const { viewer, design } = await stores();
    const folder = [
      file('best.json', text(defaultCase)),
      file('design.json', text(record())),
      file('summary.txt', 'x'),
    ];
    expect(await holdsDesignFile(folder)).toBe(true);
    expect(await holdsDesignFile([file('case.json', text(defaultCase))])).toBe(false);
    await design.getState().openFiles(folder);
    expect(design.getState().error).toBeNull();
    expect(design.getState().run?.fileName).toBe('design.json');
    expect(viewer.getState().tab).toBe('design');
  });

  it("a chosen design is solved from its own case; only the latest choice's reply counts", async () => {
    const { worker, design } = await stores();
    await design.getState().openFiles([file('design.json', text(record()))]);
    design.getState().choose(0);
    const first = worker.calls[0];
    expect((first.input as typeof defaultCase).plates.top.thickness).toBe(30);
    design.getState().choose(2);
    const second = worker.calls[0];
    const input = second.input as typeof defaultCase;
    expect(input.plates.top.thickness).toBe(20);
    expect(input.plates.top.material).toBe('al-7075-t6');
    // the first reply arrives late (its promise was rejected as cancelled): dropped
    first.resolve(solved(0.5));
    second.resolve(solved(0.08));
    await flush();
    const c = design.getState().chosen;
    expect(c?.index).toBe(2);
    expect(c?.status).toBe('done');
    expect(c?.solved?.summary.pressure.cov).toBe(0.08);
  });

  it('does not take the worker from a solving case, and a case solve started later cancels the design', async () => {
    const { worker, viewer, design } = await stores();
    await design.getState().openFiles([file('design.json', text(record()))]);
    viewer.getState().solve();
    const calls = worker.calls.length;
    design.getState().choose(0);
    expect(worker.calls.length).toBe(calls);
    expect(design.getState().chosen?.error).toContain('solving');
    worker.calls[0].resolve(solved(0.09));
    await flush();
    design.getState().choose(0);
    viewer.getState().solve();
    await flush();
    expect(design.getState().chosen?.status).toBe('cancelled');
  });

  it('Open as case opens the design’s case in the viewer, named after the design', async () => {
    const { worker, viewer, design } = await stores();
    await design.getState().openFiles([file('design.json', text(record()))]);
    design.getState().choose(2);
    worker.calls[0].resolve(solved(0.08));
    await flush();
    design.getState().openAsCase();
    const v = viewer.getState();
    expect(v.source).toEqual({ kind: 'caseFile', name: 'design #2 of tiny' });
    expect(v.status).toBe('solving');
    expect(v.shown).toBeNull();
    expect((worker.calls[0].input as typeof defaultCase).plates.top.thickness).toBe(20);
  });

  it('a refused design.json clears the run and names the file and key', async () => {
    const { design } = await stores();
    await design.getState().openFiles([file('design.json', text(record()))]);
    design.getState().choose(0);
    const bad = text(record()).replace('"topThickness": 15', '"topThickness": 99');
    await design.getState().openFiles([file('design.json', bad)]);
    const s = design.getState();
    expect(s.run).toBeNull();
    expect(s.chosen).toBeNull();
    expect(s.error).toContain('design.json: designs[1].design: topThickness');
  });
});
