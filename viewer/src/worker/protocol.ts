import type { CaseSummary } from '../../../src/index';

/** The solved fields the viewer draws: typed arrays only, so they transfer without a copy. */
export interface ViewFields {
  /** mesh lines [mm]; node (i, j) has index j·nx + i */
  meshX: Float64Array;
  meshY: Float64Array;
  footprint: { x0: number; y0: number; x1: number; y1: number };
  /** plate layers from the top down; `rigid` for a rigid base */
  layers: { name: string; thickness: number; rigid: boolean }[];
  /** cells between consecutive plate layers, one entry per interface */
  cellsPerInterface: number[];
  interfaces: InterfaceField[];
  /** per plate layer (same order as `layers`): w at the nodes [mm]; all zero for a rigid base */
  deflection: Float64Array[];
}

export interface InterfaceField {
  name: string;
  /** nodal pressure after load-up [MPa] (0 off the footprint) */
  pressure: Float64Array;
  mask: Uint8Array;
  /** open gap at the nodes after load-up [mm] (0 where in contact) */
  gap: Float64Array;
  grid: { x0: number; y0: number; dx: number; dy: number; nx: number; ny: number; values: Float64Array };
}

export interface SolveRequest {
  type: 'solve';
  id: number;
  caseInput: unknown;
}

export type SolveReply =
  | { type: 'progress'; id: number; step: string; iteration: number; residual: number; elapsed: number }
  | {
      type: 'result';
      id: number;
      summary: CaseSummary;
      fields: ViewFields;
      seconds: number;
    }
  | { type: 'error'; id: number; message: string };

/** Every buffer of the fields, for postMessage's transfer list. */
export function transferables(f: ViewFields): ArrayBuffer[] {
  const out: ArrayBuffer[] = [f.meshX.buffer as ArrayBuffer, f.meshY.buffer as ArrayBuffer];
  for (const i of f.interfaces)
    out.push(
      i.pressure.buffer as ArrayBuffer,
      i.mask.buffer as ArrayBuffer,
      i.gap.buffer as ArrayBuffer,
      i.grid.values.buffer as ArrayBuffer,
    );
  for (const w of f.deflection) out.push(w.buffer as ArrayBuffer);
  return [...new Set(out)];
}
