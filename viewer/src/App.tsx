import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CaseSummary } from '../../src/index';
import { editableParameters, withEdits } from './domain/caseEdits';
import { CASE_LIBRARY, FIG5B_IDS, libraryCase } from './domain/caseLibrary';
import { bendingOnly, safeExaggeration } from './domain/deflectionView';
import { boltsCsv, csvBlob, downloadBlob, downloadCanvasPng, pressureGridCsv } from './domain/exportFiles';
import { type ProbeReading, probeAt } from './domain/probe';
import { type StackLayout, stackLayout } from './domain/stackLayout';
import { CaseToolbar } from './panels/CaseToolbar';
import { ColorBar } from './panels/ColorBar';
import { ComparisonView } from './panels/ComparisonView';
import { EditPanel } from './panels/EditPanel';
import { EfficiencyChart } from './panels/EfficiencyChart';
import { PanelErrorBoundary } from './panels/PanelErrorBoundary';
import { ProbeReadout } from './panels/ProbeReadout';
import { ResultsPanel } from './panels/ResultsPanel';
import { SolveProgressBar } from './panels/SolveProgressBar';
import { TopView } from './panels/TopView';
import { ViewControls, type ViewSettings } from './panels/ViewControls';
import { StackScene } from './scene/StackScene';
import { useCaseSolver } from './useCaseSolver';
import { useComparison } from './useComparison';

type Tab = '3d' | 'top' | 'compare' | 'efficiency';
const TABS: [Tab, string][] = [
  ['3d', '3D model'],
  ['top', 'Top view'],
  ['compare', 'Compare'],
  ['efficiency', 'Efficiency'],
];

function initialCaseId(): string {
  const wanted = new URLSearchParams(window.location.search).get('case') ?? 'default';
  return libraryCase(wanted) ? wanted : (CASE_LIBRARY[0]?.id ?? '');
}

const isResultJson = (x: unknown): x is CaseSummary =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as { schema?: unknown }).schema === 'string' &&
  (x as { schema: string }).schema.startsWith('stackpress.result/');

export function App() {
  const [caseId, setCaseId] = useState(initialCaseId);
  const [caseInput, setCaseInput] = useState<unknown>(() => libraryCase(caseId)?.input ?? null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [loadedSummary, setLoadedSummary] = useState<CaseSummary | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('3d');
  const [view, setView] = useState<ViewSettings>({
    exaggeration: 100,
    exploded: true,
    interfaceIndex: 0,
    section: { enabled: false, at: 75 },
  });
  const [fitRequest, setFitRequest] = useState(0);
  const [probe, setProbe] = useState<ProbeReading | null>(null);
  const { state, solve, cancel } = useCaseSolver();
  const comparison = useComparison(FIG5B_IDS);
  const params = useMemo(() => editableParameters(caseInput), [caseInput]);

  // solve the case we open on
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on start
  useEffect(() => {
    if (caseInput) solve(caseInput);
  }, []);

  const openCase = useCallback(
    (input: unknown, id: string, name: string | null) => {
      setCaseId(id);
      setCaseInput(input);
      setFileName(name);
      setLoadedSummary(null);
      setLoadError(null);
      solve(input);
    },
    [solve],
  );

  const openFile = useCallback(
    async (file: File) => {
      try {
        const json: unknown = JSON.parse(await file.text());
        if (isResultJson(json)) {
          cancel();
          setLoadedSummary(json);
          setFileName(file.name);
          setLoadError(null);
        } else openCase(json, '', file.name);
      } catch (e) {
        setLoadError(`${file.name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
    [openCase, cancel],
  );

  useEffect(() => {
    const over = (e: DragEvent) => e.preventDefault();
    const drop = (e: DragEvent) => {
      e.preventDefault();
      const f = e.dataTransfer?.files?.[0];
      if (f) void openFile(f);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [openFile]);

  const solved = state.solved;
  const layout = useMemo<StackLayout | null>(() => {
    if (!solved) return null;
    try {
      return stackLayout(solved.input, solved.fields.cellsPerInterface, solved.fields.footprint);
    } catch {
      return null;
    }
  }, [solved]);
  const bending = useMemo(() => (solved ? bendingOnly(solved.fields.deflection) : []), [solved]);
  const maxExaggeration = useMemo(
    () => (layout ? safeExaggeration(bending, layout) : 1000),
    [bending, layout],
  );
  const exaggeration = Math.min(view.exaggeration, maxExaggeration);
  const interfaceIndex = solved ? Math.min(view.interfaceIndex, solved.fields.interfaces.length - 1) : 0;
  const itfStats = solved
    ? (solved.summary.interfaces[interfaceIndex]?.pressure ?? solved.summary.pressure)
    : null;
  const range = useMemo(
    () => (itfStats ? { min: itfStats.min, max: itfStats.max, mean: itfStats.mean } : null),
    [itfStats],
  );
  const assemblyView = useMemo(
    () => ({ exaggeration, exploded: view.exploded, interfaceIndex, range: range ?? { min: 0, max: 1 } }),
    [exaggeration, view.exploded, interfaceIndex, range],
  );
  const onProbe = useCallback(
    (p: { x: number; y: number } | null) =>
      setProbe(p && solved ? probeAt(solved.fields, interfaceIndex, p.x, p.y) : null),
    [solved, interfaceIndex],
  );
  const summary = loadedSummary ?? solved?.summary ?? null;
  const caseName = summary?.name ?? caseId ?? 'case';
  const busy = state.status === 'solving';

  const exportScenePng = () => {
    const canvas = document.querySelector<HTMLCanvasElement>('.scene-host canvas');
    if (canvas) downloadCanvasPng(canvas, `${caseName}-3d.png`);
  };

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
          onPickLibrary={(id) => openCase(libraryCase(id)?.input, id, null)}
          onOpenFile={(f) => void openFile(f)}
          onSolve={() => caseInput && solve(caseInput)}
        />
        <div className="status" data-testid="status" data-status={state.status} data-solve={state.solves}>
          {busy ? (
            <SolveProgressBar
              progress={state.progress}
              startedAt={state.startedAt}
              expected={solved?.seconds ?? null}
              onCancel={cancel}
            />
          ) : state.status === 'error' ? (
            <span className="error">Solve failed: {state.error}</span>
          ) : state.status === 'cancelled' ? (
            <span className="muted">Cancelled</span>
          ) : solved ? (
            <span className="ok">
              Solved {solved.summary.name} in {solved.seconds.toFixed(2)} s ·{' '}
              {solved.summary.solver.dofs.toLocaleString('en')} DOFs ·{' '}
              <span
                data-testid="factor-threads"
                data-value={solved.summary.effort.factorThreads}
                data-helped={solved.summary.effort.helperJoined}
                title={`the helper thread took half of ${solved.summary.effort.helperJoined} of ${solved.summary.solver.factorizations} factorizations`}
              >
                {solved.summary.effort.factorThreads === 1
                  ? '1 thread'
                  : `${solved.summary.effort.factorThreads} threads`}
              </span>
            </span>
          ) : null}
        </div>
      </header>
      {(loadError || fileName) && (
        <div className={`banner ${loadError ? 'error' : ''}`}>
          {loadError ??
            (loadedSummary
              ? `Showing ${fileName} (result.json: summary only — open its case to see maps)`
              : `Case file: ${fileName}`)}
        </div>
      )}
      <div className="app-body">
        <aside className="sidebar left">
          <section>
            <h2>Parameters</h2>
            <EditPanel
              params={params}
              busy={busy}
              onSolve={(values) => caseInput && solve(withEdits(caseInput, params, values))}
            />
          </section>
          {solved && (
            <section>
              <h2>View</h2>
              <ViewControls
                settings={{ ...view, exaggeration, interfaceIndex }}
                maxExaggeration={maxExaggeration}
                interfaces={solved.fields.interfaces.map((i) => i.name)}
                plateLength={layout?.plate.Lx ?? 150}
                onChange={setView}
                onFit={() => setFitRequest((n) => n + 1)}
                onExportPng={exportScenePng}
              />
            </section>
          )}
          {solved && (
            <section>
              <h2>Export</h2>
              <div className="button-row">
                <button
                  type="button"
                  onClick={() =>
                    downloadBlob(
                      csvBlob(pressureGridCsv(solved.fields.interfaces[interfaceIndex])),
                      `${caseName}-pressure.csv`,
                    )
                  }
                >
                  Pressure CSV
                </button>
                <button
                  type="button"
                  onClick={() => downloadBlob(csvBlob(boltsCsv(solved.summary)), `${caseName}-bolts.csv`)}
                >
                  Bolts CSV
                </button>
                <button
                  type="button"
                  onClick={() =>
                    downloadBlob(
                      new Blob([`${JSON.stringify(solved.summary, null, 2)}\n`], {
                        type: 'application/json',
                      }),
                      'result.json',
                    )
                  }
                >
                  result.json
                </button>
              </div>
            </section>
          )}
        </aside>
        <main className="main">
          <nav className="tabs">
            {TABS.map(([id, label]) => (
              <button
                key={id}
                type="button"
                className={tab === id ? 'active' : ''}
                onClick={() => setTab(id)}
                data-testid={`tab-${id}`}
              >
                {label}
              </button>
            ))}
          </nav>
          <div className="tab-body">
            <PanelErrorBoundary resetKey={`${tab}:${state.solves}:${String(loadedSummary?.name)}`}>
              {tab === '3d' &&
                (solved && layout && range ? (
                  <div className="scene-host">
                    <StackScene
                      fields={solved.fields}
                      deflection={bending}
                      layout={layout}
                      view={assemblyView}
                      section={view.section}
                      fitRequest={fitRequest}
                      onProbe={onProbe}
                    />
                    <div className="overlay top-left">
                      <ProbeReadout reading={probe} />
                    </div>
                    <div className="overlay top-right">
                      <ColorBar
                        min={range.min}
                        max={range.max}
                        title={solved.fields.interfaces[interfaceIndex].name}
                      />
                    </div>
                    <div className="overlay bottom-left muted">
                      Bending ×{exaggeration} (each plate's mean w removed) · drag to orbit, wheel to zoom,
                      right-drag to pan
                    </div>
                  </div>
                ) : (
                  <div className="placeholder">
                    {busy ? 'Solving the case…' : 'Solve a case to see the module'}
                  </div>
                ))}
              {tab === 'top' &&
                (solved && range ? (
                  <TopView itf={solved.fields.interfaces[interfaceIndex]} range={range} caseName={caseName} />
                ) : (
                  <div className="placeholder">
                    {busy ? 'Solving the case…' : 'Solve a case to see the map'}
                  </div>
                ))}
              {tab === 'compare' && (
                <ComparisonView
                  ids={FIG5B_IDS}
                  cases={comparison.cases}
                  running={comparison.running}
                  error={comparison.error}
                  onRun={() => void comparison.run()}
                  onCancel={comparison.cancel}
                />
              )}
              {tab === 'efficiency' && (
                <EfficiencyChart markPressure={summary ? summary.pressure.mean : null} />
              )}
            </PanelErrorBoundary>
          </div>
        </main>
        <aside className="sidebar right">
          <h2>Results</h2>
          {summary ? (
            <PanelErrorBoundary resetKey={summary}>
              <ResultsPanel summary={summary} seconds={loadedSummary ? null : (solved?.seconds ?? null)} />
            </PanelErrorBoundary>
          ) : (
            <p className="muted">No result yet</p>
          )}
        </aside>
      </div>
    </div>
  );
}
