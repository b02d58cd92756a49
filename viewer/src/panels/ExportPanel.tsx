import { useState } from 'react';
import type { VisualizationSpec } from 'vega-embed';
import { version } from '../../../package.json';
import { type CaseSummary, checkCase } from '../../../src/index';
import { boltsCsv, pressureCsv } from '../../../src/presentation/csv';
import { deflectionSpec } from '../../../src/presentation/figures/deflectionSpec';
import { figureSvg } from '../../../src/presentation/figures/figureSvg';
import { gridStats } from '../../../src/presentation/figures/gridCells';
import { histogramSpec } from '../../../src/presentation/figures/histogramSpec';
import { interfaceState } from '../../../src/presentation/figures/pressureMapSpec';
import { sceneFigureSpec } from '../../../src/presentation/figures/sceneFigureSpec';
import { designReportHtml } from '../../../src/presentation/report/designReport';
import { reportFigures } from '../../../src/presentation/report/reportFigures';
import type { LoadState, ResultFields } from '../../../src/presentation/resultFields';
import { downloadBlob } from '../domain/exportFiles';
import type { ShownHistory } from '../state/historyView';
import { inputKey } from '../state/inputKey';
import { exportName, figurePngBlob } from './figureFiles';
import { type FilmChoice, filmGradeOf, loadStatesOf } from './filmChoice';
import { mapExportOf } from './mapExport';
import './figures.css';

export interface ExportPanelProps {
  /** the maps, or null for a result.json opened without its fields (then only the summary exports) */
  fields: ResultFields | null;
  summary: CaseSummary;
  caseName: string;
  interfaceIndex: number;
  loadState: LoadState;
  /** how the top view draws the map; the exported map follows it */
  film?: FilmChoice;
  /** the case input the result was solved from, for the design report; null when unknown */
  caseInput?: unknown | null;
  /** the 3D view's WebGL canvas (drawn with preserveDrawingBuffer), or null when it is not on screen */
  sceneCanvas?: () => HTMLCanvasElement | null;
  /** the pressure range the 3D view paints [MPa]; default: the map's range in contact */
  sceneRange?: { min: number; max: number };
  /** what the 3D view shows besides the pressure ("bending ×100, exploded view") */
  sceneNote?: string;
  /** the shown result's life history (checked), or null: its chart goes into the design report */
  history?: ShownHistory | null;
  /** the history state the maps show (`chosenHistoryIndex`), or null: the map export follows it */
  historyIndex?: number | null;
}

const text = (body: string, type: string) => new Blob([body], { type });

/** sha256 (hex) of the canonical JSON of a case input: the CLI's inputHash, with the browser's crypto. */
async function inputHashOf(input: unknown): Promise<string> {
  // SubtleCrypto exists only on secure pages (https, localhost); the report says so rather than fail
  if (!globalThis.crypto?.subtle) return 'not computed (the page is not served securely)';
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(inputKey(input)));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The input hash a result.json carries (a result folder opened from files): that of the case file
 * the CLI solved, which a hash of its case.json (defaults filled in) would not reproduce.
 */
function resultHash(summary: CaseSummary): string | null {
  const hash = (summary as { input?: { hash?: unknown } }).input?.hash;
  return typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash) ? hash : null;
}

/**
 * The downloads of the shown result. Figures are rendered at their print size (A4 landscape at
 * 150 dpi) from the very specs the CLI renders, so a map exported here and the CLI's pressure.png
 * agree pixel for pixel; the 3D view is exported as a figure with the pressure colour bar, the
 * title and the case name. Each download is a real browser download under a file name of the case.
 */
export function ExportPanel(props: ExportPanelProps) {
  const { fields, summary, caseName, interfaceIndex } = props;
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const state: LoadState =
    fields && loadStatesOf(fields, interfaceIndex).includes(props.loadState) ? props.loadState : 'loadUp';
  const stateSuffix = state === 'swollen' ? '-swollen' : '';

  /** Run one export; its errors are shown in the panel, not thrown into React. */
  const run = (id: string, job: () => Promise<void>) => async () => {
    setBusy(id);
    setError(null);
    try {
      await job();
    } catch (e) {
      setError(`${id}: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(null);
    }
  };

  const figure = (id: string, spec: () => VisualizationSpec, suffix: string) => ({
    png: run(`${id} PNG`, async () =>
      downloadBlob(await figurePngBlob(spec()), exportName(caseName, `${suffix}.png`)),
    ),
    svg: run(`${id} SVG`, async () =>
      downloadBlob(
        text(await figureSvg(spec() as Parameters<typeof figureSvg>[0]), 'image/svg+xml'),
        exportName(caseName, `${suffix}.svg`),
      ),
    ),
  });

  const buttons = (testId: string, label: string, f: { png: () => void; svg: () => void }) => (
    <div className="export-row">
      <span>{label}</span>
      <button type="button" disabled={busy !== null} onClick={f.png} data-testid={`export-${testId}-png`}>
        PNG
      </button>
      <button type="button" disabled={busy !== null} onClick={f.svg} data-testid={`export-${testId}-svg`}>
        SVG
      </button>
    </div>
  );

  const resultJson = run('result.json', async () =>
    downloadBlob(text(`${JSON.stringify(summary, null, 2)}\n`, 'application/json'), 'result.json'),
  );
  const bolts = run('bolts CSV', async () =>
    downloadBlob(text(boltsCsv(summary), 'text/csv'), exportName(caseName, 'bolts.csv')),
  );

  if (!fields)
    return (
      <div className="export-panel" data-testid="export-panel">
        <div className="export-row">
          <span>Data</span>
          <button type="button" onClick={resultJson} data-testid="export-result-json">
            result.json
          </button>
          <button type="button" onClick={bolts} data-testid="export-bolts-csv">
            Bolts CSV
          </button>
        </div>
        <p className="export-note">The maps need the result's fields.json: open it with result.json.</p>
      </div>
    );

  const film = filmGradeOf(props.film ?? 'scale', fields, interfaceIndex, state);
  const common = { fields, interfaceIndex, state, caseName };
  const history = props.history ?? null;
  // the chosen history state's map when one is chosen, else the load state's
  const mapExport = mapExportOf({
    ...common,
    film: props.film ?? 'scale',
    history,
    historyIndex: props.historyIndex ?? null,
  });
  const map = figure('pressure map', mapExport.spec, mapExport.suffix);
  const deflection = figure(
    'deflection',
    () => deflectionSpec({ fields, caseName, state, cells: 'image' }),
    `deflection${stateSuffix}`,
  );
  const histogram = figure('histogram', () => histogramSpec(common), `histogram${stateSuffix}`);

  const scene = run('3D view PNG', async () => {
    const canvas = props.sceneCanvas
      ? props.sceneCanvas()
      : document.querySelector<HTMLCanvasElement>('.scene-host canvas');
    if (!canvas || canvas.width === 0)
      throw new Error('open the 3D model tab first: the 3D view is not on screen');
    const { name, field } = interfaceState(fields, interfaceIndex, state);
    const stats = gridStats(field.grid);
    const spec = sceneFigureSpec({
      imageUrl: canvas.toDataURL('image/png'),
      imageWidth: canvas.width,
      imageHeight: canvas.height,
      caseName,
      interfaceName: name,
      state,
      range: props.sceneRange ?? { min: stats.min, max: stats.max },
      openFraction: stats.openFraction,
      note: props.sceneNote,
    });
    downloadBlob(await figurePngBlob(spec), exportName(caseName, `3d${stateSuffix}.png`));
  });

  const pressure = run('pressure CSV', async () =>
    downloadBlob(
      text(pressureCsv(interfaceState(fields, interfaceIndex, state).field.grid), 'text/csv'),
      exportName(caseName, `pressure${stateSuffix}.csv`),
    ),
  );

  const caseInput = props.caseInput ?? null;
  const report = run('design report', async () => {
    if (caseInput === null) throw new Error('the case the result was solved from is unknown');
    // the case was solved already: no work limit applies to reporting it
    const resolved = checkCase(caseInput, { maxMemoryMiB: Number.MAX_VALUE }).case;
    const html = designReportHtml({
      summary,
      caseInput: resolved,
      fields,
      // the CLI's report figures, at the report's sizes
      figures: await reportFigures(fields, { film, history: history?.summary ?? null }),
      generatedAt: new Date(),
      toolVersion: version,
      inputHash: resultHash(summary) ?? (await inputHashOf(caseInput)),
      source: `the viewer (${caseName})`,
    });
    downloadBlob(text(html, 'text/html'), exportName(caseName, 'report.html'));
  });

  return (
    <div className="export-panel" data-testid="export-panel">
      {buttons('map', 'Pressure map', map)}
      {buttons('deflection', 'Deflection', deflection)}
      {buttons('histogram', 'Histogram', histogram)}
      <div className="export-row">
        <span>3D view</span>
        <button type="button" disabled={busy !== null} onClick={scene} data-testid="export-scene-png">
          PNG with colour bar
        </button>
      </div>
      <div className="export-row">
        <span>Data</span>
        <button type="button" disabled={busy !== null} onClick={pressure} data-testid="export-pressure-csv">
          Pressure CSV
        </button>
        <button type="button" disabled={busy !== null} onClick={bolts} data-testid="export-bolts-csv">
          Bolts CSV
        </button>
        <button type="button" disabled={busy !== null} onClick={resultJson} data-testid="export-result-json">
          result.json
        </button>
      </div>
      <div className="export-row">
        <span>Report</span>
        <button
          type="button"
          disabled={busy !== null || caseInput === null}
          onClick={report}
          data-testid="export-report"
          title={caseInput === null ? 'the case the result was solved from is unknown' : undefined}
        >
          Design report (HTML)
        </button>
      </div>
      <p className="export-note" data-testid="export-status">
        {busy
          ? `Rendering ${busy}…`
          : 'Figures: A4 landscape at 150 dpi (1754 × 1240 px), as the CLI draws them.'}
      </p>
      {mapExport.note && (
        <p
          className="export-note"
          data-testid="export-map-note"
          data-history-index={mapExport.historyIndex ?? ''}
        >
          {mapExport.note}
        </p>
      )}
      {error && (
        <p className="error" data-testid="export-error">
          {error}
        </p>
      )}
    </div>
  );
}
