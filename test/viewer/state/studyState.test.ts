import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { inputHash } from '../../../src/cli/inputHash';
import { buildModel } from '../../../src/model/buildModel';
import { stackGeometryOf } from '../../../src/presentation/stackGeometryOf';
import { encodeToleranceFile } from '../../../src/presentation/toleranceFile';
import { studySettings } from '../../../src/tolerance/studySettings';
import type { ToleranceResult } from '../../../src/tolerance/toleranceResult';
import { runToleranceStudy } from '../../../src/tolerance/toleranceStudy';
import { inputKey } from '../../../viewer/src/state/inputKey';
import {
  createStudyStore,
  isStudyStale,
  openPickedFiles,
  type StudyPort,
  studyCaption,
} from '../../../viewer/src/state/studyState';
import { type CaseSolverPort, createViewerStore } from '../../../viewer/src/state/viewerStore';
import {
  SolveCancelledError,
  type SolvedCase,
  type StudiedCase,
  type StudyProgress,
} from '../../../viewer/src/worker/solveClient';

const defaultCase = JSON.parse(readFileSync(new URL('../../../cases/default.json', import.meta.url), 'utf8'));
const noneCase = readFileSync(new URL('../../../cases/fig5b-none.json', import.meta.url), 'utf8');
const flush = () => new Promise((r) => setTimeout(r, 0));
const file = (name: string, text: string) => new File([text], name, { type: 'application/json' });

type Call = {
  kind: 'solve' | 'study';
  input: unknown;
  options?: { samples: number; seed: number };
  progress?: (p: StudyProgress) => void;
  resolve: (v: never) => void;
  reject: (e: Error) => void;
};

/** One fake worker for solves and studies, as the SolveClient: a new job or cancel rejects the running one. */
function fakeWorker() {
  const calls: Call[] = [];
  const cancel = () => {
    for (const c of calls.splice(0)) c.reject(new SolveCancelledError(`${c.kind} cancelled`));
  };
  const solver: CaseSolverPort = {
    solve: (input) => {
      cancel();
      return new Promise<SolvedCase>((resolve, reject) => {
        calls.push({ kind: 'solve', input, resolve: resolve as (v: never) => void, reject });
      });
    },
    cancel,
  };
  const study: StudyPort = {
    study: (input, options, progress) => {
      cancel();
      return new Promise<StudiedCase>((resolve, reject) => {
        calls.push({
          kind: 'study',
          input,
          options,
          progress,
          resolve: resolve as (v: never) => void,
          reject,
        });
      });
    },
    cancel,
  };
  return { solver, study, calls };
}

/** A study result with a p50 CoV of `cov`, standing for what the worker returns. */
const studied = (cov: number, samples = 4): StudiedCase => ({
  result: {
    caseName: 'default',
    samples,
    seed: 1,
    failed: [],
    distributions: { loadUp: { cov: { p50: cov } } },
  } as unknown as ToleranceResult,
  stack: null,
  seconds: 0.1,
});

/** A viewer store with the default case open and solved, and a study store on the same fake worker. */
async function stores() {
  const worker = fakeWorker();
  const viewer = createViewerStore(worker.solver, 'default');
  viewer.getState().solve();
  worker.calls[0].resolve({ summary: { name: 'default' }, fields: null, seconds: 0.1 } as never);
  await flush();
  const study = createStudyStore(worker.study, viewer);
  return { worker, viewer, study };
}

const last = (calls: Call[]) => calls[calls.length - 1];

describe('Spread study state: stale rules', () => {
  it('a study of the current inputs shows when every draw is done, and an edit marks it stale', async () => {
    const { worker, viewer, study } = await stores();
    expect(study.getState().run(4, 1)).toBe(true);
    const call = last(worker.calls);
    expect(call.kind).toBe('study');
    expect(call.options).toEqual({ samples: 4, seed: 1 });
    expect(call.input).toEqual(defaultCase);
    call.progress?.({ done: 2, total: 4, failed: [1] });
    expect(study.getState().progress).toEqual({ done: 2, total: 4, failed: [1] });
    expect(study.getState().shown).toBeNull();
    call.resolve(studied(0.08) as never);
    await flush();
    const s = study.getState();
    expect(s.status).toBe('done');
    expect(s.shown?.inputKey).toBe(inputKey(defaultCase));
    expect(studyCaption(s.shown as never)).toBe('default · study #1, 4 draws, seed 1');
    expect(isStudyStale(s.shown, viewer.getState().currentKey)).toBe(false);
    const preload = viewer.getState().params.find((p) => p.key === 'preload');
    viewer.getState().setValue('preload', (preload?.value ?? 0) + 500);
    expect(isStudyStale(s.shown, viewer.getState().currentKey)).toBe(true);
    // the inputs it ran on make it current again
    viewer.getState().setValue('preload', preload?.value ?? 0);
    expect(isStudyStale(s.shown, viewer.getState().currentKey)).toBe(false);
  });

  it('a study is not started while the case solves (it would cancel the solve)', async () => {
    const { worker, viewer, study } = await stores();
    viewer.getState().solve();
    const before = worker.calls.length;
    expect(study.getState().run(4, 1)).toBe(false);
    expect(worker.calls.length).toBe(before);
    expect(study.getState().status).toBe('idle');
  });

  it('Cancel shows "cancelled" and keeps the earlier whole study, never the partial one', async () => {
    const { worker, study } = await stores();
    study.getState().run(4, 1);
    last(worker.calls).resolve(studied(0.08) as never);
    await flush();
    study.getState().run(40, 1);
    const running = last(worker.calls);
    running.progress?.({ done: 3, total: 40, failed: [] });
    study.getState().cancel();
    await flush();
    expect(study.getState().status).toBe('cancelled');
    expect(study.getState().progress).toEqual({ done: 3, total: 40, failed: [] });
    expect(study.getState().shown?.runId).toBe(1);
    // a late reply of the cancelled study is dropped
    running.resolve(studied(0.5, 40) as never);
    running.progress?.({ done: 4, total: 40, failed: [] });
    await flush();
    expect(study.getState().shown?.result.samples).toBe(4);
    expect(study.getState().progress?.done).toBe(3);
  });

  it('a solve or another case opened cancels a running study', async () => {
    const { worker, viewer, study } = await stores();
    study.getState().run(4, 1);
    viewer.getState().solve();
    await flush();
    expect(study.getState().status).toBe('cancelled');
    last(worker.calls).resolve({ summary: { name: 'default' }, fields: null, seconds: 0.1 } as never);
    await flush();
    expect(study.getState().run(4, 1)).toBe(true);
    viewer.getState().openLibrary('fig5b-none');
    await flush();
    expect(study.getState().status).toBe('cancelled');
  });

  it('a failed study clears the shown study and shows its error', async () => {
    const { worker, study } = await stores();
    study.getState().run(4, 1);
    last(worker.calls).resolve(studied(0.08) as never);
    await flush();
    study.getState().run(4, 1);
    last(worker.calls).reject(new Error('case: tolerances.samples: 0 — allowed 1 to 1000'));
    await flush();
    expect(study.getState().status).toBe('error');
    expect(study.getState().error).toBe('Study failed: case: tolerances.samples: 0 — allowed 1 to 1000');
    expect(study.getState().shown).toBeNull();
  });

  it('a reply of an older study is ignored once a newer one started', async () => {
    const { worker, study } = await stores();
    study.getState().run(4, 1);
    const first = last(worker.calls);
    study.getState().run(5, 2);
    const second = last(worker.calls);
    first.resolve(studied(0.9) as never);
    await flush();
    expect(study.getState().status).toBe('running');
    second.resolve(studied(0.08, 5) as never);
    await flush();
    expect(study.getState().shown?.runId).toBe(2);
    expect(study.getState().shown?.result.samples).toBe(5);
  });
});

describe('Spread study state: a study folder opened', () => {
  // a study folder as the CLI writes it: tolerance.json of the case with its samples and seed
  const coarse = { ...defaultCase, mesh: { size: 6 } };
  const ran = { ...coarse, tolerances: { samples: 3, seed: 2 } };
  let toleranceText = '';
  let result: ToleranceResult;
  beforeAll(() => {
    result = runToleranceStudy(coarse, { samples: 3, seed: 2 });
    const c = studySettings(ran).checked.case;
    toleranceText = encodeToleranceFile({
      result,
      stack: stackGeometryOf(c, buildModel(c)),
      input: { file: 'coarse.json', hash: inputHash(ran) },
    });
  });

  it('tolerance.json with its case.json: that study, current, and its case opened in the viewer', async () => {
    const { viewer, study } = await stores();
    const draw = { ...ran, bolts: { ...ran.bolts, preload: { force: 6000 } } };
    await openPickedFiles(
      [
        file('draw-1.json', JSON.stringify(draw)),
        file('tolerance.json', toleranceText),
        file('case.json', JSON.stringify(ran)),
      ],
      { viewer, study },
    );
    const s = study.getState();
    expect(s.error).toBeNull();
    expect(s.shown?.origin).toBe('file');
    expect(s.shown?.files).toEqual(['tolerance.json', 'case.json']);
    expect(s.shown?.result.distributions.loadUp?.cov.p50).toBe(result.distributions.loadUp?.cov.p50);
    expect(s.shown?.stack).not.toBeNull();
    expect(viewer.getState().source).toEqual({ kind: 'caseFile', name: 'case.json' });
    expect(viewer.getState().tab).toBe('spread');
    expect(isStudyStale(s.shown, viewer.getState().currentKey)).toBe(false);
  });

  it('tolerance.json alone: its inputs unknown, never marked current or stale', async () => {
    const { viewer, study } = await stores();
    await openPickedFiles([file('tolerance.json', toleranceText)], { viewer, study });
    const s = study.getState();
    expect(s.shown?.inputKey).toBeNull();
    expect(isStudyStale(s.shown, viewer.getState().currentKey)).toBe(false);
    // the open case stays
    expect(viewer.getState().source).toEqual({ kind: 'library', id: 'default' });
  });

  it('refuses a case.json that is not the one the study ran, or another case', async () => {
    for (const other of [
      JSON.stringify({ ...ran, tolerances: { samples: 3, seed: 3 } }),
      JSON.stringify(coarse),
      noneCase,
    ]) {
      const { viewer, study } = await stores();
      await openPickedFiles([file('tolerance.json', toleranceText), file('case.json', other)], {
        viewer,
        study,
      });
      expect(study.getState().status).toBe('error');
      expect(study.getState().error).toMatch(
        /^case\.json: is not the case tolerance\.json was run from \(case "default", input [0-9a-f]{12}…\)/,
      );
      expect(study.getState().shown).toBeNull();
      expect(viewer.getState().source).toEqual({ kind: 'library', id: 'default' });
    }
  });

  it('refuses a broken tolerance.json naming the file and what is wrong, and two studies at once', async () => {
    const { viewer, study } = await stores();
    const broken = JSON.parse(toleranceText);
    broken.failed = [1];
    await openPickedFiles([file('tolerance.json', JSON.stringify(broken))], { viewer, study });
    expect(study.getState().error).toBe('tolerance.json: failed: [1], but the draws that failed are []');
    await openPickedFiles([file('a.json', toleranceText), file('b.json', toleranceText)], { viewer, study });
    expect(study.getState().error).toBe('a.json and b.json are two studies: open one study folder at a time');
    const truncated = toleranceText.slice(0, 5000);
    await openPickedFiles([file('tolerance.json', truncated)], { viewer, study });
    expect(study.getState().error).toMatch(/^tolerance\.json: not JSON/);
    expect(study.getState().shown).toBeNull();
  });

  it('a case file or a result folder still opens in the viewer, not as a study', async () => {
    const { viewer, study } = await stores();
    await openPickedFiles([file('none.json', noneCase)], { viewer, study });
    expect(viewer.getState().source).toEqual({ kind: 'caseFile', name: 'none.json' });
    expect(study.getState().status).toBe('idle');
  });
});
