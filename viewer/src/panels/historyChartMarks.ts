import type { VisualizationSpec } from 'vega-embed';
import type { HistoryState } from '../../../src/history/historyResult';
import { historyAxis } from '../../../src/presentation/figures/historyTimeAxis';

/** The colour of the chosen state's rule: orange, as the Design tab rings its chosen design. */
export const CHOSEN_COLOUR = '#e67e22';

type Node = Record<string, unknown> & { layer?: Node[]; vconcat?: Node[]; hconcat?: Node[]; concat?: Node[] };

/**
 * The trajectory chart with the chosen state marked: a vertical rule at its x (time [h], or the
 * state index) in every panel that plots against the states. The rule is a `datum` on the chart's
 * own x scale, so it lands where the chart puts that state whatever the scale (linear, symlog) and
 * adds no title of its own to the axis.
 */
export function markChosenState(
  spec: VisualizationSpec,
  states: HistoryState[],
  index: number,
): VisualizationSpec {
  const x = historyAxis(states).x[index];
  if (x === undefined) return spec;
  const rule: Node = {
    // data of its own: a panel's rows would draw the one rule once per state
    data: { values: [{}] },
    mark: { type: 'rule', color: CHOSEN_COLOUR, strokeWidth: 4, strokeDash: [10, 6] },
    encoding: { x: { datum: x, type: 'quantitative' } },
  };
  const mark = (node: Node): Node => {
    if (Array.isArray(node.layer)) return { ...node, layer: [...node.layer, rule] };
    for (const key of ['vconcat', 'hconcat', 'concat'] as const) {
      const list = node[key];
      if (Array.isArray(list)) return { ...node, [key]: list.map(mark) };
    }
    return node;
  };
  return mark(spec as Node) as VisualizationSpec;
}

/**
 * The state under a click on the chart, or null: a mark's datum names its state by `index` (or
 * `state`); else its x value (time [h] or state) is matched to the nearest state's.
 */
export function stateOfClick(datum: unknown, states: HistoryState[]): number | null {
  if (!datum || typeof datum !== 'object') return null;
  const d = datum as Record<string, unknown>;
  for (const key of ['index', 'state']) {
    const v = d[key];
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < states.length) return v;
  }
  const axis = historyAxis(states);
  const v = d[axis.field] ?? d.x ?? d.time;
  if (typeof v !== 'number' || !Number.isFinite(v)) return null;
  let best: number | null = null;
  for (let i = 0; i < axis.x.length; i++)
    if (best === null || Math.abs(axis.x[i] - v) < Math.abs(axis.x[best] - v)) best = i;
  return best;
}
