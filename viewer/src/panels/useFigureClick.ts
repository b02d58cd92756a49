import { useCallback, useEffect, useRef } from 'react';
import type { FigureView } from './VegaFigure';

/**
 * A click listener on a Vega figure that outlives its re-embeds: pass the returned callback as the
 * figure's `onView`. `onClick` may change between renders (it is read through a ref); it gets the
 * clicked scenegraph item, or null off the marks.
 */
export function useFigureClick(onClick: (item: unknown) => void): (view: FigureView | null) => void {
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const viewRef = useRef<FigureView | null>(null);
  const listener = useRef((_event: unknown, item: unknown) => clickRef.current(item));
  const onView = useCallback((view: FigureView | null) => {
    viewRef.current?.removeEventListener('click', listener.current);
    viewRef.current = view;
    view?.addEventListener('click', listener.current);
  }, []);
  useEffect(
    () => () => {
      viewRef.current?.removeEventListener('click', listener.current);
    },
    [],
  );
  return onView;
}
