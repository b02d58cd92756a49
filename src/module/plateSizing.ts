import {
  type PlateLoad,
  plateDeflection,
  plateStress,
  type SpanDefinition,
  spanLength,
  thicknessForDeflection,
  thicknessForStress,
} from './plate';

/** What a plate sizer is asked: the lightest plate that meets the deflection (and optionally stress) limit. */
export interface PlateSizingRequest extends PlateLoad {
  /** yield strength of the plate material [MPa] */
  yieldMPa: number;
  /** deflection limit: y_max ≤ L / limit */
  deflectionLimit: number;
  span: SpanDefinition;
  /** safety factor on yield for the bending stress; 0 = no stress check (plates-only mode) */
  stressSafetyFactor: number;
  /**
   * The real layout, for sizers that use it (the FE sizer): the loaded cell footprint [mm]
   * centred in the span, and the bolts spread evenly along the span's perimeter.
   */
  layout?: { footprintWidthMm: number; footprintLengthMm: number; boltCount: number; boltDiameterMm: number };
}

/** A sized plate and how close it is to each limit. */
export interface PlateSizing {
  /** [mm] */
  thicknessMm: number;
  governedBy: 'deflection' | 'stress';
  /** centre deflection and its allowance [mm] */
  deflectionMm: number;
  allowedDeflectionMm: number;
  /** maximum bending stress and the allowable [MPa]; allowable is Infinity without a stress check */
  stressMPa: number;
  allowableStressMPa: number;
  method: string;
}

/** Sizes an end plate. Roark below; other sizers plug in with the same signature. */
export type PlateSizer = (req: PlateSizingRequest) => PlateSizing;

/** Roark Table 11.4 sizing: the larger of the deflection- and stress-governed thicknesses. */
export const roarkPlateSizer: PlateSizer = (req) => {
  const load: PlateLoad = req;
  const tDeflection = thicknessForDeflection(load, req.deflectionLimit, req.span);
  const allowable =
    req.stressSafetyFactor > 0 ? req.yieldMPa / req.stressSafetyFactor : Number.POSITIVE_INFINITY;
  const tStress = Number.isFinite(allowable) ? thicknessForStress(load, allowable) : 0;
  const t = Math.max(tDeflection, tStress);
  return {
    thicknessMm: t,
    governedBy: tStress > tDeflection ? 'stress' : 'deflection',
    deflectionMm: plateDeflection(load, t),
    allowedDeflectionMm: spanLength(load, req.span) / req.deflectionLimit,
    stressMPa: plateStress(load, t),
    allowableStressMPa: allowable,
    method: `Roark Table 11.4 (${req.edge === 'clamped' ? 'case 8a' : 'case 1a'})`,
  };
};

// The FE sizer (fePlateSizer.ts) implements PlateSizer on the solver's MITC4 plate with the real bolt layout.
