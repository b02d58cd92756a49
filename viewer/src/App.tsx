import { useCallback, useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { LOAD_STATE_LABEL } from '../../src/presentation/resultFields';
import { CASE_LIBRARY, FIG5B_IDS, libraryCase } from './domain/caseLibrary';
import { type ProbeReading, probeAt } from './domain/probe';
import { CaseToolbar } from './panels/CaseToolbar';
import { ColorBar } from './panels/ColorBar';
import { ComparisonView } from './panels/ComparisonView';
import { DesignView } from './panels/DesignView';
import { EditPanel } from './panels/EditPanel';
import { EfficiencyChart } from './panels/EfficiencyChart';
import { ExportPanel } from './panels/ExportPanel';
import { HistoryView } from './panels/HistoryView';
import { PanelErrorBoundary } from './panels/PanelErrorBoundary';
import { ProbeReadout } from './panels/ProbeReadout';
import { ResultsPanel } from './panels/ResultsPanel';
import { ShownLabel } from './panels/ShownLabel';
import { SolveProgressBar } from './panels/SolveProgressBar';
import { SpreadView } from './panels/SpreadView';
import { StatusLine } from './panels/StatusLine';
import { TopView } from './panels/TopView';
import { ViewControls } from './panels/ViewControls';
import { StackScene } from './scene/StackScene';
import { createDesignStore, holdsDesignFile } from './state/designState';
import { chosenHistoryIndex, shownHistory } from './state/historyView';
import { shownCaption } from './state/shownResult';
import { shownView } from './state/shownView';
import { createStudyStore, isStudyStale, openPickedFiles } from './state/studyState';
import { createViewerStore, historyIndex, isStale, type Tab, type ViewerState } from './state/viewerStore';
import { useComparison } from './useComparison';
import { SolveClient } from './worker/solveClient';

const TABS: [Tab, string][] = [
  ['3d', '3D model'],
  ['top', 'Top view'],
  ['history', 'History'],
  ['compare', 'Compare'],
  ['efficiency', 'Efficiency'],
  ['spread', 'Spread'],
  ['design', 'Design'],
];

const MAPS_MISSING = 'open fields.json with result.json to see the maps';

function initialCaseId(): string {
  const wanted = new URLSearchParams(window.location.search).get('case') ?? 'default';
  return libraryCase(wanted) ? wanted : (CASE_LIBRARY[0]?.id ?? '');
}

/** What a result panel says when no result can be shown: solving, failed, or nothing open. */
function emptyText(s: Pick<ViewerState, 'status' | 'error'>, what: string): string {
  if (s.status === 'solving') return 'Solving the case…';
  if (s.status === 'error') return 'Failed — nothing current to show';
  return `Solve a case to see ${what}`;
}

export function App() {
  const [client] = useState(() => new SolveClient());
  const [store] = useState(() => createViewerStore(client, initialCaseId()));
  const [studyStore] = useState(() => createStudyStore(client, store));
  const [designStore] = useState(() => createDesignStore(client, store));
  const design = useStore(
    designStore,
    useShallow((st) => ({ run: st.run, error: st.error, chosen: st.chosen })),
  );
  const study = useStore(
    studyStore,
    useShallow((st) => ({ status: st.status, progress: st.progress, error: st.error, shown: st.shown })),
  );
  const currentKey = useStore(store, (st) => st.currentKey);
  const s = useStore(
    store,
    useShallow((st) => ({
      source: st.source,
      params: st.params,
      values: st.values,
      status: st.status,
      progress: st.progress,
      startedAt: st.startedAt,
      solves: st.solves,
      lastSeconds: st.lastSeconds,
      error: st.error,
      shown: st.shown,
      tab: st.tab,
      view: st.view,
      loadState: st.loadState,
      historyIndex: historyIndex(st),
      film: st.film,
      fitRequest: st.fitRequest,
      stale: isStale(st),
    })),
  );
  const actions = store.getState();
  const [probe, setProbe] = useState<ProbeReading | null>(null);
  const comparison = useComparison(FIG5B_IDS);

  // solve the case we open on; the worker goes with the page
  useEffect(() => {
    store.getState().solve();
    return () => client.dispose();
  }, [store, client]);

  // a design folder (it holds a design.json) opens in the Design tab, a study folder (it holds a
  // tolerance.json) in the Spread tab, anything else as before
  const openFiles = useCallback(
    (files: File[]) =>
      void (async () => {
        if (await holdsDesignFile(files)) await designStore.getState().openFiles(files);
        else await openPickedFiles(files, { viewer: store, study: studyStore });
      })(),
    [store, studyStore, designStore],
  );
  useEffect(() => {
    const over = (e: DragEvent) => e.preventDefault();
    const drop = (e: DragEvent) => {
      e.preventDefault();
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length > 0) openFiles(files);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [openFiles]);

  const { shown, stale, view } = s;
  // the life history of the shown result (checked once per result) and the state its maps show
  const history = useMemo(() => shownHistory(shown), [shown]);
  const historyAt = chosenHistoryIndex(history, s.historyIndex);
  const topHistory = useMemo(
    () =>
      history
        ? { view: history, index: historyAt, onIndex: (i: number) => store.getState().setHistoryIndex(i) }
        : null,
    [history, historyAt, store],
  );
  // bending is recomputed only when the result, the interface or the load state change
  const shownOf = useMemo(
    () => shownView(shown, view.interfaceIndex, s.loadState),
    [shown, view.interfaceIndex, s.loadState],
  );
  const { fields, interfaceNames, interfaceIndex, range, pressure, bending, maxExaggeration } = shownOf;
  const swollen = shownOf.loadState === 'swollen';
  const exaggeration = Math.min(view.exaggeration, maxExaggeration);
  const assemblyView = useMemo(
    () => ({
      exaggeration,
      exploded: view.exploded,
      interfaceIndex,
      range: range ?? { min: 0, max: 1 },
      pressure,
    }),
    [exaggeration, view.exploded, interfaceIndex, range, pressure],
  );
  // a probe reading belongs to the fields it was read from
  // biome-ignore lint/correctness/useExhaustiveDependencies: cleared whenever the shown fields change
  useEffect(() => setProbe(null), [fields]);
  const onProbe = useCallback(
    (p: { x: number; y: number } | null) =>
      setProbe(p && fields ? probeAt(fields, interfaceIndex, p.x, p.y, swollen) : null),
    [fields, interfaceIndex, swollen],
  );
  const busy = s.status === 'solving';
  const caseName = shown?.caseName ?? 'case';
  const comparing = s.tab === 'compare';
  const caseId = s.source.kind === 'library' ? s.source.id : '';
  const openName =
    s.source.kind === 'library'
      ? `${s.source.id}.json`
      : s.source.kind === 'caseFile'
        ? s.source.name
        : s.source.kind === 'result'
          ? s.source.caseFile
          : null;

  const sceneCanvas = useCallback(
    () => document.querySelector<HTMLCanvasElement>('[data-testid="scene-host"] canvas'),
    [],
  );

  const mapsPlaceholder = (what: string) => (
    <div className="placeholder" data-testid="maps-empty">
      {shown && !fields ? MAPS_MISSING : emptyText(s, what)}
    </div>
  );

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          stack<b>press</b>
          <span className="subtitle">pouch-stack pressure viewer</span>
        </div>
        <CaseToolbar
          caseId={caseId}
          busy={busy}
          canSolve={s.params.length > 0}
          onPickLibrary={(id) => actions.openLibrary(id)}
          onOpenFiles={openFiles}
          onSolve={() => actions.solve()}
        />
        <div
          className="status"
          data-testid="status"
          data-status={s.status}
          data-solve={s.solves}
          data-shown={shown ? shownCaption(shown) : ''}
          data-stale={String(stale)}
        >
          <PanelErrorBoundary resetKey={shown}>
            {busy ? (
              <SolveProgressBar
                progress={s.progress}
                startedAt={s.startedAt}
                expected={s.lastSeconds}
                onCancel={() => actions.cancel()}
              />
            ) : (
              <StatusLine status={s.status} error={s.error} shown={shown} stale={stale} />
            )}
          </PanelErrorBoundary>
        </div>
      </header>
      {s.error && s.status === 'error' ? (
        <div className="banner error" data-testid="banner">
          {s.error}
        </div>
      ) : shown && !fields ? (
        <div className="banner" data-testid="banner">
          Showing {shownCaption(shown)}: summary only — {MAPS_MISSING}
        </div>
      ) : null}
      <div className="app-body">
        <aside className="sidebar left">
          {comparing ? (
            <p className="muted side-note" data-testid="compare-side-note">
              Compare solves its own four cases; the parameters, view and export of{' '}
              {shown ? shownCaption(shown) : 'the open case'} return with the other tabs.
            </p>
          ) : (
            <>
              <section data-testid="parameters">
                <h2>Parameters</h2>
                {openName && (
                  <div className="panel-caption" data-testid="caption-parameters">
                    <span className="caption-text">inputs of {openName}</span>
                  </div>
                )}
                <EditPanel
                  params={s.params}
                  values={s.values}
                  busy={busy}
                  onChange={(key, v) => actions.setValue(key, v)}
                  onSolve={() => actions.solve()}
                  onReset={() => actions.resetEdits()}
                />
              </section>
              {shown && fields && (
                <section>
                  <h2>View</h2>
                  <ShownLabel shown={shown} stale={stale} panel="view" />
                  <ViewControls
                    settings={{ ...view, exaggeration, interfaceIndex }}
                    maxExaggeration={maxExaggeration}
                    interfaces={interfaceNames}
                    plateLength={fields?.stack.plate.Lx ?? 150}
                    onChange={(v) => actions.setView(v)}
                    onFit={() => actions.fit()}
                  />
                </section>
              )}
              {shown && (
                <section>
                  <h2>Export</h2>
                  <ShownLabel shown={shown} stale={stale} panel="export" />
                  <PanelErrorBoundary resetKey={shown}>
                    <ExportPanel
                      fields={fields}
                      summary={shown.summary}
                      caseName={caseName}
                      interfaceIndex={interfaceIndex}
                      loadState={s.loadState}
                      film={s.film}
                      caseInput={shown.caseInput}
                      sceneCanvas={sceneCanvas}
                      sceneRange={range ?? undefined}
                      sceneNote={`${LOAD_STATE_LABEL[shownOf.loadState]}, bending ×${exaggeration}${view.exploded ? ', exploded view' : ''}`}
                      history={history}
                      historyIndex={historyAt}
                    />
                  </PanelErrorBoundary>
                </section>
              )}
            </>
          )}
        </aside>
        <main className="main">
          <nav className="tabs">
            {TABS.map(([id, label]) => (
              <button
                key={id}
                type="button"
                className={s.tab === id ? 'active' : ''}
                onClick={() => actions.setTab(id)}
                data-testid={`tab-${id}`}
              >
                {label}
              </button>
            ))}
          </nav>
          <div className="tab-body">
            <PanelErrorBoundary resetKey={`${s.tab}:${shown ? shownCaption(shown) : ''}:${s.solves}`}>
              {s.tab === '3d' &&
                (shown && fields && range ? (
                  <div className={`scene-host ${stale ? 'is-stale' : ''}`} data-testid="scene-host">
                    <StackScene
                      fields={fields}
                      deflection={bending}
                      view={assemblyView}
                      section={view.section}
                      fitRequest={s.fitRequest}
                      onProbe={onProbe}
                    />
                    <div className="overlay top-left">
                      <ShownLabel shown={shown} stale={stale} panel="3d" />
                      <ProbeReadout reading={probe} />
                    </div>
                    <div className="overlay top-right">
                      <ColorBar
                        min={range.min}
                        max={range.max}
                        title={`${interfaceNames[interfaceIndex]}, ${LOAD_STATE_LABEL[shownOf.loadState]}`}
                      />
                    </div>
                    <div className="overlay bottom-left muted">
                      Bending ×{exaggeration} (each plate's mean w removed) · drag to orbit, wheel to zoom,
                      right-drag to pan
                    </div>
                  </div>
                ) : (
                  mapsPlaceholder('the module')
                ))}
              {s.tab === 'top' &&
                (shown && fields ? (
                  <div className={`top-host ${stale ? 'is-stale' : ''}`} data-testid="top-host">
                    <ShownLabel shown={shown} stale={stale} panel="top" />
                    <TopView
                      fields={fields}
                      caseName={caseName}
                      interfaceIndex={interfaceIndex}
                      loadState={s.loadState}
                      onLoadState={(st) => actions.setLoadState(st)}
                      film={s.film}
                      onFilm={(f) => actions.setFilm(f)}
                      history={topHistory}
                    />
                  </div>
                ) : (
                  mapsPlaceholder('the map')
                ))}
              {s.tab === 'history' &&
                (shown ? (
                  <div className={`history-host ${stale ? 'is-stale' : ''}`} data-testid="history-host">
                    <ShownLabel shown={shown} stale={stale} panel="history" />
                    <HistoryView
                      history={history}
                      index={historyAt}
                      onIndex={(i) => actions.setHistoryIndex(i)}
                      caseName={caseName}
                      fields={fields}
                    />
                  </div>
                ) : (
                  <div className="placeholder" data-testid="history-empty">
                    {emptyText(s, 'its life history')}
                  </div>
                ))}
              {s.tab === 'compare' && (
                <ComparisonView
                  ids={FIG5B_IDS}
                  cases={comparison.cases}
                  running={comparison.running}
                  error={comparison.error}
                  onRun={() => void comparison.run()}
                  onCancel={comparison.cancel}
                />
              )}
              {s.tab === 'efficiency' && (
                <>
                  {shown && <ShownLabel shown={shown} stale={stale} panel="efficiency" />}
                  <EfficiencyChart markPressure={shown?.summary.pressure?.mean ?? null} />
                </>
              )}
              {s.tab === 'spread' && (
                <SpreadView
                  study={study}
                  stale={isStudyStale(study.shown, currentKey)}
                  blocked={
                    s.params.length === 0
                      ? 'Open a case to run a study of it.'
                      : busy
                        ? 'The case is solving: a study can start when the solve is done.'
                        : ''
                  }
                  loadState={s.loadState}
                  onLoadState={(st) => actions.setLoadState(st)}
                  onRun={(samples, seed) => studyStore.getState().run(samples, seed)}
                  onCancel={() => studyStore.getState().cancel()}
                  onOpenFiles={openFiles}
                />
              )}
              {s.tab === 'design' && (
                <DesignView
                  design={design}
                  onOpenFiles={(files) => void designStore.getState().openFiles(files)}
                  onChoose={(index) => designStore.getState().choose(index)}
                  onOpenAsCase={() => designStore.getState().openAsCase()}
                  loadState={s.loadState}
                  onLoadState={(st) => actions.setLoadState(st)}
                  film={s.film}
                  onFilm={(f) => actions.setFilm(f)}
                />
              )}
            </PanelErrorBoundary>
          </div>
        </main>
        <aside className="sidebar right">
          <h2>Results</h2>
          {comparing ? (
            <p className="muted side-note">The comparison's numbers are under each of its maps.</p>
          ) : shown ? (
            <PanelErrorBoundary resetKey={shown}>
              <ShownLabel shown={shown} stale={stale} panel="results" />
              <div className={stale ? 'is-stale' : ''}>
                <ResultsPanel
                  summary={shown.summary}
                  seconds={shown.seconds}
                  history={history}
                  historyIndex={historyAt}
                />
              </div>
            </PanelErrorBoundary>
          ) : (
            <p className="muted" data-testid="results-empty">
              {emptyText(s, 'its results')}
            </p>
          )}
        </aside>
      </div>
    </div>
  );
}
