import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CaseSummary } from '../../../src/index';
import { chosenHistoryIndex, shownHistory } from '../../../viewer/src/state/historyView';
import {
  type CaseSolverPort,
  createViewerStore,
  historyIndex,
  isStale,
} from '../../../viewer/src/state/viewerStore';
import { SolveCancelledError, type SolvedCase } from '../../../viewer/src/worker/solveClient';
import { fieldsWithHistory, historyGrids, historySummary } from '../historyFixture';

const defaultCase = JSON.parse(readFileSync(new URL('../../../cases/default.json', import.meta.url), 'utf8'));

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

/** A solve of the default case that carries the fixture's life history. */
const solvedWithHistory = (swollen = false): SolvedCase => ({
  summary: { name: 'default', pressure: { mean: 5 }, history: historySummary() } as unknown as CaseSummary,
  fields: fieldsWithHistory(historyGrids(), swollen),
  seconds: 0.5,
});
const flush = () => new Promise((r) => setTimeout(r, 0));

/** The state the maps show, as the app reads it. */
const shownIndex = (store: ReturnType<typeof createViewerStore>) => {
  const s = store.getState();
  return chosenHistoryIndex(shownHistory(s.shown), historyIndex(s));
};

describe('viewer store: the life history state', () => {
  it('a result with a history opens on its load-up state; the chosen state stays while the result is shown', async () => {
    const { port, calls } = fakeSolver();
    const store = createViewerStore(port, 'default');
    store.getState().solve();
    calls[0].resolve(solvedWithHistory());
    await flush();
    expect(shownIndex(store)).toBe(0);
    store.getState().setHistoryIndex(2);
    expect(shownIndex(store)).toBe(2);
    // past the last state: the view clamps it to the last, never past the result's states
    store.getState().setHistoryIndex(40);
    expect(shownIndex(store)).toBe(3);
  });

  it('another result shown starts again at load-up: no panel shows a state chosen on another solve', async () => {
    const { port, calls } = fakeSolver();
    const store = createViewerStore(port, 'default');
    store.getState().solve();
    calls[0].resolve(solvedWithHistory());
    await flush();
    store.getState().setHistoryIndex(3);
    store.getState().solve();
    // while the re-solve runs the old result and its state stay
    expect(shownIndex(store)).toBe(3);
    calls[calls.length - 1].resolve(solvedWithHistory());
    await flush();
    expect(store.getState().shown?.solveId).toBe(2);
    expect(shownIndex(store)).toBe(0);
    // and the old choice is let go: it would hold the old result's maps in memory
    expect(store.getState().historyChoice).toBeNull();
  });

  it('a stale edit keeps the chosen state (greyed with the rest); a failed solve leaves nothing to show', async () => {
    const { port, calls } = fakeSolver();
    const store = createViewerStore(port, 'default');
    store.getState().solve();
    calls[0].resolve(solvedWithHistory());
    await flush();
    store.getState().setHistoryIndex(1);
    const preload = store.getState().params.find((p) => p.key === 'preload');
    store.getState().setValue('preload', (preload?.value ?? 0) + 500);
    expect(isStale(store.getState())).toBe(true);
    expect(shownIndex(store)).toBe(1);
    store.getState().solve();
    calls[calls.length - 1].reject(new Error('diverged'));
    await flush();
    expect(store.getState().shown).toBeNull();
    expect(shownIndex(store)).toBeNull();
  });

  it('choosing a load state leaves the history; choosing a history state returns to it: one choice', async () => {
    const { port, calls } = fakeSolver();
    const store = createViewerStore(port, 'default');
    store.getState().solve();
    // a result with a swollen state too (crafted: no solve makes both), so there is a load state to leave for
    calls[0].resolve(solvedWithHistory(true));
    await flush();
    store.getState().setHistoryIndex(2);
    store.getState().setLoadState('swollen');
    expect(store.getState().loadState).toBe('swollen');
    expect(shownIndex(store)).toBeNull();
    store.getState().setHistoryIndex(1);
    expect(shownIndex(store)).toBe(1);
  });

  it('without another load state than load-up, choosing load-up is the history at state 0', async () => {
    const { port, calls } = fakeSolver();
    const store = createViewerStore(port, 'default');
    store.getState().solve();
    calls[0].resolve(solvedWithHistory());
    await flush();
    store.getState().setHistoryIndex(2);
    // the Spread tab's load-state choice writes the same choice: the maps go back to load-up
    store.getState().setLoadState('loadUp');
    expect(shownIndex(store)).toBe(0);
  });

  it('a result without a history has no history state, whatever was chosen', async () => {
    const { port, calls } = fakeSolver();
    const store = createViewerStore(port, 'default');
    store.getState().solve();
    calls[0].resolve({ ...solvedWithHistory(), summary: { name: 'default' } as unknown as CaseSummary });
    await flush();
    store.getState().setHistoryIndex(2);
    expect(shownIndex(store)).toBeNull();
  });

  it('a result folder opened from files with a history starts at load-up', async () => {
    const { port, calls } = fakeSolver();
    const store = createViewerStore(port, 'default');
    store.getState().solve();
    calls[0].resolve(solvedWithHistory());
    await flush();
    store.getState().setHistoryIndex(3);
    const { encodeResultFields } = await import('../../../src/presentation/fieldsFile');
    const synthetic = fieldsWithHistory();
    // fields.json holds nodal arrays the synthetic fields leave empty (the maps are all this test reads)
    const nodes = synthetic.meshX.length * synthetic.meshY.length;
    const fields = {
      ...synthetic,
      caseName: 'default',
      interfaces: synthetic.interfaces.map((i) => ({
        ...i,
        mask: new Uint8Array(nodes),
        pressure: new Float64Array(nodes),
        gap: new Float64Array(nodes),
      })),
    };
    const summary = { schema: 'stackpress.result/2', name: 'default', history: historySummary() };
    const file = (name: string, text: string) => new File([text], name, { type: 'application/json' });
    await store
      .getState()
      .openFiles([
        file('result.json', JSON.stringify(summary)),
        file('fields.json', encodeResultFields(fields)),
        file('case.json', JSON.stringify(defaultCase)),
      ]);
    expect(store.getState().error).toBeNull();
    expect(store.getState().shown?.origin).toBe('file');
    expect(shownIndex(store)).toBe(0);
    const h = shownHistory(store.getState().shown);
    // fields.json keeps the maps at Float32: 4 grids back, their values within 1e-6 relative
    expect(h?.grids).toHaveLength(4);
    expect(h?.grids?.[2].values[10]).toBeCloseTo(historyGrids()[2].values[10], 5);
    store.getState().setHistoryIndex(2);
    expect(shownIndex(store)).toBe(2);
  });
});
