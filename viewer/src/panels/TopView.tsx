import { useMemo, useRef, useState } from 'react';
import { downloadCanvasPng } from '../domain/exportFiles';
import { FILM_GRADES, filmFor } from '../domain/film';
import type { InterfaceField } from '../worker/protocol';
import { ColorBar } from './ColorBar';
import { FilmLegend } from './FilmLegend';
import { PressureHistogram } from './PressureHistogram';
import { type MapRendering, PressureMapCanvas } from './PressureMapCanvas';

export interface TopViewProps {
  itf: InterfaceField;
  range: { min: number; max: number; mean: number };
  caseName: string;
}

/** 2D map of the chosen interface, as a colormap or as Prescale film would show it, with its histogram. */
export function TopView({ itf, range, caseName }: TopViewProps) {
  const [mode, setMode] = useState<string>('colormap');
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const auto = filmFor(range.mean);
  const film =
    mode === 'colormap' ? null : mode === 'auto' ? auto : (FILM_GRADES.find((f) => f.id === mode) ?? auto);
  const rendering = useMemo<MapRendering>(
    () => (film ? { kind: 'film', film } : { kind: 'colormap', min: range.min, max: range.max }),
    [film, range.min, range.max],
  );
  const g = itf.grid;
  return (
    <div className="top-view">
      <div className="top-view-toolbar">
        <label>
          Rendering{' '}
          <select value={mode} onChange={(e) => setMode(e.target.value)} data-testid="film-select">
            <option value="colormap">Colormap (Turbo)</option>
            <option value="auto">Prescale film — auto ({auto.id})</option>
            {FILM_GRADES.map((f) => (
              <option key={f.id} value={f.id}>
                Prescale {f.label} {f.min}–{f.max} MPa
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() => canvas.current && downloadCanvasPng(canvas.current, `${caseName}-pressure-map.png`)}
        >
          Export PNG
        </button>
      </div>
      <div className="top-view-body">
        <figure className="map-figure">
          <div className="map-frame">
            <span className="axis-label y-max">{(g.y0 + (g.ny - 1) * g.dy).toFixed(0)}</span>
            <span className="axis-label y-min">{g.y0.toFixed(0)}</span>
            <PressureMapCanvas
              ref={canvas}
              grid={g}
              rendering={rendering}
              width={440}
              testId="top-view-map"
            />
            <span className="axis-label x-min">{g.x0.toFixed(0)}</span>
            <span className="axis-label x-max">{(g.x0 + (g.nx - 1) * g.dx).toFixed(0)} mm</span>
          </div>
          <figcaption>
            {itf.name} · footprint {((g.nx - 1) * g.dx).toFixed(0)} × {((g.ny - 1) * g.dy).toFixed(0)} mm ·
            grid {g.dx.toFixed(2)} mm
          </figcaption>
        </figure>
        {film ? <FilmLegend film={film} /> : <ColorBar min={range.min} max={range.max} />}
      </div>
      <h3>Pressure distribution</h3>
      <PressureHistogram values={g.values} min={range.min} max={range.max} film={film} />
    </div>
  );
}
