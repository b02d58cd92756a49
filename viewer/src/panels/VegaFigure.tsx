import { useEffect, useMemo, useRef, useState } from 'react';
import embed, { type Result, type VisualizationSpec } from 'vega-embed';
import './figures.css';

/** The vega View behind a figure (for exports and tests). */
export type FigureView = Result['view'];

/** A figure's drawing size [CSS px]. */
export interface FigureSize {
  width: number;
  height: number;
}

export interface VegaFigureProps {
  /**
   * Builds the spec for the container's size [CSS px]. Keep it stable (useCallback): the figure is
   * embedded again only when the spec it returns is a new one.
   */
  spec: (size: FigureSize) => VisualizationSpec;
  /** height [CSS px]; without it, `aspect` × width, else the height CSS gives the container */
  height?: number;
  /** height / width */
  aspect?: number;
  /** called with the view once drawn, and with null when it is finalized */
  onView?: (view: FigureView | null) => void;
  testId?: string;
  className?: string;
}

/** Resizes below this many px are ignored, so dragging a window edge does not re-embed on every pixel. */
const SIZE_STEP = 8;
const MIN_SIZE = 120;

/** Container size in SIZE_STEP steps, from a ResizeObserver. */
function useContainerSize(el: HTMLElement | null): FigureSize | null {
  const [size, setSize] = useState<FigureSize | null>(null);
  useEffect(() => {
    if (!el) return;
    const measure = () => {
      const w = Math.max(MIN_SIZE, Math.floor(el.clientWidth / SIZE_STEP) * SIZE_STEP);
      const h = Math.max(MIN_SIZE, Math.floor(el.clientHeight / SIZE_STEP) * SIZE_STEP);
      setSize((s) => (s && s.width === w && s.height === h ? s : { width: w, height: h }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [el]);
  return size;
}

/**
 * A vega-lite figure drawn with vega-embed at the size of its container: tooltips on, no action
 * menu (the export panel renders the print size itself). The old view is finalized before a new
 * spec is embedded, so its timers and listeners do not outlive it.
 */
export function VegaFigure({ spec, height, aspect, onView, testId, className }: VegaFigureProps) {
  const [host, setHost] = useState<HTMLDivElement | null>(null);
  const target = useRef<HTMLDivElement>(null);
  const measured = useContainerSize(host);
  const [error, setError] = useState<string | null>(null);
  const onViewRef = useRef(onView);
  onViewRef.current = onView;

  const width = measured?.width ?? 0;
  const boxHeight =
    height ?? (aspect ? Math.max(MIN_SIZE, Math.round(width * aspect)) : (measured?.height ?? 0));
  const built = useMemo(
    () => (width > 0 && boxHeight > 0 ? spec({ width, height: boxHeight }) : null),
    [spec, width, boxHeight],
  );

  useEffect(() => {
    const el = target.current;
    if (!el || !built) return;
    let result: Result | null = null;
    let dropped = false;
    setError(null);
    embed(el, built, { actions: false, tooltip: true, renderer: 'canvas' })
      .then((r) => {
        if (dropped) r.finalize();
        else {
          result = r;
          onViewRef.current?.(r.view);
        }
      })
      .catch((e: unknown) => {
        if (!dropped) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      dropped = true;
      if (result) {
        onViewRef.current?.(null);
        result.finalize();
      }
    };
  }, [built]);

  const style = height || aspect ? { height: boxHeight || undefined } : undefined;
  return (
    <div ref={setHost} className={`vega-figure ${className ?? ''}`} style={style} data-testid={testId}>
      <div ref={target} className="vega-figure-target" data-rendered={built ? 'yes' : 'no'} />
      {error && (
        <p className="error" data-testid="figure-error">
          The figure could not be drawn: {error}
        </p>
      )}
    </div>
  );
}
