import type { RegularGrid } from '../results/pressureMap';
import { type CaseResult, type CaseSummary, summaryOf } from '../solveCase';

/**
 * Everything a case folder is written from: the summary, the cell pressure grid, the mesh axes
 * and the plates' deflection. Small and serialisable, so a remote worker can send it back and
 * the submitter writes exactly the files a local run writes.
 */
export interface CaseArtifacts {
  summary: CaseSummary;
  /** cell pressure under the top plate [MPa] */
  pressure: RegularGrid;
  /** mesh-line coordinates [mm] */
  axes: { x: Float64Array; y: Float64Array };
  /** per plate: nodal w [mm] */
  deflection: { name: string; w: Float64Array }[];
}

export function artifactsOf(result: CaseResult): CaseArtifacts {
  const { mesh } = result.fields.model;
  return {
    summary: summaryOf(result),
    pressure: result.fields.pressure[0].grid,
    axes: { x: mesh.x, y: mesh.y },
    deflection: result.fields.deflection.map(({ name, w }) => ({ name, w })),
  };
}

/** JSON-safe form: typed arrays as base64 of their bytes, so numbers survive bit for bit. */
export interface EncodedArtifacts {
  summary: CaseSummary;
  pressure: Omit<RegularGrid, 'values'> & { values: string };
  axes: { x: string; y: string };
  deflection: { name: string; w: string }[];
}

const encode = (a: Float64Array): string =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
const decode = (s: string): Float64Array => {
  const bytes = Buffer.from(s, 'base64');
  const out = new Float64Array(bytes.byteLength / 8);
  new Uint8Array(out.buffer).set(bytes);
  return out;
};

export function encodeArtifacts(a: CaseArtifacts): EncodedArtifacts {
  return {
    summary: a.summary,
    pressure: { ...a.pressure, values: encode(a.pressure.values) },
    axes: { x: encode(a.axes.x), y: encode(a.axes.y) },
    deflection: a.deflection.map(({ name, w }) => ({ name, w: encode(w) })),
  };
}

export function decodeArtifacts(e: EncodedArtifacts): CaseArtifacts {
  return {
    summary: e.summary,
    pressure: { ...e.pressure, values: decode(e.pressure.values) },
    axes: { x: decode(e.axes.x), y: decode(e.axes.y) },
    deflection: e.deflection.map(({ name, w }) => ({ name, w: decode(w) })),
  };
}
