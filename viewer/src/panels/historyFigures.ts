import type { VisualizationSpec } from 'vega-embed';
import type { HistoryState } from '../../../src/history/historyResult';
import { figureTitle } from '../../../src/presentation/figures/figureTitle';
import { histogramSpec } from '../../../src/presentation/figures/histogramSpec';
import type { PressureGrid, ResultFields } from '../../../src/presentation/resultFields';

/**
 * The Top view's histogram at a life-history state, drawn by the CLI's own histogramSpec (the map
 * has its own spec, historyMapSpec): it draws an interface's load-up state, so it is handed the
 * fields with interface 0's load-up grid and statistics replaced by the state's, and its title
 * names the state instead of "after load-up". The history holds the cell pressure of interface 0
 * only, so that is the interface shown.
 */
export function fieldsAtState(fields: ResultFields, grid: PressureGrid, state: HistoryState): ResultFields {
  const [first, ...rest] = fields.interfaces;
  return {
    ...fields,
    interfaces: [{ ...first, grid, stats: state.pressure, swollen: null }, ...rest],
  };
}

type Titled = VisualizationSpec & { title?: { text?: string; subtitle?: string[] } };

/** The spec with its title `text`, the subtitle kept. */
function retitled(spec: VisualizationSpec, width: number, text: string): VisualizationSpec {
  const title: { text?: string; subtitle?: string[] } = (spec as Titled).title ?? {};
  return {
    ...spec,
    title: { ...title, ...figureTitle(width, text, title.subtitle ?? []) },
  } as VisualizationSpec;
}

export interface HistoryHistogramOptions {
  fields: ResultFields;
  grid: PressureGrid;
  state: HistoryState;
  caseName: string;
  width: number;
  height: number;
}

/** The pressure histogram at a history state, its title naming the state. */
export function historyHistogramSpec(o: HistoryHistogramOptions): VisualizationSpec {
  const fields = fieldsAtState(o.fields, o.grid, o.state);
  const spec = histogramSpec({
    fields,
    interfaceIndex: 0,
    state: 'loadUp',
    caseName: o.caseName,
    width: o.width,
    height: o.height,
  }) as VisualizationSpec;
  return retitled(
    spec,
    o.width,
    `${o.caseName} — ${fields.interfaces[0].name}, ${o.state.label}: pressure distribution`,
  );
}
