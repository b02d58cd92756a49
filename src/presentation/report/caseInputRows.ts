import { boltMaterials, plateMaterials } from '../../case/materials';
import type { Case } from '../../case/schema';
import { caseFieldUnits } from '../../report/caseFieldUnit';
import { grouped, stated, UNIT_SPACE } from './quantityText';

/** One input of the case as the report lists it. */
export interface CaseInputRow {
  /** top-level group: plates, stack, gaskets, bolts, mesh, solver, output */
  group: string;
  /** the case path, as a case file writes it: plates.top.thickness, gaskets[0].law.hardness */
  path: string;
  value: string;
  /** from the case schema; empty for counts, ratios and names */
  unit: string;
}

/** Lists up to this long print in full; longer ones (tables, grid maps) print their size and range. */
const inlineEntries = 12;

/** The title block shows these; the schema version is not a design input. */
const skipped = new Set(['schemaVersion', 'name', 'description']);

/**
 * Every input of the resolved case (defaults filled in), in case-file order, with its unit from the
 * case schema. Long lists and grid maps are summarised by size and range, so a 1000 × 1000
 * flatness map is one row, not a million; the bolt positions are listed in the bolt table.
 */
export function caseInputRows(c: Case): CaseInputRow[] {
  const rows: CaseInputRow[] = [];
  // paths whose unit is looked up at the end, all at once: [row, path of the unit]
  const unitPaths: [CaseInputRow, string][] = [];
  const unitOf = (row: CaseInputRow, path: string) => {
    unitPaths.push([row, path]);
    return row;
  };
  const visit = (group: string, path: string, v: unknown): void => {
    if (v === undefined || v === null) return;
    if (typeof v === 'number') rows.push(unitOf({ group, path, value: stated(v), unit: '' }, path));
    else if (typeof v === 'string') rows.push({ group, path, value: presetText(path, v), unit: '' });
    else if (typeof v === 'boolean') rows.push({ group, path, value: v ? 'yes' : 'no', unit: '' });
    else if (Array.isArray(v)) visitList(group, path, v);
    else if (typeof v === 'object')
      for (const [key, child] of Object.entries(v)) visit(group, `${path}.${key}`, child);
  };
  const visitList = (group: string, path: string, list: unknown[]): void => {
    if (path === 'bolts.positions') {
      rows.push({ group, path, value: `${list.length} bolts, listed in the bolt table`, unit: '' });
      return;
    }
    if (list.length === 0) {
      rows.push({ group, path, value: 'none', unit: '' });
      return;
    }
    const numbers = list.flat(2).filter((x): x is number => typeof x === 'number');
    if (numbers.length === list.flat(2).length) {
      const item = `${path}${Array.isArray(list[0]) ? '[0][0]' : '[0]'}`;
      rows.push(unitOf({ group, path, value: listText(list, numbers), unit: '' }, item));
      return;
    }
    list.forEach((item, i) => {
      visit(group, `${path}[${i}]`, item);
    });
  };
  for (const [key, v] of Object.entries(c)) if (!skipped.has(key)) visit(key, key, v);
  const units = caseFieldUnits(
    unitPaths.map(([, path]) => path),
    c,
  );
  unitPaths.forEach(([row], k) => {
    row.unit = units[k] ?? '';
  });
  return rows;
}

/** A list of numbers: in full when short, else its size and range. */
function listText(list: unknown[], numbers: number[]): string {
  const rowsOf = Array.isArray(list[0]);
  if (!rowsOf && numbers.length <= inlineEntries) return numbers.map(stated).join(', ');
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const x of numbers) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  const size = rowsOf
    ? `${list.length} × ${(list[0] as unknown[]).length} values`
    : `${grouped(numbers.length)} values`;
  return numbers.length === 0 ? size : `${size}, ${stated(lo)} to ${stated(hi)}`;
}

/** A material preset with the properties it stands for, so the report needs no handbook beside it. */
function presetText(path: string, v: string): string {
  if (path.endsWith('.material') && path !== 'bolts.material' && Object.hasOwn(plateMaterials, v)) {
    const m = plateMaterials[v as keyof typeof plateMaterials];
    return `${v} (E ${grouped(m.E)}${UNIT_SPACE}MPa, ν ${m.nu}, yield ${m.yield}${UNIT_SPACE}MPa, ${grouped(m.density)}${UNIT_SPACE}kg/m³)`;
  }
  if (path === 'bolts.material' && Object.hasOwn(boltMaterials, v)) {
    const m = boltMaterials[v as keyof typeof boltMaterials];
    return `${v} (proof strength ${m.yield}${UNIT_SPACE}MPa, E ${grouped(m.E)}${UNIT_SPACE}MPa)`;
  }
  return v;
}
