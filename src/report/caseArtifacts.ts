import { elementResults } from '../../solver/plate/recovery';
import type { Case } from '../case/schema';
import { decodeResultFields, encodeResultFields } from '../presentation/fieldsFile';
import type { ResultFields } from '../presentation/resultFields';
import { resultFieldsOf } from '../presentation/resultFieldsOf';
import { midPlaneHeights } from '../presentation/stackGeometryOf';
import { type CaseResult, type CaseSummary, summaryOf } from '../solveCase';
import { safetyFactor } from '../tolerance/drawMetrics';

/** What the ParaView export needs of one plate after load-up, beyond its deflection. */
export interface PlateArtifacts {
  name: string;
  /** height of the plate's mid-plane [mm] (see `midPlaneHeights`) */
  z: number;
  /** plate thickness [mm] */
  thickness: number;
  /** nodal pressure of the interface under the plate [MPa]; null for the lowest plate */
  pressure: Float64Array | null;
  /** per quad, at its centre: bending moments [N·mm/mm]; the face stresses follow from them */
  Mx: Float64Array;
  My: Float64Array;
  Mxy: Float64Array;
}

/**
 * Everything a case folder is written from: the summary, the fields the pictures are drawn from, the mesh axes,
 * the plates' deflection and their stresses. Small and serialisable, so a remote worker can send
 * it back and the submitter writes exactly the files a local run writes.
 */
export interface CaseArtifacts {
  summary: CaseSummary;
  /** mesh-line coordinates [mm] */
  axes: { x: Float64Array; y: Float64Array };
  /** per plate: nodal w [mm] */
  deflection: { name: string; w: Float64Array }[];
  /** per plate, in the order of `deflection` (top first): heights, pressure and element results */
  plates: PlateArtifacts[];
  /** what every figure, the viewer and the report draw (`fields.json`) */
  fields: ResultFields;
  /** the case as solved, every default filled in (`case.json`) */
  case: Case;
  /**
   * The least plate safety factor against yield in each state [-]: the summary's is per plate over
   * both states at once, so a tolerance draw solved on a worker takes its per-state value from
   * here. Absent in the result of a worker older than this field.
   */
  safetyFactors?: StateSafety;
}

/** The least plate safety factor after load-up and, when the case swells, after swelling [-]. */
export interface StateSafety {
  loadUp: number;
  swollen: number | null;
}

export function artifactsOf(result: CaseResult): CaseArtifacts {
  const { model, loadUp } = result.fields;
  const { mesh, problem } = model;
  const nNodes = mesh.nodes.length / 2;
  const nQuads = mesh.quads.length / 4;
  const z = midPlaneHeights(model);
  const plates: PlateArtifacts[] = [];
  // the solver numbers the dofs plate by plate, top first, 3 per node (w, rx, ry)
  let offset = 0;
  problem.layers.forEach((layer, l) => {
    if (!layer) return;
    const u = loadUp.u.subarray(offset, offset + 3 * nNodes);
    offset += 3 * nNodes;
    const r = elementResults(mesh, layer.E, layer.nu, new Float64Array(nQuads).fill(layer.thickness), u);
    plates.push({
      name: model.layerNames[l],
      z: z[l],
      thickness: layer.thickness,
      pressure: l < problem.interfaces.length ? result.fields.pressure[l].nodal : null,
      Mx: r.Mx,
      My: r.My,
      Mxy: r.Mxy,
    });
  });
  return {
    summary: summaryOf(result),
    axes: { x: mesh.x, y: mesh.y },
    deflection: result.fields.deflection.map(({ name, w }) => ({ name, w })),
    plates,
    fields: resultFieldsOf(result),
    case: result.fields.case,
    safetyFactors: {
      loadUp: safetyFactor(model, loadUp),
      swollen: result.fields.swollen ? safetyFactor(model, result.fields.swollen) : null,
    },
  };
}

type Encoded<T> = {
  [K in keyof T]: T[K] extends Float64Array
    ? string
    : T[K] extends Float64Array | null
      ? string | null
      : T[K];
};

/** JSON-safe form: typed arrays as base64 of their bytes, so numbers survive bit for bit. */
export interface EncodedArtifacts {
  summary: CaseSummary;
  axes: { x: string; y: string };
  deflection: { name: string; w: string }[];
  plates: Encoded<PlateArtifacts>[];
  /** `fields.json` text */
  fields: string;
  case: Case;
  safetyFactors?: StateSafety;
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
    axes: { x: encode(a.axes.x), y: encode(a.axes.y) },
    deflection: a.deflection.map(({ name, w }) => ({ name, w: encode(w) })),
    plates: a.plates.map((p) => ({
      name: p.name,
      z: p.z,
      thickness: p.thickness,
      pressure: p.pressure ? encode(p.pressure) : null,
      Mx: encode(p.Mx),
      My: encode(p.My),
      Mxy: encode(p.Mxy),
    })),
    fields: encodeResultFields(a.fields),
    case: a.case,
    ...(a.safetyFactors ? { safetyFactors: { ...a.safetyFactors } } : {}),
  };
}

export function decodeArtifacts(e: EncodedArtifacts): CaseArtifacts {
  return {
    summary: e.summary,
    axes: { x: decode(e.axes.x), y: decode(e.axes.y) },
    deflection: e.deflection.map(({ name, w }) => ({ name, w: decode(w) })),
    plates: e.plates.map((p) => ({
      name: p.name,
      z: p.z,
      thickness: p.thickness,
      pressure: p.pressure === null ? null : decode(p.pressure),
      Mx: decode(p.Mx),
      My: decode(p.My),
      Mxy: decode(p.Mxy),
    })),
    fields: decodeResultFields(e.fields).fields,
    case: e.case,
    ...(e.safetyFactors ? { safetyFactors: { ...e.safetyFactors } } : {}),
  };
}
