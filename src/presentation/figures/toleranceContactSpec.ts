import type { TopLevelSpec } from 'vega-lite';
import type { ToleranceResult } from '../../tolerance/toleranceResult';
import { valueColour } from '../colourScale';
import type { LoadState, PressureGrid } from '../resultFields';
import type { StackGeometry } from '../stackGeometry';
import { colourBarSpec } from './colourBarSpec';
import { figureLayout } from './figureLayout';
import { formatPercent } from './figureText';
import { A4_LANDSCAPE_150DPI, figureConfig, VEGA_LITE_SCHEMA } from './figureTheme';
import { figureTitle } from './figureTitle';
import { pointWeight } from './gridCells';
import { type CellDrawing, mapPanelSpec } from './mapPanelSpec';
import { failedNote, studyMaps, toleranceTitle } from './toleranceTitle';

export interface ToleranceContactOptions {
  result: ToleranceResult;
  stack: StackGeometry;
  state: LoadState;
  cells?: CellDrawing;
  width?: number;
  height?: number;
}

/**
 * The probability grid as a map draws it: every point that was in contact in at least one draw
 * carries its probability; a point never in contact is grey ("no contact"), so a dead zone reads
 * as one whatever the colour scale's bottom looks like.
 */
export function contactProbabilityGrid(p: PressureGrid): PressureGrid {
  const contact = new Uint8Array(p.values.length);
  for (let k = 0; k < contact.length; k++) contact[k] = p.values[k] > 0 ? 1 : 0;
  return { ...p, contact };
}

/** Area-weighted shares of the footprint [-]: never in contact, and in contact in every draw. */
function shares(p: PressureGrid): { never: number; always: number } {
  let area = 0;
  let never = 0;
  let always = 0;
  for (let j = 0; j < p.ny; j++)
    for (let i = 0; i < p.nx; i++) {
      const w = pointWeight(j, p.ny, p.dy) * pointWeight(i, p.nx, p.dx);
      const v = p.values[j * p.nx + i];
      area += w;
      if (v <= 0) never += w;
      if (v >= 1) always += w;
    }
  return area > 0 ? { never: never / area, always: always / area } : { never: 0, always: 0 };
}

/**
 * The probability of contact per point over a study's solved draws, on its own scale from 0 to 1
 * ("P(contact) [-]"): where the stack may lose the plate, and how often.
 */
export function toleranceContactSpec(o: ToleranceContactOptions): TopLevelSpec {
  const { result, stack } = o;
  const grid = contactProbabilityGrid(studyMaps(result, o.state).contactProbability);
  const { never, always } = shares(grid);
  const colour = (p: number) => valueColour('pressure', p, 0, 1);
  const solved = result.samples - result.failed.length;
  const subtitle = [
    `share of the ${solved} solved draws in which each point carries pressure · in contact in every draw: ${formatPercent(always)} of the footprint · grey: in none`,
  ];
  const note = failedNote(result);
  if (note) subtitle.push(note);
  const size = {
    width: o.width ?? A4_LANDSCAPE_150DPI.width,
    height: o.height ?? A4_LANDSCAPE_150DPI.height,
  };
  const layout = figureLayout(size, stack.plate, 1, 1, subtitle.length);
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: figureConfig(),
    usermeta: { figureSize: size },
    title: figureTitle(size.width, toleranceTitle(result, 'probability of contact', o.state), subtitle),
    hconcat: [
      mapPanelSpec({
        grid,
        colour,
        stack,
        pxPerMm: layout.pxPerMm,
        cells: o.cells ?? 'rect',
        valueTitle: 'P(contact) [-]',
      }),
      colourBarSpec({
        id: 'pc',
        lo: 0,
        hi: 1,
        colour,
        title: 'P(contact) [-]',
        height: layout.barHeight,
        noContact: { fraction: never },
      }),
    ],
    spacing: layout.barSpacing,
  } as unknown as TopLevelSpec;
}
