import { useMemo } from 'react';
import { type DesignPart, moduleParts } from '../../../src/design/designParts';
import { checkCase } from '../../../src/index';
import type { DesignRow } from '../../../src/presentation/designFile';
import type { LoadState } from '../../../src/presentation/resultFields';
import { type ChosenDesign, designCaption, type ShownRun } from '../state/designState';
import { covText } from './designRows';
import type { FilmChoice } from './filmChoice';
import { TopView } from './TopView';

export interface DesignChosenProps {
  run: ShownRun;
  chosen: ChosenDesign;
  loadState: LoadState;
  onLoadState: (state: LoadState) => void;
  film: FilmChoice;
  onFilm: (film: FilmChoice) => void;
  onOpenAsCase: () => void;
}

/** One module's inactive parts of the design's own case (`moduleParts`), or the run's record of them. */
function partsOf(caseInput: unknown | null, row: DesignRow): DesignPart[] | null {
  if (caseInput === null) return row.parts;
  try {
    return moduleParts(checkCase(caseInput).case).parts;
  } catch {
    return row.parts;
  }
}

/** The CoV of the cell pressure after swelling (after load-up when the case does not swell) [-]. */
function solvedCov(chosen: ChosenDesign): number | null {
  const s = chosen.solved?.summary;
  if (!s) return null;
  return (s.swelling ?? s).pressure.cov;
}

/**
 * The chosen design: its pressure map (the Top view, drawn from this design's own solve and
 * captioned "design #k of <run>"), its parts with masses [kg], its constraint margins as the run
 * recorded them, and the button that opens it as the viewer's case.
 */
export function DesignChosen({
  run,
  chosen,
  loadState,
  onLoadState,
  film,
  onFilm,
  onOpenAsCase,
}: DesignChosenProps) {
  const row = run.file.designs.find((d) => d.index === chosen.index);
  const parts = useMemo(() => (row ? partsOf(chosen.caseInput, row) : null), [chosen.caseInput, row]);
  if (!row) return null;
  const caption = designCaption(chosen.index, run);
  const cov = solvedCov(chosen);
  const total = parts?.reduce((m, p) => m + p.massKg, 0) ?? 0;
  return (
    <section
      className="design-chosen"
      data-testid="design-chosen"
      data-index={chosen.index}
      data-status={chosen.status}
    >
      <div className="design-chosen-head">
        <h3 data-testid="design-caption">{caption}</h3>
        <span className="muted">
          {row.status}
          {row.binding ? `, binds: ${row.binding}` : ''}
        </span>
        <button
          type="button"
          onClick={onOpenAsCase}
          disabled={chosen.caseInput === null}
          data-testid="design-open-case"
          title="Make this design's case the viewer's open case: its inputs, 3D model, top view and results"
        >
          Open as case
        </button>
      </div>
      {chosen.status === 'solving' && <p data-testid="design-solving">Solving {caption}…</p>}
      {chosen.error && (
        <p className="error" data-testid="design-error">
          {chosen.error}
        </p>
      )}
      <div className="design-chosen-body">
        <div className="design-map">
          {chosen.solved && (
            <>
              <p data-testid="design-solved-cov" data-cov={cov === null ? '' : covText(cov)}>
                {caption}: CoV after swelling {covText(cov)} (the run recorded {covText(row.objectives?.cov)}
                ), mean {chosen.solved.summary.pressure.mean.toFixed(3)} MPa after load-up, solved in{' '}
                {chosen.solved.seconds.toFixed(1)} s
              </p>
              <TopView
                fields={chosen.solved.fields}
                // the figure's title names the interface and load state after it: kept short so
                // they are not cut off; the caption above names the run
                caseName={`design #${chosen.index}`}
                interfaceIndex={0}
                loadState={loadState}
                onLoadState={onLoadState}
                film={film}
                onFilm={onFilm}
              />
            </>
          )}
        </div>
        <div className="design-numbers">
          <table className="kv design-parts" data-testid="design-parts">
            <caption>Inactive parts of one module</caption>
            <thead>
              <tr>
                <th>part</th>
                <th className="num">count</th>
                <th className="num">mass [kg]</th>
              </tr>
            </thead>
            <tbody>
              {(parts ?? []).map((p) => (
                <tr key={p.part}>
                  <td>{p.part}</td>
                  <td className="num">{p.count}</td>
                  <td className="num">{p.massKg.toFixed(3)}</td>
                </tr>
              ))}
              <tr className="total">
                <td>total</td>
                <td />
                <td className="num">{total.toFixed(3)}</td>
              </tr>
            </tbody>
          </table>
          <table className="kv design-margins" data-testid="design-margins">
            <caption>Constraint margins (≥ 0: met)</caption>
            <thead>
              <tr>
                <th>constraint</th>
                <th className="num">value</th>
                <th className="num">limit</th>
                <th className="num">margin</th>
              </tr>
            </thead>
            <tbody>
              {row.constraints.map((m) => (
                <tr key={m.id} className={m.margin < 0 ? 'violated' : ''} title={m.what}>
                  <td>
                    {m.id}
                    {m.id === row.binding ? ' (binds)' : ''}
                  </td>
                  <td className="num">
                    {Number(m.value.toPrecision(4))}
                    {m.unit === '-' ? '' : ` ${m.unit}`}
                  </td>
                  <td className="num">
                    {Number(m.limit.toPrecision(4))}
                    {m.unit === '-' ? '' : ` ${m.unit}`}
                  </td>
                  <td className="num">{m.margin.toFixed(4)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
