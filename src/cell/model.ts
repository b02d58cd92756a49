import { InputError, parseInput } from '../validation/parseInput';
import { type PouchCell, pouchCell } from './pouch';
import { type Cell, type CellInput, cellSchema } from './schema';
import { type UnitCell, unitCell } from './unitCell';

/** A cell evaluated at unit-cell and pouch-cell level. */
export interface CellResult {
  name: string;
  unit: UnitCell;
  pouch: PouchCell;
}

/** Validate a cell description and evaluate it; throws InputError on bad input. */
export function evaluateCell(raw: CellInput | unknown): CellResult {
  const cell: Cell = parseInput(cellSchema, raw, 'cell');
  const unit = unitCell(cell);
  if (!(unit.voltageV > 0)) {
    throw new InputError('cell', [
      `anode.averagePotentialV: ${cell.anode.kind === 'composite' ? cell.anode.averagePotentialV : 0} V — must be below cathode.averageVoltageV (${cell.cathode.averageVoltageV} V)`,
    ]);
  }
  return { name: cell.name, unit, pouch: pouchCell(cell, unit) };
}
