import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CaseSummary, solveCase, summaryOf } from '../../../src/index';
import { encodeResultFields } from '../../../src/presentation/fieldsFile';
import { resultFieldsOf } from '../../../src/presentation/resultFieldsOf';
import { inputKey } from '../../../viewer/src/state/inputKey';
import { type CaseSolverPort, createViewerStore, isStale } from '../../../viewer/src/state/viewerStore';
import { SolveCancelledError, type SolvedCase } from '../../../viewer/src/worker/solveClient';

const defaultCase = JSON.parse(readFileSync(new URL('../../../cases/default.json', import.meta.url), 'utf8'));

/** A solver whose solves the test settles by hand, recording what it was asked to solve. */
function fakeSolver() {
  const calls: { input: unknown; resolve: (s: SolvedCase) => void; reject: (e: Error) => void }[] = [];
  const port: CaseSolverPort = {
    solve: (input) =>
      new Promise<SolvedCase>((resolve, reject) => {
        calls.push({ input, resolve, reject });
      }),
    cancel: () => {
      for (const c of calls.splice(0)) c.reject(new SolveCancelledError('solve cancelled'));
    },
  };
  return { port, calls };
}

const solved = (name: string, mean: number): SolvedCase => ({
  summary: { name, pressure: { mean } } as unknown as CaseSummary,
  fields: null as unknown as SolvedCase['fields'],
  seconds: 0.5,
});
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('viewer store: stale rules', () => {
  it('an edit marks the shown result stale at once; solving those inputs makes it current', async () => {
    const { port, calls } = fakeSolver();
    const store = createViewerStore(port, 'default');
    store.getState().solve();
    calls[0].resolve(solved('default', 1));
    await flush();
    expect(store.getState().shown?.solveId).toBe(1);
    expect(isStale(store.getState())).toBe(false);
    const preload = store.getState().params.find((p) => p.key === 'preload');
    expect(preload).toBeDefined();
    store.getState().setValue('preload', (preload?.value ?? 0) + 500);
    expect(isStale(store.getState())).toBe(true);
    store.getState().solve();
    // while the edit solves, the old result stays, marked stale
    expect(isStale(store.getState())).toBe(true);
    calls[calls.length - 1].resolve(solved('default', 2));
    await flush();
    expect(store.getState().shown?.solveId).toBe(2);
    expect(isStale(store.getState())).toBe(false);
  });

  it('a failed solve clears the shown result and keeps the error', async () => {
    const { port, calls } = fakeSolver();
    const store = createViewerStore(port, 'default');
    store.getState().solve();
    calls[0].resolve(solved('default', 1));
    await flush();
    store.getState().setValue('meshSize', 0.5);
    store.getState().solve();
    calls[calls.length - 1].reject(new Error('mesh too fine'));
    await flush();
    expect(store.getState().shown).toBeNull();
    expect(store.getState().status).toBe('error');
    expect(store.getState().error).toContain('mesh too fine');
  });

  it('Reset after an edit was solved re-solves the case as opened', async () => {
    const { port, calls } = fakeSolver();
    const store = createViewerStore(port, 'default');
    store.getState().solve();
    calls[0].resolve(solved('default', 1));
    await flush();
    store.getState().setValue('meshSize', 3);
    store.getState().solve();
    calls[calls.length - 1].resolve(solved('default', 2));
    await flush();
    const before = calls.length;
    store.getState().resetEdits();
    expect(calls.length).toBe(before + 1);
    expect(inputKey(calls[calls.length - 1].input)).toBe(inputKey(defaultCase));
    // the edited result is shown as stale until the re-solve lands
    expect(isStale(store.getState())).toBe(true);
  });

  it('Reset of an unsolved edit solves nothing: the shown result was solved from those inputs', async () => {
    const { port, calls } = fakeSolver();
    const store = createViewerStore(port, 'default');
    store.getState().solve();
    calls[0].resolve(solved('default', 1));
    await flush();
    store.getState().setValue('meshSize', 3);
    store.getState().resetEdits();
    expect(calls.length).toBe(1);
    expect(isStale(store.getState())).toBe(false);
  });

  it('a reply of a solve the user has moved on from is dropped', async () => {
    const calls: ((s: SolvedCase) => void)[] = [];
    // a solver that ignores cancel, as a worker reply already in flight would
    const port: CaseSolverPort = {
      solve: () => new Promise<SolvedCase>((resolve) => calls.push(resolve)),
      cancel: () => {},
    };
    const store = createViewerStore(port, 'default');
    store.getState().solve();
    store.getState().openLibrary('fig5b-gaskets');
    calls[0](solved('default', 1));
    await flush();
    expect(store.getState().shown).toBeNull();
    calls[1](solved('fig5b-gaskets', 3));
    await flush();
    expect(store.getState().shown?.caseName).toBe('fig5b-gaskets');
  });
});

describe('viewer store: opening files', () => {
  const file = (name: string, text: string) => new File([text], name, { type: 'application/json' });

  it('an invalid case file clears everything and names the file', async () => {
    const { port, calls } = fakeSolver();
    const store = createViewerStore(port, 'default');
    store.getState().solve();
    calls[0].resolve(solved('default', 1));
    await flush();
    await store.getState().openFiles([file('broken.json', JSON.stringify({ plates: 'no' }))]);
    const s = store.getState();
    expect(s.shown).toBeNull();
    expect(s.params).toEqual([]);
    expect(s.base).toBeNull();
    expect(s.error).toMatch(/^broken\.json: /);
  });

  it('a file that is not JSON is refused by name', async () => {
    const { port } = fakeSolver();
    const store = createViewerStore(port, 'default');
    await store.getState().openFiles([file('notes.json', '{ nope')]);
    expect(store.getState().error).toMatch(/^notes\.json: not JSON/);
  });

  it('a valid case file clears the old result and solves the new case', async () => {
    const { port, calls } = fakeSolver();
    const store = createViewerStore(port, 'default');
    store.getState().solve();
    calls[0].resolve(solved('default', 1));
    await flush();
    const other = { ...defaultCase, name: 'mine' };
    await store.getState().openFiles([file('mine.json', JSON.stringify(other))]);
    expect(store.getState().shown).toBeNull();
    expect(store.getState().status).toBe('solving');
    expect(inputKey(calls[calls.length - 1].input)).toBe(inputKey(other));
  });

  it('a result.json alone is shown as a file, without maps', async () => {
    const { port } = fakeSolver();
    const store = createViewerStore(port, 'default');
    const summary = {
      schema: 'stackpress.result/2',
      name: 'fig5b-bare',
      pressure: { mean: 4 },
      effort: { seconds: 2 },
    };
    await store.getState().openFiles([file('result.json', JSON.stringify(summary))]);
    const shown = store.getState().shown;
    expect(shown?.origin).toBe('file');
    expect(shown?.caseName).toBe('fig5b-bare');
    expect(shown?.fields).toBeNull();
    expect(store.getState().params).toEqual([]);
  });

  it('fields.json without its result.json is refused', async () => {
    const { port } = fakeSolver();
    const store = createViewerStore(port, 'default');
    await store.getState().openFiles([file('fields.json', '{"schema":"stackpress.fields/1"}')]);
    expect(store.getState().error).toMatch(/fields\.json holds only the maps/);
  });

  it('a whole result folder dropped: the .json files are read, the pictures left aside', async () => {
    const { port, calls } = fakeSolver();
    const store = createViewerStore(port, 'default');
    const summary = { schema: 'stackpress.result/2', name: 'default', pressure: { mean: 4 } };
    await store
      .getState()
      .openFiles([
        file('pressure.png', '\x89PNG not json'),
        file('result.json', JSON.stringify(summary)),
        file('case.json', JSON.stringify(defaultCase)),
        file('pressure.csv', 'x [mm],y [mm]'),
      ]);
    const s = store.getState();
    expect(s.error).toBeNull();
    expect(s.shown?.files).toEqual(['result.json', 'case.json']);
    // case.json gives the parameters; the result was solved from it, so it is current
    expect(s.params.length).toBeGreaterThan(0);
    expect(isStale(s)).toBe(false);
    s.setValue('meshSize', 3);
    expect(isStale(store.getState())).toBe(true);
    store.getState().resetEdits();
    expect(isStale(store.getState())).toBe(false);
    expect(calls.length).toBe(0);
  });

  it('files that finish reading after the user opened a library case are dropped', async () => {
    const { port } = fakeSolver();
    const store = createViewerStore(port, 'default');
    const summary = { schema: 'stackpress.result/2', name: 'late', pressure: { mean: 4 } };
    const reading = store.getState().openFiles([file('result.json', JSON.stringify(summary))]);
    store.getState().openLibrary('fig5b-none');
    await reading;
    expect(store.getState().source).toEqual({ kind: 'library', id: 'fig5b-none' });
    expect(store.getState().shown).toBeNull();
    expect(store.getState().status).toBe('solving');
  });

  it('a file that cannot be read is refused by name', async () => {
    const { port } = fakeSolver();
    const store = createViewerStore(port, 'default');
    const broken = file('gone.json', '{}');
    broken.text = () => Promise.reject(new Error('NotReadableError'));
    await store.getState().openFiles([broken]);
    expect(store.getState().error).toMatch(/^gone\.json: could not be read/);
    expect(store.getState().shown).toBeNull();
  });

  it('fields.json is taken only with the result.json of the same solve (input hash)', async () => {
    const coarse = { ...defaultCase, mesh: { ...defaultCase.mesh, size: 6 } };
    const solvedCase = solveCase(coarse);
    const fieldsText = encodeResultFields(resultFieldsOf(solvedCase), 'a'.repeat(64));
    const result = (hash: string) =>
      JSON.stringify({ ...summaryOf(solvedCase), input: { file: 'x.json', hash } });
    const { port } = fakeSolver();
    const store = createViewerStore(port, 'default');
    await store
      .getState()
      .openFiles([file('result.json', result('b'.repeat(64))), file('fields.json', fieldsText)]);
    expect(store.getState().shown).toBeNull();
    expect(store.getState().error).toMatch(
      /fields\.json was solved from input aaaaaaaaaaaa… but result\.json from input bbbbbbbbbbbb…/,
    );
    await store
      .getState()
      .openFiles([file('result.json', result('a'.repeat(64))), file('fields.json', fieldsText)]);
    const shown = store.getState().shown;
    expect(store.getState().error).toBeNull();
    expect(shown?.fields?.interfaces.map((i) => i.name)).toEqual(solvedCase.interfaces.map((i) => i.name));
    expect(Array.from(shown?.fields?.meshX ?? [])).toEqual(Array.from(solvedCase.fields.model.mesh.x));
  });

  it('a result solved with a raised memory limit opens with its case.json and parameters', async () => {
    const { port } = fakeSolver();
    const store = createViewerStore(port, 'default');
    // 0.3 mm needs more memory than the default limit, which a CLI run can raise with --max-memory
    const fine = { ...defaultCase, mesh: { ...defaultCase.mesh, size: 0.3 } };
    const summary = { schema: 'stackpress.result/2', name: 'default', pressure: { mean: 4 } };
    await store
      .getState()
      .openFiles([file('result.json', JSON.stringify(summary)), file('case.json', JSON.stringify(fine))]);
    expect(store.getState().error).toBeNull();
    expect(store.getState().params.find((p) => p.key === 'meshSize')?.value).toBe(0.3);
  });

  it('a case.json of another case than the result.json is refused', async () => {
    const { port } = fakeSolver();
    const store = createViewerStore(port, 'default');
    const summary = { schema: 'stackpress.result/2', name: 'fig5b-bare', pressure: { mean: 4 } };
    await store
      .getState()
      .openFiles([
        file('result.json', JSON.stringify(summary)),
        file('case.json', JSON.stringify({ ...defaultCase, name: 'other' })),
      ]);
    expect(store.getState().shown).toBeNull();
    expect(store.getState().error).toMatch(
      /case\.json is case "other" but result\.json is case "fig5b-bare"/,
    );
  });
});
