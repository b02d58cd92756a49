import type { LoadState } from '../../../src/presentation/resultFields';
import type { DesignState } from '../state/designState';
import { DesignChosen } from './DesignChosen';
import { DesignFront } from './DesignFront';
import { DesignTable } from './DesignTable';
import type { FilmChoice } from './filmChoice';
import { OpenFilesButton } from './OpenFilesButton';
import { PanelErrorBoundary } from './PanelErrorBoundary';

export interface DesignViewProps {
  design: Pick<DesignState, 'run' | 'error' | 'chosen'>;
  /** a design folder's design.json, alone or with the folder's other files */
  onOpenFiles: (files: File[]) => void;
  onChoose: (index: number) => void;
  onOpenAsCase: () => void;
  loadState: LoadState;
  onLoadState: (state: LoadState) => void;
  film: FilmChoice;
  onFilm: (film: FilmChoice) => void;
}

/**
 * The Design tab: a `stackpress design` run opened from its design.json — its Pareto chart, the
 * front's designs as a table, and the design chosen on either, solved here, with its map, parts,
 * margins and "Open as case".
 */
export function DesignView(props: DesignViewProps) {
  const { design, onOpenFiles, onChoose } = props;
  const { run, error, chosen } = design;
  const f = run?.file;
  return (
    <div className="design" data-testid="design-view">
      <div className="design-toolbar">
        <OpenFilesButton
          label="Open design.json…"
          title="Open a design folder's design.json (or drop the folder's files on the window)"
          accept=".json,application/json,.csv,.txt,.svg,.png"
          onOpenFiles={onOpenFiles}
          buttonTestId="design-open"
          inputTestId="design-file-input"
        />
        {run && f && (
          <span className="design-run" data-testid="design-run">
            {run.fileName} of <b>{f.name}</b>: {f.designs.length} designs, seed {f.seed}, {f.front.length} on
            the front, CoV limit {f.covLimit}, {f.systemKWh} kWh by {f.measure}
          </span>
        )}
      </div>
      {error && (
        <p className="error" data-testid="design-file-error">
          {error}
        </p>
      )}
      {!run && !error && (
        <p className="placeholder" data-testid="design-empty">
          Open the design.json of a <code>stackpress design SPEC --out DIR</code> folder to see its Pareto
          front.
        </p>
      )}
      {run && f && (
        <PanelErrorBoundary resetKey={run}>
          <div className="design-front-row">
            <DesignFront file={f} selected={chosen?.index ?? null} onChoose={onChoose} />
            <div className="design-table-scroll">
              <DesignTable file={f} chosen={chosen?.index ?? null} onChoose={onChoose} />
            </div>
          </div>
          {chosen ? (
            <DesignChosen
              run={run}
              chosen={chosen}
              loadState={props.loadState}
              onLoadState={props.onLoadState}
              film={props.film}
              onFilm={props.onFilm}
              onOpenAsCase={props.onOpenAsCase}
            />
          ) : (
            <p className="muted">Click a point or a row to solve its design and see its map and parts.</p>
          )}
        </PanelErrorBoundary>
      )}
    </div>
  );
}
