import type { PressureStats } from '../../../src/index';
import type { LoadState, ResultFields } from '../../../src/presentation/resultFields';
import { bendingOnly, safeExaggeration } from '../domain/deflectionView';
import type { ShownResult } from './shownResult';

/** What the 3D view and its colour bar draw of the shown result, in the chosen interface and load state. */
export interface ShownView {
  fields: ResultFields | null;
  /** the load state drawn: after swelling only when the result has it */
  loadState: LoadState;
  /** the stack's interface names, top first (from the fields, else the summary) */
  interfaceNames: string[];
  /** the chosen interface, clamped to the result's */
  interfaceIndex: number;
  /** the colour range [MPa]: the summary's statistics of the interface in that state, or null */
  range: { min: number; max: number; mean: number } | null;
  /** nodal pressure painted [MPa], or null without fields */
  pressure: Float64Array | null;
  /** per plate layer: w drawn [mm], each plate's mean removed */
  bending: Float64Array[];
  /** largest exaggeration that keeps the solids in order [-] */
  maxExaggeration: number;
}

/**
 * The shown summary's interfaces, or none: a result.json read from disk may be crafted, and the
 * app shell must not fall over it (the panels show it inside their error boundaries).
 */
function interfacesOf(shown: ShownResult): ShownResult['summary']['interfaces'] {
  const list = shown.summary.interfaces;
  return Array.isArray(list) ? list : [];
}

const rangeOf = (p: PressureStats | null | undefined) =>
  p && typeof p === 'object' ? { min: p.min, max: p.max, mean: p.mean } : null;

/** The view of `shown` on the chosen interface (index, top first) and load state. */
export function shownView(shown: ShownResult | null, chosen: number, wanted: LoadState): ShownView {
  const fields = shown?.fields ?? null;
  const swollen = wanted === 'swollen' && fields?.deflectionSwollen != null && !!shown?.summary.swelling;
  const interfaceNames = fields
    ? fields.interfaces.map((i) => i.name)
    : shown
      ? interfacesOf(shown).map((i) => String(i?.name))
      : [];
  const interfaceIndex = Math.max(0, Math.min(chosen, interfaceNames.length - 1));
  const range = !shown
    ? null
    : swollen
      ? rangeOf(shown.summary.swelling?.interfaces?.[interfaceIndex]?.pressure)
      : rangeOf(interfacesOf(shown)[interfaceIndex]?.pressure ?? shown.summary.pressure);
  const itf = fields?.interfaces[interfaceIndex];
  const pressure = (swollen ? itf?.swollen?.pressure : itf?.pressure) ?? null;
  const bending = fields ? bendingOnly((swollen ? fields.deflectionSwollen : null) ?? fields.deflection) : [];
  const maxExaggeration = fields ? safeExaggeration(bending, fields.stack) : 1000;
  return {
    fields,
    loadState: swollen ? 'swollen' : 'loadUp',
    interfaceNames,
    interfaceIndex,
    range,
    pressure,
    bending,
    maxExaggeration,
  };
}
