import type { InterfaceState, ResultFields } from '../../../src/presentation/resultFields';

function stateBuffers(s: InterfaceState): ArrayBufferLike[] {
  return [s.pressure.buffer, s.gap.buffer, s.grid.values.buffer, s.grid.contact.buffer];
}

/**
 * Every buffer of the fields, for postMessage's transfer list: the page receives them without a
 * copy, and the worker gives them up (resultFieldsOf made them fresh for this reply).
 */
export function transferables(f: ResultFields): ArrayBuffer[] {
  const out: ArrayBufferLike[] = [f.meshX.buffer, f.meshY.buffer];
  for (const i of f.interfaces) {
    out.push(...stateBuffers(i), i.mask.buffer);
    if (i.swollen) out.push(...stateBuffers(i.swollen));
  }
  for (const w of f.deflection) out.push(w.buffer);
  for (const w of f.deflectionSwollen ?? []) out.push(w.buffer);
  // a life history's maps: a state's grid each, hundreds of them, so never copied per reply
  for (const g of f.history?.grids ?? []) out.push(g.values.buffer, g.contact.buffer);
  // a SharedArrayBuffer cannot be transferred (and none of ours is one)
  return [...new Set(out)].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}
