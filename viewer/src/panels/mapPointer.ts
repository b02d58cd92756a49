import type { FigureView } from './VegaFigure';

/**
 * Where the pointer is on a map figure, in the map's own mm: the position Vega picks events at,
 * taken into the map's group and through the inverse of its x and y scales. Nothing here knows the
 * figure's layout; it all comes from the view, so the reading follows the drawing at any size.
 */

/** The parts of vega's scenegraph read here (the typings describe them loosely). */
interface SceneMark {
  marktype: string;
  name?: string;
  items: SceneItem[];
  group?: SceneItem;
}
interface SceneItem {
  x?: number;
  y?: number;
  mark: SceneMark;
  items?: SceneMark[];
}

interface InvertibleScale {
  invert: (px: number) => number;
}

/** The map's group item (whose frame its scales map into) and its x and y scales [mm ↔ px]. */
export interface MapFrame {
  group: SceneItem;
  x: InvertibleScale;
  y: InvertibleScale;
}

/** The scale of that name, or null when the view has none (view.scale throws then). */
function scaleOf(view: FigureView, name: string): InvertibleScale | null {
  try {
    const s = view.scale(name) as Partial<InvertibleScale> | undefined;
    return typeof s?.invert === 'function' ? (s as InvertibleScale) : null;
  } catch {
    return null;
  }
}

/**
 * The map of a figure: the first group (in drawing order) with scales of its own along x and y.
 * vega-lite names a sub-view's group `<view>_group` and its scales `<view>_x`, `<view>_y`; a colour
 * bar beside the map has a y scale only. A figure of a single view has plain `x` and `y`.
 */
export function mapFrameOf(view: FigureView): MapFrame | null {
  const root = (view.scenegraph() as unknown as { root: SceneMark }).root;
  const queue: SceneMark[] = [root];
  while (queue.length > 0) {
    const mark = queue.shift() as SceneMark;
    if (mark.marktype !== 'group') continue;
    const prefix = mark.name?.match(/^(.+)_group$/)?.[1];
    if (prefix && mark.items[0]) {
      const x = scaleOf(view, `${prefix}_x`);
      const y = scaleOf(view, `${prefix}_y`);
      if (x && y) return { group: mark.items[0], x, y };
    }
    for (const item of mark.items) queue.push(...(item.items ?? []));
  }
  const x = scaleOf(view, 'x');
  const y = scaleOf(view, 'y');
  return x && y && root.items[0] ? { group: root.items[0], x, y } : null;
}

/**
 * A pointer event's position on a canvas in its own CSS px, undoing CSS transforms of the canvas or
 * its ancestors (the figure is scaled to its panel by one), as vega's own event picking does.
 */
function canvasPoint(event: MouseEvent, canvas: HTMLCanvasElement): [number, number] {
  const rect = canvas.getBoundingClientRect();
  const sx = canvas.offsetWidth ? rect.width / canvas.offsetWidth : 1;
  const sy = canvas.offsetHeight ? rect.height / canvas.offsetHeight : 1;
  return [
    (event.clientX - rect.left) / sx - canvas.clientLeft,
    (event.clientY - rect.top) / sy - canvas.clientTop,
  ];
}

/**
 * The pointer's position [mm] on the map of `frame`, for a DOM pointer event on the view's canvas:
 * the canvas point, less the view's origin and padding and the offsets of the map's group and its
 * ancestors, through the inverted scales.
 */
export function pointerMm(
  view: FigureView,
  frame: MapFrame,
  canvas: HTMLCanvasElement,
  event: MouseEvent,
): { x: number; y: number } {
  const [cx, cy] = canvasPoint(event, canvas);
  const padding = view.padding() as { left?: number; top?: number };
  const [ox, oy] = view.origin();
  let px = cx - ox - (padding.left ?? 0);
  let py = cy - oy - (padding.top ?? 0);
  for (let item: SceneItem | undefined = frame.group; item; item = item.mark.group) {
    px -= item.x ?? 0;
    py -= item.y ?? 0;
  }
  return { x: frame.x.invert(px), y: frame.y.invert(py) };
}
