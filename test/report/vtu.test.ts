import { describe, expect, it } from 'vitest';
import type { PlateArtifacts } from '../../src/report/caseArtifacts';
import { resultVtu } from '../../src/report/vtu';
import type { CaseSummary } from '../../src/solveCase';

/** A 2 × 1-quad mesh on [0, 2] × [0, 1] mm: nodes 0 1 2 along y = 0, 3 4 5 along y = 1. */
function tiny(name = 'tiny'): Parameters<typeof resultVtu>[0] {
  // quad 0 bent equally both ways, quad 1 twisted, by moments of 2·s N·mm/mm
  const plate = (
    plateName: string,
    z: number,
    thickness: number,
    pressure: Float64Array | null,
    s: number,
  ): PlateArtifacts => ({
    name: plateName,
    z,
    thickness,
    pressure,
    Mx: Float64Array.from([2 * s, 0]),
    My: Float64Array.from([2 * s, 0]),
    Mxy: Float64Array.from([0, -2 * s]),
  });
  return {
    summary: { name } as CaseSummary,
    axes: { x: Float64Array.from([0, 1, 2]), y: Float64Array.from([0, 1]) },
    deflection: [
      { name: 'top plate', w: Float64Array.from([0, -0.1, -0.2, 0.1, 0.2, 0.3]) },
      { name: 'bottom plate', w: Float64Array.from([0, 0, 0, 0, 0, 1e-17]) },
    ],
    plates: [
      plate('top plate', 20.5, 2, Float64Array.from([1, 2, 3, 4, 5, 6]), 1),
      plate('bottom plate', 1.5, 1, null, 10),
    ],
  };
}

/** The whitespace-separated values of the DataArray named `name`. */
function values(xml: string, name: string): string[] {
  const m = xml.match(
    new RegExp(`<DataArray [^>]*Name="${name.replace(/[[\]]/g, '\\$&')}"[^>]*>([^<]*)</DataArray>`),
  );
  expect(m, `DataArray ${name}`).not.toBeNull();
  return m![1].trim().split(/\s+/);
}

describe('resultVtu', () => {
  const xml = resultVtu(tiny());

  it('is a VTK XML UnstructuredGrid with one piece of 2 plates × 6 points and 2 plates × 2 quads', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(xml).toContain(
      '<VTKFile type="UnstructuredGrid" version="1.0" byte_order="LittleEndian" header_type="UInt64">',
    );
    expect(xml.match(/<Piece /g)).toHaveLength(1);
    expect(xml).toContain('<Piece NumberOfPoints="12" NumberOfCells="4">');
    expect(xml.trimEnd().endsWith('</VTKFile>')).toBe(true);
  });

  it('lays each plate flat at its mid-plane z, top plate first', () => {
    expect(xml).toMatch(/<DataArray type="Float64" Name="coordinates \[mm\]" NumberOfComponents="3"/);
    const xyz = values(xml, 'coordinates [mm]').map(Number);
    expect(xyz).toHaveLength(36);
    expect(xyz).toEqual([
      0, 0, 20.5, 1, 0, 20.5, 2, 0, 20.5, 0, 1, 20.5, 1, 1, 20.5, 2, 1, 20.5, 0, 0, 1.5, 1, 0, 1.5, 2, 0, 1.5,
      0, 1, 1.5, 1, 1, 1.5, 2, 1, 1.5,
    ]);
  });

  it('writes counter-clockwise quads, the second plate shifted by its 6 points; offsets and types', () => {
    expect(values(xml, 'connectivity').map(Number)).toEqual([
      0, 1, 4, 3, 1, 2, 5, 4, 6, 7, 10, 9, 7, 8, 11, 10,
    ]);
    expect(values(xml, 'offsets').map(Number)).toEqual([4, 8, 12, 16]);
    expect(values(xml, 'types').map(Number)).toEqual([9, 9, 9, 9]);
    expect(xml).toMatch(/<DataArray type="Int64" Name="connectivity"/);
    expect(xml).toMatch(/<DataArray type="Int64" Name="offsets"/);
    expect(xml).toMatch(/<DataArray type="UInt8" Name="types"/);
  });

  it('puts w and p on the points, 0 pressure under the lowest plate, numbers exact', () => {
    const point = xml.slice(xml.indexOf('<PointData'), xml.indexOf('</PointData>'));
    expect(values(point, 'w [mm]')).toEqual([
      '0',
      '-0.1',
      '-0.2',
      '0.1',
      '0.2',
      '0.3',
      '0',
      '0',
      '0',
      '0',
      '0',
      '1e-17',
    ]);
    expect(values(point, 'p [MPa]').map(Number)).toEqual([1, 2, 3, 4, 5, 6, 0, 0, 0, 0, 0, 0]);
  });

  it('puts von Mises top/bottom, the moments and the plate index on the cells', () => {
    const cell = xml.slice(xml.indexOf('<CellData'), xml.indexOf('</CellData>'));
    // σ = 6M/t²: top plate (t = 2 mm) σx = σy = 3 MPa, then τ = 3 MPa → von Mises 3 and √27;
    // bottom plate (t = 1 mm, M × 10) σx = σy = 120 MPa, then τ = 120 MPa → 120 and 120·√3
    const vm = [3, Math.sqrt(27), 120, 120 * Math.sqrt(3)];
    for (const face of ['top', 'bottom'])
      values(cell, `von Mises ${face} [MPa]`).forEach((v, e) => {
        expect(Number(v)).toBeCloseTo(vm[e], 12);
      });
    expect(values(cell, 'Mx [N·mm/mm]').map(Number)).toEqual([2, 0, 20, 0]);
    expect(values(cell, 'My [N·mm/mm]').map(Number)).toEqual([2, 0, 20, 0]);
    expect(values(cell, 'Mxy [N·mm/mm]').map(Number)).toEqual([0, -2, 0, -20]);
    expect(values(cell, 'plate').map(Number)).toEqual([0, 0, 1, 1]);
  });

  it('keeps the case and plate names in field data as 0-terminated UTF-8 bytes', () => {
    const field = xml.slice(xml.indexOf('<FieldData>'), xml.indexOf('</FieldData>'));
    expect(field).toContain('<DataArray type="String" Name="case" NumberOfTuples="1" format="ascii">');
    // "tiny" = 116 105 110 121
    expect(values(field, 'case')).toEqual(['116', '105', '110', '121', '0']);
    expect(field).toContain('Name="plates" NumberOfTuples="2"');
  });

  it('refuses arrays that do not fit the mesh, naming the plate and the array', () => {
    const a = tiny();
    a.plates[1].Mxy = new Float64Array(1);
    expect(() => resultVtu(a)).toThrow('bottom plate: Mxy has 1 values, the mesh needs 2');
    const b = tiny();
    b.deflection[0].w = new Float64Array(7);
    expect(() => resultVtu(b)).toThrow('top plate: w has 7 values, the mesh needs 6');
  });

  it('cannot be broken by a hostile case name, and is the same text for the same input', () => {
    const hostile = resultVtu(tiny('</DataArray><x a="&">\0'));
    expect(hostile).not.toContain('<x');
    expect(hostile.match(/<DataArray /g)).toHaveLength(xml.match(/<DataArray /g)!.length);
    expect(resultVtu(tiny())).toBe(xml);
  });
});
