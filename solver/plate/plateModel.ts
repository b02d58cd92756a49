/**
 * A plate ready for assembly: element dof lists, supports and element stiffness blocks,
 * computed once. Contact solvers add their own ElementGroups (interface springs, bolts) to
 * the same pattern and refactor many times.
 *
 * Dof numbering: dof = dofOffset + 3·node + c with c = 0: w (mm), 1: rx (rad), 2: ry (rad).
 * Fixed dofs stay in the numbering: they are dropped from every element group (negative
 * entry) and get a unit diagonal from the `supports` group, so the global numbering never
 * changes when supports change and the matrix stays non-singular.
 */

import { gatherCorners } from '../mesh/bilinear';
import type { QuadMesh } from '../mesh/quadMesh';
import type { DofGeometry, ElementGroup } from '../sparse/types';
import { ElementShapes } from './elementShapes';
import { mitc4Stiffness } from './mitc4';

/** Plate section: isotropic, linear elastic. */
export interface PlateSection {
  /** Young's modulus (MPa) */
  E: number;
  /** Poisson's ratio (−) */
  nu: number;
  /** thickness (mm): one value or one per quad */
  thickness: number | ArrayLike<number>;
}

export const DOF_NAMES = ['w', 'rx', 'ry'] as const;
export type DofName = (typeof DOF_NAMES)[number];

/** A support: listed dofs of a node are prescribed (to `value`, default 0: mm or rad). */
export interface Support {
  node: number;
  dofs: readonly DofName[];
  /** prescribed values in the order of `dofs` (mm for w, rad for rx, ry); default zeros */
  values?: readonly number[];
}

export interface PlateModel {
  mesh: QuadMesh;
  E: number;
  nu: number;
  /** per quad (mm) */
  thickness: Float64Array;
  /** first global dof of this plate */
  dofOffset: number;
  /** 3·nNodes */
  nDofs: number;
  /** 1 where the local dof (3·node + c) is prescribed */
  fixed: Uint8Array;
  /** prescribed value of every local dof (0 where free) */
  prescribed: Float64Array;
  /** MITC4 elements, size 12, global dofs, fixed ones negative */
  elements: ElementGroup;
  /** one size-1 element per fixed dof carrying a unit diagonal */
  supports: ElementGroup;
  /** element stiffness blocks, nQuads·144, row-major 12×12 (N/mm, N, N·mm) */
  stiffness: Float64Array;
  /** nFixed ones: the blocks of `supports` */
  supportBlocks: Float64Array;
}

export class PlateModelError extends Error {
  override name = 'PlateModelError';
}

/**
 * Builds the element dofs, supports and stiffness blocks of one plate.
 * @param dofOffset global number of this plate's first dof (several plates share a matrix)
 */
export function createPlateModel(
  mesh: QuadMesh,
  section: PlateSection,
  supports: readonly Support[],
  dofOffset = 0,
): PlateModel {
  const nNodes = mesh.nodes.length / 2;
  const nQuads = mesh.quads.length / 4;
  const nDofs = 3 * nNodes;
  const thickness = new Float64Array(nQuads);
  if (typeof section.thickness === 'number') thickness.fill(section.thickness);
  else {
    if (section.thickness.length !== nQuads) {
      throw new PlateModelError(
        `thickness: ${section.thickness.length} values — need one per quad (${nQuads})`,
      );
    }
    thickness.set(Array.from(section.thickness));
  }
  const fixed = new Uint8Array(nDofs);
  const prescribed = new Float64Array(nDofs);
  for (const s of supports) {
    if (!Number.isInteger(s.node) || s.node < 0 || s.node >= nNodes) {
      throw new PlateModelError(`support node ${s.node} — must be an integer in 0..${nNodes - 1}`);
    }
    s.dofs.forEach((name, k) => {
      const c = DOF_NAMES.indexOf(name);
      if (c < 0)
        throw new PlateModelError(`support at node ${s.node}: dof '${name}' — must be 'w', 'rx' or 'ry'`);
      fixed[3 * s.node + c] = 1;
      prescribed[3 * s.node + c] = s.values?.[k] ?? 0;
    });
  }

  const dofs = new Int32Array(12 * nQuads);
  for (let e = 0; e < nQuads; e++) {
    for (let a = 0; a < 4; a++) {
      const node = mesh.quads[4 * e + a];
      for (let c = 0; c < 3; c++) {
        const local = 3 * node + c;
        dofs[12 * e + 3 * a + c] = fixed[local] ? -1 : dofOffset + local;
      }
    }
  }
  let nFixed = 0;
  for (let i = 0; i < nDofs; i++) nFixed += fixed[i];
  const supportDofs = new Int32Array(nFixed);
  for (let i = 0, k = 0; i < nDofs; i++) if (fixed[i]) supportDofs[k++] = dofOffset + i;

  const stiffness = new Float64Array(144 * nQuads);
  const xy = new Float64Array(8);
  // equal element shapes share one stiffness computation (see ElementShapes)
  const shapes = new ElementShapes(144);
  for (let e = 0; e < nQuads; e++) {
    gatherCorners(mesh.nodes, mesh.quads, e, xy);
    const id = shapes.idOf(xy, thickness[e]);
    if (shapes.isNew) mitc4Stiffness(xy, section.E, section.nu, thickness[e], shapes.blocks, 144 * id);
    stiffness.set(shapes.blocks.subarray(144 * id, 144 * id + 144), 144 * e);
  }
  return {
    mesh,
    E: section.E,
    nu: section.nu,
    thickness,
    dofOffset,
    nDofs,
    fixed,
    prescribed,
    elements: { size: 12, dofs },
    supports: { size: 1, dofs: supportDofs },
    stiffness,
    supportBlocks: new Float64Array(nFixed).fill(1),
  };
}

/** Human-readable name of a local dof, e.g. "node 12 (rx)". */
export function describePlateDof(localDof: number): string {
  return `node ${Math.floor(localDof / 3)} (${DOF_NAMES[localDof % 3]})`;
}

/** Geometry for geometric nested dissection of a single-plate system. */
export function plateDofGeometry(model: PlateModel): DofGeometry {
  const dofNode = new Int32Array(model.nDofs);
  for (let i = 0; i < model.nDofs; i++) dofNode[i] = Math.floor(i / 3);
  return { coords: model.mesh.nodes, dofNode };
}

/**
 * Right-hand side contribution of the prescribed dofs: f_free −= K_free,fixed · u_fixed
 * element by element, and f_fixed = u_fixed (unit diagonal). f is indexed by local dof.
 * Only the plate stiffness couples here: groups added on top (a consistent foundation,
 * springs) must not tie a free dof to a fixed dof with a non-zero prescribed value.
 */
export function applyPrescribed(model: PlateModel, f: Float64Array): void {
  const { mesh, fixed, prescribed, stiffness } = model;
  const nQuads = mesh.quads.length / 4;
  let any = false;
  for (let i = 0; i < model.nDofs; i++) if (fixed[i] && prescribed[i] !== 0) any = true;
  if (any) {
    const loc = new Int32Array(12);
    for (let e = 0; e < nQuads; e++) {
      for (let a = 0; a < 4; a++) for (let c = 0; c < 3; c++) loc[3 * a + c] = 3 * mesh.quads[4 * e + a] + c;
      for (let j = 0; j < 12; j++) {
        const uj = fixed[loc[j]] ? prescribed[loc[j]] : 0;
        if (uj === 0) continue;
        for (let i = 0; i < 12; i++) if (!fixed[loc[i]]) f[loc[i]] -= stiffness[144 * e + 12 * i + j] * uj;
      }
    }
  }
  for (let i = 0; i < model.nDofs; i++) if (fixed[i]) f[i] = prescribed[i];
}

/** Internal plate forces K·u (local dofs; u and out indexed by local dof). */
export function plateInternalForces(model: PlateModel, u: ArrayLike<number>, out: Float64Array): void {
  const { mesh, stiffness } = model;
  out.fill(0);
  const nQuads = mesh.quads.length / 4;
  const ue = new Float64Array(12);
  const loc = new Int32Array(12);
  for (let e = 0; e < nQuads; e++) {
    for (let a = 0; a < 4; a++) for (let c = 0; c < 3; c++) loc[3 * a + c] = 3 * mesh.quads[4 * e + a] + c;
    for (let j = 0; j < 12; j++) ue[j] = u[loc[j]];
    for (let i = 0; i < 12; i++) {
      let s = 0;
      const row = 144 * e + 12 * i;
      for (let j = 0; j < 12; j++) s += stiffness[row + j] * ue[j];
      out[loc[i]] += s;
    }
  }
}

/** The same plate numbered from `dofOffset` (no supports): shares the stiffness blocks, shifts the dofs. */
export function shiftedPlateModel(model: PlateModel, dofOffset: number): PlateModel {
  const shift = dofOffset - model.dofOffset;
  const dofs = model.elements.dofs.map((d) => (d >= 0 ? d + shift : d));
  return { ...model, dofOffset, elements: { size: model.elements.size, dofs } };
}
