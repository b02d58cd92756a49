import type { TopLevelSpec } from 'vega-lite';
import { valueColour } from '../colourScale';
import { LOAD_STATE_LABEL, type LoadState, type ResultFields } from '../resultFields';
import { colourBarSpec } from './colourBarSpec';
import { figureLayout, PANEL_GAP } from './figureLayout';
import { formatValue } from './figureText';
import { A4_LANDSCAPE_150DPI, FONT_SIZE, figureConfig, VEGA_LITE_SCHEMA } from './figureTheme';
import { figureTitle } from './figureTitle';
import { gridStats } from './gridCells';
import type { CellDrawing } from './mapPanelSpec';
import { mapPanelSpec } from './mapPanelSpec';
import { MAX_PLATE_POINTS, nodalGrid } from './nodalGrid';
import { clipText } from './textWidth';

export interface DeflectionOptions {
  fields: ResultFields;
  caseName: string;
  state: LoadState;
  /** see `PressureMapOptions.cells` */
  cells?: CellDrawing;
  /** size of the whole figure [px]; default A4 landscape at 150 dpi */
  width?: number;
  height?: number;
}

/**
 * The deflection w of each plate (a rigid base has none and is left out), one panel per plate,
 * each with its own colour bar in µm over its own range: on one shared bar a stiff plate next to a
 * soft one would look flat. Raw w (z up, as solved, rigid-body motion included), not bending about
 * a best-fit plane, so the numbers are the ones in result.json.
 */
export function deflectionSpec(o: DeflectionOptions): TopLevelSpec {
  const { fields } = o;
  const w = o.state === 'swollen' ? fields.deflectionSwollen : fields.deflection;
  if (!w) throw new RangeError(`${o.caseName} has no swollen state: the case does not swell`);
  const plates = fields.layers.flatMap((layer, l) =>
    layer.rigid || !w[l] ? [] : [{ name: layer.name, w: w[l] }],
  );
  if (plates.length === 0) throw new RangeError(`${o.caseName} has no flexible plate to draw`);
  const size = {
    width: o.width ?? A4_LANDSCAPE_150DPI.width,
    height: o.height ?? A4_LANDSCAPE_150DPI.height,
  };
  const columns = plates.length === 1 ? 1 : 2;
  const rows = Math.ceil(plates.length / columns);
  const layout = figureLayout(size, fields.stack.plate, columns, rows, 1, {
    panelTitles: true,
    noContactSwatch: false,
  });
  const panels = plates.map(({ name, w: wl }, k) => {
    // an image shows the plate at the finest resampling; rectangles (the viewer) stay near the mesh
    const points = o.cells === 'image' ? MAX_PLATE_POINTS : Math.min(101, fields.meshX.length);
    const grid = nodalGrid(fields.meshX, fields.meshY, wl, 1000, points); // µm
    const { min, max } = gridStats(grid);
    const colour = (v: number) => valueColour('deflection', v, min, max);
    return {
      title: {
        // a plate's label may be no wider than its panel
        text: clipText(
          `${name}: w from ${formatValue(min)} to ${formatValue(max)} µm`,
          layout.pxPerMm * fields.stack.plate.Lx + 200,
          FONT_SIZE.axisTitle,
        ),
        fontSize: FONT_SIZE.axisTitle,
        fontWeight: 'normal',
        anchor: 'start',
      },
      hconcat: [
        mapPanelSpec({
          grid,
          colour,
          stack: fields.stack,
          pxPerMm: layout.pxPerMm,
          cells: o.cells ?? 'rect',
          valueTitle: 'w [µm]',
          // w is smooth: blended pixels, one per resampled point, show it at a fifth of the size
          smooth: { maxPixels: MAX_PLATE_POINTS },
        }),
        colourBarSpec({
          id: `w${k}`,
          lo: min,
          hi: max,
          colour,
          title: `w [µm], ${name}`,
          height: layout.barHeight,
        }),
      ],
      spacing: layout.barSpacing,
    };
  });
  const grid = Array.from({ length: rows }, (_, r) => ({
    hconcat: panels.slice(r * columns, (r + 1) * columns),
    spacing: PANEL_GAP,
  }));
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: figureConfig(),
    usermeta: { figureSize: size },
    title: figureTitle(size.width, `${o.caseName} — plate deflection, ${LOAD_STATE_LABEL[o.state]}`, [
      'raw w (z up, as solved) of each plate, each on its own colour bar',
    ]),
    vconcat: grid,
    spacing: PANEL_GAP,
    resolve: { scale: { color: 'independent' } },
  } as unknown as TopLevelSpec;
}
