import { useEffect, useMemo, useRef, useState } from 'react';
import embed, { type Result, type VisualizationSpec } from 'vega-embed';
// lays texts out as the CLI does (estimated widths), so a figure on screen is the CLI's figure
import './figureFiles';
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
 * The figures are laid out for print (A4 at 150 dpi: 20 px labels, 34 px titles). On a panel
 * narrower than this they are laid out at this width and scaled down to the panel, so their
 * texts keep their proportions instead of crowding out the plot [px].
 */
const MIN_LAYOUT_WIDTH = 1200;

/**
 * A vega-lite figure drawn with vega-embed to fit its container: laid out for the container's
 * aspect (at least MIN_LAYOUT_WIDTH wide) and scaled to its size by a CSS transform, which
 * vega's pointer handling undoes, so tooltips stay on their marks. Tooltips on, no action menu
 * (the export panel renders the print size itself). The old view is finalized before a new spec
 * is embedded, so its timers and listeners do not outlive it.
 */
export function VegaFigure({ spec, height, aspect, onView, testId, className }: VegaFigureProps) {
  const [host, setHost] = useState<HTMLDivElement | null>(null);
  const target = useRef<HTMLDivElement>(null);
  const measured = useContainerSize(host);
  const [error, setError] = useState<string | null>(null);
  const [fit, setFit] = useState<{ scale: number; width: number; height: number } | null>(null);
  // the spec on screen is the latest one (tests wait on data-rendered)
  const [drawn, setDrawn] = useState<VisualizationSpec | null>(null);
  const onViewRef = useRef(onView);
  onViewRef.current = onView;

  const width = measured?.width ?? 0;
  const boxHeight =
    height ?? (aspect ? Math.max(MIN_SIZE, Math.round(width * aspect)) : (measured?.height ?? 0));
  const layoutScale = width > 0 ? Math.max(1, MIN_LAYOUT_WIDTH / width) : 1;
  const built = useMemo(
    () =>
      width > 0 && boxHeight > 0
        ? spec({ width: Math.round(width * layoutScale), height: Math.round(boxHeight * layoutScale) })
        : null,
    [spec, width, boxHeight, layoutScale],
  );

  useEffect(() => {
    const el = target.current;
    if (!el || !built) return;
    let result: Result | null = null;
    let dropped = false;
    setError(null);
    // each spec draws into a layer of its own: the old picture stays until the new one is drawn
    // (no blank flash), and an embed that resolves after a newer one can only touch its own layer
    const layer = document.createElement('div');
    layer.className = 'vega-figure-layer';
    el.append(layer);
    embed(layer, built, { actions: false, tooltip: true, renderer: 'canvas' })
      .then((r) => {
        if (dropped) {
          r.finalize();
          layer.remove();
          return;
        }
        result = r;
        for (const old of [...el.children]) if (old !== layer) old.remove();
        // the drawing's own size (vega sets the canvas's CSS size to it), scaled to fit the box
        const canvas = layer.querySelector('canvas');
        const w = canvas?.offsetWidth ?? 0;
        const h = canvas?.offsetHeight ?? 0;
        if (w > 0 && h > 0) setFit({ scale: Math.min(width / w, boxHeight / h), width: w, height: h });
        setDrawn(built);
        onViewRef.current?.(r.view);
      })
      .catch((e: unknown) => {
        layer.remove();
        if (!dropped) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      dropped = true;
      if (result) {
        onViewRef.current?.(null);
        result.finalize();
      }
    };
  }, [built, width, boxHeight]);

  // a box whose height follows its width shrinks to the drawing, leaving no gap under it
  const style =
    height || aspect
      ? { height: (aspect && !height && fit ? fit.height * fit.scale : boxHeight) || undefined }
      : undefined;
  const targetStyle = fit
    ? { width: fit.width, height: fit.height, transform: `scale(${fit.scale})`, transformOrigin: '0 0' }
    : { visibility: 'hidden' as const };
  return (
    <div ref={setHost} className={`vega-figure ${className ?? ''}`} style={style} data-testid={testId}>
      <div
        ref={target}
        className="vega-figure-target"
        style={targetStyle}
        data-rendered={fit && drawn === built ? 'yes' : 'no'}
      />
      {error && (
        <p className="error" data-testid="figure-error">
          The figure could not be drawn: {error}
        </p>
      )}
    </div>
  );
}
