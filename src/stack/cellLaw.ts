import type { CompressionLaw } from '../case/schema';
import type { LayerCompliance } from './layerCompliance';

/** One pouch cell of thickness t [mm] as a layer: linear modulus or tabulated pressure–strain. */
export function cellLayer(law: CompressionLaw, thickness: number): LayerCompliance {
  if (law.type === 'linear')
    return {
      label: `cell ${thickness} mm, E ${law.modulus} MPa`,
      p: [0, 1],
      d: [0, thickness / law.modulus],
    };
  return {
    label: `cell ${thickness} mm, tabulated`,
    p: [...law.pressure],
    d: law.strain.map((e) => e * thickness),
  };
}
