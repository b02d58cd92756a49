import type { QuadMesh } from '../mesh/quadMesh';
import { createPlateModel, type PlateModel, type PlateSection, type Support } from '../plate/plateModel';
import { type AssemblyPlan, planAssembly } from '../sparse';
import { coordinatesKey } from '../sparse/analysisCache';
import type { ElementGroup } from '../sparse/types';

/**
 * Plate models (element stiffness blocks) and assembly plans kept for the next case on the same
 * mesh: a re-solve after editing bolts, pads or flatness, or a sweep over preloads, rebuilds neither.
 */
const models = new Map<string, PlateModel>();
const plans = new Map<string, AssemblyPlan>();
const CAPACITY = 4;

function remember<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let v = cache.get(key);
  if (v === undefined) {
    v = make();
    cache.set(key, v);
    if (cache.size > CAPACITY) cache.delete(cache.keys().next().value!);
  }
  return v;
}

/** createPlateModel, or the same model built before (uniform sections only are cached). */
export function cachedPlateModel(
  mesh: QuadMesh,
  section: PlateSection,
  supports: readonly Support[],
  dofOffset: number,
): PlateModel {
  if (typeof section.thickness !== 'number') return createPlateModel(mesh, section, supports, dofOffset);
  const key = JSON.stringify([coordinatesKey(mesh.nodes), mesh.quads.length, section, supports, dofOffset]);
  return remember(models, key, () => createPlateModel(mesh, section, supports, dofOffset));
}

/** planAssembly for one group, or the plan of the same mesh built before. */
export function cachedPlan(mesh: QuadMesh, n: number, group: ElementGroup): AssemblyPlan {
  const key = `${coordinatesKey(mesh.nodes)}:${mesh.quads.length}:${n}:${group.size}`;
  return remember(plans, key, () => planAssembly(n, [group]));
}

/** The same plate numbered from `dofOffset` (no supports): shares the stiffness blocks, shifts the dofs. */
export function shiftedPlateModel(model: PlateModel, dofOffset: number): PlateModel {
  const shift = dofOffset - model.dofOffset;
  const dofs = model.elements.dofs.map((d) => (d >= 0 ? d + shift : d));
  return { ...model, dofOffset, elements: { size: model.elements.size, dofs } };
}
