import { useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { Plane, Vector3 } from 'three';

export interface SectionClippingProps {
  enabled: boolean;
  /** keeps x ≤ at [mm] */
  at: number;
}

/** A section plane normal to x, applied to every material through the renderer's clipping planes. */
export function SectionClipping({ enabled, at }: SectionClippingProps) {
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  const plane = useMemo(() => new Plane(new Vector3(-1, 0, 0), 0), []);
  useEffect(() => {
    plane.constant = at;
    gl.clippingPlanes = enabled ? [plane] : [];
    invalidate();
  }, [enabled, at, gl, plane, invalidate]);
  return null;
}
