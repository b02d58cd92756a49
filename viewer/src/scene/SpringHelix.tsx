import { useEffect, useMemo } from 'react';
import type { Material } from 'three';
import { Curve, TubeGeometry, Vector3 } from 'three';

class Helix extends Curve<Vector3> {
  constructor(
    private readonly radius: number,
    private readonly height: number,
    private readonly turns: number,
  ) {
    super();
  }
  override getPoint(t: number, target = new Vector3()): Vector3 {
    const a = 2 * Math.PI * this.turns * t;
    return target.set(this.radius * Math.cos(a), this.radius * Math.sin(a), this.height * t);
  }
}

export interface SpringHelixProps {
  /** mean coil radius, axial length and wire radius [mm] */
  radius: number;
  length: number;
  wire: number;
  turns: number;
  position: [number, number, number];
  material: Material;
}

/** A coil spring drawn as a helix tube from `position` upward. */
export function SpringHelix({ radius, length, wire, turns, position, material }: SpringHelixProps) {
  const geometry = useMemo(
    () => new TubeGeometry(new Helix(radius, length, turns), Math.ceil(24 * turns), wire, 8, false),
    [radius, length, wire, turns],
  );
  useEffect(() => () => geometry.dispose(), [geometry]);
  return <mesh geometry={geometry} material={material} position={position} />;
}
