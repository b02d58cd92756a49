import type { Case } from '../../../src/index';
import { checkCase } from '../../../src/index';

type Json = Record<string, unknown>;

/** One number of the case the editor exposes, read from the validated case and written to the raw input. */
export interface EditableParameter {
  key: string;
  group: string;
  label: string;
  unit: string;
  value: number;
  min: number;
  max: number;
  step: number;
  /** writes the value into a (cloned) raw case input */
  apply: (input: Json, value: number) => void;
}

const obj = (o: unknown, key: string): Json => (o as Json)[key] as Json;

/** The editable parameters of a case: preload, spring rate, gasket hardness/thickness, plate thickness and flatness, mesh size. */
export function editableParameters(input: unknown): EditableParameter[] {
  let c: Case;
  try {
    // the parameters of a case too large to solve here are still shown: a re-solve is refused by
    // the solver with the limit it exceeds
    c = checkCase(input, { maxMemoryMiB: Number.MAX_VALUE }).case;
  } catch {
    return [];
  }
  const out: EditableParameter[] = [];
  const preload = c.bolts.preload;
  if ('force' in preload) {
    out.push({
      key: 'preload',
      group: 'Bolts',
      label: 'Preload per bolt',
      unit: 'N',
      value: preload.force,
      min: 100,
      max: 4 * preload.force,
      step: 50,
      apply: (i, v) => {
        obj(i, 'bolts').preload = { force: v };
      },
    });
  } else {
    out.push({
      key: 'torque',
      group: 'Bolts',
      label: 'Tightening torque',
      unit: 'N·mm',
      value: preload.torque,
      min: 100,
      max: 4 * preload.torque,
      step: 100,
      apply: (i, v) => {
        obj(obj(i, 'bolts'), 'preload').torque = v;
      },
    });
  }
  if (c.bolts.springs) {
    const rate = c.bolts.springs.rate;
    out.push({
      key: 'springRate',
      group: 'Bolts',
      label: 'Spring rate',
      unit: 'N/mm',
      value: rate,
      min: rate / 20,
      max: rate * 20,
      step: rate / 100,
      apply: (i, v) => {
        obj(obj(i, 'bolts'), 'springs').rate = v;
      },
    });
  }
  const shore = c.gaskets.find((g) => g.law.type === 'shore');
  if (shore && shore.law.type === 'shore') {
    out.push({
      key: 'gasketHardness',
      group: 'Gaskets',
      label: 'Hardness',
      unit: 'Shore A',
      value: shore.law.hardness,
      min: 20,
      max: 85,
      step: 1,
      apply: (i, v) => {
        for (const g of i.gaskets as Json[]) if (obj(g, 'law').type === 'shore') obj(g, 'law').hardness = v;
      },
    });
  }
  if (c.gaskets.length > 0) {
    out.push({
      key: 'gasketThickness',
      group: 'Gaskets',
      label: 'Thickness',
      unit: 'mm',
      value: c.gaskets[0].thickness,
      min: 0.1,
      max: 10,
      step: 0.1,
      apply: (i, v) => {
        for (const g of i.gaskets as Json[]) g.thickness = v;
      },
    });
  }
  const plateParams = (side: 'top' | 'bottom') => {
    const p = c.plates[side];
    const label = side === 'top' ? 'Top plate' : 'Bottom plate';
    if (!('thickness' in p)) return;
    out.push({
      key: `${side}Thickness`,
      group: label,
      label: 'Thickness',
      unit: 'mm',
      value: p.thickness,
      min: 2,
      max: 80,
      step: 0.5,
      apply: (i, v) => {
        obj(obj(i, 'plates'), side).thickness = v;
      },
    });
  };
  const flatnessParam = (side: 'top' | 'bottom') => {
    const f = c.plates[side].flatness;
    const label = side === 'top' ? 'Top plate' : 'Bottom plate';
    const set = (i: Json, patch: Json) => {
      const plate = obj(obj(i, 'plates'), side);
      plate.flatness = { ...(plate.flatness as Json), ...patch };
    };
    if (f.type === 'random')
      out.push({
        key: `${side}FlatnessRms`,
        group: label,
        label: 'Flatness RMS',
        unit: 'µm',
        value: f.rms,
        min: 0,
        max: 100,
        step: 0.5,
        apply: (i, v) => set(i, { rms: v }),
      });
    else if (f.type === 'bow')
      out.push({
        key: `${side}FlatnessBow`,
        group: label,
        label: 'Flatness bow',
        unit: 'mm',
        value: f.bow,
        min: -0.5,
        max: 0.5,
        step: 0.001,
        apply: (i, v) => set(i, { bow: v }),
      });
  };
  plateParams('top');
  flatnessParam('top');
  plateParams('bottom');
  flatnessParam('bottom');
  // refining shows whether the map has converged (1 mm: about 140k unknowns, a few seconds)
  out.push({
    key: 'meshSize',
    group: 'Mesh',
    label: 'Element size',
    unit: 'mm',
    value: c.mesh.size,
    min: 0.5,
    max: 20,
    step: 0.1,
    apply: (i, v) => {
      i.mesh = { ...(i.mesh as Json | undefined), size: v };
    },
  });
  return out;
}

/** A copy of the raw case input with the given parameter values written in. */
export function withEdits(
  input: unknown,
  params: readonly EditableParameter[],
  values: Record<string, number>,
): unknown {
  const copy = structuredClone(input) as Json;
  for (const p of params) {
    const v = values[p.key];
    if (v !== undefined && v !== p.value) p.apply(copy, v);
  }
  return copy;
}
