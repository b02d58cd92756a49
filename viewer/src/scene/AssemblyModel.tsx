import type { ThreeEvent } from '@react-three/fiber';
import { memo, useMemo } from 'react';
import type { Material } from 'three';
import type { ResultFields } from '../../../src/presentation/resultFields';
import type { SlabPart } from '../../../src/presentation/stackGeometry';
import { nearestLine } from '../domain/probe';
import { BoltAssembly } from './BoltAssembly';
import { DeformableSlab } from './DeformableSlab';
import type { SceneMaterials } from './materials';

export interface AssemblyView {
  exaggeration: number;
  exploded: boolean;
  interfaceIndex: number;
  /** colour range of the pressure faces [MPa] */
  range: { min: number; max: number };
  /** the nodal pressure painted on the chosen interface's solids [MPa] (its load state's) */
  pressure: Float64Array | null;
}

export interface AssemblyModelProps {
  fields: ResultFields;
  /** per plate layer: the w to draw [mm] */
  deflection: Float64Array[];
  view: AssemblyView;
  materials: SceneMaterials;
  onProbe: (point: { x: number; y: number } | null) => void;
}

function partMaterials(part: SlabPart, m: SceneMaterials, painted: boolean): [Material, Material, Material] {
  switch (part.kind) {
    case 'plate':
      return [m.steel, m.steel, m.steel];
    case 'base':
      return [m.base, m.base, m.base];
    case 'gasket':
      return painted ? [m.pressure, m.pressure, m.gasket] : [m.gasket, m.gasket, m.gasket];
    case 'cell':
      return painted ? [m.pressure, m.pressure, m.cellSide] : [m.cellFace, m.cellFace, m.cellSide];
  }
}

// how far the drawn ground runs past the plate on each side [mm], so it reads as a base, not a plate
const GROUND_MARGIN = 12;

/**
 * A rigid base: in the model it has no thickness (z0 = z1 = its top face), so it is drawn as a
 * thin ground plane just under that face (the cells' bottom faces lie on it).
 */
function GroundPlane({ part, materials }: { part: SlabPart; materials: SceneMaterials }) {
  const { x0, y0, x1, y1 } = part.rect;
  return (
    <mesh
      name={part.name}
      material={materials.base}
      position={[(x0 + x1) / 2, (y0 + y1) / 2, part.z1 - 0.05]}
    >
      <planeGeometry args={[x1 - x0 + 2 * GROUND_MARGIN, y1 - y0 + 2 * GROUND_MARGIN]} />
    </mesh>
  );
}

/**
 * The module: plates, pads, the cell stack and the bolts. The pads and cells between two plates carry the
 * same pressure (they act in series), so all their faces are painted with the chosen interface's map.
 */
export const AssemblyModel = memo(function AssemblyModel({
  fields,
  deflection,
  view,
  materials,
  onProbe,
}: AssemblyModelProps) {
  const layout = fields.stack;
  const scalar = useMemo(
    () => (view.pressure ? { values: view.pressure, min: view.range.min, max: view.range.max } : null),
    [view.pressure, view.range.min, view.range.max],
  );
  const nx = fields.meshX.length;
  const boltNodes = useMemo(
    () => layout.bolts.map((b) => nearestLine(fields.meshY, b.y) * nx + nearestLine(fields.meshX, b.x)),
    [layout.bolts, fields, nx],
  );
  const wTop = deflection[layout.topLayer];
  const wBottom = deflection[layout.bottomLayer];
  const move = (e: ThreeEvent<PointerEvent>) => {
    e.stopPropagation();
    onProbe({ x: e.point.x, y: e.point.y });
  };
  return (
    <group onPointerMove={move} onPointerOut={() => onProbe(null)}>
      {layout.parts.map((part) => {
        if (part.kind === 'base')
          return <GroundPlane key={`${part.name}@base`} part={part} materials={materials} />;
        const painted =
          (part.kind === 'cell' || part.kind === 'gasket') && part.interfaceIndex === view.interfaceIndex;
        return (
          <DeformableSlab
            key={`${part.name}@${part.rect.x0},${part.rect.y0},${part.z0}`}
            part={part}
            fields={fields}
            deflection={deflection}
            exaggeration={view.exaggeration}
            exploded={view.exploded}
            materials={partMaterials(part, materials, painted)}
            scalar={painted ? scalar : null}
          />
        );
      })}
      {layout.bolts.map((b, i) => (
        <BoltAssembly
          key={`${b.x},${b.y}`}
          bolt={b}
          materials={materials}
          zTopFace={
            layout.zTop + (view.exploded ? layout.topLift : 0) + view.exaggeration * wTop[boltNodes[i]]
          }
          zBottomFace={layout.zBottom + view.exaggeration * wBottom[boltNodes[i]]}
        />
      ))}
    </group>
  );
});
