import { useMemo } from 'react';
import type { BoltHardware } from '../../../src/presentation/stackGeometry';
import type { SceneMaterials } from './materials';
import { SpringHelix } from './SpringHelix';

export interface BoltAssemblyProps {
  bolt: BoltHardware;
  /** z of the top face of the top plate and of the bottom face of the bottom plate at the bolt (deformed) [mm] */
  zTopFace: number;
  zBottomFace: number;
  materials: SceneMaterials;
}

const rotX: [number, number, number] = [Math.PI / 2, 0, 0];

/** A through bolt: shank, washers and hex nuts on both faces, and the spring stack under the upper nut. */
export function BoltAssembly({ bolt, zTopFace, zBottomFace, materials }: BoltAssemblyProps) {
  const d = bolt.diameter;
  const washerT = Math.max(1, 0.2 * d);
  const nutH = 0.8 * d;
  const nutR = 0.9 * d;
  const springLength = bolt.springs ? bolt.springs.count * bolt.springs.freeLength * 1.6 : 0;
  const layout = useMemo(() => {
    const topWasher = zTopFace + washerT / 2;
    const springBase = zTopFace + washerT;
    const upperWasher = springBase + springLength + (bolt.springs ? washerT / 2 : -washerT / 2);
    const topNut = upperWasher + (bolt.springs ? washerT / 2 : washerT / 2) + nutH / 2;
    const bottomWasher = zBottomFace - washerT / 2;
    const bottomNut = zBottomFace - washerT - nutH / 2;
    const shankTop = topNut + nutH / 2 + 0.6 * d;
    const shankBottom = bottomNut - nutH / 2 - 0.6 * d;
    return { topWasher, springBase, upperWasher, topNut, bottomWasher, bottomNut, shankTop, shankBottom };
  }, [zTopFace, zBottomFace, washerT, nutH, springLength, d, bolt.springs]);
  const shankLength = layout.shankTop - layout.shankBottom;
  return (
    <group position={[bolt.x, bolt.y, 0]}>
      <mesh
        material={materials.bolt}
        rotation={rotX}
        position={[0, 0, (layout.shankTop + layout.shankBottom) / 2]}
      >
        <cylinderGeometry args={[d / 2, d / 2, shankLength, 20]} />
      </mesh>
      <mesh material={materials.washer} rotation={rotX} position={[0, 0, layout.topWasher]}>
        <cylinderGeometry args={[bolt.washerDiameter / 2, bolt.washerDiameter / 2, washerT, 32]} />
      </mesh>
      {bolt.springs && (
        <>
          <SpringHelix
            radius={0.36 * bolt.washerDiameter}
            length={springLength}
            wire={0.07 * bolt.washerDiameter}
            turns={Math.max(3, bolt.springs.count + 1)}
            position={[0, 0, layout.springBase]}
            material={materials.spring}
          />
          <mesh material={materials.washer} rotation={rotX} position={[0, 0, layout.upperWasher]}>
            <cylinderGeometry args={[bolt.washerDiameter / 2, bolt.washerDiameter / 2, washerT, 32]} />
          </mesh>
        </>
      )}
      <mesh material={materials.steelDark} rotation={rotX} position={[0, 0, layout.topNut]}>
        <cylinderGeometry args={[nutR, nutR, nutH, 6]} />
      </mesh>
      <mesh material={materials.washer} rotation={rotX} position={[0, 0, layout.bottomWasher]}>
        <cylinderGeometry args={[bolt.washerDiameter / 2, bolt.washerDiameter / 2, washerT, 32]} />
      </mesh>
      <mesh material={materials.steelDark} rotation={rotX} position={[0, 0, layout.bottomNut]}>
        <cylinderGeometry args={[nutR, nutR, nutH, 6]} />
      </mesh>
    </group>
  );
}
