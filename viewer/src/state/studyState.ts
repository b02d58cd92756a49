import { createStore, type StoreApi } from 'zustand/vanilla';
import type { StackGeometry } from '../../../src/presentation/stackGeometry';
import type { ToleranceResult } from '../../../src/tolerance/toleranceResult';
import { SolveCancelledError, type StudiedCase, type StudyProgress } from '../worker/solveClient';
import { inputKey } from './inputKey';
import { PickedFileError } from './resultFolder';
import { holdsStudyFile, readStudyFiles } from './studyFile';
import { currentInput, type ViewerStore } from './viewerStore';

/**
 * The Spread tab's state: a tolerance study of the case as edited, run in the solver worker, or a
 * study folder's tolerance.json; the one study the tab shows (`shown`).
 *
 * Stale rules, as the viewer store's for a solve:
 * - A study belongs to the inputs it was run on: `inputKey` is the key of the current inputs when
 *   it was run, or of the study folder's case.json. An edit (or another case opened) makes it stale
 *   at once (`isStudyStale`) until a study of the current inputs replaces it. A file opened without
 *   its case.json has unknown inputs (`inputKey` null) and says so.
 * - A failed study or a refused file clears `shown` and sets the error: no old figures stay up.
 * - A cancelled study leaves `shown` as it was (with its own caption and stale mark): what was
 *   drawn of the cancelled one is never shown, as a study is whole or nothing.
 * - Starting a solve, opening a case or starting another study cancels a running study (one
 *   worker); a reply of any study but the latest is ignored, and so are files that finish
 *   reading after something else was opened.
 */

export type StudyStatus = 'idle' | 'running' | 'done' | 'error' | 'cancelled';

export interface ShownStudy {
  origin: 'run' | 'file';
  result: ToleranceResult;
  /** the stack the maps are drawn on, or null (no draw solved, or a file without it) */
  stack: StackGeometry | null;
  /** canonical key of the case input the study ran, or null when unknown */
  inputKey: string | null;
  /** the page's study number for a run, null for a file */
  runId: number | null;
  /** the file names it was opened from (origin 'file') */
  files: string[];
  /** wall time of the study [s] */
  seconds: number;
}

export interface StudyState {
  status: StudyStatus;
  progress: StudyProgress | null;
  /** studies started so far; the latest one's number */
  runs: number;
  error: string | null;
  shown: ShownStudy | null;
}

export interface StudyActions {
  /** run a study of the current inputs; false (and nothing started) while the viewer solves or without a case */
  run(samples: number, seed: number): boolean;
  cancel(): void;
  openFiles(files: readonly File[]): Promise<void>;
}

/** The worker's study call (the SolveClient, or a fake in tests). */
export interface StudyPort {
  study(
    input: unknown,
    options: { samples: number; seed: number },
    onProgress: (p: StudyProgress) => void,
  ): Promise<StudiedCase>;
  cancel(): void;
}

export type StudyStore = StoreApi<StudyState & StudyActions>;

/** True when the shown study was run on other inputs than the current ones (known inputs only). */
export function isStudyStale(shown: ShownStudy | null, currentKey: string | null): boolean {
  return shown !== null && shown.inputKey !== null && shown.inputKey !== currentKey;
}

/** "default · study #2, 50 draws, seed 1" or "tolerance.json + case.json of default (file)". */
export function studyCaption(s: ShownStudy): string {
  const r = s.result;
  if (s.origin === 'run') return `${r.caseName} · study #${s.runId}, ${r.samples} draws, seed ${r.seed}`;
  return `${s.files.join(' + ')} of ${r.caseName} (file), ${r.samples} draws, seed ${r.seed}`;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The Spread tab's store, running its studies on `port` and reading the inputs of `viewer`. */
export function createStudyStore(port: StudyPort, viewer: ViewerStore): StudyStore {
  return createStore<StudyState & StudyActions>()((set, get) => {
    // the study whose replies count (0: none)
    let live = 0;
    // bumped whenever a study starts or files are opened: older file reads are dropped
    let opened = 0;
    return {
      status: 'idle',
      progress: null,
      runs: 0,
      error: null,
      shown: null,

      run(samples, seed) {
        const v = viewer.getState();
        const input = currentInput(v);
        // the worker does one job at a time: a study started now would cancel the solve
        if (input === null || v.status === 'solving') return false;
        opened++;
        const runId = get().runs + 1;
        live = runId;
        const key = inputKey(input);
        set({
          status: 'running',
          progress: { done: 0, total: samples, failed: [] },
          error: null,
          runs: runId,
        });
        port
          .study(input, { samples, seed }, (progress) => {
            if (live === runId) set({ progress });
          })
          .then(
            (studied) => {
              if (live !== runId) return;
              live = 0;
              set({
                status: 'done',
                progress: null,
                shown: {
                  origin: 'run',
                  result: studied.result,
                  stack: studied.stack,
                  inputKey: key,
                  runId,
                  files: [],
                  seconds: studied.seconds,
                },
              });
            },
            (e: unknown) => {
              if (live !== runId) return;
              live = 0;
              if (e instanceof SolveCancelledError) set({ status: 'cancelled' });
              else
                set({ status: 'error', progress: null, error: `Study failed: ${message(e)}`, shown: null });
            },
          );
        return true;
      },

      cancel() {
        if (get().status !== 'running') return;
        // the port's rejection sets 'cancelled' (as when a solve or a case opened cancels it)
        port.cancel();
      },

      async openFiles(files) {
        const ticket = ++opened;
        let picked: Awaited<ReturnType<typeof readStudyFiles>>;
        try {
          picked = await readStudyFiles(files);
        } catch (e) {
          if (ticket !== opened) return;
          const text =
            e instanceof PickedFileError
              ? e.message
              : `${files.map((f) => f.name).join(', ')}: ${message(e)}`;
          set({ status: 'error', progress: null, error: text, shown: null });
          return;
        }
        if (ticket !== opened) return;
        if (get().status === 'running') {
          live = 0;
          port.cancel();
        }
        const { result, stack } = picked.file;
        set({
          status: 'done',
          progress: null,
          error: null,
          shown: {
            origin: 'file',
            result,
            stack,
            inputKey: picked.caseInput === null ? null : inputKey(picked.caseInput),
            runId: null,
            files: picked.names,
            seconds: result.effort.seconds,
          },
        });
        // the study's case becomes the open case (and solves), so an edit of it marks the study stale
        if (picked.caseFile) await viewer.getState().openFiles([picked.caseFile]);
        viewer.getState().setTab('spread');
      },
    };
  });
}

/** Open picked or dropped files: a study folder (it holds a tolerance.json) in the Spread tab, anything else as before. */
export async function openPickedFiles(
  files: readonly File[],
  stores: { viewer: ViewerStore; study: StudyStore },
): Promise<void> {
  if (await holdsStudyFile(files)) await stores.study.getState().openFiles(files);
  else await stores.viewer.getState().openFiles(files);
}
