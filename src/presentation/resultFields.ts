import type { RegularGrid } from '../results/pressureMap';
import type { PressureStats } from '../results/pressureStats';
import type { Rect, StackGeometry } from './stackGeometry';

/**
 * The solved fields every picture is drawn from — the CLI's figures and report, the viewer's
 * panels, and a result folder opened in the viewer (`fields.json`, `encodeResultFields`). Typed
 * arrays only, so a worker can transfer them without a copy.
 */
export interface ResultFields {
  /** the case's name */
  caseName: string;
  /** mesh lines [mm]; node (i, j) has index j·nx + i with nx = meshX.length */
  meshX: Float64Array;
  meshY: Float64Array;
  footprint: Rect;
  /** plate layers from the top down; `rigid` for a rigid base (thickness 0) */
  layers: { name: string; thickness: number; rigid: boolean }[];
  /** cells between consecutive plate layers, one entry per interface */
  cellsPerInterface: number[];
  /** per interface, top first */
  interfaces: InterfaceField[];
  /** per plate layer (order of `layers`): w at the nodes after load-up [mm]; zero for a rigid base */
  deflection: Float64Array[];
  /** the same after swelling, or null when the case has no swelling step */
  deflectionSwollen: Float64Array[] | null;
  /** the solids as drawn */
  stack: StackGeometry;
  /** the life history's cell-pressure maps, one per state; null when the case has no history */
  history: HistoryMaps | null;
}

/**
 * The cell pressure under the top plate (interface 0) at every state of a life history, on the grid
 * of the interface's maps. The values are held at Float32 precision (7 significant digits, far below
 * what a map shows or the solve's tolerance resolves), which halves fields.json: a 200-state history
 * of a 10 000-point grid is 8 MB of values, base64 11 MB.
 */
export interface HistoryMaps {
  /** per state, in the order of `summary.history.states` [MPa] */
  grids: PressureGrid[];
  /** pressure above which a grid point counts as in contact [MPa] (the case's `output.contactThreshold`) */
  contactThreshold: number;
}

/** One load state of one interface. */
export interface InterfaceState {
  /** nodal pressure [MPa] (0 off the footprint and where open) */
  pressure: Float64Array;
  /** open gap at the nodes [mm] (0 where in contact) */
  gap: Float64Array;
  /** the pressure on the regular grid of the maps [MPa] */
  grid: PressureGrid;
  /** the summary's statistics of this state (from the contact points, area-weighted): what figure titles quote */
  stats: PressureStats;
}

export interface InterfaceField extends InterfaceState {
  /** the stack's name for it: "cell stack", "cells 1–2 (top plate ↔ interleaf 1)" */
  name: string;
  /** 1 at nodes on the cell footprint */
  mask: Uint8Array;
  /** after swelling, or null */
  swollen: InterfaceState | null;
}

/** The pressure [MPa] on a regular grid, y up: value (i, j) at (x0 + i·dx, y0 + j·dy) is values[j·nx + i]. */
export interface PressureGrid extends Omit<RegularGrid, 'unit'> {
  /** 1 where the point is in contact (pressure carried), 0 where a gap is open or off the footprint */
  contact: Uint8Array;
}

/** The load states a figure can show. */
export type LoadState = 'loadUp' | 'swollen';
export const LOAD_STATE_LABEL: Record<LoadState, string> = {
  loadUp: 'after load-up',
  swollen: 'after swelling',
};
