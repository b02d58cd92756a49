import type { ClosureLaw } from '../../solver/contact/closureLaw';
import type { ContactInterface, ContactProblem, PlateLayer } from '../../solver/contact/contactProblem';
import { type GridMesh, rectangleMesh } from '../../solver/mesh/structured';
import { footprintRect, padRect, type Rect } from '../case/caseGeometry';
import { type PlateMaterial, plateMaterials } from '../case/materials';
import { meshAxisSpecs } from '../case/meshAxes';
import type { Case, GasketCase } from '../case/schema';
import { confinementLevel, EdgeLayerField, levelFactor } from '../stack/cellConfinement';
import { cellLayer } from '../stack/cellLaw';
import { shapeFactor, shorePadLayer, tabulatedPadLayer } from '../stack/gasketLaw';
import { type LayerCompliance, seriesClosureLaw } from '../stack/layerCompliance';
import { boltMembers } from './boltMembers';
import { faceHeights, initialGaps } from './initialGaps';
import { sampleGrid } from './surfaceHeight';

/** Everything the contact solver needs, plus what the reports need to map results back. */
export interface StackModel {
  problem: ContactProblem;
  mesh: GridMesh;
  footprint: Rect;
  /** quads whose centre lies on the cell footprint */
  footprintQuad: Uint8Array;
  /** cells between consecutive plate layers (one entry per interface) */
  cellsPerInterface: number[];
  /** per closure law (ContactProblem.laws): the layers in series it was built from */
  lawLayers: SeriesLayer[][];
  /** per plate layer: its material (null for a rigid base) */
  layerMaterials: (PlateMaterial | null)[];
  /** the plate layers' names, top first */
  layerNames: string[];
}

export function resolvePlateMaterial(m: Case['plates']['top']['material']): PlateMaterial {
  return typeof m === 'string' ? plateMaterials[m] : m;
}

/**
 * Build the contact model of a validated case.
 * 1. a structured mesh whose lines follow the plate, the footprint, the gasket edges and the washers;
 * 2. plate layers: top plate, interleaf plates, bottom plate or rigid base;
 * 3. per interface, contact points by nodal quadrature over footprint quads, each with the
 *    series law of the layers over it (gaskets + cells) and its initial gap;
 * 4. bolts with washer patches, preload scatter and bolt+spring stiffness.
 */
export function buildModel(c: Case): StackModel {
  const fp = footprintRect(c);

  // 1. Mesh lines: footprint and gasket edges exactly; washers refined to about a third of their radius.
  const axes = meshAxisSpecs(c);
  const mesh = rectangleMesh(axes.x, axes.y);

  // 2. Plate layers from the top down.
  const cells = c.stack.cells;
  const il = c.stack.interleaf;
  const groups: number[] = [];
  for (let left = cells.count; left > 0; ) {
    const take = il ? Math.min(il.every, left) : left;
    groups.push(take);
    left -= take;
  }
  const top = c.plates.top;
  const bottom = c.plates.bottom;
  const rigidBase = 'rigid' in bottom;
  const layers: (PlateLayer | null)[] = [];
  const layerMaterials: (PlateMaterial | null)[] = [];
  const layerNames: string[] = [];
  const addPlate = (name: string, thickness: number, mat: PlateMaterial) => {
    layers.push({ name, thickness, E: mat.E, nu: mat.nu });
    layerMaterials.push(mat);
    layerNames.push(name);
  };
  addPlate('top plate', top.thickness, resolvePlateMaterial(top.material));
  for (let k = 1; k < groups.length; k++)
    addPlate(`interleaf ${k}`, il!.thickness, resolvePlateMaterial(il!.material));
  if (rigidBase) {
    layers.push(null);
    layerMaterials.push(null);
    layerNames.push('rigid base');
  } else addPlate('bottom plate', bottom.thickness, resolvePlateMaterial(bottom.material));
  const nInterfaces = layers.length - 1;

  // 3. Contact points. A quad is on the footprint when its centre is (mesh lines follow the edges).
  const { nodes, quads } = mesh;
  const nQuads = quads.length / 4;
  const footprintQuad = new Uint8Array(nQuads);
  const centre = new Float64Array(2 * nQuads);
  for (let e = 0; e < nQuads; e++) {
    let x = 0;
    let y = 0;
    for (let a = 0; a < 4; a++) {
      x += 0.25 * nodes[2 * quads[4 * e + a]];
      y += 0.25 * nodes[2 * quads[4 * e + a] + 1];
    }
    centre[2 * e] = x;
    centre[2 * e + 1] = y;
    footprintQuad[e] = x > fp.x0 && x < fp.x1 && y > fp.y0 && y < fp.y1 ? 1 : 0;
  }
  // Surface heights only where they matter, on the footprint nodes; a random surface's RMS is
  // set over exactly these nodes, so the stated RMS is what the cells see.
  const nNodes = nodes.length / 2;
  const onFootprint = new Uint8Array(nNodes);
  for (let e = 0; e < nQuads; e++)
    if (footprintQuad[e]) for (let a = 0; a < 4; a++) onFootprint[quads[4 * e + a]] = 1;
  const footprintNodes: number[] = [];
  for (let i = 0; i < nNodes; i++) if (onFootprint[i]) footprintNodes.push(i);
  const faces = faceHeights(c, nodes, footprintNodes);

  const laws: ClosureLaw[] = [];
  const lawLayers: SeriesLayer[][] = [];
  const lawKey = new Map<string, number>();
  const interfaces: ContactInterface[] = [];
  for (let k = 0; k < nInterfaces; k++) {
    const onTop = k === 0;
    const onBottom = k === nInterfaces - 1;
    const gaskets = c.gaskets
      .map((g, i) => ({ g, i }))
      .filter(
        ({ g }) =>
          (onTop && (g.side === 'top' || g.side === 'both')) ||
          (onBottom && (g.side === 'bottom' || g.side === 'both')),
      );
    // per quad: which gaskets cover it → a law, and how much thinner than the thickest column it is
    const covering = (e: number) =>
      gaskets.filter(({ g }) => inGasket(g, fp, centre[2 * e], centre[2 * e + 1]));
    let thickest = 0;
    // per quad: its column of pads (which gaskets cover it); the law is made per (column, level)
    // where a point first needs it, so laws come in the same order with or without confinement
    const quadColumn = new Int32Array(nQuads).fill(-1);
    const columns: { key: string; pads: SeriesLayer[] }[] = [];
    const columnOf = new Map<string, number>();
    const quadGap = new Float64Array(nQuads);
    for (let e = 0; e < nQuads; e++) {
      if (!footprintQuad[e]) continue;
      const cov = covering(e);
      const t = cov.reduce(
        (s, { g }) => s + g.thickness * (g.side === 'both' && onTop && onBottom ? 2 : 1),
        0,
      );
      quadGap[e] = -t;
      thickest = Math.max(thickest, t);
      const key = `${k}:${groups[k]}:${cov.map(({ i }) => i).join(',')}`;
      let ci = columnOf.get(key);
      if (ci === undefined) {
        const pads = cov.map(({ g, i }) =>
          padSeriesLayer(g, i, fp, g.side === 'both' && onTop && onBottom ? 2 : 1),
        );
        ci = columns.length;
        columns.push({ key, pads });
        columnOf.set(key, ci);
      }
      quadColumn[e] = ci;
    }
    const levels = cellLevels(c, groups[k], fp, nodes, footprintNodes);
    // level −1: the cell modulus as it is (no confinement)
    const lawOf = (column: number, level: number): number => {
      const key = level < 0 ? columns[column].key : `${columns[column].key}:confined ${level}`;
      let li = lawKey.get(key);
      if (li === undefined) {
        const layersInSeries: SeriesLayer[] = [cellSeriesLayer(c, groups[k], level), ...columns[column].pads];
        li = laws.length;
        laws.push(seriesClosureLaw(layersInSeries));
        lawLayers.push(layersInSeries);
        lawKey.set(key, li);
      }
      return li;
    };
    // nodal quadrature: every footprint quad gives each corner a quarter-share of its area (∫N_a dA)
    const pointOf = new Map<number, number>();
    const pNode: number[] = [];
    const pArea: number[] = [];
    const pLaw: number[] = [];
    const pGap: number[] = [];
    for (let e = 0; e < nQuads; e++) {
      if (quadColumn[e] < 0) continue;
      const x0 = nodes[2 * quads[4 * e]];
      const y0 = nodes[2 * quads[4 * e] + 1];
      const x2 = nodes[2 * quads[4 * e + 2]];
      const y2 = nodes[2 * quads[4 * e + 2] + 1];
      const quarter = 0.25 * (x2 - x0) * (y2 - y0); // the mesh is rectangular
      for (let a = 0; a < 4; a++) {
        const node = quads[4 * e + a];
        const level = levels ? levels[node] : -1;
        // one point per (node, law) pair; a node has one level, so (node, column) names the pair
        const key = node * columns.length + quadColumn[e];
        let j = pointOf.get(key);
        if (j === undefined) {
          j = pNode.length;
          pointOf.set(key, j);
          pNode.push(node);
          pArea.push(0);
          pLaw.push(lawOf(quadColumn[e], level));
          // missing pads open the gap; the faces are taken in initialGaps
          pGap.push(thickest + quadGap[e]);
        }
        pArea[j] += quarter;
      }
    }
    interfaces.push({
      name: interfaceName(k, groups, layerNames, gaskets.length > 0),
      node: Int32Array.from(pNode),
      area: Float64Array.from(pArea),
      law: Int32Array.from(pLaw),
      gap: initialGaps(pGap, pNode, faces, onTop, onBottom, new Float64Array(pGap.length)),
    });
  }

  // 4. Bolts.
  const bolts = boltMembers(c, mesh, rigidBase);
  return {
    problem: { mesh, layers, interfaces, laws, bolts },
    mesh,
    footprint: fp,
    footprintQuad,
    cellsPerInterface: groups,
    lawLayers,
    layerMaterials,
    layerNames,
  };
}

/**
 * Interface k named after what lies between its two plates, as a user sees the stack: "cell stack"
 * when no interleaf plate divides it, else its cells counted from the top with the plates around
 * them, "cells 1–2 (top plate ↔ interleaf 1)"; "with pads" when pads lie in series in it.
 */
function interfaceName(k: number, groups: number[], layerNames: string[], withPads: boolean): string {
  const pads = withPads ? 'with pads' : '';
  if (groups.length === 1) return pads ? `cell stack (${pads})` : 'cell stack';
  let first = 1;
  for (let j = 0; j < k; j++) first += groups[j];
  const last = first + groups[k] - 1;
  const cells = first === last ? `cell ${first}` : `cells ${first}–${last}`;
  const between = `${layerNames[k]} ↔ ${layerNames[k + 1]}`;
  return `${cells} (${pads ? `${between}, ${pads}` : between})`;
}

/**
 * Free growth of the stack at every contact point [mm] for the case's swelling, scaled by `scale`
 * (1 = as given). Each interface grows by its own cells.
 */
export function swellingField(c: Case, model: StackModel, scale = 1): Float64Array[] {
  const sw = c.stack.swelling;
  const t = c.stack.cells.thickness;
  const nodes = model.mesh.nodes;
  return model.problem.interfaces.map((itf, k) => {
    const n = model.cellsPerInterface[k];
    const out = new Float64Array(itf.node.length);
    for (let j = 0; j < out.length; j++) {
      const x = nodes[2 * itf.node[j]];
      const y = nodes[2 * itf.node[j] + 1];
      let perCell = 0;
      if (sw.type === 'strain') perCell = sw.value * t;
      else if (sw.type === 'thickness') perCell = sw.value;
      else if (sw.type === 'strainMap') perCell = sampleGrid(sw.grid, x, y) * t;
      else if (sw.type === 'thicknessMap') perCell = sampleGrid(sw.grid, x, y);
      out[j] = scale * n * perCell;
    }
    return out;
  });
}

/** A uniform free growth of `perCell` mm per cell at every point. */
export function uniformSwelling(model: StackModel, perCell: number): Float64Array[] {
  return model.problem.interfaces.map((itf, k) =>
    new Float64Array(itf.node.length).fill(perCell * model.cellsPerInterface[k]),
  );
}

function inGasket(g: GasketCase, fp: Rect, x: number, y: number): boolean {
  const r = padRect(g, fp);
  const inside = x > r.x0 && x < r.x1 && y > r.y0 && y < r.y1;
  if (!inside || g.region.type !== 'frame') return inside;
  const w = g.region.width;
  return x < r.x0 + w || x > r.x1 - w || y < r.y0 + w || y > r.y1 - w;
}

/**
 * Largest compressive strain of a Shore-hardness pad the linear Gent–Lindley law is trusted for [-].
 * The shape-factor formulas are small-strain results, and rubber design practice keeps static
 * compression of bonded pads below about 15 %; beyond it real pads stiffen and the map is doubtful.
 */
export const SHORE_PAD_VALID_STRAIN = 0.15;

/**
 * One compliant layer of a contact law with what bounds its compression: zero thickness is
 * impossible, and past `validStrain` the law is extrapolated.
 */
export interface SeriesLayer {
  layer: LayerCompliance;
  /** how many such layers are in series */
  count: number;
  /** the case field it comes from, for messages: `stack.cells`, `gaskets[0]` */
  field: string;
  /** unloaded thickness of one layer [mm] */
  thickness: number;
  /** largest compressive strain the law is valid for [-]; null: valid up to zero thickness */
  validStrain: number | null;
  /** what sets that limit, for the warning */
  validity: string;
}

/**
 * Per mesh node (set on the footprint nodes `at`), the confinement level of the cells between two
 * plates holding `count` cells (src/stack/cellConfinement.ts), or null without confinement (or at
 * ν = 0, where the factor is 1 everywhere). The bonded thickness is the interface's cells ('stack')
 * or one cell ('cell').
 */
function cellLevels(
  c: Case,
  count: number,
  fp: Rect,
  nodes: ArrayLike<number>,
  at: number[],
): Int32Array | null {
  const conf = c.stack.cells.confinement;
  if (!conf || conf.type === 'none' || conf.poisson === 0) return null;
  const h = conf.layer === 'stack' ? count * c.stack.cells.thickness : c.stack.cells.thickness;
  const field = new EdgeLayerField(conf.poisson, h, fp.x1 - fp.x0, fp.y1 - fp.y0);
  const cx = (fp.x0 + fp.x1) / 2;
  const cy = (fp.y0 + fp.y1) / 2;
  const xs = Float64Array.from(at, (i) => nodes[2 * i] - cx);
  const ys = Float64Array.from(at, (i) => nodes[2 * i + 1] - cy);
  // the mesh is structured: the series' factors per distinct x and y, then one sum per node
  const index = (v: Float64Array) => {
    const distinct = [...new Set(v)];
    const at = new Map(distinct.map((d, i) => [d, i]));
    return { distinct, of: Int32Array.from(v, (d) => at.get(d)!) };
  };
  const X = index(xs);
  const Y = index(ys);
  const q = field.at(X.distinct, Y.distinct, X.of, Y.of);
  const levels = new Int32Array(nodes.length / 2).fill(-1);
  at.forEach((node, j) => {
    levels[node] = confinementLevel(q[j]);
  });
  return levels;
}

/** The cells as a series layer; a `level` ≥ 0 scales a linear modulus by that confinement level's factor. */
function cellSeriesLayer(c: Case, count: number, level = -1): SeriesLayer {
  const { law, thickness, confinement } = c.stack.cells;
  let layer = cellLayer(law, thickness);
  if (level >= 0 && law.type === 'linear' && confinement?.type === 'bonded') {
    const f = levelFactor(confinement.poisson, level);
    layer = {
      ...cellLayer({ ...law, modulus: law.modulus * f }, thickness),
      label: `${layer.label} × ${f.toFixed(3)} (confined)`,
    };
  }
  return {
    layer,
    count,
    field: 'stack.cells',
    thickness,
    validStrain: law.type === 'table' ? law.strain[law.strain.length - 1] : null,
    validity: 'the last point of the tabulated cell law',
  };
}

function padSeriesLayer(g: GasketCase, index: number, fp: Rect, count: number): SeriesLayer {
  const table = g.law.type === 'table';
  return {
    layer: gasketLayer(g, fp),
    count,
    field: `gaskets[${index}]`,
    thickness: g.thickness,
    validStrain:
      g.law.type === 'table' ? g.law.closure[g.law.closure.length - 1] / g.thickness : SHORE_PAD_VALID_STRAIN,
    validity: table ? 'the last point of the measured pad table' : 'the small-strain Shore-hardness pad law',
  };
}

/** The pad as a layer: Shore hardness through Gent and Gent–Lindley with its own shape factor, or a table. */
function gasketLayer(g: GasketCase, fp: Rect): LayerCompliance {
  if (g.law.type === 'table') return tabulatedPadLayer(g.law.closure, g.law.pressure);
  const r = padRect(g, fp);
  const W = r.x1 - r.x0;
  const D = r.y1 - r.y0;
  let area = W * D;
  let perimeter = 2 * (W + D);
  if (g.region.type === 'frame') {
    const wi = Math.max(0, W - 2 * g.region.width);
    const di = Math.max(0, D - 2 * g.region.width);
    area -= wi * di;
    perimeter += 2 * (wi + di); // the inner edge bulges too
  }
  return shorePadLayer(
    g.law.hardness,
    g.thickness,
    shapeFactor(area, perimeter, g.thickness),
    g.law.bulkModulus,
    g.law.bonded,
  );
}
