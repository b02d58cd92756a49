import { checkCase, footprintRect } from '../case/checkCase';
import type { Case, CaseInput, GasketCase } from '../case/schema';
import { clampedHeight } from '../model/boltMembers';
import { InputError } from '../validation/parseInput';
import { ringPositions } from './designBolts';
import type { DesignProblem } from './designProblem';
import type { DesignValues } from './designValues';

/**
 * The pad a design gets when the base case has none: 3 mm Shore 40A silicone on both faces of the
 * stack over the whole footprint, bonded, bulk modulus 2000 MPa — the default module's pads.
 */
export const addedPad: GasketCase = {
  side: 'both',
  region: { type: 'full' },
  thickness: 3,
  law: { type: 'shore', hardness: 40, bulkModulus: 2000, bonded: true },
};

/**
 * The springs a design gets when the base case has none: the default module's disc springs,
 * 40 × 20.4 × 2.25 mm, about 10 kN/mm each, 4 in series (free 3.15 mm, solid 2.25 mm). A design's
 * rate and count replace the rate and count; the lengths stay, so travel per spring is 0.9 mm.
 */
export const addedSprings = { rate: 10_000, count: 4, freeLength: 3.15, solidLength: 2.25 };

/** Interleaf plate thickness [mm] when the base case has none: a 2 mm sheet of the end plates' material. */
export const addedInterleafThickness = 2;

/** The case of a design, or why the design cannot be a case. */
export type DesignCaseResult =
  | { ok: true; case: CaseInput; warnings: string[] }
  /** `draft` is the case as built, unchecked: what the preload and mass counts can still be taken from */
  | { ok: false; issues: string[]; draft: Case };

/**
 * The complete case of a design: the base case with the design's values (values left out keep
 * the base case's). The preload per bolt is target pressure × footprint / bolt count unless the
 * preload is a variable; `boltsPerEdge` re-spaces the base case's bolt ring; a new bolt size keeps
 * the base case's washer-to-bolt ratio; an explicit grip length follows the change of the clamped
 * height. A design that fails the case checks (bolts whose washers overlap, springs that go solid
 * at preload, a bolt past its proof load) is returned with the checks' messages, not thrown.
 * Pure: no state, the same case for the same inputs.
 */
export function designCase(problem: DesignProblem, values: DesignValues): DesignCaseResult {
  const base = problem.base;
  const c: Case = structuredClone(base);
  c.name = `${base.name ?? 'case'}-design`;
  c.description = `${problem.name}: ${Object.entries(values)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`;
  c.tolerances = undefined;

  if (typeof values.topThickness === 'number') c.plates.top.thickness = values.topThickness;
  if (typeof values.bottomThickness === 'number' && !('rigid' in c.plates.bottom))
    c.plates.bottom.thickness = values.bottomThickness;
  if (typeof values.plateMaterial === 'string') {
    const material = values.plateMaterial as Case['plates']['top']['material'];
    c.plates.top.material = material;
    if (!('rigid' in c.plates.bottom)) c.plates.bottom.material = material;
  }

  const hasPads =
    typeof values.usePads === 'boolean'
      ? values.usePads
      : base.gaskets.length > 0 || values.padHardness !== undefined || values.padThickness !== undefined;
  c.gaskets = hasPads
    ? (base.gaskets.length > 0 ? base.gaskets : [addedPad]).map((g) => designPad(g, values))
    : [];

  const hasSprings =
    typeof values.useSprings === 'boolean'
      ? values.useSprings
      : base.bolts.springs !== undefined ||
        values.springRate !== undefined ||
        values.springCount !== undefined;
  if (hasSprings) {
    const s = { ...(base.bolts.springs ?? addedSprings) };
    if (typeof values.springRate === 'number') s.rate = values.springRate;
    if (typeof values.springCount === 'number') s.count = values.springCount;
    c.bolts.springs = s;
  } else c.bolts.springs = undefined;

  if (typeof values.boltDiameter === 'number') {
    c.bolts.diameter = values.boltDiameter;
    if (base.bolts.washerDiameter !== undefined)
      c.bolts.washerDiameter = (base.bolts.washerDiameter * values.boltDiameter) / base.bolts.diameter;
  }
  if (typeof values.boltsPerEdge === 'number' && problem.ring)
    c.bolts.positions = ringPositions(problem.ring, values.boltsPerEdge);

  if (values.useInterleaf === false) c.stack.interleaf = undefined;
  else if (values.useInterleaf === true && !c.stack.interleaf)
    c.stack.interleaf = {
      every: Math.max(1, Math.ceil(c.stack.cells.count / 2)),
      thickness: addedInterleafThickness,
      material: c.plates.top.material,
    };

  // an explicit grip is the base case's measured one: it grows and shrinks with what it clamps
  if (base.bolts.gripLength !== undefined)
    c.bolts.gripLength = Math.max(1, base.bolts.gripLength + clampedHeight(c) - clampedHeight(base));

  const fp = footprintRect(c);
  const preload =
    typeof values.preload === 'number'
      ? values.preload
      : (problem.targetPressure * (fp.x1 - fp.x0) * (fp.y1 - fp.y0)) / c.bolts.positions.length;
  c.bolts.preload = { force: preload };

  try {
    return { ok: true, case: c, warnings: checkCase(c).warnings };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, issues: e.issues, draft: c };
    throw e;
  }
}

/** A pad with the design's hardness (a measured table becomes a Shore pad) and thickness. */
function designPad(g: GasketCase, values: DesignValues): GasketCase {
  const pad = structuredClone(g);
  if (typeof values.padThickness === 'number') pad.thickness = values.padThickness;
  if (typeof values.padHardness === 'number')
    pad.law =
      pad.law.type === 'shore'
        ? { ...pad.law, hardness: values.padHardness }
        : { type: 'shore', hardness: values.padHardness, bulkModulus: 2000, bonded: true };
  return pad;
}
