import { createStore, type StoreApi } from 'zustand/vanilla';
import { designCase } from '../../../src/design/designCase';
import {
  type DesignFile,
  decodeDesignFile,
  MAX_DESIGN_FILE_BYTES,
} from '../../../src/presentation/designFile';
import { SolveCancelledError, type SolvedCase } from '../worker/solveClient';
import type { CaseSolverPort, ViewerStore } from './viewerStore';

/**
 * The Design tab's state: a `stackpress design` run opened from its design.json, and the one
 * design of it the tab shows solved (`chosen`).
 *
 * Stale rules:
 * - The run is a file: no edit makes it stale. Opening another run replaces it; a refused file
 *   clears it and sets the error, so no old front stays up under a new file's name.
 * - A chosen design is solved in the viewer's worker from its own case (`designCase` of the run's
 *   problem and its values); its map belongs to that design and says so ("design #k of <run>").
 *   Choosing another design, or opening another run, drops it; a reply of any design solve but
 *   the latest is ignored.
 * - The worker does one job at a time: a design is not solved while the viewer solves (the tab
 *   says why), and a solve started by the viewer cancels the design's.
 * - "Open as case" opens the chosen design's case in the viewer store as a case file opens (old
 *   result cleared, the case solved, every other panel labelled with it).
 */

export type DesignSolveStatus = 'idle' | 'solving' | 'done' | 'error' | 'cancelled';

export interface ShownRun {
  file: DesignFile;
  /** the name of the design.json it was opened from */
  fileName: string;
}

export interface ChosenDesign {
  /** archive index of the design in the run */
  index: number;
  /** the design's complete case, or null when it is not a case (then `error` says why) */
  caseInput: unknown | null;
  status: DesignSolveStatus;
  solved: SolvedCase | null;
  error: string | null;
}

export interface DesignState {
  run: ShownRun | null;
  error: string | null;
  chosen: ChosenDesign | null;
}

export interface DesignActions {
  openFiles(files: readonly File[]): Promise<void>;
  /** build and solve design `index` of the run */
  choose(index: number): void;
  /** make the chosen design the viewer's current case */
  openAsCase(): void;
}

export type DesignStore = StoreApi<DesignState & DesignActions>;

/** "design #3 of default module design": what a design's map and its opened case are called. */
export function designCaption(index: number, run: ShownRun): string {
  return `design #${index} of ${run.file.name}`;
}

// design.json starts with its schema version and kind (designFolder writes them first)
const DESIGN_HEAD = /^\s*\{\s*"schemaVersion"\s*:\s*1\s*,\s*"kind"\s*:\s*"stackpress\.design"/;
/** a design folder holds seven files; a drop of far more is not one folder */
const MAX_FILES = 100;

async function head(file: File): Promise<string> {
  try {
    return await file.slice(0, 200).text();
  } catch {
    return '';
  }
}

/** Whether the picked files hold a design.json (by its content), so they open in the Design tab. */
export async function holdsDesignFile(files: readonly File[]): Promise<boolean> {
  if (files.length > MAX_FILES) return false;
  for (const f of files) if (/\.json$/i.test(f.name) && DESIGN_HEAD.test(await head(f))) return true;
  return false;
}

/** The one design.json among the picked files, decoded; throws an Error naming the file. */
export async function readDesignFiles(files: readonly File[]): Promise<ShownRun> {
  if (files.length > MAX_FILES)
    throw new Error(`${files.length} files: a design folder has seven — open one folder at a time`);
  const found: File[] = [];
  for (const f of files) if (DESIGN_HEAD.test(await head(f))) found.push(f);
  const [file] = found;
  if (!file) {
    const names = files.map((f) => f.name).join(', ');
    throw new Error(`${names || '(no file)'}: no design.json of a stackpress design run among them`);
  }
  if (found.length > 1)
    throw new Error(`${found.map((f) => f.name).join(' and ')} are two design runs: open one at a time`);
  if (file.size > MAX_DESIGN_FILE_BYTES)
    throw new Error(
      `${file.name}: ${(file.size / 2 ** 20).toFixed(0)} MiB is larger than any design.json stackpress writes (at most ${MAX_DESIGN_FILE_BYTES / 2 ** 20} MiB)`,
    );
  try {
    return { file: decodeDesignFile(await file.text()), fileName: file.name };
  } catch (e) {
    throw new Error(`${file.name}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The Design tab's store, solving designs on `port` (the viewer's worker) beside `viewer`. */
export function createDesignStore(port: CaseSolverPort, viewer: ViewerStore): DesignStore {
  return createStore<DesignState & DesignActions>()((set, get) => {
    // the design solve whose reply counts (0: none)
    let live = 0;
    let solves = 0;
    // bumped whenever files are opened: an older read finishing late is dropped
    let opened = 0;
    const drop = () => {
      if (live !== 0 && get().chosen?.status === 'solving') port.cancel();
      live = 0;
    };
    return {
      run: null,
      error: null,
      chosen: null,

      async openFiles(files) {
        const ticket = ++opened;
        let run: ShownRun;
        try {
          run = await readDesignFiles(files);
        } catch (e) {
          if (ticket !== opened) return;
          drop();
          set({ run: null, chosen: null, error: message(e) });
          return;
        }
        if (ticket !== opened) return;
        drop();
        set({ run, chosen: null, error: null });
        viewer.getState().setTab('design');
      },

      choose(index) {
        const { run } = get();
        const row = run?.file.designs.find((d) => d.index === index);
        if (!run || !row) return;
        drop();
        let caseInput: unknown = null;
        let issues: string[] = [];
        try {
          const built = designCase(run.file.problem, row.design);
          if (built.ok) caseInput = built.case;
          else issues = built.issues;
        } catch (e) {
          // the decoder checked the design against the problem; a throw here is the file's fault, shown as such
          issues = [message(e)];
        }
        if (caseInput === null) {
          set({
            chosen: {
              index,
              caseInput: null,
              status: 'error',
              solved: null,
              error: `not a case: ${issues.join('; ')}`,
            },
          });
          return;
        }
        // the worker does one job at a time: solving the design now would cancel the viewer's solve
        if (viewer.getState().status === 'solving') {
          set({
            chosen: {
              index,
              caseInput,
              status: 'idle',
              solved: null,
              error: 'The open case is solving: choose the design again when it is done.',
            },
          });
          return;
        }
        const id = ++solves;
        live = id;
        set({ chosen: { index, caseInput, status: 'solving', solved: null, error: null } });
        port
          .solve(caseInput, () => {})
          .then(
            (solved) => {
              if (live !== id) return;
              live = 0;
              set({ chosen: { index, caseInput, status: 'done', solved, error: null } });
            },
            (e: unknown) => {
              if (live !== id) return;
              live = 0;
              const cancelled = e instanceof SolveCancelledError;
              set({
                chosen: {
                  index,
                  caseInput,
                  status: cancelled ? 'cancelled' : 'error',
                  solved: null,
                  error: cancelled
                    ? 'The solve was cancelled: choose the design again.'
                    : `Solve failed: ${message(e)}`,
                },
              });
            },
          );
      },

      openAsCase() {
        const { run, chosen } = get();
        if (!run || !chosen?.caseInput) return;
        // the viewer's solve takes the worker: the design's own solve is superseded by it
        live = 0;
        if (chosen.status === 'solving')
          set({
            chosen: {
              ...chosen,
              status: 'cancelled',
              error: 'Opened as the case: its map is in the other tabs.',
            },
          });
        viewer.getState().openInput(chosen.caseInput, designCaption(chosen.index, run));
      },
    };
  });
}
