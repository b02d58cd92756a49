import { createStore, type StoreApi } from 'zustand/vanilla';
import { checkCase } from '../../../src/index';
import type { LoadState } from '../../../src/presentation/resultFields';
import { type EditableParameter, editableParameters, withEdits } from '../domain/caseEdits';
import { libraryCase } from '../domain/caseLibrary';
import type { FilmChoice } from '../panels/filmChoice';
import { SolveCancelledError, type SolvedCase, type SolveProgress } from '../worker/solveClient';
import { inputKey } from './inputKey';
import { PickedFileError, readPickedFiles } from './resultFolder';
import type { ShownResult } from './shownResult';
import { DEFAULT_VIEW, type ViewSettings } from './viewSettings';

/**
 * The viewer's one store: what is open, the inputs with their edits, the solve, and the one result
 * every panel shows (`shown`). No panel keeps a result of its own, so no two panels can show
 * different solves.
 *
 * Stale rules — a panel never shows a result as current when it is not:
 * - An edit not yet solved makes `shown` stale at once: `isStale` compares the canonical key of the
 *   current inputs with the key of the inputs `shown` was solved from; panels then carry a
 *   "stale — re-solve" badge and grey their maps.
 * - A failed solve clears `shown` and sets the error: nothing is shown as current.
 * - Reset restores the inputs as opened; if `shown` was not solved from exactly those inputs
 *   (an edit was solved meanwhile, or the last solve failed) the store re-solves them.
 * - Opening a case file that is not valid clears everything (inputs, result) and names the file in
 *   the error. Opening a valid case clears the old result and solves the new case.
 * - Opening a result folder's files (result.json, with fields.json for the maps and case.json for
 *   the parameters) shows that result in every panel; without fields.json `shown.fields` is null
 *   and the map panels say so. Files of different cases (name or input hash) are refused: the
 *   store is cleared and the error names the files, so nothing left over could be taken for them.
 * - While the Compare tab is open the app hides the case-specific side panels (Compare solves its
 *   own cases); `shown` is untouched and returns with the other tabs.
 * - A cancelled solve leaves `shown` as it was (stale or not by the same key rule).
 * - A reply of any solve but the latest is ignored, and so are files that finish reading after the
 *   user opened something else.
 * - The Spread tab's tolerance study lives in its own store (studyState.ts) under the same rules,
 *   keyed to `currentKey`; it shares this store's worker, so a solve started here cancels it.
 * - The Design tab's run is a file (designState.ts): it never goes stale, and a design's map it
 *   shows belongs to that design; "Open as case" opens the design's case here (`openInput`), as a
 *   case file opens.
 * - The life history's chosen state (`historyChoice`) is kept with the result it was chosen on:
 *   any other result shown starts at its state 0 (load-up), so no panel shows a state of another
 *   solve; a stale edit keeps the choice and greys it with the rest. Choosing a load state (load-up,
 *   swelling) leaves the history: one choice says what the maps show (`historyIndex`).
 */

export type SolveStatus = 'idle' | 'solving' | 'done' | 'error' | 'cancelled';
export type Tab = '3d' | 'top' | 'history' | 'compare' | 'efficiency' | 'spread' | 'design';

/** What is open, for the toolbar: a library case, a case file, a result folder, or nothing. */
export type OpenSource =
  | { kind: 'library'; id: string }
  | { kind: 'caseFile'; name: string }
  | { kind: 'result'; names: string[]; caseFile: string | null }
  | { kind: 'none' };

/** The solver the store drives (the worker's SolveClient, or a fake in tests). */
export interface CaseSolverPort {
  solve(input: unknown, onProgress: (p: SolveProgress) => void): Promise<SolvedCase>;
  cancel(): void;
}

export interface ViewerState {
  source: OpenSource;
  /** the case input as opened (the target of Reset), or null when none is open */
  base: unknown | null;
  params: EditableParameter[];
  /** the edit panel's values by parameter key */
  values: Record<string, number>;
  /** canonical key of the current inputs (base with the edits), or null without a case */
  currentKey: string | null;
  status: SolveStatus;
  progress: SolveProgress | null;
  /** performance.now() when the running solve started [ms] */
  startedAt: number;
  /** solves started so far; the latest one's number */
  solves: number;
  /** wall time of the last finished solve [s], for the progress estimate */
  lastSeconds: number | null;
  /** the failed solve's or the refused file's message */
  error: string | null;
  shown: ShownResult | null;
  tab: Tab;
  view: ViewSettings;
  /** the load state and rendering of the top view */
  loadState: LoadState;
  /**
   * the life-history state chosen (index into the history's states) and the result it was chosen
   * on; index null: a load state was chosen instead. Read it through `historyIndex`.
   */
  historyChoice: { of: ShownResult | null; index: number | null } | null;
  film: FilmChoice;
  fitRequest: number;
}

export interface ViewerActions {
  openLibrary(id: string): void;
  openFiles(files: readonly File[]): Promise<void>;
  /** open a case built in the page (a design of a design run) under `name`, as a case file opens */
  openInput(input: unknown, name: string): void;
  setValue(key: string, value: number): void;
  resetEdits(): void;
  /** solve the current inputs */
  solve(): void;
  cancel(): void;
  setTab(tab: Tab): void;
  setView(view: ViewSettings): void;
  /** show a load state's maps (and leave the life history) */
  setLoadState(state: LoadState): void;
  /** show the life history's state `index` (0 = load-up) of the shown result */
  setHistoryIndex(index: number): void;
  setFilm(film: FilmChoice): void;
  fit(): void;
}

export type ViewerStore = StoreApi<ViewerState & ViewerActions>;

/** True when `shown` was solved from other inputs than the current ones. */
export function isStale(s: Pick<ViewerState, 'shown' | 'currentKey'>): boolean {
  if (!s.shown || s.currentKey === null) return false;
  return s.shown.inputKey !== s.currentKey;
}

/**
 * The life-history state the maps show for the shown result: the choice made on this result, else
 * 0 (its load-up state); null when a load state was chosen instead. Clamp it to the result's states
 * with `chosenHistoryIndex` (historyView.ts); a result without a history ignores it.
 */
export function historyIndex(s: Pick<ViewerState, 'shown' | 'historyChoice'>): number | null {
  return s.historyChoice && s.historyChoice.of === s.shown ? s.historyChoice.index : 0;
}

/** The current inputs: the case as opened with the edit panel's values written in. */
export function currentInput(s: Pick<ViewerState, 'base' | 'params' | 'values'>): unknown | null {
  return s.base === null ? null : withEdits(s.base, s.params, s.values);
}

const defaults = (params: EditableParameter[]) => Object.fromEntries(params.map((p) => [p.key, p.value]));

/** Inputs state for a newly opened case (or none). */
function inputsOf(base: unknown | null): Pick<ViewerState, 'base' | 'params' | 'values' | 'currentKey'> {
  const params = base === null ? [] : editableParameters(base);
  return { base, params, values: defaults(params), currentKey: base === null ? null : inputKey(base) };
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A store bound to one solver, with library case `initialCase` open (not yet solved: call `solve`). */
export function createViewerStore(solver: CaseSolverPort, initialCase: string | null): ViewerStore {
  const store = createStore<ViewerState & ViewerActions>()((set, get) => {
    // the solve whose replies count (0: none); a stopped solve's late replies are dropped
    let live = 0;
    // bumped whenever something else is opened: files still being read when the user has moved on
    // (another drop, a library case) are dropped, not shown over what the user chose since
    let opened = 0;
    const startSolve = (input: unknown) => {
      const solveId = get().solves + 1;
      live = solveId;
      const key = inputKey(input);
      set({ status: 'solving', progress: null, startedAt: performance.now(), error: null, solves: solveId });
      solver
        .solve(input, (progress) => {
          if (live === solveId) set({ progress });
        })
        .then(
          (solved) => {
            if (live !== solveId) return;
            live = 0;
            set({
              status: 'done',
              progress: null,
              lastSeconds: solved.seconds,
              shown: {
                origin: 'solve',
                caseName: solved.summary.name,
                caseInput: input,
                summary: solved.summary,
                fields: solved.fields,
                solveId,
                seconds: solved.seconds,
                inputKey: key,
                files: [],
              },
            });
          },
          (e: unknown) => {
            if (e instanceof SolveCancelledError || live !== solveId) return;
            live = 0;
            set({ status: 'error', progress: null, error: `Solve failed: ${message(e)}`, shown: null });
          },
        );
    };

    /** Stop any solve and forget its replies (a cancelled promise may still settle later). */
    const stopSolving = () => {
      live = 0;
      solver.cancel();
    };

    const openCase = (input: unknown, source: OpenSource) => {
      opened++;
      stopSolving();
      set({ source, ...inputsOf(input), shown: null, error: null, status: 'idle', progress: null });
      startSolve(input);
    };

    const clearAll = (error: string) => {
      opened++;
      stopSolving();
      set({
        source: { kind: 'none' },
        ...inputsOf(null),
        shown: null,
        status: 'error',
        progress: null,
        error,
      });
    };

    const initial = initialCase ? libraryCase(initialCase) : undefined;
    return {
      source: initial ? { kind: 'library', id: initial.id } : { kind: 'none' },
      ...inputsOf(initial ? initial.input : null),
      status: 'idle',
      progress: null,
      startedAt: 0,
      solves: 0,
      lastSeconds: null,
      error: null,
      shown: null,
      tab: '3d',
      view: DEFAULT_VIEW,
      loadState: 'loadUp',
      historyChoice: null,
      film: 'scale',
      fitRequest: 0,

      openLibrary(id) {
        const lib = libraryCase(id);
        if (!lib) clearAll(`case ${id}.json is not in the library`);
        else openCase(lib.input, { kind: 'library', id });
      },

      async openFiles(files) {
        const ticket = ++opened;
        let picked: Awaited<ReturnType<typeof readPickedFiles>>;
        try {
          picked = await readPickedFiles(files);
        } catch (e) {
          if (ticket !== opened) return;
          // mismatched or unreadable files: refused, and nothing shown may be taken for them
          clearAll(
            e instanceof PickedFileError
              ? e.message
              : `${files.map((f) => f.name).join(', ')}: ${message(e)}`,
          );
          return;
        }
        if (ticket !== opened) return;
        if (picked.kind === 'case') {
          try {
            checkCase(picked.input);
          } catch (e) {
            clearAll(`${picked.name}: ${message(e)}`);
            return;
          }
          openCase(picked.input, { kind: 'caseFile', name: picked.name });
          return;
        }
        opened++;
        stopSolving();
        const { summary } = picked;
        set({
          source: { kind: 'result', names: picked.names, caseFile: picked.caseFile },
          ...inputsOf(picked.caseInput),
          status: 'idle',
          progress: null,
          error: null,
          shown: {
            origin: 'file',
            caseName: String(summary.name),
            caseInput: picked.caseInput,
            summary,
            fields: picked.fields,
            solveId: null,
            seconds: Number(summary.effort?.seconds),
            inputKey: picked.caseInput === null ? null : inputKey(picked.caseInput),
            files: picked.names,
          },
        });
      },

      openInput(input, name) {
        try {
          checkCase(input);
        } catch (e) {
          clearAll(`${name}: ${message(e)}`);
          return;
        }
        openCase(input, { kind: 'caseFile', name });
      },

      setValue(key, value) {
        set((s) => {
          const values = { ...s.values, [key]: value };
          const input = currentInput({ ...s, values });
          return { values, currentKey: input === null ? null : inputKey(input) };
        });
      },

      resetEdits() {
        const s = get();
        if (s.base === null) return;
        const key = inputKey(s.base);
        set({ values: defaults(s.params), currentKey: key });
        // the shown result is current only if it was solved from exactly the restored inputs
        if (s.shown?.inputKey !== key) startSolve(s.base);
        else if (s.status === 'solving') {
          stopSolving();
          set({ status: 'done', progress: null });
        }
      },

      solve() {
        const input = currentInput(get());
        if (input !== null) startSolve(input);
      },

      cancel() {
        if (get().status !== 'solving') return;
        stopSolving();
        set({ status: 'cancelled', progress: null });
      },

      setTab: (tab) => set({ tab }),
      setView: (view) => set({ view }),
      setLoadState: (loadState) => set((s) => ({ loadState, historyChoice: { of: s.shown, index: null } })),
      setHistoryIndex: (index) =>
        set((s) => ({
          historyChoice: { of: s.shown, index: Number.isInteger(index) && index >= 0 ? index : 0 },
        })),
      setFilm: (film) => set({ film }),
      fit: () => set((s) => ({ fitRequest: s.fitRequest + 1 })),
    };
  });
  // a choice made on a result no longer shown is dropped, so it does not hold that result's fields
  // in memory (historyIndex already ignores it)
  store.subscribe((s) => {
    if (s.historyChoice && s.historyChoice.of !== s.shown) store.setState({ historyChoice: null });
  });
  return store;
}
