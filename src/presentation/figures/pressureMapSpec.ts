import type { TopLevelSpec } from 'vega-lite';
import { valueColour } from '../colourScale';
import { type FilmGradeId, filmGrade, filmPressureColour } from '../film';
import { type InterfaceState, LOAD_STATE_LABEL, type LoadState, type ResultFields } from '../resultFields';
import type { StackGeometry } from '../stackGeometry';
import { colourBarSpec } from './colourBarSpec';
import { figureLayout } from './figureLayout';
import { formatPercent, formatValue } from './figureText';
import { A4_LANDSCAPE_150DPI, figureConfig, VEGA_LITE_SCHEMA } from './figureTheme';
import { figureTitle } from './figureTitle';
import { gridStats } from './gridCells';
import { type CellDrawing, mapPanelSpec } from './mapPanelSpec';

export interface PressureMapOptions {
  fields: ResultFields;
  /** index into `fields.interfaces`, top first */
  interfaceIndex: number;
  state: LoadState;
  caseName: string;
  /** draw it as this Prescale grade would show it, instead of the viridis map */
  film?: FilmGradeId | null;
  /**
   * 'rect' (default): one rectangle per cell (at most 200 a side), each with its tooltip;
   * 'image': the same map as one pixelated image, a fraction of the size and drawing time, no
   * tooltips: the figure files, and the viewer's Top view (which reads the pointer's cell itself)
   */
  cells?: CellDrawing;
  /** size of the whole figure [px]; default A4 landscape at 150 dpi */
  width?: number;
  height?: number;
  /**
   * colour range [MPa] of the viridis map; default this state's in-contact range. Give maps that are
   * compared side by side one range (`pressureRangeOf`), so equal colours mean equal pressures.
   */
  range?: { lo: number; hi: number };
}

/** The in-contact pressure range [MPa] over both load states of an interface: one colour scale for both maps. */
export function pressureRangeOf(fields: ResultFields, interfaceIndex: number): { lo: number; hi: number } {
  const itf = fields.interfaces[interfaceIndex];
  const states = itf.swollen ? [itf, itf.swollen] : [itf];
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const s of states) {
    const g = gridStats(s.grid);
    if (g.min <= g.max) {
      lo = Math.min(lo, g.min);
      hi = Math.max(hi, g.max);
    }
  }
  return lo <= hi ? { lo, hi } : { lo: 0, hi: 1 };
}

/** The load state of an interface, or an error naming what is missing. */
export function interfaceState(
  fields: ResultFields,
  interfaceIndex: number,
  state: LoadState,
): { name: string; field: InterfaceState } {
  const itf = fields.interfaces[interfaceIndex];
  if (!itf)
    throw new RangeError(
      `interface ${interfaceIndex} does not exist: the case has ${fields.interfaces.length} (0–${fields.interfaces.length - 1})`,
    );
  const field = state === 'swollen' ? itf.swollen : itf;
  if (!field) throw new RangeError(`interface '${itf.name}' has no swollen state: the case does not swell`);
  return { name: itf.name, field };
}

/**
 * The pressure map of one interface in one load state, as a vega-lite spec: the grid as cells in
 * mm on equal axes (colours precomputed with the pressure scale over the contact range, or the
 * film's, `scale: null`, so they are exactly ours), grey where no contact, over the plate outline
 * with the footprint and the bolts and washers at their diameters; a colour bar in MPa with the
 * "no contact" swatch and open fraction; title with case, interface and load state, statistics below.
 */
export function pressureMapSpec(o: PressureMapOptions): TopLevelSpec {
  const { name, field } = interfaceState(o.fields, o.interfaceIndex, o.state);
  return pressureFigureSpec({
    ...o,
    stack: o.fields.stack,
    field,
    title: `${o.caseName} — ${name}, ${LOAD_STATE_LABEL[o.state]}`,
    rangeNote: 'shared with the other load state',
  });
}

/** A pressure map figure of any state: what `pressureMapSpec` draws for a load state, and the life history for each of its states. */
export interface PressureFigureOptions
  extends Pick<PressureMapOptions, 'film' | 'cells' | 'width' | 'height' | 'range'> {
  stack: StackGeometry;
  /** the grid drawn and the statistics quoted */
  field: Pick<InterfaceState, 'grid' | 'stats'>;
  title: string;
  /** subtitle lines above the statistics line (the state drawn) */
  lead?: string[];
  /** why `range` was given, after "colour scale lo to hi MPa, " */
  rangeNote: string;
}

/**
 * The figure of one pressure map (see `pressureMapSpec`): the map over the plate, the colour bar
 * in MPa with the no-contact swatch, the statistics in the subtitle under the `lead` lines.
 */
export function pressureFigureSpec(o: PressureFigureOptions): TopLevelSpec {
  const { field } = o;
  const stats = gridStats(field.grid);
  const range = o.range ?? { lo: stats.min, hi: stats.max };
  const grade = o.film ? filmGrade(o.film) : null;
  const colour = grade
    ? (p: number) => filmPressureColour(p, grade)
    : (p: number) => valueColour('pressure', p, range.lo, range.hi);
  // the summary's statistics (area-weighted over the contact points), as result.json and the report quote them
  const open = 1 - field.stats.contactFraction;
  const size = {
    width: o.width ?? A4_LANDSCAPE_150DPI.width,
    height: o.height ?? A4_LANDSCAPE_150DPI.height,
  };
  const subtitle = [
    ...(o.lead ?? []),
    `mean ${formatValue(field.stats.mean)} MPa over the footprint, CoV ${field.stats.cov.toFixed(2)} · in contact ${formatValue(stats.min)} to ${formatValue(stats.max)} MPa · no contact ${formatPercent(open)}`,
  ];
  if (o.range && !grade)
    subtitle.push(`colour scale ${formatValue(range.lo)} to ${formatValue(range.hi)} MPa, ${o.rangeNote}`);
  if (grade)
    subtitle.push(
      `as Prescale ${grade.label} film would show it: colour develops from ${grade.min} to ${grade.max} MPa`,
    );
  const layout = figureLayout(size, o.stack.plate, 1, 1, subtitle.length);
  const map = mapPanelSpec({
    grid: field.grid,
    colour,
    stack: o.stack,
    pxPerMm: layout.pxPerMm,
    cells: o.cells ?? 'rect',
    valueTitle: 'p [MPa]',
  });
  const noContact = { fraction: open };
  const bar = grade
    ? colourBarSpec({
        id: 'p',
        lo: grade.min,
        hi: grade.max,
        log: true,
        colour,
        title: `p [MPa], Prescale ${grade.id}`,
        height: layout.barHeight,
        noContact,
      })
    : colourBarSpec({
        id: 'p',
        lo: range.lo,
        hi: range.hi,
        colour,
        title: 'p [MPa]',
        height: layout.barHeight,
        noContact,
      });
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: figureConfig(),
    usermeta: { figureSize: size },
    title: figureTitle(size.width, o.title, subtitle),
    hconcat: [map, bar],
    spacing: layout.barSpacing,
  } as unknown as TopLevelSpec;
}
