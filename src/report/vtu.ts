import { gridMesh } from '../../solver/mesh/structured';
import { vonMises } from '../../solver/plate/recovery';
import type { CaseArtifacts } from './caseArtifacts';

/** VTK's cell type of a 4-node quadrilateral. */
const VTK_QUAD = 9;

/**
 * result.vtu: the plates of a solved case after load-up as one XML VTK UnstructuredGrid (ASCII),
 * for ParaView. Every plate is its mesh of quads (VTK_QUAD, corners counter-clockwise seen from +z)
 * lying flat at its mid-plane height z [mm] (z = 0 at the bottom face of the bottom plate or the top
 * of a rigid base, which is not drawn); the plates follow one another top first, plate k's
 * points are nodes k·nNodes … and its cells quads k·nQuads …. The deflection is a field, not
 * added to the coordinates (in ParaView: Warp By Scalar on `w [mm]`).
 *
 * Point data: `w [mm]` (deflection, z up) and `p [MPa]` (pressure of the interface under the
 * plate, 0 off the footprint and for the lowest plate). Cell data, at the quad centres: `von Mises
 * top [MPa]`, `von Mises bottom [MPa]` (from the moments, σ = ±6M/t²), `Mx`/`My`/`Mxy [N·mm/mm]`
 * and `plate` (its index, top first). A swelling case's state after swelling is not in the file. Field data: the case name and the plate names. Numbers are written in their shortest
 * exact form, so every value reads back bit for bit and equal inputs give equal files.
 */
export function resultVtu(a: Pick<CaseArtifacts, 'summary' | 'axes' | 'deflection' | 'plates'>): string {
  const mesh = gridMesh(a.axes.x, a.axes.y);
  const nNodes = mesh.nodes.length / 2;
  const nQuads = mesh.quads.length / 4;
  const plates = a.plates;
  if (plates.length !== a.deflection.length)
    throw new Error(`resultVtu: ${plates.length} plates but ${a.deflection.length} deflections`);
  // artifacts may come back from a remote worker: a short array would write "undefined" values
  const sized = (what: string, v: ArrayLike<number> | null, n: number) => {
    if (v && v.length !== n)
      throw new Error(`resultVtu: ${what} has ${v.length} values, the mesh needs ${n}`);
  };
  plates.forEach((p, k) => {
    sized(`${p.name}: w`, a.deflection[k].w, nNodes);
    sized(`${p.name}: p`, p.pressure, nNodes);
    for (const m of ['Mx', 'My', 'Mxy'] as const) sized(`${p.name}: ${m}`, p[m], nQuads);
  });
  const nPoints = plates.length * nNodes;
  const nCells = plates.length * nQuads;

  // tuple i of a per-plate array: plate ⌊i / n⌋, entry i mod n; a plate without one writes 0
  const perPlate =
    (of: (k: number) => ArrayLike<number> | null, n: number) =>
    (i: number): string => {
      const k = Math.floor(i / n);
      const v = of(k);
      return v ? String(v[i - k * n]) : '0';
    };
  const point = (i: number): string => {
    const k = Math.floor(i / nNodes);
    const node = i - k * nNodes;
    return `${mesh.nodes[2 * node]} ${mesh.nodes[2 * node + 1]} ${plates[k].z}`;
  };
  const corners = (i: number): string => {
    const k = Math.floor(i / nQuads);
    const q = 4 * (i - k * nQuads);
    const base = k * nNodes;
    return `${base + mesh.quads[q]} ${base + mesh.quads[q + 1]} ${base + mesh.quads[q + 2]} ${base + mesh.quads[q + 3]}`;
  };
  // the face stresses of plate bending, ±6M/t², as the solver's recovery forms them: von Mises
  // is the same on both faces (the bottom has the opposite signs)
  const vm = plates.map((p) => {
    const c = 6 / (p.thickness * p.thickness);
    return p.Mx.map((mx, e) => vonMises(c * mx, c * p.My[e], c * p.Mxy[e]));
  });

  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<VTKFile type="UnstructuredGrid" version="1.0" byte_order="LittleEndian" header_type="UInt64">',
    '  <UnstructuredGrid>',
    '    <FieldData>',
    stringArray('case', [a.summary.name]),
    stringArray(
      'plates',
      plates.map((p) => p.name),
    ),
    '    </FieldData>',
    `    <Piece NumberOfPoints="${nPoints}" NumberOfCells="${nCells}">`,
    '      <PointData Scalars="w [mm]">',
    dataArray(
      'Float64',
      'w [mm]',
      nPoints,
      perPlate((k) => a.deflection[k].w, nNodes),
    ),
    dataArray(
      'Float64',
      'p [MPa]',
      nPoints,
      perPlate((k) => plates[k].pressure, nNodes),
    ),
    '      </PointData>',
    '      <CellData Scalars="von Mises top [MPa]">',
    dataArray(
      'Float64',
      'von Mises top [MPa]',
      nCells,
      perPlate((k) => vm[k], nQuads),
    ),
    dataArray(
      'Float64',
      'von Mises bottom [MPa]',
      nCells,
      perPlate((k) => vm[k], nQuads),
    ),
    dataArray(
      'Float64',
      'Mx [N·mm/mm]',
      nCells,
      perPlate((k) => plates[k].Mx, nQuads),
    ),
    dataArray(
      'Float64',
      'My [N·mm/mm]',
      nCells,
      perPlate((k) => plates[k].My, nQuads),
    ),
    dataArray(
      'Float64',
      'Mxy [N·mm/mm]',
      nCells,
      perPlate((k) => plates[k].Mxy, nQuads),
    ),
    dataArray('Int32', 'plate', nCells, (i) => String(Math.floor(i / nQuads))),
    '      </CellData>',
    '      <Points>',
    dataArray('Float64', 'coordinates [mm]', nPoints, point, 3),
    '      </Points>',
    '      <Cells>',
    dataArray('Int64', 'connectivity', nCells, corners),
    dataArray('Int64', 'offsets', nCells, (i) => String(4 * (i + 1))),
    dataArray('UInt8', 'types', nCells, () => String(VTK_QUAD)),
    '      </Cells>',
    '    </Piece>',
    '  </UnstructuredGrid>',
    '</VTKFile>',
    '',
  ];
  return lines.join('\n');
}

/**
 * One ASCII DataArray of `count` tuples, tuple i formatted by `tuple(i)`, one per line. Joined in
 * blocks of 4096 tuples: an array of every tuple's string at once took twice the memory on a
 * mesh of a million points (1.5 GB against 0.8 GB resident) and was slower.
 */
function dataArray(
  type: string,
  name: string,
  count: number,
  tuple: (i: number) => string,
  components = 1,
): string {
  const comps = components > 1 ? ` NumberOfComponents="${components}"` : '';
  const blocks: string[] = [];
  const block: string[] = [];
  for (let i = 0; i < count; i++) {
    block.push(tuple(i), '\n');
    if (block.length === 8192 || i === count - 1) {
      blocks.push(block.join(''));
      block.length = 0;
    }
  }
  return `        <DataArray type="${type}" Name="${xmlAttribute(name)}"${comps} format="ascii">\n${blocks.join('')}        </DataArray>`;
}

/**
 * A field-data array of strings. VTK's ASCII form of a string array is the UTF-8 bytes of each
 * string followed by a 0 byte, written as numbers — so no case name can break the XML.
 */
function stringArray(name: string, values: string[]): string {
  // a 0 byte inside a name would split it in two
  const bytes = values.map((v) => [...new TextEncoder().encode(v.replaceAll('\0', '\uFFFD')), 0].join(' '));
  return `      <DataArray type="String" Name="${xmlAttribute(name)}" NumberOfTuples="${values.length}" format="ascii">\n${bytes.join('\n')}\n      </DataArray>`;
}

/** A case name is user input: it must not end the attribute or open a tag. */
function xmlAttribute(s: string): string {
  return s.replace(/[&<>"'\n\r\t]/g, (c) => `&#${c.charCodeAt(0)};`);
}
