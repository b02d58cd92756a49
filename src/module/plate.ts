import { type EdgeCondition, roarkAlpha, roarkBeta } from './roark';

/** Which plate dimension is the span L in the deflection limit y_max ≤ L/limit. */
export type SpanDefinition = 'short-side' | 'long-side';

/** A rectangular end plate loaded by uniform pressure over its supported span. */
export interface PlateLoad {
  /** supported span along one side [mm] */
  widthMm: number;
  /** supported span along the other side [mm] */
  lengthMm: number;
  /** uniform pressure [MPa] */
  pressureMPa: number;
  edge: EdgeCondition;
  /** Young's modulus [MPa] */
  E: number;
  /** Poisson's ratio [-]; Roark's α assumes 0.3 and is rescaled by (1 − ν²)/0.91 */
  nu: number;
}

/** Short side b, long side a and aspect a/b of the plate. */
export function plateSides(p: Pick<PlateLoad, 'widthMm' | 'lengthMm'>) {
  const b = Math.min(p.widthMm, p.lengthMm);
  const a = Math.max(p.widthMm, p.lengthMm);
  return { a, b, aspect: a / b };
}

/** α of the plate at its ν: w = c q b⁴/D and D ∝ 1/(1 − ν²), so α scales with (1 − ν²). */
export function plateAlpha(p: PlateLoad): number {
  const { aspect } = plateSides(p);
  return (roarkAlpha(p.edge, aspect) * (1 - p.nu * p.nu)) / (1 - 0.3 * 0.3);
}

/** The span L [mm] used in the deflection limit. */
export function spanLength(p: Pick<PlateLoad, 'widthMm' | 'lengthMm'>, span: SpanDefinition): number {
  const { a, b } = plateSides(p);
  return span === 'short-side' ? b : a;
}

/** Thickness [mm] at which y_max = α q b⁴/(E t³) equals L/limit: t = (α q b⁴ · limit / (E L))^(1/3). */
export function thicknessForDeflection(p: PlateLoad, limit: number, span: SpanDefinition): number {
  const { b } = plateSides(p);
  const L = spanLength(p, span);
  return Math.cbrt((plateAlpha(p) * p.pressureMPa * b ** 4 * limit) / (p.E * L));
}

/** Thickness [mm] at which σ_max = β q b²/t² equals the allowable stress [MPa]. */
export function thicknessForStress(p: PlateLoad, allowableMPa: number): number {
  const { b, aspect } = plateSides(p);
  return b * Math.sqrt((roarkBeta(p.edge, aspect) * p.pressureMPa) / allowableMPa);
}

/** Centre deflection [mm] of the plate of thickness t [mm]. */
export function plateDeflection(p: PlateLoad, t: number): number {
  const { b } = plateSides(p);
  return (plateAlpha(p) * p.pressureMPa * b ** 4) / (p.E * t ** 3);
}

/** Maximum bending stress [MPa] of the plate of thickness t [mm]. */
export function plateStress(p: PlateLoad, t: number): number {
  const { b, aspect } = plateSides(p);
  return (roarkBeta(p.edge, aspect) * p.pressureMPa * b * b) / (t * t);
}
