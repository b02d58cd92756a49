import { useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useMemo } from 'react';
import type { Material } from 'three';
import type { ResultFields } from '../../../src/presentation/resultFields';
import type { SlabPart } from '../../../src/presentation/stackGeometry';
import { createSlabGeometry, updateSlabHeights, updateSlabScalar } from './slabGeometry';

export interface DeformableSlabProps {
  part: SlabPart;
  fields: ResultFields;
  /** per plate layer: the w to draw [mm] */
  deflection: Float64Array[];
  exaggeration: number;
  exploded: boolean;
  /** [top face, bottom face, sides] */
  materials: [Material, Material, Material];
  /** nodal pressure [MPa] painted through the pressure scale on the top and bottom faces (0 = open) */
  scalar?: { values: Float64Array; min: number; max: number } | null;
}

/** One plate, pad or cell: geometry built once per solved mesh, heights and colours updated in place. */
export function DeformableSlab({
  part,
  fields,
  deflection,
  exaggeration,
  exploded,
  materials,
  scalar,
}: DeformableSlabProps) {
  const invalidate = useThree((s) => s.invalidate);
  const slab = useMemo(() => createSlabGeometry(fields.meshX, fields.meshY, part.rect), [fields, part.rect]);
  useEffect(() => () => slab.geometry.dispose(), [slab]);

  useLayoutEffect(() => {
    const wu = deflection[part.upper];
    const wl = deflection[part.lower];
    const lift = exploded ? part.lift : 0;
    const at = (frac: number, z: number) => (n: number) =>
      z + lift + exaggeration * (wl[n] + frac * (wu[n] - wl[n]));
    updateSlabHeights(slab, at(part.frac0, part.z0), at(part.frac1, part.z1));
    invalidate();
  }, [slab, deflection, part, exaggeration, exploded, invalidate]);

  useLayoutEffect(() => {
    if (!scalar) return;
    updateSlabScalar(slab, scalar.values, scalar.min, scalar.max);
    invalidate();
  }, [slab, scalar, invalidate]);

  return (
    <mesh
      geometry={slab.geometry}
      material={materials}
      castShadow={false}
      receiveShadow={false}
      name={part.name}
    />
  );
}
